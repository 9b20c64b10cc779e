package com.switchboard.away;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
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

    /** What a page that works in whole days plans: a new period. */
    public static AwayPlan inDays(LocalDate startOn, LocalDate returnOn, UUID delegate, Set<UUID> teamIds,
            String message, boolean handOver, boolean handBack) {
        return inDays(startOn, returnOn, delegate, teamIds, message, handOver, handBack, null, null);
    }

    /**
     * What a page that works in whole days plans, or changes of {@code before}. A start left out
     * keeps the period's start (a period in effect shows its start without sending it), and a day
     * left as the page showed it for an exact instant (given through the API) keeps that instant.
     * A return left out means no return.
     *
     * @param delegate a teammate or a team (R17), told apart by {@code teamIds}: ids are never shared
     * @param before the period changed, or null when planning a new one
     * @param zone the away user's time zone, in which the page showed the days
     */
    public static AwayPlan inDays(LocalDate startOn, LocalDate returnOn, UUID delegate, Set<UUID> teamIds,
            String message, boolean handOver, boolean handBack, AwayPeriod before, ZoneId zone) {
        LocalDate newStartOn = startOn;
        Instant newStartAt = null;
        if (before != null && (startOn == null || startOn.equals(before.startDay(zone)))) {
            newStartOn = before.startOn();
            newStartAt = before.startAt();
        }
        LocalDate newReturnOn = returnOn;
        Instant newReturnAt = null;
        if (before != null && before.returnAt() != null && returnOn != null && returnOn.equals(before.returnDay(zone))) {
            newReturnOn = null;
            newReturnAt = before.returnAt();
        }
        boolean team = delegate != null && teamIds.contains(delegate);
        return new AwayPlan(newStartOn, newStartAt, team ? null : delegate, team ? delegate : null, newReturnOn,
                newReturnAt, message, handOver, handBack);
    }
}
