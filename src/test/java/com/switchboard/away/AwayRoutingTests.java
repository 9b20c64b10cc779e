package com.switchboard.away;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.switchboard.away.AwayRouting.Away;
import com.switchboard.away.AwayRouting.Delegate;
import com.switchboard.away.AwayRouting.Fallback;
import com.switchboard.away.AwayRouting.Reason;
import com.switchboard.away.AwayRouting.Situation;

/** The routing decision, rule by rule and edge by edge: plain inputs, no database, no clock. */
class AwayRoutingTests {

    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
    private static final UUID BOB = UUID.randomUUID();
    private static final UUID ALICE = UUID.randomUUID();
    private static final UUID SERVICE = UUID.randomUUID();
    private static final UUID SALES = UUID.randomUUID();

    private static Away bobAwaySinceYesterday(UUID delegate) {
        return new Away(NOW.minus(Duration.ofDays(1)), null, delegate);
    }

    private static Delegate alicePresent() {
        return new Delegate(ALICE, true, null);
    }

    /** The seed rules: the account keeps conversations with an away user whose delegate is away (R5). */
    private static AwayRouting.Decision decide(UUID assignee, Away away, Delegate delegate, boolean engaged,
            Instant at) {
        return AwayRouting.decide(new Situation(assignee, away, delegate, null, engaged, Fallback.KEEP, null, null, at));
    }

    private static AwayRouting.Decision withFallbackToTheQueue(UUID conversationTeam, UUID firstTeamOfBob,
            boolean engaged) {
        var aliceAway = new Away(NOW.minus(Duration.ofHours(2)), null, UUID.randomUUID());
        return AwayRouting.decide(new Situation(BOB, bobAwaySinceYesterday(ALICE), new Delegate(ALICE, true, aliceAway),
                null, engaged, Fallback.TEAM_QUEUE, conversationTeam, firstTeamOfBob, NOW));
    }

    @Test
    void R17_aTeamAsDelegateSendsTheConversationToThatTeamsQueue() {
        var decision = AwayRouting.decide(new Situation(BOB, bobAwaySinceYesterday(null), null, SERVICE, false,
                Fallback.KEEP, SALES, null, NOW));

        assertThat(decision.reassigns()).isFalse();
        assertThat(decision.queues()).isTrue();
        assertThat(decision.queueTeamId()).isEqualTo(SERVICE);
        assertThat(decision.reason()).isEqualTo(Reason.TEAM_DELEGATE);
    }

    @Test
    void R17_aCustomerTheAwayUserIsTalkingWithStaysWithThemEvenWithATeamAsDelegate() {
        var decision = AwayRouting.decide(new Situation(BOB, bobAwaySinceYesterday(null), null, SERVICE, true,
                Fallback.KEEP, null, null, NOW));

        assertThat(decision.queues()).isFalse();
        assertThat(decision.reason()).isEqualTo(Reason.ENGAGED);
    }

    @Test
    void R17_aTeamDelegateChangesNothingBeforeTheAwayPeriodStarts() {
        var decision = AwayRouting.decide(new Situation(BOB, new Away(NOW.plusSeconds(60), null, null), null, SERVICE,
                false, Fallback.KEEP, null, null, NOW));

        assertThat(decision.queues()).isFalse();
        assertThat(decision.reason()).isEqualTo(Reason.ASSIGNEE_PRESENT);
    }

    @Test
    void R18_withTheQueueFallbackADelegateAwayTooSendsTheConversationToItsTeamsQueue() {
        var decision = withFallbackToTheQueue(SERVICE, SALES, false);

        assertThat(decision.reassigns()).isFalse();
        assertThat(decision.queues()).isTrue();
        assertThat(decision.queueTeamId()).isEqualTo(SERVICE);
        assertThat(decision.reason()).isEqualTo(Reason.FALLBACK_QUEUE);
    }

