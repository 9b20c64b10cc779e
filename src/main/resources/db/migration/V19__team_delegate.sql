-- R17: the delegate of an away period may be a team instead of a teammate; the away user's new
-- conversations then go to that team's queue, and its members are told.
alter table away_period add column delegate_team_id uuid;
alter table away_period add constraint away_period_delegate_team_fk foreign key (account_id, delegate_team_id)
    references team (account_id, id) on delete set null (delegate_team_id);
alter table away_period add constraint away_period_one_delegate
    check (delegate_id is null or delegate_team_id is null);

alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check
    check (kind in ('ASSIGNED', 'REASSIGNED_AWAY', 'WEBHOOK_DISABLED', 'QUEUED_AWAY'));
