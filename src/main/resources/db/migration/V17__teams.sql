-- Teams (Coverage beyond the switch): named groups of an account's users. A user may belong to
-- several. A conversation has at most one team and at most one assignee; with a team and no
-- assignee it waits in that team's queue.
create table team (
    id          uuid primary key,
    account_id  uuid        not null references account (id),
    name        text        not null,
    created_at  timestamptz not null,
    unique (account_id, id)
);
create unique index team_name_key on team (account_id, lower(name));

create table team_member (
    account_id  uuid        not null,
    team_id     uuid        not null,
    user_id     uuid        not null,
    added_at    timestamptz not null,
    primary key (team_id, user_id),
    foreign key (account_id, team_id) references team (account_id, id) on delete cascade,
    foreign key (account_id, user_id) references app_user (account_id, id)
);
create index team_member_user_idx on team_member (account_id, user_id);

-- Deleting a team never loses a conversation: it leaves the team (and so the queue), keeps its
-- assignee, and one that waited in the queue waits with no team (in Unassigned).
alter table conversation add column team_id uuid;
alter table conversation add constraint conversation_team_fk foreign key (account_id, team_id)
    references team (account_id, id) on delete set null (team_id);
create index conversation_queue_idx on conversation (account_id, team_id, last_activity_at desc)
    where assignee_id is null and status = 'OPEN';

-- A conversation put in a team's queue says so on its timeline (an ASSIGNED event with no
-- assignee and that team).
alter table conversation_event add column team_id uuid;

-- The team that conversations from unknown customers start in, per number (and for the simulator).
alter table sms_number add column team_id uuid;
alter table sms_number add constraint sms_number_team_fk foreign key (account_id, team_id)
    references team (account_id, id) on delete set null (team_id);
create table simulator_settings (
    account_id  uuid primary key references account (id),
    team_id     uuid,
    foreign key (account_id, team_id) references team (account_id, id) on delete set null (team_id)
);
alter table conversation_event drop constraint conversation_event_type_check;
alter table conversation_event add constraint conversation_event_type_check
    check (type in ('ASSIGNED', 'CLOSED', 'REOPENED', 'KEPT', 'LATE_FAILURE', 'TEAM'));
