-- R22: an away period may be planned ahead, from a date (00:00 in the user's time zone, read with
-- the zone they have when it starts) or an exact instant. A user may then have several periods that
-- have not ended: the one in effect and those planned; the service keeps them from overlapping,
-- under the user's lock, because a date's instant depends on the time zone.
alter table away_period rename column started_at to start_at;
alter table away_period alter column start_at drop not null;
alter table away_period add column start_on date;
alter table away_period add constraint away_period_one_start check ((start_at is null) <> (start_on is null));
-- Set once, by whichever comes first (the request that turned it on, or the job at a planned
-- start): the start is announced (live, the delegate told, the handover) exactly once.
alter table away_period add column start_announced_at timestamptz;
update away_period set start_announced_at = start_at;
-- R19: hand over every open conversation at the start. R20: give back at the end what the period
-- moved and is still where it was put. Periods from before this choice existed leave them.
alter table away_period add column hand_over boolean not null default false;
alter table away_period add column hand_back boolean not null default false;
alter table away_period alter column hand_back set default true;
-- When the end was settled (hand-back done or not wanted), and when the returning user saw
-- "While you were away".
alter table away_period add column settled_at timestamptz;
alter table away_period add column summary_seen_at timestamptz;
update away_period set settled_at = ended_at, summary_seen_at = ended_at where ended_at is not null;

drop index away_period_one_open_per_user;
drop index away_period_history_idx;
create index away_period_not_ended_idx on away_period (account_id, user_id) where ended_at is null;
-- A user's periods are few: the history reads them all and sorts them.
create index away_period_history_idx on away_period (account_id, user_id);
create index away_period_to_announce_idx on away_period (account_id) where start_announced_at is null;

-- Each conversation a period moved: from whom (and from which team), to whom or to which queue,
-- how (by the away rules when the customer wrote, or handed over at the start), and what became
-- of it at the end.
alter table away_reassignment alter column to_user_id drop not null;
alter table away_reassignment add column from_user_id uuid;
alter table away_reassignment add column from_team_id uuid;
alter table away_reassignment add column to_team_id uuid;
alter table away_reassignment add column how text not null default 'AWAY_RULE'
    check (how in ('AWAY_RULE', 'HANDOVER'));
alter table away_reassignment add column outcome text
    check (outcome in ('GIVEN_BACK', 'MOVED_BY_HAND', 'CLOSED', 'LEFT'));
update away_reassignment r set from_user_id = p.user_id from away_period p where p.id = r.period_id;
alter table away_reassignment alter column from_user_id set not null;
alter table away_reassignment add constraint away_reassignment_to_someone
    check (to_user_id is not null or to_team_id is not null or how = 'AWAY_RULE');
alter table away_reassignment add constraint away_reassignment_from_fk foreign key (account_id, from_user_id)
    references app_user (account_id, id);
alter table away_reassignment add constraint away_reassignment_from_team_fk foreign key (account_id, from_team_id)
    references team (account_id, id) on delete set null (from_team_id);
alter table away_reassignment add constraint away_reassignment_to_team_fk foreign key (account_id, to_team_id)
    references team (account_id, id) on delete set null (to_team_id);
create index away_reassignment_conversation_idx on away_reassignment (conversation_id);
