package com.switchboard.away;

import java.util.UUID;

/**
 * Someone's away status changed: turned on or changed (by them or an admin), turned off, or ended
 * by the return date.
 *
 * @param away whether they are away now
 * @param changedBy who changed it, or null when the return date ended it
 */
public record AwayStatusChanged(UUID accountId, UUID userId, boolean away, UUID changedBy) {
}
