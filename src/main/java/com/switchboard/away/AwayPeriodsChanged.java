package com.switchboard.away;

import java.util.UUID;

/**
 * Someone's away periods changed in a way a calendar shows: one planned, changed or cancelled
 * (R22), or one that started or ended. Whether they are away now is {@link AwayStatusChanged}'s.
 */
public record AwayPeriodsChanged(UUID accountId, UUID userId) {
}
