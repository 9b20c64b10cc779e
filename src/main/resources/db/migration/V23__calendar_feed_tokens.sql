-- R24: each user's secret address of the team calendar's iCalendar feed. Only the SHA-256 of the
-- token is kept, as for API tokens; one per user: making a new one replaces the old (whose address
-- then answers 404), turning the feed off deletes it.
create table calendar_feed (
    account_id  uuid        not null,
    user_id     uuid        not null,
    token_hash  bytea       not null unique,
    created_at  timestamptz not null,
    primary key (account_id, user_id),
    foreign key (account_id, user_id) references app_user (account_id, id)
);
