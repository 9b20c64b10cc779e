package com.switchboard.away;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A user's away status at one instant, as the API and the pages show it.
 *
 * @param away whether away mode is in effect at that instant
 * @param returnAt when it ends by itself (from the return date, or exact), or null
 * @param returnOn the return date, when one was given
 * @param updatedBy who last changed it: the user, an admin, or null when the return date ended it
 */
public record AwayStatus(UUID userId, boolean away, @Nullable UUID delegateId, @Nullable UUID delegateTeamId,
        @Nullable Instant returnAt,
        @Nullable LocalDate returnOn, @Nullable String message,
        @Nullable Instant since, @Nullable Instant updatedAt,
        @Nullable UUID updatedBy) {

    /** This status as the routing decision takes it (only meaningful while {@link #away()}). */
    AwayRouting.Away asRoutingAway() {
        return new AwayRouting.Away(since, returnAt, delegateId);
    }

    static AwayStatus of(UUID userId, AwayPeriod latest, ZoneId userZone, Instant now) {
        if (latest == null) {
            return new AwayStatus(userId, false, null, null, null, null, null, null, null, null);
        }
        if (latest.isAwayAt(now, userZone)) {
            return new AwayStatus(userId, true, latest.delegateId(), latest.delegateTeamId(),
                    latest.returnsAt(userZone), latest.returnOn(),
                    latest.message(), latest.startsAt(userZone), latest.updatedAt(), latest.updatedBy());
        }
        // Not away: say who ended the last period, and when.
        Instant ended = latest.endedAt() != null ? latest.endedAt() : latest.returnsAt(userZone);
        return new AwayStatus(userId, false, null, null, null, null, null, null, ended, latest.endedBy());
    }
}
