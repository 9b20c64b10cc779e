-- Outgoing webhooks: the HTTPS endpoints an admin registers for the account's events, the events
-- themselves (one id per event, the one receivers de-duplicate on), and one delivery per event and
-- endpoint. The deliveries are the durable queue: written in the transaction of the change they
-- tell about, sent after it commits, oldest first per endpoint.
create table webhook_endpoint (
    id                   uuid        primary key,
    account_id           uuid        not null references account (id),
    url                  text        not null,
    -- AES-GCM under the deployment's key (switchboard.secret-key); never the secret itself.
    secret_encrypted     text        not null,
    event_types          text[]      not null,
    enabled              boolean     not null default true,
    disabled_at          timestamptz,
    -- Why it was turned off by Switchboard (repeated failures); null when on, or turned off by hand.
    disabled_reason      text,
    consecutive_failures int         not null default 0,
    created_at           timestamptz not null,
    created_by           uuid        not null,
    -- The node sending this endpoint's deliveries now, until claim_until (then anyone may take it).
    claimed_by           text,
    claim_until          timestamptz,
    unique (account_id, id),
    foreign key (account_id, created_by) references app_user (account_id, id)
);
create index webhook_endpoint_account_idx on webhook_endpoint (account_id, created_at);

create table webhook_event (
    id              uuid        primary key,
    account_id      uuid        not null references account (id),
    -- The order the events were written in; within a conversation, the order they happened in.
    seq             bigserial   not null unique,
    type            text        not null,
    conversation_id uuid,
    -- The exact JSON body sent, the same bytes on every attempt and replay.
    body            text        not null,
    created_at      timestamptz not null
);

create table webhook_delivery (
    id               uuid        primary key,
    account_id       uuid        not null,
    endpoint_id      uuid        not null,
    event_id         uuid        not null references webhook_event (id),
    seq              bigint      not null,
    -- PENDING: not tried yet; FAILED: its last attempt failed, it is tried again; DELIVERED: 2xx.
    state            text        not null check (state in ('PENDING', 'FAILED', 'DELIVERED')),
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null,
    last_attempt_at  timestamptz,
    last_status_code int,
    last_error       text,
    delivered_at     timestamptz,
    created_at       timestamptz not null,
    foreign key (account_id, endpoint_id) references webhook_endpoint (account_id, id) on delete cascade
);
-- What each endpoint still has to send, oldest first: the dispatcher's one question.
create index webhook_delivery_waiting_idx on webhook_delivery (endpoint_id, seq) where state <> 'DELIVERED';
create index webhook_delivery_log_idx on webhook_delivery (endpoint_id, seq desc);
create index webhook_delivery_event_idx on webhook_delivery (event_id);

-- Admins are told when an endpoint is turned off after repeated failures: a notification that is
-- about something else than a conversation.
alter table notification alter column conversation_id drop not null;
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check
    check (kind in ('ASSIGNED', 'REASSIGNED_AWAY', 'WEBHOOK_DISABLED'));
alter table notification add column subject_id uuid;
alter table notification add column detail text;
alter table notification add constraint notification_conversation_check
    check (kind = 'WEBHOOK_DISABLED' or conversation_id is not null);
