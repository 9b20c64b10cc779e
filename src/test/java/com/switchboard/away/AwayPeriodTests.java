package com.switchboard.away;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Whether someone is away at an instant: a pure function of the stored period and the instant (R2, R3). */
class AwayPeriodTests {

    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");
    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    private static AwayPeriod period(Instant start, LocalDate returnOn, Instant returnAt) {
        UUID user = UUID.randomUUID();
        return new AwayPeriod(UUID.randomUUID(), UUID.randomUUID(), user, null, null, start, null, returnOn, returnAt,
                null, false, true, user, start, user, null, null, null);
    }

    @Test
    void R2_withNoReturnDateTheUserStaysAwayUntilTheyTurnItOff() {
        var start = Instant.parse("2026-12-01T14:00:00Z");
        var open = period(start, null, null);

        assertThat(open.isAwayAt(start, TORONTO)).isTrue();
        assertThat(open.isAwayAt(Instant.parse("2030-01-01T00:00:00Z"), TORONTO)).isTrue();
        assertThat(open.returnsAt(TORONTO)).isNull();
    }

    @Test
    void R3_awayEndsAtMidnightAtTheStartOfTheReturnDateInTheUsersTimeZone() {
        var period = period(Instant.parse("2026-12-01T14:00:00Z"), LocalDate.of(2026, 12, 3), null);
        var midnightInToronto = Instant.parse("2026-12-03T05:00:00Z");

        assertThat(period.returnsAt(TORONTO)).isEqualTo(midnightInToronto);
        assertThat(period.isAwayAt(midnightInToronto.minusMillis(1), TORONTO)).isTrue();
        assertThat(period.isAwayAt(midnightInToronto, TORONTO)).isFalse();
    }

    @Test
    void R3_theSameReturnDateEndsAtTwoInstantsForUsersInAucklandAndVancouver() {
        var period = period(Instant.parse("2026-12-01T00:00:00Z"), LocalDate.of(2026, 12, 10), null);

        // Auckland is on daylight time in December (UTC+13); Vancouver on standard time (UTC-8).
        assertThat(period.returnsAt(AUCKLAND)).isEqualTo(Instant.parse("2026-12-09T11:00:00Z"));
        assertThat(period.returnsAt(VANCOUVER)).isEqualTo(Instant.parse("2026-12-10T08:00:00Z"));
        var between = Instant.parse("2026-12-09T20:00:00Z");
        assertThat(period.isAwayAt(between, AUCKLAND)).isFalse();
        assertThat(period.isAwayAt(between, VANCOUVER)).isTrue();
    }

    @Test
    void R3_aReturnDateRightAfterADaylightSavingChangeIsStillLocalMidnight() {
        var start = Instant.parse("2027-03-01T00:00:00Z");
        // Vancouver springs forward on Sunday 2027-03-14 at 02:00: the 15th begins at UTC-7.
        assertThat(period(start, LocalDate.of(2027, 3, 15), null).returnsAt(VANCOUVER))
                .isEqualTo(Instant.parse("2027-03-15T07:00:00Z"));
        // The 14th itself still begins at UTC-8, before the change.
        assertThat(period(start, LocalDate.of(2027, 3, 14), null).returnsAt(VANCOUVER))
                .isEqualTo(Instant.parse("2027-03-14T08:00:00Z"));
        // Auckland falls back on Sunday 2027-04-04 at 03:00: the 5th begins at UTC+12.
        assertThat(period(start, LocalDate.of(2027, 4, 5), null).returnsAt(AUCKLAND))
                .isEqualTo(Instant.parse("2027-04-04T12:00:00Z"));
        assertThat(period(start, LocalDate.of(2027, 4, 4), null).returnsAt(AUCKLAND))
                .isEqualTo(Instant.parse("2027-04-03T11:00:00Z"));
    }

    @Test
    void R3_anExactReturnInstantIsTakenAsIs() {
        var returnAt = Instant.parse("2026-12-03T05:00:00Z");
        var period = period(Instant.parse("2026-12-01T00:00:00Z"), null, returnAt);

        assertThat(period.returnsAt(AUCKLAND)).isEqualTo(returnAt);
        assertThat(period.isAwayAt(returnAt.minusSeconds(1), VANCOUVER)).isTrue();
        assertThat(period.isAwayAt(returnAt, VANCOUVER)).isFalse();
    }

    @Test
    void anEndedPeriodIsNotAwayAfterItsEnd() {
        var start = Instant.parse("2026-12-01T00:00:00Z");
        var ended = new AwayPeriod(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, null, start, null, null,
                null, null, false, true, null, start, null, start.plusSeconds(60), EndReason.TURNED_OFF, null);

        assertThat(ended.isAwayAt(start.plusSeconds(59), TORONTO)).isTrue();
        assertThat(ended.isAwayAt(start.plusSeconds(60), TORONTO)).isFalse();
    }

