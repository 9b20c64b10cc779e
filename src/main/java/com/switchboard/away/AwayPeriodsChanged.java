package com.switchboard.away;

import java.util.UUID;

/**
 * Someone's periods ahead changed: one planned, changed or cancelled before it started (R22). A
 * start or an end, or a change of the period in effect, is an {@link AwayStatusChanged}, which
 * calendars listen to as well: one event per change, since each goes to every open page.
 */
public record AwayPeriodsChanged(UUID accountId, UUID userId) {
}
