package com.switchboard.away;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An away period planned ahead (R22), or the whole of a change to one.
 *
 * @param startOn the first day away, from 00:00 in the user's time zone; or null
 * @param startAt instead of startOn, the exact instant it starts; or null
 * @param returnOn optional: the first day back; returnAt instead, an exact instant
 * @param handOver whether every open conversation goes to the delegate at the start (R19)
 * @param handBack whether, at the end, what the period moved goes back to the user (R20)
 */
public record AwayPlan(LocalDate startOn, Instant startAt, UUID delegateId, UUID delegateTeamId, LocalDate returnOn,
        Instant returnAt, String message, boolean handOver, boolean handBack) {
}
