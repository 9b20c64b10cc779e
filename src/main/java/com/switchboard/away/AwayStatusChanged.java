package com.switchboard.away;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Someone's away status changed: turned on or changed (by them or an admin), turned off, or ended
 * by the return date.
 *
 * @param away whether they are away now
 * @param changedBy who changed it, or null when the return date ended it
 * @param delegateId while away: who gets their new conversations, or null for nobody
 * @param returnOn while away: the day they return, when given as a day
 * @param returnAt while away: the moment they return, when given as a moment
 * @param delegateTeamId while away: instead of a teammate, the team whose queue gets them (R17), or null
 */
public record AwayStatusChanged(UUID accountId, UUID userId, boolean away, UUID changedBy, UUID delegateId,
        LocalDate returnOn, Instant returnAt, UUID delegateTeamId) {

    /** Back: no delegate, no return any more. */
    public static AwayStatusChanged back(UUID accountId, UUID userId, UUID changedBy) {
        return new AwayStatusChanged(accountId, userId, false, changedBy, null, null, null, null);
    }
}
