-- In-app notifications: a conversation given to someone, by a teammate or by the away rules.
create table notification (
    id               uuid primary key,
    account_id       uuid        not null,
    user_id          uuid        not null,
    kind             text        not null check (kind in ('ASSIGNED', 'REASSIGNED_AWAY')),
    conversation_id  uuid        not null,
    actor_id         uuid,
    from_user_id     uuid,
    created_at       timestamptz not null,
    read_at          timestamptz,
    foreign key (account_id, user_id) references app_user (account_id, id),
    foreign key (account_id, conversation_id) references conversation (account_id, id),
    foreign key (account_id, actor_id) references app_user (account_id, id),
    foreign key (account_id, from_user_id) references app_user (account_id, id)
);
create index notification_user_idx on notification (account_id, user_id, created_at desc);
create index notification_unread_idx on notification (account_id, user_id) where read_at is null;
