-- R21 by email: mail written in the transaction that caused it, sent after commit by one node at a
-- time, and tried again with backoff while the mail server is down. Nothing is lost with a restart.
create table mail_outbox (
    id              uuid primary key,
    account_id      uuid        not null references account (id),
    to_address      text        not null,
    subject         text        not null,
    text_body       text        not null,
    html_body       text        not null,
    created_at      timestamptz not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    sent_at         timestamptz,
    last_error      text
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where sent_at is null;
