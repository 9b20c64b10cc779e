package com.switchboard.away;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One away period as history shows it: its settings, how it ended, and what it moved.
 *
 * @param startsAt when it started, or starts, in the user's time zone now
 * @param returnsAt when it was to end by itself, or null
 */
public record AwayHistory(AwayPeriod period, Instant startsAt, Instant returnsAt, List<Handover> handovers) {

    /**
     * A conversation the period moved, to whom, when, how, and what became of it at the end.
     *
     * @param toUserId the delegate who got it, or null when it went to a queue or to nobody
     * @param toTeamId the team whose queue got it, or null
     * @param outcome null while the period lasts
     */
    public record Handover(UUID conversationId, @Nullable UUID toUserId, @Nullable UUID toTeamId, How how,
            Instant at, @Nullable Outcome outcome) {
    }

    /** How a period moved a conversation. */
    public enum How {
        /** The customer wrote while the user was away (R4, R17, R18). */
        AWAY_RULE,
        /** Handed over with every other open conversation at the start (R19). */
        HANDOVER
    }

    /** What became of a moved conversation at the period's end (R20). */
    public enum Outcome {
        /** Still open and where the away rules put it: given back to the user. */
        GIVEN_BACK,
        /** Someone moved it by hand since: it stayed there. */
        MOVED_BY_HAND,
        /** Closed since: it stayed closed where it was. */
        CLOSED,
        /** The period said to leave them with the delegate. */
        LEFT
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
