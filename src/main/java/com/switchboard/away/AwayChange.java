package com.switchboard.away;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A request to turn away mode on now (or change the period in effect) or off.
 *
 * @param delegateId optional: who receives new conversations
 * @param returnOn optional: the first day back, in the away user's time zone
 * @param returnAt optional, instead of returnOn: the exact instant of return
 * @param message optional: a note for the team, such as "Vacation in Gaspésie"
 * @param delegateTeamId optional, instead of delegateId: the team whose queue receives them (R17)
 * @param handOverNow whether every open conversation goes to the delegate at once (R19)
 * @param handBack whether, at the end, what the period moved goes back to the user (R20)
 */
public record AwayChange(boolean away, UUID delegateId, LocalDate returnOn, Instant returnAt, String message,
        UUID delegateTeamId, boolean handOverNow, boolean handBack) {

    /** R20's default is to give them back. */
    public AwayChange(boolean away, UUID delegateId, LocalDate returnOn, Instant returnAt, String message,
            UUID delegateTeamId) {
        this(away, delegateId, returnOn, returnAt, message, delegateTeamId, false, true);
    }

    public AwayChange(boolean away, UUID delegateId, LocalDate returnOn, Instant returnAt, String message) {
        this(away, delegateId, returnOn, returnAt, message, null);
    }

    public static AwayChange off() {
        return new AwayChange(false, null, null, null, null);
    }
}
