-- The SMS provider of each account (none: the simulator where it is on).
create table sms_settings (
    account_id           uuid primary key references account (id),
    provider             text        not null check (provider in ('SIMULATOR', 'TWILIO')),
    account_sid          text,
    -- AES-GCM under the deployment's key (switchboard.secret-key); never the token itself.
    auth_token_encrypted text,
    updated_at           timestamptz not null,
    updated_by           uuid        not null,
    check (provider <> 'TWILIO' or (account_sid is not null and auth_token_encrypted is not null))
);

-- The account's own numbers: an inbound text finds its account by the number it was sent to.
create table sms_number (
    phone       text primary key,
    account_id  uuid not null references account (id)
);
create index sms_number_account_idx on sms_number (account_id);

-- The provider's id of each message: a webhook delivered twice is stored once, and delivery
-- reports find their message.
alter table message add column provider_sid text;
alter table message add column delivery_error_code text;
create unique index message_provider_sid_key on message (provider_sid);

-- Opt-out (STOP / START), as carriers require.
alter table customer add column unsubscribed_at timestamptz;

-- Each provider message taken in, claimed first in the transaction that stores it: a webhook
-- delivered twice, even at the same moment, is stored once (the second claim finds the first).
create table inbound_receipt (
    provider_sid text primary key,
    account_id   uuid        not null references account (id),
    received_at  timestamptz not null
);
