-- Where mail is configured, a sign-up waits here until its address is confirmed by the link
-- mailed to it (the token is kept as a hash, the password as its bcrypt hash); a day at most.
create table pending_sign_up (
    token_hash    bytea       primary key,
    account_name  text        not null,
    name          text        not null,
    email         text        not null,
    password_hash text        not null,
    time_zone     text        not null,
    locale        text        not null,
    created_at    timestamptz not null
);
create index pending_sign_up_created_idx on pending_sign_up (created_at);
