package com.switchboard.away;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * One stretch of away mode of one user, as stored: in effect now, planned ahead (R22), or over.
 * Its start and its return are each either a date, read as 00:00 in the user's time zone at the
 * time of reading (so a user who moves keeps their dates), or an exact instant.
 *
 * @param delegateId the teammate who receives new conversations, or null
 * @param delegateTeamId instead of a teammate, the team whose queue receives them (R17), or null
 * @param startAt the exact instant it starts; null when it starts on {@code startOn}
 * @param startOn the first day away, in the user's time zone; null when it starts at {@code startAt}
 * @param returnOn the first day back, in the user's time zone; or null
 * @param returnAt an exact instant of return, given instead of a date; or null
 * @param handOver whether the user's open conversations go to the delegate at the start (R19)
 * @param handBack whether what the period moved goes back to the user at its end (R20)
 * @param startedBy who turned it on or planned it
 * @param endedAt when it ended early (turned off, by an admin) or was written down as returned; null until then
 * @param endedBy who ended it, or null when the return date did
 */
public record AwayPeriod(
        UUID id,
        UUID accountId,
        UUID userId,
        UUID delegateId,
        UUID delegateTeamId,
        Instant startAt,
        LocalDate startOn,
        LocalDate returnOn,
        Instant returnAt,
        String message,
        boolean handOver,
        boolean handBack,
        UUID startedBy,
        Instant updatedAt,
        UUID updatedBy,
        Instant endedAt,
        EndReason endReason,
        UUID endedBy) {

    /** When away mode starts: 00:00 of the start date in the user's time zone, or the exact instant. */
    public Instant startsAt(ZoneId userZone) {
        return startOn != null ? startOn.atStartOfDay(userZone).toInstant() : startAt;
    }

    /** The first day away in the user's time zone, as a page shows it: an exact start shows its day. */
    public LocalDate startDay(ZoneId userZone) {
        return startOn != null ? startOn : startAt.atZone(userZone).toLocalDate();
    }

    /** The first day back in the user's time zone, as a page shows it; null without a return. */
    public LocalDate returnDay(ZoneId userZone) {
        if (returnOn != null) {
            return returnOn;
        }
        return returnAt != null ? returnAt.atZone(userZone).toLocalDate() : null;
    }

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

    /**
     * When it stops, or stopped, having the user away: its early end, else its return; null while
     * it runs until turned off.
     */
    public Instant endsAt(ZoneId userZone) {
        Instant returns = returnsAt(userZone);
        if (endedAt != null && (returns == null || endedAt.isBefore(returns))) {
            return endedAt;
        }
        return returns;
    }

    /** Whether this period has the user away at {@code instant}: from its start, until its return or end. */
    public boolean isAwayAt(Instant instant, ZoneId userZone) {
        if (instant.isBefore(startsAt(userZone))) {
            return false;
        }
        Instant ends = endsAt(userZone);
        return ends == null || instant.isBefore(ends);
    }

    /** Whether it is still to start at {@code instant} (planned, R22). */
    public boolean isPlannedAt(Instant instant, ZoneId userZone) {
        return endedAt == null && instant.isBefore(startsAt(userZone));
    }

    /** Whether the user is away during some instant of both periods. */
    public boolean overlaps(AwayPeriod other, ZoneId userZone) {
        Instant ends = endsAt(userZone);
        Instant otherEnds = other.endsAt(userZone);
        return (otherEnds == null || startsAt(userZone).isBefore(otherEnds))
                && (ends == null || other.startsAt(userZone).isBefore(ends));
    }

    public boolean isOpen() {
        return endedAt == null;
    }

    /** Whether it gives conversations to someone: a teammate or a team. */
    public boolean hasDelegate() {
        return delegateId != null || delegateTeamId != null;
    }
}
