create table customer (
    id          uuid primary key,
    account_id  uuid        not null references account (id),
    name        text,
    phone       text        not null,
    created_at  timestamptz not null,
    unique (account_id, phone),
    unique (account_id, id)
);
create index customer_name_idx on customer (account_id, lower(name));

-- One continuous conversation per customer, like SMS.
create table conversation (
    id                uuid primary key,
    account_id        uuid        not null,
    customer_id       uuid        not null unique,
    status            text        not null check (status in ('OPEN', 'CLOSED')),
    assignee_id       uuid,
    last_activity_at  timestamptz not null,
    last_message_preview text,
    last_message_kind text,
    created_at        timestamptz not null,
    unique (account_id, id),
    foreign key (account_id, customer_id) references customer (account_id, id),
    foreign key (account_id, assignee_id) references app_user (account_id, id)
);
create index conversation_list_idx on conversation (account_id, status, last_activity_at desc);
create index conversation_assignee_idx on conversation (account_id, assignee_id, status, last_activity_at desc);

-- Messages and timeline events draw their order from one sequence, so the stream shows them
-- in the order they happened even when they share an instant.
create sequence timeline_seq;

create table message (
    id               uuid primary key,
    account_id       uuid        not null,
    conversation_id  uuid        not null,
    seq              bigint      not null default nextval('timeline_seq'),
    kind             text        not null check (kind in ('INBOUND', 'OUTBOUND', 'NOTE')),
    body             text        not null,
    author_id        uuid,
    delivery_status  text check (delivery_status in ('QUEUED', 'SENT', 'DELIVERED', 'FAILED', 'UNDELIVERED')),
    delivery_error   text,
    created_at       timestamptz not null,
    foreign key (account_id, conversation_id) references conversation (account_id, id),
    foreign key (account_id, author_id) references app_user (account_id, id),
    check ((kind = 'INBOUND') = (author_id is null))
);
create index message_conversation_idx on message (conversation_id, seq);

create table conversation_event (
    id               uuid primary key,
    account_id       uuid        not null,
    conversation_id  uuid        not null,
    seq              bigint      not null default nextval('timeline_seq'),
    type             text        not null check (type in ('ASSIGNED', 'CLOSED', 'REOPENED')),
    actor_id         uuid,
    from_user_id     uuid,
    to_user_id       uuid,
    reason           text,
    created_at       timestamptz not null,
    foreign key (account_id, conversation_id) references conversation (account_id, id),
    foreign key (account_id, actor_id) references app_user (account_id, id),
    foreign key (account_id, from_user_id) references app_user (account_id, id),
    foreign key (account_id, to_user_id) references app_user (account_id, id)
);
create index conversation_event_conversation_idx on conversation_event (conversation_id, seq);