    @Test
    void R22_aPlannedPeriodIsAwayFromMidnightOfItsFirstDayEvenOnTheDayClocksChange() {
        UUID user = UUID.randomUUID();
        var planned = new AwayPeriod(UUID.randomUUID(), UUID.randomUUID(), user, null, null, null,
                LocalDate.of(2027, 3, 14), LocalDate.of(2027, 3, 15), null, null, false, true, user,
                Instant.parse("2026-12-01T00:00:00Z"), user, null, null, null);

        assertThat(planned.isAwayAt(Instant.parse("2027-03-14T04:59:59Z"), TORONTO)).isFalse();
        assertThat(planned.isPlannedAt(Instant.parse("2027-03-14T04:59:59Z"), TORONTO)).isTrue();
        assertThat(planned.isAwayAt(Instant.parse("2027-03-14T05:00:00Z"), TORONTO)).isTrue();
        assertThat(planned.isAwayAt(Instant.parse("2027-03-15T03:59:59Z"), TORONTO)).isTrue();
        assertThat(planned.isAwayAt(Instant.parse("2027-03-15T04:00:00Z"), TORONTO)).isFalse();
        // The same stored dates, read for someone in Vancouver, are three hours later.
        assertThat(planned.isAwayAt(Instant.parse("2027-03-14T07:59:59Z"), VANCOUVER)).isFalse();
        assertThat(planned.isAwayAt(Instant.parse("2027-03-14T08:00:00Z"), VANCOUVER)).isTrue();
    }

    @Test
    void R22_periodsOverlapWhenSomeInstantIsInBothAndBackToBackIsNotAnOverlap() {
        UUID user = UUID.randomUUID();
        var first = planned(user, LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 8));
        var backToBack = planned(user, LocalDate.of(2027, 1, 8), LocalDate.of(2027, 1, 10));
        var inside = planned(user, LocalDate.of(2027, 1, 5), LocalDate.of(2027, 1, 6));
        var untilTurnedOff = planned(user, LocalDate.of(2027, 1, 1), null);

        assertThat(first.overlaps(backToBack, TORONTO)).isFalse();
        assertThat(first.overlaps(inside, TORONTO)).isTrue();
        assertThat(inside.overlaps(first, TORONTO)).isTrue();
        assertThat(untilTurnedOff.overlaps(backToBack, TORONTO)).isTrue();
    }

    @Test
    void R22_aPageInDaysKeepsAnExactStartAndReturnLeftOnTheDaysItShowedAndTakesTheDaysChanged() {
        // Planned through the API: from 13:30 on January 4 to 09:00 on January 8, Toronto time.
        var exact = period(Instant.parse("2027-01-04T18:30:00Z"), null, Instant.parse("2027-01-08T14:00:00Z"));
        UUID sophie = UUID.randomUUID();
        UUID service = UUID.randomUUID();
        assertThat(exact.startDay(TORONTO)).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(exact.returnDay(TORONTO)).isEqualTo(LocalDate.of(2027, 1, 8));
        // Read in Auckland (UTC+13 in January), the same instant is already January 5.
        assertThat(exact.startDay(AUCKLAND)).isEqualTo(LocalDate.of(2027, 1, 5));

        var leftAsShown = AwayPlan.inDays(LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 8), sophie, Set.of(service),
                "Back Friday", false, true, exact, TORONTO);
        assertThat(leftAsShown.startOn()).isNull();
        assertThat(leftAsShown.startAt()).isEqualTo(exact.startAt());
        assertThat(leftAsShown.returnOn()).isNull();
        assertThat(leftAsShown.returnAt()).isEqualTo(exact.returnAt());
        assertThat(leftAsShown.delegateId()).isEqualTo(sophie);
        assertThat(leftAsShown.delegateTeamId()).isNull();

        var changed = AwayPlan.inDays(LocalDate.of(2027, 1, 5), null, service, Set.of(service), null, true, false,
                exact, TORONTO);
        assertThat(changed.startOn()).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(changed.startAt()).isNull();
        assertThat(changed.returnOn()).isNull();
        assertThat(changed.returnAt()).as("a return left out is no return").isNull();
        assertThat(changed.delegateId()).isNull();
        assertThat(changed.delegateTeamId()).as("R17: a team's id names the team").isEqualTo(service);

        // A period in effect shows its start without sending it: the start is kept.
        var startLeftOut = AwayPlan.inDays(null, LocalDate.of(2027, 1, 9), sophie, Set.of(), null, false, true, exact,
                TORONTO);
        assertThat(startLeftOut.startAt()).isEqualTo(exact.startAt());
        assertThat(startLeftOut.returnOn()).isEqualTo(LocalDate.of(2027, 1, 9));
        assertThat(startLeftOut.returnAt()).isNull();
    }

    private static AwayPeriod planned(UUID user, LocalDate startOn, LocalDate returnOn) {
        return new AwayPeriod(UUID.randomUUID(), UUID.randomUUID(), user, null, null, null, startOn, returnOn, null,
                null, false, true, user, Instant.parse("2026-12-01T00:00:00Z"), user, null, null, null);
    }
}
