package com.switchboard.web.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.switchboard.accounts.User;
import com.switchboard.accounts.Users;
import com.switchboard.away.AwayNow;
import com.switchboard.away.AwayStatuses;
import com.switchboard.web.People;
import com.switchboard.web.Person;

/**
 * Builds a page's people directory: every user of the account with their away status and who
 * covers for them, in two queries whatever the page shows.
 */
@Component
class PeopleDirectory implements People.Loader {

    private final Users users;
    private final AwayStatuses away;
    private final Clock clock;

    PeopleDirectory(Users users, AwayStatuses away, Clock clock) {
        this.users = users;
        this.away = away;
        this.clock = clock;
    }

    @Override
    public People of(UUID accountId) {
        return new People(() -> load(accountId));
    }

    private List<Person> load(UUID accountId) {
        var all = users.all(accountId);
        var byId = all.stream().collect(Collectors.toMap(User::id, Function.identity()));
        var awayNow = away.awayWithCoverage(accountId, all, clock.instant());
        return all.stream()
                .map(u -> new Person(u.id(), u.name(), u.active(), awayNote(u, awayNow.get(u.id()), byId)))
                .toList();
    }

    private static Person.Away awayNote(User user, AwayNow away, Map<UUID, User> byId) {
        if (away == null) {
            return null;
        }
        var status = away.status();
        User delegate = status.delegateId() == null ? null : byId.get(status.delegateId());
        var coverage = new Person.Coverage(away.coverage().reason(), delegate == null ? null : delegate.id(),
                delegate == null ? null : delegate.name());
        User setBy = status.updatedBy() == null || status.updatedBy().equals(user.id()) ? null
                : byId.get(status.updatedBy());
        return new Person.Away(coverage, status.returnOn(), status.returnOn() == null ? status.returnAt() : null,
                status.message(), setBy == null ? null : setBy.name());
    }
}
