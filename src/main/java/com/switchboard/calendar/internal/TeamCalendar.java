package com.switchboard.calendar.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.switchboard.accounts.Actor;
import com.switchboard.accounts.User;
import com.switchboard.accounts.Users;
import com.switchboard.away.AwayPeriod;
import com.switchboard.away.AwayPlans;
import com.switchboard.system.InvalidInputException;
import com.switchboard.system.NotFoundException;

/**
 * The away periods of an account over a range of days (R24), each read in its user's time zone:
 * what the calendar page, its API and the iCalendar feed show. Reading only; plans and changes go
 * to {@link AwayPlans}.
 */
@Service
public class TeamCalendar {

    /** What the page shows by default: two weeks back, eight weeks ahead. */
    public static final int DAYS_BACK = 14;
    public static final int DAYS_AHEAD = 56;
    /** The longest range the API answers: a year of days. */
    static final int MAX_DAYS = 366;
    private static final java.time.Duration HISTORY = java.time.Duration.ofDays(5 * 366);

    private final AwayPlans plans;
    private final Users users;
    private final Clock clock;

    TeamCalendar(AwayPlans plans, Users users, Clock clock) {
        this.plans = plans;
        this.users = users;
        this.clock = clock;
    }

    /** Where a period stands at the moment of reading. */
    public enum State {
        PLANNED, IN_EFFECT, PAST
    }

    /**
     * A period as the calendar reads it.
     *
     * @param zone the away user's time zone, in which its dates are days
     * @param returnsAt the planned return, or null (until turned off)
     * @param endsAt when it stops or stopped having the user away: an early end, else the return; or null
     */
    public record Entry(AwayPeriod period, ZoneId zone, Instant startsAt, Instant returnsAt, Instant endsAt,
            State state) {

        public UUID userId() {
            return period.userId();
        }

        /** Whether it was ended before its return (turned off, ended by an admin). */
        public boolean endedEarly() {
            return period.endedAt() != null && (returnsAt == null || period.endedAt().isBefore(returnsAt));
        }
    }

    /** A range of days, both included, and the instants it spans in one time zone. */
    public record Range(LocalDate from, LocalDate to, Instant start, Instant end) {

        static Range of(LocalDate from, LocalDate to, ZoneId zone) {
            return new Range(from, to, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
        }

        public List<LocalDate> days() {
            return from.datesUntil(to.plusDays(1)).toList();
        }
    }

    /** Today in a time zone. */
    public LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    public Instant now() {
        return clock.instant();
    }

    /** The page's days for a viewer: two weeks back to eight weeks ahead, in their time zone. */
    public Range defaultRange(ZoneId zone) {
        LocalDate today = today(zone);
        return Range.of(today.minusDays(DAYS_BACK), today.plusDays(DAYS_AHEAD), zone);
    }

    /**
     * The days asked for, read in the viewer's time zone; either end left out is the page's. A
     * range that ends before it starts, or spans more than a year, is refused.
     */
    public Range range(LocalDate from, LocalDate to, ZoneId zone) {
        var defaults = defaultRange(zone);
        LocalDate first = from != null ? from : defaults.from();
        LocalDate last = to != null ? to : from != null ? first.plusDays(DAYS_BACK + DAYS_AHEAD) : defaults.to();
        if (last.isBefore(first)) {
            throw new InvalidInputException("to", "calendar.rangeReversed");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new InvalidInputException("to", "calendar.rangeTooLong", MAX_DAYS);
        }
        return Range.of(first, last, zone);
    }

    /** Every period of the account with someone away during the range, by start. */
    public List<Entry> entries(Actor actor, Instant from, Instant to) {
        Map<UUID, User> byId = users.all(actor.accountId()).stream()
                .collect(Collectors.toMap(User::id, Function.identity()));
        Instant now = clock.instant();
        return plans.periodsBetween(actor, from, to).stream()
                .filter(p -> byId.containsKey(p.userId()))
                .map(p -> entry(p, byId.get(p.userId()).timeZone(), now))
                .sorted(Comparator.comparing(Entry::startsAt))
                .toList();
    }

    /** One period of a teammate, as the calendar reads it; 404 for another user's or none. */
    public Entry entry(Actor actor, UUID userId, UUID periodId) {
        var zone = plans.timeZone(actor, userId);
        Instant now = clock.instant();
        // Those not ended first (the usual case), else any the calendars of these years could show.
        var period = plans.periods(actor, userId).stream().filter(p -> p.id().equals(periodId)).findFirst()
                .or(() -> plans.periodsBetween(actor, now.minus(HISTORY), now.plus(HISTORY)).stream()
                        .filter(p -> p.id().equals(periodId) && p.userId().equals(userId)).findFirst())
                .orElseThrow(NotFoundException::new);
        return entry(period, zone, now);
    }

    private static Entry entry(AwayPeriod p, ZoneId zone, Instant now) {
        State state = p.isPlannedAt(now, zone) ? State.PLANNED : p.isAwayAt(now, zone) ? State.IN_EFFECT : State.PAST;
        return new Entry(p, zone, p.startsAt(zone), p.returnsAt(zone), p.endsAt(zone), state);
    }
}
