package com.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.switchboard.away.AwayRouting;
import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.TestClock;

/**
 * Each node keeps an account's people (names, away statuses, who covers) between pages; what a
 * page shows must still be exact after any change and once a return date passes.
 */
@SwitchboardTest
class PeopleDirectoryTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    People.Loader directory;

    @Autowired
    TestClock clock;

    @Test
    void aPageShowsEveryChangeToAPersonTheMomentItIsMade() {
        var team = fixtures.team();
        var alice = fixtures.agent(team, "Alice Gagnon");
        var bob = fixtures.agent(team, "Bob Tremblay");
        UUID account = UUID.fromString(team.accountId());
        UUID bobId = UUID.fromString(bob.id());
        assertThat(directory.of(account).of(bobId).name()).isEqualTo("Bob Tremblay");

        api.patch("/api/v1/users/" + bob.id(), team.admin().token(), Map.of("name", "Robert Tremblay"));
        assertThat(directory.of(account).of(bobId).name()).isEqualTo("Robert Tremblay");

        var returnAt = clock.instant().plus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS);
        api.put("/api/v1/users/" + bob.id() + "/away", bob.token(),
                Map.of("away", true, "delegateId", alice.id(), "returnAt", returnAt.toString()));
        var away = directory.of(account).of(bobId);
        assertThat(away.isAway()).isTrue();
        assertThat(away.away().coverage().rule()).isEqualTo(AwayRouting.Reason.ASSIGNEE_AWAY);
        assertThat(away.away().coverage().delegateName()).isEqualTo("Alice Gagnon");

        // Alice's own change shows in the bubble of the teammate she covers for (R5).
        api.put("/api/v1/users/" + alice.id() + "/away", alice.token(), Map.of("away", true));
        assertThat(directory.of(account).of(bobId).away().coverage().rule()).isEqualTo(AwayRouting.Reason.DELEGATE_AWAY);

        api.patch("/api/v1/users/" + alice.id(), team.admin().token(), Map.of("name", "Alice Roy"));
        assertThat(directory.of(account).of(bobId).away().coverage().delegateName()).isEqualTo("Alice Roy");

        clock.advanceTo(returnAt);
        assertThat(directory.of(account).of(bobId).isAway()).as("away ends on the return, job or not").isFalse();
    }
}
