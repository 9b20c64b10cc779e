-- One row per stretch of away mode, kept forever as history. A user has at most one open period
-- (ended_at is null); whether they are away at an instant is derived from it, never stored as a flag.
create table away_period (
    id           uuid primary key,
    account_id   uuid        not null,
    user_id      uuid        not null,
    delegate_id  uuid,
    started_at   timestamptz not null,
    -- The first day back, in the user's own time zone: away ends at 00:00 of it.
    return_on    date,
    -- Or an exact instant, when one was given instead of a date.
    return_at    timestamptz,
    message      text,
    started_by   uuid        not null,
    updated_at   timestamptz not null,
    updated_by   uuid        not null,
    ended_at     timestamptz,
    end_reason   text check (end_reason in ('TURNED_OFF', 'RETURN_DATE', 'ADMIN')),
    ended_by     uuid,
    check (return_on is null or return_at is null),
    check ((ended_at is null) = (end_reason is null)),
    foreign key (account_id, user_id) references app_user (account_id, id),
    foreign key (account_id, delegate_id) references app_user (account_id, id),
    foreign key (account_id, started_by) references app_user (account_id, id),
    foreign key (account_id, updated_by) references app_user (account_id, id),
    foreign key (account_id, ended_by) references app_user (account_id, id)
);
create unique index away_period_one_open_per_user on away_period (user_id) where ended_at is null;
create index away_period_open_idx on away_period (account_id) where ended_at is null;
create index away_period_history_idx on away_period (account_id, user_id, started_at desc);

-- The conversations an away period handed to the delegate.
create table away_reassignment (
    account_id       uuid        not null,
    period_id        uuid        not null references away_period (id),
    conversation_id  uuid        not null,
    to_user_id       uuid        not null,
    reassigned_at    timestamptz not null,
    foreign key (account_id, conversation_id) references conversation (account_id, id),
    foreign key (account_id, to_user_id) references app_user (account_id, id)
);
create index away_reassignment_period_idx on away_reassignment (period_id, reassigned_at);

-- ShedLock: scheduled work (the return-date job) runs on one node at a time.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
