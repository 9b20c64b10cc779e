package com.switchboard.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.switchboard.away.AwayRouting;

/**
 * A teammate as a page shows them: what {@code fragments/user :: name(person)} needs.
 *
 * @param active false for a deactivated user, whose name still shows in history
 * @param away their away status, when it is in effect; null otherwise
 */
public record Person(UUID id, String name, boolean active, Away away) {

    /**
     * Their away status as pages say it.
     *
     * @param coverage who receives their new conversations now, and by which rule
     * @param returnOn the first day back, or null
     * @param returnAt the exact return, when given without a date; or null
     * @param setByName who turned it on for them, when it was an admin; null when they did it themselves
     */
    public record Away(Coverage coverage, LocalDate returnOn, Instant returnAt, String message, String setByName) {

        /** Whether the bubble has nothing to say but "Away": no delegate and no return (R12). */
        public boolean bare() {
            return !coverage.named() && returnOn == null && returnAt == null;
        }
    }

    /**
     * Who receives an away person's new conversations right now, decided by the same rule the
     * inbound path applies ({@link AwayRouting#decide}); templates print {@link #key(String)}.
     *
     * @param rule ASSIGNEE_AWAY (they go to the delegate, R4), DELEGATE_AWAY (they stay, R5),
     *        NO_DELEGATE or DELEGATE_DEACTIVATED (they stay, R7)
     * @param delegateId the delegate chosen, whatever the rule; null when none was
     * @param delegateName their name, or null
     * @param queueName FALLBACK_QUEUE (R18): the team whose queue they go to, or null
     */
    public record Coverage(AwayRouting.Reason rule, UUID delegateId, String delegateName, String queueName) {

        /** Whether new conversations go to the delegate now. */
        public boolean toDelegate() {
            return rule == AwayRouting.Reason.ASSIGNEE_AWAY;
        }

        /** Whether there is a delegate to name, a teammate or a team's queue (everything but "no delegate chosen"). */
        public boolean named() {
            return delegateName != null || queueName != null;
        }

        /**
         * The message that says it in one place of the product ({@code bubble}, {@code banner},
         * {@code picker}, {@code panel}, {@code form}), with the delegate's name as {0}, the away
         * person's as {1}, and the team whose queue takes their conversations (R18) as {2}.
         */
        public String key(String place) {
            return "away." + place + "." + rule.name();
        }
    }

    public boolean isAway() {
        return away != null;
    }

    static Person unknown(UUID id) {
        return new Person(id, "?", false, null);
    }
}
