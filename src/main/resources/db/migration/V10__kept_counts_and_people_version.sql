-- What pages show on every request, kept up to date by the database instead of computed each time
-- (B3 in bench/README.md).

-- The counts beside the inbox filters (yours, unassigned, everyone's) are kept as conversations
-- change instead of being counted for every page: counting an account's open conversations was the
-- inbox page's most expensive statement, and grew with the account (B3 in bench/README.md).
--
-- One row per account and assignee (nobody's is the zero uuid), so that texts for different
-- teammates never wait on one row; everyone's count is the sum of an account's rows.
create table open_conversation_count (
    account_id   uuid    not null,
    assignee_key uuid    not null,
    open_count   integer not null,
    primary key (account_id, assignee_key)
);

-- A trigger rather than application code: every way a conversation changes (the inbox, the API,
-- inbound routing, away periods ending, a bulk load) keeps the counts right.
create function switchboard_count_open_conversations() returns trigger language plpgsql as $$
declare
    nobody constant uuid := '00000000-0000-0000-0000-000000000000';
    account uuid;
    was uuid;
    is_now uuid;
begin
    if tg_op in ('UPDATE', 'DELETE') then
        account := old.account_id;
        if old.status = 'OPEN' then was := coalesce(old.assignee_id, nobody); end if;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        account := new.account_id;
        if new.status = 'OPEN' then is_now := coalesce(new.assignee_id, nobody); end if;
    end if;
    if was is not distinct from is_now then
        return null;
    end if;
    -- Both rows in the order of their keys: two conversations moving between the same two teammates
    -- in opposite directions take the row locks in the same order and cannot deadlock.
    insert into open_conversation_count as counted (account_id, assignee_key, open_count)
    select account, change.key, change.delta
    from (values (was, -1), (is_now, 1)) as change (key, delta)
    where change.key is not null
    order by change.key
    on conflict (account_id, assignee_key) do update set open_count = counted.open_count + excluded.open_count;
    return null;
end
$$;

-- At commit (deferred), so that the count rows are locked only for the commit itself, however long
-- the transaction that changed the conversation runs.
create constraint trigger conversation_open_count
    after insert or delete or update of status, assignee_id on conversation
    deferrable initially deferred
    for each row execute function switchboard_count_open_conversations();

insert into open_conversation_count (account_id, assignee_key, open_count)
select account_id, coalesce(assignee_id, '00000000-0000-0000-0000-000000000000'), count(*)
from conversation
where status = 'OPEN'
group by 1, 2;

-- Pages show everyone of an account by name, with their away status and who covers for them; each
-- node keeps that directory and reuses it while this version stays the same (PeopleDirectory).
-- Any change to a user or an away period, on any node, moves it on at commit.
create table people_version (
    account_id uuid   primary key,
    version    bigint not null
);

create function switchboard_people_changed() returns trigger language plpgsql as $$
begin
    insert into people_version as known (account_id, version)
    values (coalesce(new.account_id, old.account_id), 1)
    on conflict (account_id) do update set version = known.version + 1;
    return null;
end
$$;

create constraint trigger app_user_people_version
    after insert or delete or update of name, email, role, time_zone, locale, active on app_user
    deferrable initially deferred
    for each row execute function switchboard_people_changed();

create constraint trigger away_period_people_version
    after insert or delete or update on away_period
    deferrable initially deferred
    for each row execute function switchboard_people_changed();

-- Lists are ordered by last activity, then id (for ties); with the id in the index, a page far
-- down the list (an OFFSET) walks the index alone, and only its 25 rows are read in full.
create index conversation_page_idx on conversation (account_id, status, last_activity_at desc, id desc);
create index conversation_assignee_page_idx on conversation (account_id, assignee_id, status, last_activity_at desc, id desc);
drop index conversation_list_idx;
drop index conversation_assignee_idx;
