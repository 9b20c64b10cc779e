package com.switchboard.away;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One away period as history shows it: its settings, how it ended, and what it handed over.
 *
 * @param returnsAt when it was to end by itself, or null
 */
public record AwayHistory(AwayPeriod period, Instant returnsAt, List<Handover> handovers) {

    /** A conversation the period gave to someone, and when. */
    public record Handover(UUID conversationId, UUID toUserId, Instant at) {
    }

    /** When it ended in fact: turned off, or the return date (even before the job wrote it down). */
    public Instant endedAt(Instant now) {
        if (period.endedAt() != null) {
            return period.endedAt();
        }
        return returnsAt != null && !now.isBefore(returnsAt) ? returnsAt : null;
    }

    public EndReason endReason(Instant now) {
        if (period.endReason() != null) {
            return period.endReason();
        }
        return endedAt(now) != null ? EndReason.RETURN_DATE : null;
    }
}