    @Test
    void R18_aConversationWithNoTeamGoesToTheAwayUsersFirstTeamsQueue() {
        var decision = withFallbackToTheQueue(null, SALES, false);

        assertThat(decision.queueTeamId()).isEqualTo(SALES);
        assertThat(decision.reason()).isEqualTo(Reason.FALLBACK_QUEUE);
    }

    @Test
    void R18_withNoTeamAtAllTheConversationBecomesUnassigned() {
        var decision = withFallbackToTheQueue(null, null, false);

        assertThat(decision.queues()).isTrue();
        assertThat(decision.queueTeamId()).isNull();
        assertThat(decision.reason()).isEqualTo(Reason.FALLBACK_UNASSIGNED);
    }

    @Test
    void R18_aCustomerTheAwayUserIsTalkingWithStaysWithThemWhateverTheFallback() {
        var decision = withFallbackToTheQueue(SERVICE, SALES, true);

        assertThat(decision.queues()).isFalse();
        assertThat(decision.reason()).isEqualTo(Reason.ENGAGED);
    }

    @Test
    void R18_theFallbackChangesNothingWhileTheDelegateIsPresent() {
        var decision = AwayRouting.decide(new Situation(BOB, bobAwaySinceYesterday(ALICE), alicePresent(), null, false,
                Fallback.TEAM_QUEUE, SERVICE, SALES, NOW));

        assertThat(decision.reassignTo()).isEqualTo(ALICE);
        assertThat(decision.reason()).isEqualTo(Reason.ASSIGNEE_AWAY);
    }

    @Test
    void R18_theDefaultKeepsTheSeedRuleR5() {
        var aliceAway = new Away(NOW.minus(Duration.ofHours(2)), null, UUID.randomUUID());
        var decision = AwayRouting.decide(new Situation(BOB, bobAwaySinceYesterday(ALICE),
                new Delegate(ALICE, true, aliceAway), null, false, Fallback.KEEP, SERVICE, SALES, NOW));

        assertThat(decision.queues()).isFalse();
        assertThat(decision.reassigns()).isFalse();
        assertThat(decision.reason()).isEqualTo(Reason.DELEGATE_AWAY);
    }

    @Test
    void R4_reassignsToTheDelegateWhenTheAssigneeIsAway() {
        var decision = decide(BOB, bobAwaySinceYesterday(ALICE), alicePresent(), false, NOW);

        assertThat(decision.reassigns()).isTrue();
        assertThat(decision.reassignTo()).isEqualTo(ALICE);
        assertThat(decision.reason()).isEqualTo(Reason.ASSIGNEE_AWAY);
    }

    @Test
    void R4_keepsTheConversationWhenTheAssigneeIsNotAway() {
        var decision = decide(BOB, null, null, false, NOW);

        assertThat(decision.reassigns()).isFalse();
        assertThat(decision.reason()).isEqualTo(Reason.ASSIGNEE_PRESENT);
    }

    @Test
    void R4_leavesUnassignedConversationsUnassigned() {
        var decision = decide(null, null, null, false, NOW);

        assertThat(decision.reassigns()).isFalse();
        assertThat(decision.reason()).isEqualTo(Reason.UNASSIGNED);
    }

    @Test
    void R5_staysWithTheAwayUserWhenTheDelegateIsAwayToo() {
        var aliceAway = new Away(NOW.minus(Duration.ofHours(2)), null, UUID.randomUUID());

        var decision = decide(BOB, bobAwaySinceYesterday(ALICE), new Delegate(ALICE, true, aliceAway),
                false, NOW);

        assertThat(decision.reassigns()).isFalse();
        assertThat(decision.reason()).isEqualTo(Reason.DELEGATE_AWAY);
    }

    @Test
    void R5_goesToTheDelegateOnceTheDelegateIsBack() {
        var aliceWasAway = new Away(NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofHours(1)), null);

