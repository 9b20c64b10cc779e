-- pgbench: exactly the statements Switchboard runs for one inbound text that stays with its
-- assignee (the common case), in the same order and transactions, for a random customer of the
-- benchmark account (see bench/README.md). Run with -M prepared and -D customers=N.
\set n random(1, :customers)
-- The webhook finds the account and its credentials by the number texted.
select s.account_id as acc, s.provider, s.account_sid, s.auth_token_encrypted
    from sms_number n join sms_settings s on s.account_id = n.account_id where n.phone = '+15145550000' \gset
begin;
insert into inbound_receipt (provider_sid, account_id, received_at) values (gen_random_uuid()::text, :acc, now())
    on conflict (provider_sid) do nothing;
select id as cust from customer where account_id = :acc and phone = '+1' || (2000000000 + :n)::text \gset
select c.id as conv, c.assignee_id as assignee, cu.name from conversation c join customer cu on cu.id = c.customer_id
    where c.account_id = :acc and c.customer_id = :cust for update of c \gset
insert into message (id, account_id, conversation_id, kind, body, author_id, delivery_status, created_at)
    values (gen_random_uuid(), :acc, :conv, 'INBOUND', 'Is my car ready?', null, null, now()) returning id as msg \gset
update conversation set last_activity_at = greatest(last_activity_at, now()), last_message_preview = 'Is my car ready?',
    last_message_kind = 'INBOUND' where account_id = :acc and id = :conv;
update message set provider_sid = gen_random_uuid()::text where account_id = :acc and id = :msg;
-- The routing step: the assignee, their periods that have not ended and, when there are some, their
-- lock shared with other messages (never a start or an end at the same time) and the periods read
-- again. Here always: the costlier case.
select id, account_id, name, email, role, time_zone, locale, active, created_at from app_user
    where account_id = :acc and id = :assignee;
select * from away_period where account_id = :acc and user_id = :assignee and ended_at is null
    order by coalesce(start_at, start_on::timestamptz), id;
select pg_advisory_xact_lock_shared(hashtextextended(cast(:assignee as text), 0));
select * from away_period where account_id = :acc and user_id = :assignee and ended_at is null
    order by coalesce(start_at, start_on::timestamptz), id;
-- The live log, last, in one statement: the per-account lock, the entry, the notification sent at commit.
with written as (
    insert into live_event (account_id, user_id, type, payload)
    select :acc, e.user_id, e.type, cast(e.payload as jsonb)
    from unnest(cast(array[null] as uuid[]), cast(array['message.created'] as text[]),
                cast(array['{"kind": "INBOUND"}'] as text[])) with ordinality as e(user_id, type, payload, n)
    cross join (select pg_advisory_xact_lock(4606, hashtext(cast(:acc as text)))) as locked
    order by e.n
    returning id)
select pg_notify('switchboard_bench', 'events:' || string_agg(id::text, ',' order by id)) from written;
commit;
