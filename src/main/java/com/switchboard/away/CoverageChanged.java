package com.switchboard.away;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * Someone started or stopped covering for an away teammate (R21): a period with a delegate
 * started, its delegate changed, or it ended. Exactly one of {@code delegateId} and
 * {@code delegateTeamId} is set.
 *
 * @param starts true when the covering starts, false when it ends
 * @param returnOn while it starts: the day the away teammate is back, when given as a day
 * @param returnAt while it starts: the moment they are back, when given as a moment
 */
public record CoverageChanged(UUID accountId, UUID awayUserId, UUID delegateId, UUID delegateTeamId, boolean starts,
        LocalDate returnOn, Instant returnAt) {

    public static CoverageChanged starts(AwayPeriod period) {
        return new CoverageChanged(period.accountId(), period.userId(), period.delegateId(), period.delegateTeamId(),
                true, period.returnOn(), period.returnAt());
    }

    public static CoverageChanged ends(AwayPeriod period) {
        return new CoverageChanged(period.accountId(), period.userId(), period.delegateId(), period.delegateTeamId(),
                false, null, null);
    }

    public static boolean covered(AwayPeriod period) {
        return period != null && (period.delegateId() != null || period.delegateTeamId() != null);
    }

    static boolean sameDelegate(AwayPeriod one, AwayPeriod other) {
        return Objects.equals(one.delegateId(), other.delegateId())
                && Objects.equals(one.delegateTeamId(), other.delegateTeamId());
    }
}
