package com.switchboard.away;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.switchboard.accounts.Actor;
import com.switchboard.accounts.User;
import com.switchboard.accounts.Users;
import com.switchboard.away.internal.AwayPeriodRepository;
import com.switchboard.away.internal.AwayTransitions;
import com.switchboard.system.ConflictException;
import com.switchboard.system.InvalidInputException;
import com.switchboard.system.NotFoundException;

/**
 * Away periods ahead (R22): the ones planned, and the one in effect, listed, planned, changed and
 * cancelled, for oneself or, as an admin, for anyone; and every period over a stretch of days, for
 * the team calendar (R24). Turning away mode on or off now is {@link AwayStatuses}'.
 */
@Service
public class AwayPlans {

    private final AwayPeriodRepository periods;
    private final AwayTransitions transitions;
    private final AwayChecks checks;
    private final AwayStatuses statuses;
    private final Users users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AwayPlans(AwayPeriodRepository periods, AwayTransitions transitions, AwayChecks checks, AwayStatuses statuses,
            Users users, ApplicationEventPublisher events, Clock clock) {
        this.periods = periods;
        this.transitions = transitions;
        this.checks = checks;
        this.statuses = statuses;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** A teammate's time zone, in which their periods' days are read. */
    public ZoneId timeZone(Actor actor, UUID userId) {
        return users.get(actor, userId).timeZone();
    }

    /** A teammate's periods that have not ended, the one in effect first if any, then those planned (R22). */
    public List<AwayPeriod> periods(Actor actor, UUID userId) {
        User user = users.get(actor, userId);
        Instant now = clock.instant();
        return periods.notEnded(actor.accountId(), userId).stream()
                .filter(p -> {
                    Instant returns = p.returnsAt(user.timeZone());
                    return returns == null || returns.isAfter(now);
                })
                .toList();
    }

    /**
     * Every period of the account that has someone away during some instant from {@code from}
     * to {@code to}: the team calendar's (R24). Anyone in the account may read them.
     */
    public List<AwayPeriod> periodsBetween(Actor actor, Instant from, Instant to) {
        var zones = users.all(actor.accountId()).stream().collect(Collectors.toMap(User::id, User::timeZone));
        return periods.around(actor.accountId(), from, to).stream()
                .filter(p -> zones.containsKey(p.userId()))
                .filter(p -> {
                    var zone = zones.get(p.userId());
                    Instant ends = p.endsAt(zone);
                    return p.startsAt(zone).isBefore(to) && (ends == null || ends.isAfter(from))
                            && (ends == null || ends.isAfter(p.startsAt(zone)));
                })
                .toList();
    }

    /** Plans an away period ahead (R22): for oneself, or as an admin for anyone. */
    @Transactional
    public AwayPeriod plan(Actor actor, UUID userId, AwayPlan plan) {
        User user = users.get(actor, userId);
        if (!actor.is(userId)) {
            actor.requireAdmin();
        }
        periods.lockUser(userId);
        Instant now = clock.instant();
        transitions.endReturned(user, now);
        var refusals = new InvalidInputException.Checks();
        if (!user.active()) {
            refusals.reject("away", "away.userInactive");
        }
        checks.checkPlan(actor, user, plan, now, refusals);
        refusals.throwIfAny();
        var planned = new AwayPeriod(UUID.randomUUID(), actor.accountId(), userId, plan.delegateId(),
                plan.delegateTeamId(), plan.startAt(), plan.startOn(), plan.returnOn(), plan.returnAt(),
                AwayChecks.message(plan.message()), plan.handOver(), plan.handBack(), actor.userId(), now,
                actor.userId(), null, null, null);
        checks.refuseOverlap(user, planned, null, plan.startOn() != null ? "startOn" : "startAt");
        periods.insert(planned, null);
        events.publishEvent(new AwayPeriodsChanged(actor.accountId(), userId));
        return planned;
    }

    /**
     * Changes a period that has not ended, as a whole: a planned one entirely, the one in effect
     * all but its start (which has happened).
     */
    @Transactional
    public AwayPeriod changePeriod(Actor actor, UUID userId, UUID periodId, AwayPlan plan) {
        User user = users.get(actor, userId);
        if (!actor.is(userId)) {
            actor.requireAdmin();
        }
        Instant now = clock.instant();
        var inEffect = periods.find(actor.accountId(), periodId)
                .filter(p -> p.userId().equals(userId) && p.isAwayAt(now, user.timeZone()))
                .orElse(null);
        if (inEffect != null) {
            // The one in effect changes as turning away mode on again does, with its locks in
            // their order (a handover's conversations first); its start has happened.
            boolean sameStart = (plan.startOn() == null && plan.startAt() == null)
                    || Objects.equals(plan.startOn(), inEffect.startOn())
                            && Objects.equals(plan.startAt(), inEffect.startAt());
            if (!sameStart) {
                throw new InvalidInputException(plan.startOn() != null ? "startOn" : "startAt", "away.alreadyStarted");
            }
            statuses.change(actor, userId, new AwayChange(true, plan.delegateId(), plan.returnOn(), plan.returnAt(),
                    plan.message(), plan.delegateTeamId(), plan.handOver(), plan.handBack()));
            return periods.find(actor.accountId(), periodId).orElseThrow();
        }
        periods.lockUser(userId);
        var period = notEnded(actor, user, periodId, now);
        if (!period.isPlannedAt(now, user.timeZone())) {
            throw new ConflictException("period", "away.alreadyStarted");
        }
        var refusals = new InvalidInputException.Checks();
        checks.checkPlan(actor, user, plan, now, refusals);
        refusals.throwIfAny();
        var changed = new AwayPeriod(period.id(), period.accountId(), userId, plan.delegateId(), plan.delegateTeamId(),
                plan.startAt(), plan.startOn(), plan.returnOn(), plan.returnAt(), AwayChecks.message(plan.message()),
                plan.handOver(), plan.handBack(), period.startedBy(), now, actor.userId(), null, null, null);
        checks.refuseOverlap(user, changed, period.id(), plan.startOn() != null ? "startOn" : "startAt");
        periods.updateSettings(changed);
        events.publishEvent(new AwayPeriodsChanged(actor.accountId(), userId));
        return changed;
    }

    /**
     * Cancels a planned period (it never happened, so nothing of it is kept), or ends the one in
     * effect as turning away mode off does.
     */
    @Transactional
    public void cancel(Actor actor, UUID userId, UUID periodId) {
        User user = users.get(actor, userId);
        if (!actor.is(userId)) {
            actor.requireAdmin();
        }
        periods.lockUser(userId);
        Instant now = clock.instant();
        var period = notEnded(actor, user, periodId, now);
        if (period.isPlannedAt(now, user.timeZone()) && periods.deletePlanned(actor.accountId(), periodId)) {
            events.publishEvent(new AwayPeriodsChanged(actor.accountId(), userId));
            return;
        }
        transitions.end(period, now, actor.is(userId) ? EndReason.TURNED_OFF : EndReason.ADMIN, actor.userId());
    }

    /**
     * One of a teammate's periods that has not ended, to show or change: another user's, or one
     * that does not exist, is not found (404); one that is over cannot change (409).
     */
    public AwayPeriod notEnded(Actor actor, UUID userId, UUID periodId) {
        var user = users.get(actor, userId);
        return periods(actor, userId).stream().filter(p -> p.id().equals(periodId)).findFirst()
                .orElseGet(() -> {
                    periods.find(actor.accountId(), periodId).filter(p -> p.userId().equals(user.id()))
                            .orElseThrow(NotFoundException::new);
                    throw new ConflictException("period", "away.periodEnded");
                });
    }

    /**
     * One of the user's periods that has not ended, with the user's lock held: another user's, or
     * one that does not exist, is not found; one that ended (its return may have just come) is over.
     */
    private AwayPeriod notEnded(Actor actor, User user, UUID periodId, Instant now) {
        return transitions.endReturned(user, now).stream().filter(p -> p.id().equals(periodId)).findFirst()
                .orElseGet(() -> {
                    periods.find(actor.accountId(), periodId).filter(p -> p.userId().equals(user.id()))
                            .orElseThrow(NotFoundException::new);
                    throw new ConflictException("period", "away.periodEnded");
                });
    }
}