        var decision = decide(BOB, bobAwaySinceYesterday(ALICE), new Delegate(ALICE, true, aliceWasAway),
                false, NOW);

        assertThat(decision.reassignTo()).isEqualTo(ALICE);
    }

    @Test
    void R5_goesToTheDelegateWhoseAwayPeriodStartsLater() {
        var aliceLeavesTomorrow = new Away(NOW.plus(Duration.ofDays(1)), null, null);

        var decision = decide(BOB, bobAwaySinceYesterday(ALICE),
                new Delegate(ALICE, true, aliceLeavesTomorrow), false, NOW);

        assertThat(decision.reassignTo()).isEqualTo(ALICE);
    }

    @Test
    void R6_keepsTheCustomerWithTheAwayUserWhoWroteToThemDuringThisAwayPeriod() {
        var decision = decide(BOB, bobAwaySinceYesterday(ALICE), alicePresent(), true, NOW);

        assertThat(decision.reassigns()).isFalse();
        assertThat(decision.reason()).isEqualTo(Reason.ENGAGED);
    }

    @Test
    void R7_staysWithTheAwayUserWithNoDelegate() {
        var decision = decide(BOB, bobAwaySinceYesterday(null), null, false, NOW);

        assertThat(decision.reassigns()).isFalse();
        assertThat(decision.reason()).isEqualTo(Reason.NO_DELEGATE);
    }

    @Test
    void R7_staysWithTheAwayUserWhoseDelegateWasDeactivated() {
        var decision = decide(BOB, bobAwaySinceYesterday(ALICE), new Delegate(ALICE, false, null), false,
                NOW);

        assertThat(decision.reassigns()).isFalse();
        assertThat(decision.reason()).isEqualTo(Reason.DELEGATE_DEACTIVATED);
    }

    @Test
    void anAwayPeriodStartingAtThatVeryInstantApplies() {
        var decision = decide(BOB, new Away(NOW, null, ALICE), alicePresent(), false, NOW);

        assertThat(decision.reassignTo()).isEqualTo(ALICE);
    }

    @Test
    void anAwayPeriodEndingAtThatVeryInstantNoLongerApplies() {
        var decision = decide(BOB, new Away(NOW.minus(Duration.ofDays(5)), NOW, ALICE), alicePresent(),
                false, NOW);

        assertThat(decision.reassigns()).isFalse();
        assertThat(decision.reason()).isEqualTo(Reason.ASSIGNEE_PRESENT);
    }

    @Test
    void aDelegateWhoseOwnAwayPeriodEndsAtThatVeryInstantReceivesTheConversation() {
        var aliceReturnsNow = new Away(NOW.minus(Duration.ofDays(2)), NOW, null);

        var decision = decide(BOB, bobAwaySinceYesterday(ALICE), new Delegate(ALICE, true, aliceReturnsNow),
                false, NOW);

        assertThat(decision.reassignTo()).isEqualTo(ALICE);
    }

    @Test
    void aDelegateWhoseOwnAwayPeriodStartsAtThatVeryInstantDoesNot() {
        var aliceLeavesNow = new Away(NOW, null, null);

        var decision = decide(BOB, bobAwaySinceYesterday(ALICE), new Delegate(ALICE, true, aliceLeavesNow),
                false, NOW);

        assertThat(decision.reason()).isEqualTo(Reason.DELEGATE_AWAY);
    }

    @Test
    void anAwayPeriodThatHasNotStartedYetDoesNotApply() {
        var decision = decide(BOB, new Away(NOW.plusSeconds(1), null, ALICE), alicePresent(), false, NOW);

        assertThat(decision.reason()).isEqualTo(Reason.ASSIGNEE_PRESENT);
    }

    @Test
    void neverReassignsToTheAssigneeThemself() {
        var decision = decide(BOB, bobAwaySinceYesterday(BOB), new Delegate(BOB, true, null), false, NOW);

        assertThat(decision.reassigns()).isFalse();
    }
}
