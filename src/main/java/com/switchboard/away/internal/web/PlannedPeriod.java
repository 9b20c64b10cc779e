package com.switchboard.away.internal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.switchboard.away.AwayPeriod;

/**
 * A planned period as the pages list it (R22): its first day away and its first day back in the
 * away user's time zone, or the exact instants the API gave.
 *
 * @param firstDay the first day away, when it starts on a day; else null and {@code startsAt} says when
 * @param returnOn the first day back, when it returns on a day; else null and {@code returnsAt} says when, if ever
 */
public record PlannedPeriod(UUID id, UUID userId, LocalDate firstDay, Instant startsAt, LocalDate returnOn,
        Instant returnsAt, UUID delegateId, UUID delegateTeamId, String message, boolean handOver, boolean handBack) {

    static PlannedPeriod of(AwayPeriod period, ZoneId zone) {
        return new PlannedPeriod(period.id(), period.userId(), period.startOn(), period.startsAt(zone),
                period.returnOn(), period.returnsAt(zone), period.delegateId(), period.delegateTeamId(),
                period.message(), period.handOver(), period.handBack());
    }

    public boolean hasDelegate() {
        return delegateId != null || delegateTeamId != null;
    }
}
