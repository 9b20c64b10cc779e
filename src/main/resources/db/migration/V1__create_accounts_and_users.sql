-- An account is one business (the tenant). Every row of tenant data carries its account_id.
create table account (
    id          uuid primary key,
    name        text        not null,
    time_zone   text        not null,
    country     char(2)     not null,
    created_at  timestamptz not null
);

create table app_user (
    id             uuid primary key,
    account_id     uuid        not null references account (id),
    name           text        not null,
    email          text        not null,
    password_hash  text        not null,
    role           text        not null check (role in ('ADMIN', 'AGENT')),
    time_zone      text        not null,
    locale         text        not null check (locale in ('en', 'fr')),
    active         boolean     not null default true,
    created_at     timestamptz not null,
    -- lets other tables reference (account_id, user_id), so a row can never point at a user of another account
    unique (account_id, id)
);

-- People log in with their email alone, so it is unique across accounts.
create unique index app_user_email_key on app_user (lower(email));
create index app_user_account_idx on app_user (account_id, name);

-- API tokens are stored as SHA-256 hashes; the token itself is shown once.
create table api_token (
    id            uuid primary key,
    account_id    uuid        not null,
    user_id       uuid        not null,
    name          text        not null,
    token_hash    bytea       not null unique,
    created_at    timestamptz not null,
    last_used_at  timestamptz,
    foreign key (account_id, user_id) references app_user (account_id, id)
);
create index api_token_user_idx on api_token (account_id, user_id);

-- Failed logins per email, so every node throttles the same way.
create table login_throttle (
    email         text primary key,
    failures      int         not null,
    first_failure timestamptz not null,
    locked_until  timestamptz
);
