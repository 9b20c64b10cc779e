package com.switchboard.away.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.switchboard.accounts.Accounts;
import com.switchboard.accounts.User;
import com.switchboard.accounts.Users;
import com.switchboard.away.AwayHistory;
import com.switchboard.away.AwayPeriod;
import com.switchboard.away.AwayRouting;
import com.switchboard.away.AwayStatusChanged;
import com.switchboard.away.CoverageChanged;
import com.switchboard.away.EndReason;
import com.switchboard.conversations.Conversation;
import com.switchboard.conversations.Conversations;
import com.switchboard.teams.Team;
import com.switchboard.teams.Teams;

/**
 * What happens when an away period starts or ends, whoever makes it happen (the user, an admin,
 * the periods job): announced once, the handover at the start (R19), the hand-back at the end
 * (R20). Every method runs inside the caller's transaction, with the away user's lock held.
 */
@Component
public class AwayTransitions {

    private final AwayPeriodRepository periods;
    private final Users users;
    private final Accounts accounts;
    private final Teams teams;
    private final Conversations conversations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AwayTransitions(AwayPeriodRepository periods, Users users, Accounts accounts, Teams teams,
            Conversations conversations, ApplicationEventPublisher events, Clock clock) {
        this.periods = periods;
        this.users = users;
        this.accounts = accounts;
        this.teams = teams;
        this.conversations = conversations;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Announces a planned period's start, once across nodes and requests: the yellow name on
     * every page, the delegate told (R21), and the handover if it was chosen (R19), of the
     * conversations the caller locked before the user's lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean announceStart(AwayPeriod period, User user, List<Conversation> lockedOpen) {
        if (!periods.announceStart(period.accountId(), period.id(), clock.instant())) {
            return false;
        }
        events.publishEvent(new AwayStatusChanged(period.accountId(), period.userId(), true, null,
                period.delegateId(), period.returnOn(), period.returnAt(), period.delegateTeamId()));
        if (CoverageChanged.covered(period)) {
            events.publishEvent(CoverageChanged.starts(period));
        }
        if (period.handOver()) {
            handOver(period, user, lockedOpen);
        }
        return true;
    }

    /**
     * Hands every open conversation of the away user to the delegate, or the delegate team's
     * queue (R19), each as the away rules would route it at this instant: a delegate who is away
     * too takes none (R5), or the fallback applies (R18). Returns how many moved.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int handOver(AwayPeriod period, User user, List<Conversation> lockedOpen) {
        var now = clock.instant();
        int moved = 0;
        for (var conversation : lockedOpen) {
            if (!user.id().equals(conversation.assigneeId()) || !conversation.isOpen()) {
                continue;
            }
            var decision = decide(period, user, conversation.teamId(), false, now);
            if (decision.reassigns() || decision.queues()) {
                conversations.handOver(conversation, decision.reassignTo(), decision.queueTeamId());
                periods.recordMove(new Move(period.accountId(), period.id(), conversation.id(), user.id(),
                        conversation.teamId(), decision.reassignTo(), decision.queueTeamId(), AwayHistory.How.HANDOVER,
                        now, null));
                moved++;
            }
        }
        return moved;
    }

    /**
     * Ends a period, once across nodes and requests, and settles what it moved (R20). Returns
     * false when it had already ended.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean end(AwayPeriod period, Instant at, EndReason reason, UUID by) {
        if (!periods.end(period.accountId(), period.id(), at, reason, by)) {
            return false;
        }
        events.publishEvent(AwayStatusChanged.back(period.accountId(), period.userId(), by));
        if (CoverageChanged.covered(period)) {
            events.publishEvent(CoverageChanged.ends(period));
        }
        settle(period);
        return true;
    }

    /**
     * The user's periods that have not ended, after writing down (hand-back included) those whose
     * return has come and the job has not reached yet. The caller holds the user's lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AwayPeriod> endReturned(User user, Instant now) {
        var notEnded = new ArrayList<AwayPeriod>();
        for (var period : periods.notEnded(user.accountId(), user.id())) {
            Instant returns = period.returnsAt(user.timeZone());
            if (returns != null && !returns.isAfter(now)) {
                end(period, returns, EndReason.RETURN_DATE, null);
            }
            else {
                notEnded.add(period);
            }
        }
        return notEnded;
    }

    /**
     * The hand-back of an ended period, exactly once: each conversation it moved that is still
     * open and still where it was put goes back to the user (when the period says so), each
     * with a timeline event; the others stay, and the period remembers why.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void settle(AwayPeriod period) {
        if (!periods.settle(period.accountId(), period.id(), clock.instant())) {
            return;
        }
        for (var move : periods.moves(period.accountId(), List.of(period.id()))) {
            if (move.outcome() != null) {
                continue;
            }
            AwayHistory.Outcome outcome;
            if (!period.handBack()) {
                outcome = AwayHistory.Outcome.LEFT;
            }
            else {
                outcome = switch (conversations.giveBack(period.accountId(), move.conversationId(), move.toUserId(),
                        move.toTeamId(), move.at(), move.fromUserId(), move.fromTeamId())) {
                    case GIVEN_BACK -> AwayHistory.Outcome.GIVEN_BACK;
                    case CLOSED -> AwayHistory.Outcome.CLOSED;
                    case MOVED_BY_HAND -> AwayHistory.Outcome.MOVED_BY_HAND;
                };
            }
            periods.recordOutcome(period.accountId(), period.id(), move.conversationId(), outcome);
        }
    }

    /**
     * The inputs of {@link AwayRouting#decide} for a conversation of {@code assignee}, away in
     * {@code period}, at {@code at}: the delegate as they are then, the account's fallback, teams.
     */
    AwayRouting.Decision decide(AwayPeriod period, User assignee, UUID conversationTeamId, boolean engaged,
            Instant at) {
        AwayRouting.Delegate delegate = null;
        if (period.delegateId() != null) {
            var user = users.find(period.accountId(), period.delegateId()).orElse(null);
            if (user != null) {
                delegate = new AwayRouting.Delegate(user.id(), user.active(), inEffect(user, at));
            }
        }
        var fallback = AwayRouting.Fallback.valueOf(accounts.awayFallback(period.accountId()).name());
        UUID firstTeam = fallback == AwayRouting.Fallback.KEEP ? null
                : teams.of(period.accountId(), assignee.id()).stream().findFirst().map(Team::id).orElse(null);
        return AwayRouting.decide(new AwayRouting.Situation(assignee.id(), resolve(period, assignee.timeZone()),
                delegate, period.delegateTeamId(), engaged, fallback, conversationTeamId, firstTeam, at));
    }

    /** The user's period in effect at {@code at}, resolved to instants; or null. */
    AwayRouting.Away inEffect(User user, Instant at) {
        return periods.notEnded(user.accountId(), user.id()).stream()
                .filter(p -> p.isAwayAt(at, user.timeZone()))
                .findFirst()
                .map(p -> resolve(p, user.timeZone()))
                .orElse(null);
    }

    static AwayRouting.Away resolve(AwayPeriod period, ZoneId zone) {
        return new AwayRouting.Away(period.startsAt(zone), period.endsAt(zone), period.delegateId());
    }
}
