package com.switchboard.away;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.switchboard.accounts.Actor;
import com.switchboard.accounts.User;
import com.switchboard.accounts.Users;
import com.switchboard.away.internal.AwayPeriodRepository;
import com.switchboard.system.InvalidInputException;
import com.switchboard.teams.Teams;

/**
 * What an away period may say, for turning away mode on (R3, R14) and for planning one (R22): the
 * same delegate, return and note rules, and no two periods of a user at once.
 */
@Component
class AwayChecks {

    static final int MAX_MESSAGE = 200;
    // The longest away period one can plan: long leaves fit, a mistyped year does not.
    static final Period LONGEST_AWAY = Period.ofYears(3);

    private final AwayPeriodRepository periods;
    private final Users users;
    private final Teams teams;
    private final Clock clock;

    AwayChecks(AwayPeriodRepository periods, Users users, Teams teams, Clock clock) {
        this.periods = periods;
        this.users = users;
        this.teams = teams;
        this.clock = clock;
    }

    /** The first day a return date or a planned start may be: tomorrow, in the user's time zone. */
    LocalDate earliestDay(User user) {
        return LocalDate.now(clock.withZone(user.timeZone())).plusDays(1);
    }

    void check(Actor actor, User user, UUID delegateId, UUID delegateTeamId, String message,
            boolean handOver, String handOverField, InvalidInputException.Checks refusals) {
        if (delegateTeamId != null) {
            if (delegateId != null) {
                refusals.reject("delegateTeamId", "away.delegateTwice");
            }
            else if (teams.find(actor.accountId(), delegateTeamId).isEmpty()) {
                refusals.reject("delegateTeamId", "teams.invalid");
            }
        }
        if (delegateId != null) {
            if (delegateId.equals(user.id())) {
                refusals.reject("delegateId", "away.delegateSelf");
            }
            else {
                var delegate = users.find(actor.accountId(), delegateId);
                if (delegate.isEmpty() || !delegate.get().active()) {
                    refusals.reject("delegateId", "away.delegateInvalid");
                }
            }
        }
        if (handOver && delegateId == null && delegateTeamId == null) {
            refusals.reject(handOverField, "away.handOverNeedsDelegate");
        }
        if (message != null && message.strip().length() > MAX_MESSAGE) {
            refusals.reject("message", "away.messageTooLong", MAX_MESSAGE);
        }
    }

    /** A return, when given, is after {@code now} and within {@link #LONGEST_AWAY}. */
    void checkReturn(User user, LocalDate returnOn, Instant returnAt, Instant now,
            InvalidInputException.Checks refusals) {
        if (returnOn != null && returnAt != null) {
            refusals.reject("returnOn", "away.returnTwice");
        }
        else if (returnOn != null && returnOn.isBefore(earliestDay(user))) {
            refusals.reject("returnOn", "away.returnInPast");
        }
        else if (returnOn != null && returnOn.isAfter(earliestDay(user).plus(LONGEST_AWAY))) {
            refusals.reject("returnOn", "away.returnTooFar", LONGEST_AWAY.getYears());
        }
        else if (returnAt != null && !returnAt.isAfter(now)) {
            refusals.reject("returnAt", "away.returnInPast");
        }
        else if (returnAt != null && returnAt.isAfter(now.atZone(ZoneOffset.UTC).plus(LONGEST_AWAY).toInstant())) {
            refusals.reject("returnAt", "away.returnTooFar", LONGEST_AWAY.getYears());
        }
    }

    /** R22: a user's periods never overlap; checked under the user's lock, in their time zone now. */
    void refuseOverlap(User user, AwayPeriod candidate, UUID except, String field) {
        Instant now = clock.instant();
        for (var other : periods.notEnded(user.accountId(), user.id())) {
            if (other.id().equals(except) || other.id().equals(candidate.id())) {
                continue;
            }
            Instant otherEnds = other.endsAt(user.timeZone());
            if (otherEnds != null && !otherEnds.isAfter(now)) {
                continue;
            }
            if (candidate.overlaps(other, user.timeZone())) {
                throw new InvalidInputException(field, "away.overlaps");
            }
        }
    }

    static String message(String message) {
        return message == null || message.isBlank() ? null : message.strip();
    }

    /**
     * A planned period (R22): one start, in the future (a date from tomorrow on, in the user's
     * time zone), not more than {@link #LONGEST_AWAY} ahead, and a return, if any, after it.
     */
    void checkPlan(Actor actor, User user, AwayPlan plan, Instant now, InvalidInputException.Checks refusals) {
        check(actor, user, plan.delegateId(), plan.delegateTeamId(), plan.message(), plan.handOver(), "handOver",
                refusals);
        var latest = now.atZone(ZoneOffset.UTC).plus(LONGEST_AWAY).toInstant();
        Instant starts = null;
        if (plan.startOn() == null && plan.startAt() == null) {
            refusals.reject("startOn", "away.startRequired");
        }
        else if (plan.startOn() != null && plan.startAt() != null) {
            refusals.reject("startOn", "away.startTwice");
        }
        else if (plan.startOn() != null && plan.startOn().isBefore(earliestDay(user))) {
            refusals.reject("startOn", "away.startInPast");
        }
        else if (plan.startAt() != null && !plan.startAt().isAfter(now)) {
            refusals.reject("startAt", "away.startInPast");
        }
        else {
            starts = plan.startOn() != null ? plan.startOn().atStartOfDay(user.timeZone()).toInstant() : plan.startAt();
            if (starts.isAfter(latest)) {
                refusals.reject(plan.startOn() != null ? "startOn" : "startAt", "away.startTooFar",
                        LONGEST_AWAY.getYears());
            }
        }
        if (plan.returnOn() != null && plan.returnAt() != null) {
            refusals.reject("returnOn", "away.returnTwice");
            return;
        }
        Instant returns = plan.returnOn() != null ? plan.returnOn().atStartOfDay(user.timeZone()).toInstant()
                : plan.returnAt();
        String returnField = plan.returnOn() != null ? "returnOn" : "returnAt";
        if (returns != null && starts != null && !returns.isAfter(starts)) {
            refusals.reject(returnField, "away.returnBeforeStart");
        }
        else if (returns != null && starts != null && returns.isAfter(starts.atZone(ZoneOffset.UTC)
                .plus(LONGEST_AWAY).toInstant())) {
            refusals.reject(returnField, "away.returnTooFar", LONGEST_AWAY.getYears());
        }
    }
}
