package com.switchboard.web.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.switchboard.accounts.User;
import com.switchboard.accounts.Users;
import com.switchboard.away.AwayNow;
import com.switchboard.away.AwayStatuses;
import com.switchboard.teams.Teams;
import com.switchboard.web.NameFragments;
import com.switchboard.web.People;
import com.switchboard.web.Person;

/**
 * Builds a page's people directory: every user of the account with their away status and who
 * covers for them.
 *
 * <p>Every page needs it and it rarely changes, so each node keeps one per account and reuses it
 * while the account's people version (moved on by the database whenever a user or an away period
 * changes, on any node: migration V10) stays the same, and until the next return date passes. A
 * page then costs one small query for it instead of reading the whole team.
 */
@Component
class PeopleDirectory implements People.Loader {

    // Accounts whose directory a node keeps; past that, it starts over (each is a few kilobytes).
    private static final int KEPT_ACCOUNTS = 10_000;

    private final Users users;
    private final AwayStatuses away;
    private final NameFragments names;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<UUID, Snapshot> kept = new ConcurrentHashMap<>();
    private final AtomicLong stamps = new AtomicLong();

    // The directory as read at `at`: good for the same version until `holdsUntil` (a return date).
    private record Snapshot(long version, Instant at, Instant holdsUntil, People.Directory directory) {

        boolean servesAt(long currentVersion, Instant now) {
            return version == currentVersion && !now.isBefore(at) && (holdsUntil == null || now.isBefore(holdsUntil));
        }
    }

    private final Teams teams;

    PeopleDirectory(Users users, AwayStatuses away, NameFragments names, JdbcClient jdbc, Clock clock, Teams teams) {
        this.teams = teams;
        this.users = users;
        this.away = away;
        this.names = names;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The people of an account, whose names render for the viewer of the current request. */
    @Override
    public People of(UUID accountId) {
        return new People(() -> load(accountId), (person, inControl) -> names.html(person, inControl,
                LocaleContextHolder.getLocale(), LocaleContextHolder.getTimeZone().toZoneId()));
    }

    private People.Directory load(UUID accountId) {
        // The version first: a change committed while the rest is read leaves a newer version
        // behind, so the next page reads again.
        long version = version(accountId);
        Instant now = clock.instant();
        var snapshot = kept.get(accountId);
        if (snapshot != null && snapshot.servesAt(version, now)) {
            return snapshot.directory();
        }
        var all = users.all(accountId);
        var byId = all.stream().collect(Collectors.toMap(User::id, Function.identity()));
        var team = away.awayWithCoverage(accountId, all, now);
        Map<UUID, String> teamNames = new HashMap<>();
        teams.all(accountId).forEach(t -> teamNames.put(t.id(), t.name()));
        var people = all.stream()
                .map(u -> new Person(u.id(), u.name(), u.active(), awayNote(u, team.of(u.id()), byId, teamNames)))
                .toList();
        if (kept.size() >= KEPT_ACCOUNTS) {
            kept.clear();
        }
        var directory = new People.Directory(stamps.incrementAndGet(), people);
        kept.put(accountId, new Snapshot(version, now, team.holdsUntil(), directory));
        return directory;
    }

    private long version(UUID accountId) {
        return jdbc.sql("select version from people_version where account_id = :accountId")
                .param("accountId", accountId)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    private static Person.Away awayNote(User user, AwayNow away, Map<UUID, User> byId, Map<UUID, String> teamNames) {
        if (away == null) {
            return null;
        }
        var status = away.status();
        User delegate = status.delegateId() == null ? null : byId.get(status.delegateId());
        var coverage = new Person.Coverage(away.coverage().reason(), delegate == null ? null : delegate.id(),
                delegate == null ? null : delegate.name(), teamNames.get(away.coverage().queueTeamId()));
        User setBy = status.updatedBy() == null || status.updatedBy().equals(user.id()) ? null
                : byId.get(status.updatedBy());
        return new Person.Away(coverage, status.returnOn(), status.returnOn() == null ? status.returnAt() : null,
                status.message(), setBy == null ? null : setBy.name());
    }
}
