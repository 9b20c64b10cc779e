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
        ASSIGNEE_AWAY
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

    /** Keep the conversation, or move it to {@code reassignTo}; always with the reason. */
    public record Decision(UUID reassignTo, Reason reason) {

        public boolean reassigns() {
            return reassignTo != null;
        }
    }

    /**
     * Decides the assignee of a conversation when its customer writes.
     *
     * @param assigneeId the conversation's assignee, or null
     * @param assigneeAway the assignee's open away period, or null
     * @param delegate the delegate of that period as they are now, or null when there is none
     * @param engaged whether the assignee wrote to this customer since {@code assigneeAway} started
     * @param at when the message arrived
     */
    public static Decision decide(UUID assigneeId, Away assigneeAway, Delegate delegate, boolean engaged, Instant at) {
        if (assigneeId == null) {
            return keep(Reason.UNASSIGNED);
        }
        if (assigneeAway == null || !assigneeAway.at(at)) {
            return keep(Reason.ASSIGNEE_PRESENT);
        }
        if (assigneeAway.delegateId() == null || delegate == null || delegate.id().equals(assigneeId)) {
            return keep(Reason.NO_DELEGATE);
        }
        if (!delegate.active()) {
            return keep(Reason.DELEGATE_DEACTIVATED);
        }
        if (delegate.away() != null && delegate.away().at(at)) {
            return keep(Reason.DELEGATE_AWAY);
        }
        if (engaged) {
            return keep(Reason.ENGAGED);
        }
        return new Decision(delegate.id(), Reason.ASSIGNEE_AWAY);
    }

    private static Decision keep(Reason reason) {
        return new Decision(null, reason);
    }
}
