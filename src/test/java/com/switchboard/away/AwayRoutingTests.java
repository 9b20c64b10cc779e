package com.switchboard.away;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.switchboard.away.AwayRouting.Away;
import com.switchboard.away.AwayRouting.Delegate;
import com.switchboard.away.AwayRouting.Reason;

/** The routing decision, rule by rule and edge by edge: plain inputs, no database, no clock. */
class AwayRoutingTests {

    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
    private static final UUID BOB = UUID.randomUUID();
    private static final UUID ALICE = UUID.randomUUID();

    private static Away bobAwaySinceYesterday(UUID delegate) {
        return new Away(NOW.minus(Duration.ofDays(1)), null, delegate);
    }

    private static Delegate alicePresent() {
        return new Delegate(ALICE, true, null);
    }

    @Test
    void R4_reassignsToTheDelegateWhenTheAssigneeIsAway() {
        var decision = AwayRouting.decide(BOB, bobAwaySinceYesterday(ALICE), alicePresent(), false, NOW);

        assertThat(decision.reassigns()).isTrue();
        assertThat(decision.reassignTo()).isEqualTo(ALICE);
        assertThat(decision.reason()).isEqualTo(Reason.ASSIGNEE_AWAY);
    }

    @Test
    void R4_keepsTheConversationWhenTheAssigneeIsNotAway() {
        var decision = AwayRouting.decide(BOB, null, null, false, NOW);

        assertThat(decision.reassigns()).isFalse();
        assertThat(decision.reason()).isEqualTo(Reason.ASSIGNEE_PRESENT);
    }

    @Test
    void R4_leavesUnassignedConversationsUnassigned() {
        var decision = AwayRouting.decide(null, null, null, false, NOW);

        assertThat(decision.reassigns()).isFalse();
        assertThat(decision.reason()).isEqualTo(Reason.UNASSIGNED);
    }

    @Test
    void R5_staysWithTheAwayUserWhenTheDelegateIsAwayToo() {
        var aliceAway = new Away(NOW.minus(Duration.ofHours(2)), null, UUID.randomUUID());

        var decision = AwayRouting.decide(BOB, bobAwaySinceYesterday(ALICE), new Delegate(ALICE, true, aliceAway),
                false, NOW);

        assertThat(decision.reassigns()).isFalse();
        assertThat(decision.reason()).isEqualTo(Reason.DELEGATE_AWAY);
    }

    @Test
    void R5_goesToTheDelegateOnceTheDelegateIsBack() {
        var aliceWasAway = new Away(NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofHours(1)), null);

        var decision = AwayRouting.decide(BOB, bobAwaySinceYesterday(ALICE), new Delegate(ALICE, true, aliceWasAway),
                false, NOW);

        assertThat(decision.reassignTo()).isEqualTo(ALICE);
    }

    @Test
    void R5_goesToTheDelegateWhoseAwayPeriodStartsLater() {
        var aliceLeavesTomorrow = new Away(NOW.plus(Duration.ofDays(1)), null, null);

        var decision = AwayRouting.decide(BOB, bobAwaySinceYesterday(ALICE),
                new Delegate(ALICE, true, aliceLeavesTomorrow), false, NOW);

        assertThat(decision.reassignTo()).isEqualTo(ALICE);
    }

    @Test
    void R6_keepsTheCustomerWithTheAwayUserWhoWroteToThemDuringThisAwayPeriod() {
        var decision = AwayRouting.decide(BOB, bobAwaySinceYesterday(ALICE), alicePresent(), true, NOW);

        assertThat(decision.reassigns()).isFalse();
        assertThat(decision.reason()).isEqualTo(Reason.ENGAGED);
    }

    @Test
    void R7_staysWithTheAwayUserWithNoDelegate() {
        var decision = AwayRouting.decide(BOB, bobAwaySinceYesterday(null), null, false, NOW);

        assertThat(decision.reassigns()).isFalse();
        assertThat(decision.reason()).isEqualTo(Reason.NO_DELEGATE);
    }

    @Test
    void R7_staysWithTheAwayUserWhoseDelegateWasDeactivated() {
        var decision = AwayRouting.decide(BOB, bobAwaySinceYesterday(ALICE), new Delegate(ALICE, false, null), false,
                NOW);

        assertThat(decision.reassigns()).isFalse();
        assertThat(decision.reason()).isEqualTo(Reason.DELEGATE_DEACTIVATED);
    }

    @Test
    void anAwayPeriodStartingAtThatVeryInstantApplies() {
        var decision = AwayRouting.decide(BOB, new Away(NOW, null, ALICE), alicePresent(), false, NOW);

        assertThat(decision.reassignTo()).isEqualTo(ALICE);
    }

    @Test
    void anAwayPeriodEndingAtThatVeryInstantNoLongerApplies() {
        var decision = AwayRouting.decide(BOB, new Away(NOW.minus(Duration.ofDays(5)), NOW, ALICE), alicePresent(),
                false, NOW);

        assertThat(decision.reassigns()).isFalse();
        assertThat(decision.reason()).isEqualTo(Reason.ASSIGNEE_PRESENT);
    }

    @Test
    void aDelegateWhoseOwnAwayPeriodEndsAtThatVeryInstantReceivesTheConversation() {
        var aliceReturnsNow = new Away(NOW.minus(Duration.ofDays(2)), NOW, null);

        var decision = AwayRouting.decide(BOB, bobAwaySinceYesterday(ALICE), new Delegate(ALICE, true, aliceReturnsNow),
                false, NOW);

        assertThat(decision.reassignTo()).isEqualTo(ALICE);
    }

    @Test
    void aDelegateWhoseOwnAwayPeriodStartsAtThatVeryInstantDoesNot() {
        var aliceLeavesNow = new Away(NOW, null, null);

        var decision = AwayRouting.decide(BOB, bobAwaySinceYesterday(ALICE), new Delegate(ALICE, true, aliceLeavesNow),
                false, NOW);

        assertThat(decision.reason()).isEqualTo(Reason.DELEGATE_AWAY);
    }

    @Test
    void anAwayPeriodThatHasNotStartedYetDoesNotApply() {
        var decision = AwayRouting.decide(BOB, new Away(NOW.plusSeconds(1), null, ALICE), alicePresent(), false, NOW);

        assertThat(decision.reason()).isEqualTo(Reason.ASSIGNEE_PRESENT);
    }

    @Test
    void neverReassignsToTheAssigneeThemself() {
        var decision = AwayRouting.decide(BOB, bobAwaySinceYesterday(BOB), new Delegate(BOB, true, null), false, NOW);

        assertThat(decision.reassigns()).isFalse();
    }
}
