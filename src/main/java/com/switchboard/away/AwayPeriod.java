package com.switchboard.away;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * One stretch of away mode of one user, as stored.
 *
 * @param delegateId the teammate who receives new conversations, or null
 * @param delegateTeamId instead of a teammate, the team whose queue receives them (R17), or null
 * @param returnOn the first day back, in the user's time zone; or null
 * @param returnAt an exact instant of return, given instead of a date; or null
 * @param endedAt when it ended, or null while open
 * @param endedBy who ended it, or null when the return date did
 */
public record AwayPeriod(
        UUID id,
        UUID accountId,
        UUID userId,
        UUID delegateId,
        UUID delegateTeamId,
        Instant startedAt,
        LocalDate returnOn,
        Instant returnAt,
        String message,
        UUID startedBy,
        Instant updatedAt,
        UUID updatedBy,
        Instant endedAt,
        EndReason endReason,
        UUID endedBy) {

    /**
     * When away mode ends by itself: 00:00 of the return date in the user's time zone (the first
     * instant of that day, also across daylight-saving changes), the exact return instant, or null.
     */
    public Instant returnsAt(ZoneId userZone) {
        if (returnOn != null) {
            return returnOn.atStartOfDay(userZone).toInstant();
        }
        return returnAt;
    }

    /** Whether this period has the user away at {@code instant}: from its start, until its return or end. */
    public boolean isAwayAt(Instant instant, ZoneId userZone) {
        if (instant.isBefore(startedAt)) {
            return false;
        }
        Instant returns = returnsAt(userZone);
        if (returns != null && !instant.isBefore(returns)) {
            return false;
        }
        return endedAt == null || instant.isBefore(endedAt);
    }

    public boolean isOpen() {
        return endedAt == null;
    }
}
