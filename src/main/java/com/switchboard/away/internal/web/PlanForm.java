package com.switchboard.away.internal.web;

import java.io.Serializable;
import java.time.LocalDate;
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

    static PlanForm of(AwayPeriod period) {
        return new PlanForm(period.startOn(), period.returnOn(),
                period.delegateId() != null ? period.delegateId() : period.delegateTeamId(), period.message(),
                period.handOver(), period.handBack());
    }

    public boolean givesBack() {
        return handBack == null || handBack;
    }

    /**
     * The plan it asks for. A period whose start or return was given as an exact instant (through
     * the API) keeps it unless the form gives a day instead.
     */
    AwayPlan plan(Set<UUID> teamIds, AwayPeriod before) {
        boolean team = delegateId != null && teamIds.contains(delegateId);
        var startAt = startOn == null && before != null && before.startOn() == null ? before.startAt() : null;
        var returnAt = returnOn == null && before != null && before.returnOn() == null ? before.returnAt() : null;
        return new AwayPlan(startOn, startAt, team ? null : delegateId, team ? delegateId : null, returnOn, returnAt,
                message, Boolean.TRUE.equals(handOver), givesBack());
    }
}
