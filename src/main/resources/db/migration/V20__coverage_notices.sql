-- R21: the delegate knows. When a period with a delegate starts (or someone becomes the delegate),
-- and when it ends, the delegate (or each member of the delegate team) is told in the app.
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check
    check (kind in ('ASSIGNED', 'REASSIGNED_AWAY', 'WEBHOOK_DISABLED', 'QUEUED_AWAY', 'COVERING_STARTED',
                    'COVERING_ENDED'));
alter table notification drop constraint notification_conversation_check;
alter table notification add constraint notification_conversation_check
    check (kind in ('WEBHOOK_DISABLED', 'COVERING_STARTED', 'COVERING_ENDED') or conversation_id is not null);
