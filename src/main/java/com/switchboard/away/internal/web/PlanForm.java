package com.switchboard.away.internal.web;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;

import com.switchboard.away.AwayPeriod;
import com.switchboard.away.AwayPlan;

/**
 * An away period planned ahead, or changed (R22): from the first day away to the first day back,
 * in the away user's time zone. Pages plan by days; exact instants are the API's.
 *
 * @param delegateId a teammate or, from the teams' options, a team (R17)
 * @param handOver R19: hand every open conversation to the delegate at the start; null (unchecked) means no
 * @param handBack R20: give back at the end; null (not asked yet) means yes
 */
public record PlanForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startOn,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate returnOn, UUID delegateId, String message,
        Boolean handOver, Boolean handBack) implements Serializable {

    static PlanForm empty() {
        return new PlanForm(null, null, null, null, false, true);
    }

    /** A period as it stands, in days of the user's zone (an exact instant given through the API shows its day). */
    static PlanForm of(AwayPeriod period, ZoneId zone) {
        return new PlanForm(period.startDay(zone), period.returnDay(zone),
                period.delegateId() != null ? period.delegateId() : period.delegateTeamId(), period.message(),
                period.handOver(), period.handBack());
    }

    public boolean givesBack() {
        return handBack == null || handBack;
    }

    /** The new period it plans. */
    AwayPlan plan(Set<UUID> teamIds) {
        return AwayPlan.inDays(startOn, returnOn, delegateId, teamIds, message, Boolean.TRUE.equals(handOver),
                givesBack());
    }

    /** What it changes of {@code before}, whose days it showed in {@code zone}. */
    AwayPlan change(AwayPeriod before, ZoneId zone, Set<UUID> teamIds) {
        return AwayPlan.inDays(startOn, returnOn, delegateId, teamIds, message, Boolean.TRUE.equals(handOver),
                givesBack(), before, zone);
    }
}
