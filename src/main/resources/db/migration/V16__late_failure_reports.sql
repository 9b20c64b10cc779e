-- A carrier's failure report that arrives after the text was delivered does not undo "delivered"
-- (a status only moves forward), but it is not dropped either: it goes on the timeline, naming
-- the text and the carrier's error code. Once per text, however often the report is sent again.
-- (V14 and V15 are the outgoing webhooks', built beside this.)
alter table conversation_event add column message_id uuid, add column error_code text;
alter table conversation_event drop constraint conversation_event_type_check;
alter table conversation_event add constraint conversation_event_type_check
    check (type in ('ASSIGNED', 'CLOSED', 'REOPENED', 'KEPT', 'LATE_FAILURE'));
create unique index conversation_event_late_failure_once on conversation_event (message_id)
    where type = 'LATE_FAILURE';
