-- The live events of every account, kept for a short while so that a client that reconnects
-- receives what it missed (Last-Event-ID). Ids grow in commit order within an account: events
-- are written last in their transaction, under a per-account lock.
create table live_event (
    id          bigserial   primary key,
    account_id  uuid        not null references account (id),
    -- Only this user receives it (their notifications); null for everyone of the account.
    user_id     uuid,
    type        text        not null,
    payload     jsonb       not null,
    created_at  timestamptz not null default now()
);
create index live_event_account_idx on live_event (account_id, id);
create index live_event_created_idx on live_event (created_at);

-- How far the log has been pruned: a client whose last event is older must refresh its view.
create table live_event_horizon (
    singleton   boolean primary key default true check (singleton),
    pruned_through bigint not null
);
insert into live_event_horizon (pruned_through) values (0);
