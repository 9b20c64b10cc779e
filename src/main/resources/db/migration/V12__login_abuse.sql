-- Attempts per client address (failed log-ins and token requests, sign-ups), counted in fixed
-- windows and shared by every node.
create table client_attempts (
    client       text        primary key,
    window_start timestamptz not null,
    attempts     int         not null
);

-- The browsers each email logged in from (a hash of the cookie they hold): they may still log in
-- while too many failures slow that email down for everyone else.
create table known_device (
    token_hash bytea       primary key,
    email      text        not null,
    created_at timestamptz not null
);

-- login_throttle.locked_until now means "slowed until": the wait doubles with each failure past
-- the fifth, up to 15 minutes, instead of a lock anyone could renew forever.
create index login_throttle_first_failure_idx on login_throttle (first_failure);
create index client_attempts_window_idx on client_attempts (window_start);
create index known_device_created_idx on known_device (created_at);
