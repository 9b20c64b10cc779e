package com.switchboard.away;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A request to turn away mode on (or change it while on) or off.
 *
 * @param delegateId optional: who receives new conversations
 * @param returnOn optional: the first day back, in the away user's time zone
 * @param returnAt optional, instead of returnOn: the exact instant of return
 * @param message optional: a note for the team, such as "Vacation in Gaspésie"
 * @param delegateTeamId optional, instead of delegateId: the team whose queue receives them (R17)
 */
public record AwayChange(boolean away, UUID delegateId, LocalDate returnOn, Instant returnAt, String message,
        UUID delegateTeamId) {

    public AwayChange(boolean away, UUID delegateId, LocalDate returnOn, Instant returnAt, String message) {
        this(away, delegateId, returnOn, returnAt, message, null);
    }

    public static AwayChange off() {
        return new AwayChange(false, null, null, null, null);
    }
}
