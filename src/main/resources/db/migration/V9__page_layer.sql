-- A text that stays with an away assignee says why on the timeline (R5, R6, R7).
alter table conversation_event drop constraint conversation_event_type_check;
alter table conversation_event add constraint conversation_event_type_check
    check (type in ('ASSIGNED', 'CLOSED', 'REOPENED', 'KEPT'));

-- Lists show who wrote the newest message, not "You" for everyone.
alter table conversation add column last_message_author_id uuid;
update conversation c set last_message_author_id = (
    select m.author_id from message m
    where m.account_id = c.account_id and m.conversation_id = c.id
    order by m.seq desc limit 1);

-- Search ignores case and accents: "levesque" finds "David Lévesque". The same function folds the
-- stored name and what is typed, so both sides agree.
create function switchboard_fold(text) returns text language sql immutable strict parallel safe as $$
    select replace(replace(translate(lower($1),
        'àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž',
        'aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzz'),
        'œ', 'oe'), 'æ', 'ae')
$$;
create index customer_folded_name_idx on customer (account_id, switchboard_fold(name));

-- A new account's first steps (invite teammates, try the simulator, connect a number) show until
-- they are done or an admin dismisses them.
alter table account add column first_steps_dismissed_at timestamptz;

-- Web Push: the deployment's VAPID key pair (one row, made by the first node that needs it) and
-- each browser a user turned notifications on in.
create table push_vapid_keys (
    id           smallint primary key check (id = 1),
    public_key   text        not null,
    private_key  text        not null,
    created_at   timestamptz not null
);
create table push_subscription (
    id           uuid primary key,
    account_id   uuid        not null,
    user_id      uuid        not null,
    endpoint     text        not null unique,
    p256dh       text        not null,
    auth         text        not null,
    browser      text,
    created_at   timestamptz not null,
    last_sent_at timestamptz,
    foreign key (account_id, user_id) references app_user (account_id, id)
);
create index push_subscription_user_idx on push_subscription (account_id, user_id);
