package com.switchboard.away;

import java.time.Instant;
import java.util.UUID;

/**
 * The away rules for one inbound customer message, as a pure decision: plain inputs, plain
 * output, no clock and no database. {@code AwayInboundRouting} gathers the inputs inside the
 * transaction that stores the message and applies the outcome.
 */
public final class AwayRouting {

    private AwayRouting() {
    }

    /** Why the conversation stays or moves. */
    public enum Reason {
        /** Nobody has the conversation; unassigned conversations are not routed. */
        UNASSIGNED,
        /** The assignee is not away at that instant. */
        ASSIGNEE_PRESENT,
        /** R7: the away assignee chose no delegate. */
        NO_DELEGATE,
        /** R7: the delegate has been deactivated since. */
        DELEGATE_DEACTIVATED,
        /** R5: the delegate is away too; never a chain of delegates. */
        DELEGATE_AWAY,
        /** R6: the assignee wrote to this customer during this away period. */
        ENGAGED,
        /** R4: the assignee is away, so the conversation goes to their delegate. */
        ASSIGNEE_AWAY,
        /** R17: the assignee is away and their delegate is a team: to that team's queue. */
        TEAM_DELEGATE,
        /** R18: the delegate is away too, and the account sends such conversations to the team queue. */
        FALLBACK_QUEUE,
        /** R18: as {@link #FALLBACK_QUEUE}, but neither the conversation nor the away user has a team: unassigned. */
        FALLBACK_UNASSIGNED
    }

    /**
     * What R5 does when the delegate is away too, an account setting (R18).
     */
    public enum Fallback {
        /** R5 as written: the conversation stays with the away user (the default). */
        KEEP,
        /** To the conversation's team queue, else the away user's first team's, else unassigned. */
        TEAM_QUEUE
    }

    /**
     * An away period resolved to instants.
     *
     * @param returnsAt when it ends by itself, or null
     */
    public record Away(Instant startedAt, Instant returnsAt, UUID delegateId) {

        /** Away from the start (included) until the return (excluded). */
        public boolean at(Instant instant) {
            return !instant.isBefore(startedAt) && (returnsAt == null || instant.isBefore(returnsAt));
        }
    }

    /**
     * The delegate as the decision needs them.
     *
     * @param away their own away period, or null
     */
    public record Delegate(UUID id, boolean active, Away away) {
    }

    /**
     * Keep the conversation, give it to {@code reassignTo}, or (R18) put it in {@code queueTeamId}'s
     * queue, or nobody's when that is null; always with the reason.
     */
    public record Decision(UUID reassignTo, UUID queueTeamId, Reason reason) {

        public boolean reassigns() {
            return reassignTo != null;
        }

        /** Whether it leaves its assignee for a queue, or for nobody (R18). */
        public boolean queues() {
            return reason == Reason.TEAM_DELEGATE || reason == Reason.FALLBACK_QUEUE
                    || reason == Reason.FALLBACK_UNASSIGNED;
        }
    }

    /**
     * Everything the decision takes.
     *
     * @param assigneeId the conversation's assignee, or null
     * @param assigneeAway the assignee's open away period, or null
     * @param delegate the delegate of that period as they are now, or null when there is none
     * @param delegateTeamId instead of a teammate, the team the period gives conversations to (R17), or null
     * @param engaged whether the assignee wrote to this customer since {@code assigneeAway} started
     * @param fallback the account's choice for a delegate who is away too (R18)
     * @param conversationTeamId the conversation's team, or null
     * @param assigneeFirstTeamId the first of the assignee's teams (by name), or null
     * @param at when the message arrived
     */
    public record Situation(UUID assigneeId, Away assigneeAway, Delegate delegate, UUID delegateTeamId,
            boolean engaged, Fallback fallback, UUID conversationTeamId, UUID assigneeFirstTeamId, Instant at) {
    }

    /** Decides where a conversation goes when its customer writes (R4 to R8, R17, R18). */
    public static Decision decide(Situation situation) {
        UUID assigneeId = situation.assigneeId();
        Away assigneeAway = situation.assigneeAway();
        Delegate delegate = situation.delegate();
        Instant at = situation.at();
        if (assigneeId == null) {
            return keep(Reason.UNASSIGNED);
        }
        if (assigneeAway == null || !assigneeAway.at(at)) {
            return keep(Reason.ASSIGNEE_PRESENT);
        }
        // R17: a team never is away; R6 still keeps a customer the away user is talking with.
        if (situation.delegateTeamId() != null) {
            return situation.engaged() ? keep(Reason.ENGAGED)
                    : new Decision(null, situation.delegateTeamId(), Reason.TEAM_DELEGATE);
        }
        if (assigneeAway.delegateId() == null || delegate == null || delegate.id().equals(assigneeId)) {
            return keep(Reason.NO_DELEGATE);
        }
        if (!delegate.active()) {
            return keep(Reason.DELEGATE_DEACTIVATED);
        }
        if (delegate.away() != null && delegate.away().at(at)) {
            // R6 before R18: a customer the away user is talking with stays with them.
            if (situation.fallback() != Fallback.TEAM_QUEUE) {
                return keep(Reason.DELEGATE_AWAY);
            }
            if (situation.engaged()) {
                return keep(Reason.ENGAGED);
            }
            UUID team = situation.conversationTeamId() != null ? situation.conversationTeamId()
                    : situation.assigneeFirstTeamId();
            return new Decision(null, team, team != null ? Reason.FALLBACK_QUEUE : Reason.FALLBACK_UNASSIGNED);
        }
        if (situation.engaged()) {
            return keep(Reason.ENGAGED);
        }
        return new Decision(delegate.id(), null, Reason.ASSIGNEE_AWAY);
    }

    private static Decision keep(Reason reason) {
        return new Decision(null, null, reason);
    }
}
