package com.switchboard.away;

/**
 * A user who is away at some instant, and who receives their new conversations then (R4, R5, R7):
 * {@code coverage} is {@link AwayRouting#decide} for a text from a customer they have not written
 * to, so the pages say exactly what the inbound path does.
 */
public record AwayNow(AwayStatus status, AwayRouting.Decision coverage) {
}
