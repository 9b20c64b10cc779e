package com.switchboard.calendar.internal.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;

import com.switchboard.away.AwayPeriod;
import com.switchboard.away.AwayPlan;

/**
 * The calendar's form for one away period: planning one from a day (R22), or changing one.
 * {@code delegateId} names a teammate or, from the teams' options, a team (R17): ids are never
 * shared. A day shown for an exact start or return keeps that exact instant when left as it is.
 *
 * @param handOver R19: hand every open conversation to the delegate at the start (or, for a
 *        period in effect, now)
 * @param handBack R20: at the end, give back what the period moved
 */
public record PeriodForm(UUID delegateId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startOn,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate returnOn, Boolean handOver, Boolean handBack,
        String message) {

    // A box left unticked sends nothing: no.
    public PeriodForm {
        handOver = Boolean.TRUE.equals(handOver);
        handBack = Boolean.TRUE.equals(handBack);
    }

    /** A new period from that day: nobody chosen yet, and what it moves given back at the end. */
    static PeriodForm startingOn(LocalDate day) {
        return new PeriodForm(null, day, null, false, true, null);
    }

    /**
     * A period as it stands, in days of the user's zone. A handover already made is not offered
     * again: for a period in effect the box means "hand over now".
     */
    static PeriodForm of(AwayPeriod period, ZoneId zone, boolean started) {
        return new PeriodForm(period.delegateId() != null ? period.delegateId() : period.delegateTeamId(),
                period.startDay(zone), period.returnDay(zone), !started && period.handOver(), period.handBack(),
                period.message());
    }

    /** What the form plans, with the account's teams to tell a team from a teammate. */
    AwayPlan plan(Set<UUID> teamIds) {
        return AwayPlan.inDays(startOn, returnOn, delegateId, teamIds, message, handOver, handBack);
    }

    /** What the form changes of {@code period}; a period in effect does not send its start, and keeps it. */
    AwayPlan change(AwayPeriod period, ZoneId zone, Set<UUID> teamIds) {
        return AwayPlan.inDays(startOn, returnOn, delegateId, teamIds, message, handOver, handBack, period, zone);
    }
}
