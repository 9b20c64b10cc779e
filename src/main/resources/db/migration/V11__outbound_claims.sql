-- A reply accepted by the SMS provider is recorded as such (ACCEPTED) before anything could send
-- it again; QUEUED now means only "waiting in Switchboard's own queue".
alter table message drop constraint message_delivery_status_check;
alter table message add constraint message_delivery_status_check
    check (delivery_status in ('QUEUED', 'ACCEPTED', 'SENT', 'DELIVERED', 'FAILED', 'UNDELIVERED'));

-- The replies waiting to be sent, one row each until the provider's answer is recorded. A node
-- sends a reply only while it holds the row's claim (claimed_by, until claim_until), taken in the
-- database; asked_at is set, and committed, before the provider is asked, so that whoever takes
-- the claim next knows the provider may have the text already and looks it up before sending.
create table outbound_send (
    message_id      uuid        primary key references message (id) on delete cascade,
    account_id      uuid        not null,
    conversation_id uuid        not null,
    queued_at       timestamptz not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    claimed_by      text,
    claim_until     timestamptz,
    asked_at        timestamptz,
    last_error      text
);
create index outbound_send_due_idx on outbound_send (next_attempt_at);

-- Before this version Twilio's "queued" answer was stored as QUEUED beside the provider's id:
-- those were accepted. Replies really still waiting move to the new queue, and their old
-- publications go (they would otherwise be sent by both).
update message set delivery_status = 'ACCEPTED'
where kind = 'OUTBOUND' and delivery_status = 'QUEUED' and provider_sid is not null;
insert into outbound_send (message_id, account_id, conversation_id, queued_at, next_attempt_at)
select id, account_id, conversation_id, created_at, now()
from message
where kind = 'OUTBOUND' and delivery_status = 'QUEUED';
delete from event_publication
where listener_id like '%OutboundDelivery%' and completion_date is null;
