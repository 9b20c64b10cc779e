-- R18: what R5 does when an away user's delegate is away too. KEEP (the seed rule R5, and the
-- default): the conversation stays with the away user. TEAM_QUEUE: it goes to the conversation's
-- team queue, else the away user's first team's, else nobody.
alter table account add column away_fallback text not null default 'KEEP'
    check (away_fallback in ('KEEP', 'TEAM_QUEUE'));

-- Who covers whom, as pages show it, depends on the setting and on teams too: their changes move
-- the people directory's version on (V10), so every node shows them at once.
create function switchboard_account_people_changed() returns trigger language plpgsql as $$
begin
    insert into people_version as known (account_id, version)
    values (new.id, 1)
    on conflict (account_id) do update set version = known.version + 1;
    return null;
end
$$;

create constraint trigger account_people_version
    after update of away_fallback on account
    deferrable initially deferred
    for each row execute function switchboard_account_people_changed();

create constraint trigger team_people_version
    after insert or delete or update of name on team
    deferrable initially deferred
    for each row execute function switchboard_people_changed();

create constraint trigger team_member_people_version
    after insert or delete on team_member
    deferrable initially deferred
    for each row execute function switchboard_people_changed();
