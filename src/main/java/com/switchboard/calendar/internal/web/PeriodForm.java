package com.switchboard.calendar.internal.web;

import java.time.Instant;
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
     * A period as it stands. A handover already made is not offered again: for a period in effect
     * the box means "hand over now".
     */
    static PeriodForm of(AwayPeriod period, ZoneId zone, boolean started) {
        LocalDate start = period.startOn() != null ? period.startOn() : period.startAt().atZone(zone).toLocalDate();
        LocalDate back = period.returnOn() != null ? period.returnOn()
                : period.returnAt() != null ? period.returnAt().atZone(zone).toLocalDate() : null;
        return new PeriodForm(period.delegateId() != null ? period.delegateId() : period.delegateTeamId(), start, back,
                !started && period.handOver(), period.handBack(), period.message());
    }

    /** What the form plans, with the account's teams to tell a team from a teammate. */
    AwayPlan plan(Set<UUID> teamIds) {
        boolean team = isTeam(teamIds);
        return new AwayPlan(startOn, null, team ? null : delegateId, team ? delegateId : null, returnOn, null, message,
                handOver, handBack);
    }

    /**
     * What the form changes of {@code period}: a start or return left on the day it showed keeps
     * its exact instant; a period in effect keeps its start, which has happened.
     */
    AwayPlan change(AwayPeriod period, ZoneId zone, Set<UUID> teamIds, boolean started) {
        boolean team = isTeam(teamIds);
        LocalDate newStartOn = startOn;
        Instant newStartAt = null;
        if (started) {
            newStartOn = null;
        }
        else if (period.startAt() != null && startOn != null && startOn.equals(period.startAt().atZone(zone).toLocalDate())) {
            newStartOn = null;
            newStartAt = period.startAt();
        }
        LocalDate newReturnOn = returnOn;
        Instant newReturnAt = null;
        if (period.returnAt() != null && returnOn != null && returnOn.equals(period.returnAt().atZone(zone).toLocalDate())) {
            newReturnOn = null;
            newReturnAt = period.returnAt();
        }
        return new AwayPlan(newStartOn, newStartAt, team ? null : delegateId, team ? delegateId : null, newReturnOn,
                newReturnAt, message, handOver, handBack);
    }

    private boolean isTeam(Set<UUID> teamIds) {
        return delegateId != null && teamIds.contains(delegateId);
    }
}
