package com.switchboard.away;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.switchboard.accounts.Accounts;
import com.switchboard.accounts.Actor;
import com.switchboard.accounts.User;
import com.switchboard.accounts.Users;
import com.switchboard.away.internal.AwayPeriodRepository;
import com.switchboard.away.internal.AwayTransitions;
import com.switchboard.away.internal.Move;
import com.switchboard.conversations.Conversation;
import com.switchboard.conversations.Conversations;
import com.switchboard.system.ConflictException;
import com.switchboard.system.InvalidInputException;
import com.switchboard.system.NotFoundException;
import com.switchboard.teams.Teams;

/**
 * Reading and changing away statuses. A user changes their own; an admin changes anyone's in
 * the account (R15). Whether someone is away is always derived from the stored period and the
 * instant (R3), so reads are exact even when the return-date job is late.
 */
@Service
public class AwayStatuses {

    static final int MAX_MESSAGE = 200;
    // The longest away period one can plan: long leaves fit, a mistyped year does not.
    static final Period LONGEST_AWAY = Period.ofYears(3);

    private final AwayPeriodRepository periods;
    private final AwayTransitions transitions;
    private final Users users;
    private final Accounts accounts;
    private final Teams teams;
    private final Conversations conversations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AwayStatuses(AwayPeriodRepository periods, AwayTransitions transitions, Users users, Accounts accounts,
            Teams teams, Conversations conversations, ApplicationEventPublisher events, Clock clock) {
        this.periods = periods;
        this.transitions = transitions;
        this.users = users;
        this.accounts = accounts;
        this.teams = teams;
        this.conversations = conversations;
        this.events = events;
        this.clock = clock;
    }

    /** A teammate's status now. Anyone in the account may read it. */
    public AwayStatus status(Actor actor, UUID userId) {
        User user = users.get(actor, userId);
        Instant now = clock.instant();
        // The period in effect; else the last one that started, to say who ended it and when.
        var shown = periods.history(actor.accountId(), userId).stream()
                .filter(p -> p.isAwayAt(now, user.timeZone()))
                .findFirst()
                .or(() -> periods.history(actor.accountId(), userId).stream()
                        .filter(p -> !p.startsAt(user.timeZone()).isAfter(now))
                        .findFirst())
                .orElse(null);
        return AwayStatus.of(userId, shown, user.timeZone(), now);
    }

    /** A teammate's time zone, in which their period's dates are read. */
    public ZoneId timeZone(Actor actor, UUID userId) {
        return users.get(actor, userId).timeZone();
    }

    /**
     * Refuses a change to a period that is not one of the user's that has not ended: 404 for
     * another user's or one that does not exist, 409 for one that ended.
     */
    public void cancelCheck(Actor actor, UUID userId, UUID periodId) {
        users.get(actor, userId);
        periods.find(actor.accountId(), periodId).filter(p -> p.userId().equals(userId))
                .orElseThrow(NotFoundException::new);
        throw new ConflictException("period", "away.periodEnded");
    }

    /** How many open conversations a teammate has: what a handover would move (R19). */
    public int openConversations(Actor actor, UUID userId) {
        users.get(actor, userId);
        return conversations.openAssignedTo(actor, userId);
    }

    /** Everyone of the account who is away at {@code instant}, by user id: for rendering names. */
    public Map<UUID, AwayStatus> awayAt(UUID accountId, Map<UUID, ZoneId> zones, Instant instant) {
        var away = new HashMap<UUID, AwayStatus>();
        for (AwayPeriod period : periods.allOpen(accountId)) {
            ZoneId zone = zones.get(period.userId());
            if (zone != null && period.isAwayAt(instant, zone)) {
                away.put(period.userId(), AwayStatus.of(period.userId(), period, zone, instant));
            }
        }
        return away;
    }

    /**
     * Everyone of {@code users} (an account's) who is away at {@code instant}, each with who would
     * receive a new conversation from them at that instant, and by which rule; and until when that
     * stays true unless someone changes something.
     */
    public TeamAway awayWithCoverage(UUID accountId, Collection<User> users, Instant instant) {
        var byId = users.stream().collect(Collectors.toMap(User::id, Function.identity()));
        var statuses = new HashMap<UUID, AwayStatus>();
        Instant holdsUntil = null;
        for (AwayPeriod period : periods.allOpen(accountId)) {
            User user = byId.get(period.userId());
            if (user == null) {
                continue;
            }
            Instant changes;
            if (period.isAwayAt(instant, user.timeZone())) {
                statuses.put(user.id(), AwayStatus.of(user.id(), period, user.timeZone(), instant));
                changes = period.returnsAt(user.timeZone());
            }
            else {
                Instant starts = period.startsAt(user.timeZone());
                changes = starts.isAfter(instant) ? starts : null;
            }
            if (changes != null && (holdsUntil == null || changes.isBefore(holdsUntil))) {
                holdsUntil = changes;
            }
        }
        var result = new HashMap<UUID, AwayNow>();
        var fallback = AwayRouting.Fallback.valueOf(accounts.awayFallback(accountId).name());
        // Where the conversations of someone away go when their delegate is away too (R18): without
        // a conversation at hand, the queue of their first team.
        var firstTeams = new HashMap<UUID, UUID>();
        if (fallback == AwayRouting.Fallback.TEAM_QUEUE && !statuses.isEmpty()) {
            for (var team : teams.all(accountId)) {
                team.memberIds().forEach(member -> firstTeams.putIfAbsent(member, team.id()));
            }
        }
        statuses.forEach((userId, status) -> {
            AwayRouting.Delegate delegate = null;
            User delegateUser = status.delegateId() == null ? null : byId.get(status.delegateId());
            if (delegateUser != null) {
                var delegateStatus = statuses.get(delegateUser.id());
                delegate = new AwayRouting.Delegate(delegateUser.id(), delegateUser.active(),
                        delegateStatus == null ? null : delegateStatus.asRoutingAway());
            }
            var coverage = AwayRouting.decide(new AwayRouting.Situation(userId, status.asRoutingAway(), delegate,
                    status.delegateTeamId(), false, fallback, null, firstTeams.get(userId), instant));
            result.put(userId, new AwayNow(status, coverage));
        });
        return new TeamAway(result, holdsUntil);
    }

    /** Who of the account is away now, with each user's own time zone. */
    public Map<UUID, AwayStatus> awayNow(UUID accountId) {
        var zones = users.all(accountId).stream().collect(Collectors.toMap(User::id, User::timeZone));
        return awayAt(accountId, zones, clock.instant());
    }

    /**
     * Turns away mode on now (or changes the period in effect) or off, for oneself or, as an
     * admin, for anyone. Turning it on may hand over every open conversation at once (R19).
     */
    @Transactional
    public AwayStatus change(Actor actor, UUID userId, AwayChange change) {
        User user = users.get(actor, userId);
        if (!actor.is(userId)) {
            actor.requireAdmin();
        }
        // The conversations of a handover first, then the user: the order a customer's message
        // takes them in, so the two never wait on each other in a circle.
        List<Conversation> open = change.away() && change.handOverNow()
                ? conversations.lockOpenAssignedTo(actor.accountId(), userId) : List.of();
        periods.lockUser(userId);
        Instant now = clock.instant();
        var current = settleReturned(user, now).stream().filter(p -> p.isAwayAt(now, user.timeZone())).findFirst()
                .orElse(null);
        if (!change.away()) {
            if (current != null) {
                transitions.end(current, now, actor.is(userId) ? EndReason.TURNED_OFF : EndReason.ADMIN,
                        actor.userId());
            }
            return status(actor, userId);
        }
        var checks = new InvalidInputException.Checks();
        if (!user.active()) {
            checks.reject("away", "away.userInactive");
        }
        check(actor, user, change.delegateId(), change.delegateTeamId(), change.message(), change.handOverNow(),
                "handOverNow", checks);
        checkReturn(user, change.returnOn(), change.returnAt(), now, checks);
        checks.throwIfAny();
        String message = message(change.message());
        AwayPeriod saved;
        if (current == null) {
            saved = new AwayPeriod(UUID.randomUUID(), actor.accountId(), userId, change.delegateId(),
                    change.delegateTeamId(), now, null, change.returnOn(), change.returnAt(), message,
                    change.handOverNow(), change.handBack(), actor.userId(), now, actor.userId(), null, null, null);
            refuseOverlap(user, saved, null, "returnOn");
            periods.insert(saved, now);
        }
        else {
            saved = new AwayPeriod(current.id(), current.accountId(), userId, change.delegateId(),
                    change.delegateTeamId(), current.startAt(), current.startOn(), change.returnOn(),
                    change.returnAt(), message, current.handOver() || change.handOverNow(), change.handBack(),
                    current.startedBy(), now, actor.userId(), null, null, null);
            refuseOverlap(user, saved, current.id(), "returnOn");
            periods.updateSettings(saved);
        }
        tellTheDelegates(current, saved);
        events.publishEvent(new AwayStatusChanged(actor.accountId(), userId, true, actor.userId(),
                change.delegateId(), change.returnOn(), change.returnAt(), change.delegateTeamId()));
        if (change.handOverNow()) {
            transitions.handOver(saved, user, open);
        }
        events.publishEvent(new AwayPeriodsChanged(actor.accountId(), userId));
        return status(actor, userId);
    }

    /**
     * The user's periods that have not ended, after writing down those whose return has come and
     * the job has not reached yet (their hand-back included).
     */
    private List<AwayPeriod> settleReturned(User user, Instant now) {
        var notEnded = new ArrayList<AwayPeriod>();
        for (var period : periods.notEnded(user.accountId(), user.id())) {
            Instant returns = period.returnsAt(user.timeZone());
            if (returns != null && !returns.isAfter(now)) {
                transitions.end(period, returns, EndReason.RETURN_DATE, null);
            }
            else {
                notEnded.add(period);
            }
        }
        return notEnded;
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
        settleReturned(user, now);
        var checks = new InvalidInputException.Checks();
        if (!user.active()) {
            checks.reject("away", "away.userInactive");
        }
        checkPlan(actor, user, plan, now, checks);
        checks.throwIfAny();
        var planned = new AwayPeriod(UUID.randomUUID(), actor.accountId(), userId, plan.delegateId(),
                plan.delegateTeamId(), plan.startAt(), plan.startOn(), plan.returnOn(), plan.returnAt(),
                message(plan.message()), plan.handOver(), plan.handBack(), actor.userId(), now, actor.userId(), null,
                null, null);
        refuseOverlap(user, planned, null, plan.startOn() != null ? "startOn" : "startAt");
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
        periods.lockUser(userId);
        Instant now = clock.instant();
        var period = settleReturned(user, now).stream().filter(p -> p.id().equals(periodId)).findFirst()
                .orElse(null);
        if (period == null) {
            periods.find(actor.accountId(), periodId).filter(p -> p.userId().equals(userId))
                    .orElseThrow(NotFoundException::new);
            throw new ConflictException("period", "away.periodEnded");
        }
        if (!period.isPlannedAt(now, user.timeZone())) {
            boolean sameStart = (plan.startOn() == null && plan.startAt() == null)
                    || Objects.equals(plan.startOn(), period.startOn()) && Objects.equals(plan.startAt(), period.startAt());
            if (!sameStart) {
                throw new InvalidInputException(plan.startOn() != null ? "startOn" : "startAt", "away.alreadyStarted");
            }
            change(actor, userId, new AwayChange(true, plan.delegateId(), plan.returnOn(), plan.returnAt(),
                    plan.message(), plan.delegateTeamId(), plan.handOver(), plan.handBack()));
            return periods.find(actor.accountId(), periodId).orElseThrow();
        }
        var checks = new InvalidInputException.Checks();
        checkPlan(actor, user, plan, now, checks);
        checks.throwIfAny();
        var changed = new AwayPeriod(period.id(), period.accountId(), userId, plan.delegateId(), plan.delegateTeamId(),
                plan.startAt(), plan.startOn(), plan.returnOn(), plan.returnAt(), message(plan.message()),
                plan.handOver(), plan.handBack(), period.startedBy(), now, actor.userId(), null, null, null);
        refuseOverlap(user, changed, period.id(), plan.startOn() != null ? "startOn" : "startAt");
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
        var period = settleReturned(user, now).stream().filter(p -> p.id().equals(periodId)).findFirst()
                .orElse(null);
        if (period == null) {
            periods.find(actor.accountId(), periodId).filter(p -> p.userId().equals(userId))
                    .orElseThrow(NotFoundException::new);
            throw new ConflictException("period", "away.periodEnded");
        }
        if (period.isPlannedAt(now, user.timeZone()) && periods.deletePlanned(actor.accountId(), periodId)) {
            events.publishEvent(new AwayPeriodsChanged(actor.accountId(), userId));
            return;
        }
        transitions.end(period, now, actor.is(userId) ? EndReason.TURNED_OFF : EndReason.ADMIN, actor.userId());
    }

    /**
     * R21: a new delegate is told they cover, from when, until when; one replaced is told they no
     * longer do. A change of the return date alone tells the delegate again, with the new date.
     */
    private void tellTheDelegates(AwayPeriod before, AwayPeriod after) {
        boolean sameDelegate = before != null && CoverageChanged.sameDelegate(before, after);
        if (CoverageChanged.covered(before) && !sameDelegate) {
            events.publishEvent(CoverageChanged.ends(before));
        }
        boolean sameReturn = before != null && Objects.equals(before.returnOn(), after.returnOn())
                && Objects.equals(before.returnAt(), after.returnAt());
        if (CoverageChanged.covered(after) && !(sameDelegate && sameReturn)) {
            events.publishEvent(CoverageChanged.starts(after));
        }
    }

    /** Every away period of a user, newest first: their own for a user (R16), anyone's for an admin. */
    public List<AwayHistory> history(Actor actor, UUID userId) {
        User user = users.get(actor, userId);
        if (!actor.is(userId)) {
            actor.requireAdmin();
        }
        Instant now = clock.instant();
        // Planned periods are not history yet: they are listed with the periods to come.
        var all = periods.history(actor.accountId(), userId).stream()
                .filter(p -> !p.isPlannedAt(now, user.timeZone()))
                .toList();
        var moves = periods.moves(actor.accountId(), all.stream().map(AwayPeriod::id).toList()).stream()
                .collect(Collectors.groupingBy(Move::periodId));
        return all.stream()
                .map(p -> new AwayHistory(p, p.startsAt(user.timeZone()), p.returnsAt(user.timeZone()),
                        moves.getOrDefault(p.id(), List.of()).stream()
                                .map(m -> new AwayHistory.Handover(m.conversationId(), m.toUserId(), m.toTeamId(),
                                        m.how(), m.at(), m.outcome()))
                                .toList()))
                .toList();
    }

    /** The first day a return date may be for this user: tomorrow, in their time zone. */
    public LocalDate earliestReturnDate(User user) {
        return LocalDate.now(clock.withZone(user.timeZone())).plusDays(1);
    }

    private void check(Actor actor, User user, UUID delegateId, UUID delegateTeamId, String message,
            boolean handOver, String handOverField, InvalidInputException.Checks checks) {
        if (delegateTeamId != null) {
            if (delegateId != null) {
                checks.reject("delegateTeamId", "away.delegateTwice");
            }
            else if (teams.find(actor.accountId(), delegateTeamId).isEmpty()) {
                checks.reject("delegateTeamId", "teams.invalid");
            }
        }
        if (delegateId != null) {
            if (delegateId.equals(user.id())) {
                checks.reject("delegateId", "away.delegateSelf");
            }
            else {
                var delegate = users.find(actor.accountId(), delegateId);
                if (delegate.isEmpty() || !delegate.get().active()) {
                    checks.reject("delegateId", "away.delegateInvalid");
                }
            }
        }
        if (handOver && delegateId == null && delegateTeamId == null) {
            checks.reject(handOverField, "away.handOverNeedsDelegate");
        }
        if (message != null && message.strip().length() > MAX_MESSAGE) {
            checks.reject("message", "away.messageTooLong", MAX_MESSAGE);
        }
    }

    /** A return, when given, is after {@code now} and within {@link #LONGEST_AWAY}. */
    private void checkReturn(User user, LocalDate returnOn, Instant returnAt, Instant now,
            InvalidInputException.Checks checks) {
        if (returnOn != null && returnAt != null) {
            checks.reject("returnOn", "away.returnTwice");
        }
        else if (returnOn != null && returnOn.isBefore(earliestReturnDate(user))) {
            checks.reject("returnOn", "away.returnInPast");
        }
        else if (returnOn != null && returnOn.isAfter(earliestReturnDate(user).plus(LONGEST_AWAY))) {
            checks.reject("returnOn", "away.returnTooFar", LONGEST_AWAY.getYears());
        }
        else if (returnAt != null && !returnAt.isAfter(now)) {
            checks.reject("returnAt", "away.returnInPast");
        }
        else if (returnAt != null && returnAt.isAfter(now.atZone(ZoneOffset.UTC).plus(LONGEST_AWAY).toInstant())) {
            checks.reject("returnAt", "away.returnTooFar", LONGEST_AWAY.getYears());
        }
    }

    /**
     * A planned period (R22): one start, in the future (a date from tomorrow on, in the user's
     * time zone), not more than {@link #LONGEST_AWAY} ahead, and a return, if any, after it.
     */
    private void checkPlan(Actor actor, User user, AwayPlan plan, Instant now, InvalidInputException.Checks checks) {
        check(actor, user, plan.delegateId(), plan.delegateTeamId(), plan.message(), plan.handOver(), "handOver",
                checks);
        var latest = now.atZone(ZoneOffset.UTC).plus(LONGEST_AWAY).toInstant();
        Instant starts = null;
        if (plan.startOn() == null && plan.startAt() == null) {
            checks.reject("startOn", "away.startRequired");
        }
        else if (plan.startOn() != null && plan.startAt() != null) {
            checks.reject("startOn", "away.startTwice");
        }
        else if (plan.startOn() != null && plan.startOn().isBefore(earliestReturnDate(user))) {
            checks.reject("startOn", "away.startInPast");
        }
        else if (plan.startAt() != null && !plan.startAt().isAfter(now)) {
            checks.reject("startAt", "away.startInPast");
        }
        else {
            starts = plan.startOn() != null ? plan.startOn().atStartOfDay(user.timeZone()).toInstant() : plan.startAt();
            if (starts.isAfter(latest)) {
                checks.reject(plan.startOn() != null ? "startOn" : "startAt", "away.startTooFar",
                        LONGEST_AWAY.getYears());
            }
        }
        if (plan.returnOn() != null && plan.returnAt() != null) {
            checks.reject("returnOn", "away.returnTwice");
            return;
        }
        Instant returns = plan.returnOn() != null ? plan.returnOn().atStartOfDay(user.timeZone()).toInstant()
                : plan.returnAt();
        String returnField = plan.returnOn() != null ? "returnOn" : "returnAt";
        if (returns != null && starts != null && !returns.isAfter(starts)) {
            checks.reject(returnField, "away.returnBeforeStart");
        }
        else if (returns != null && starts != null && returns.isAfter(starts.atZone(ZoneOffset.UTC)
                .plus(LONGEST_AWAY).toInstant())) {
            checks.reject(returnField, "away.returnTooFar", LONGEST_AWAY.getYears());
        }
    }

    /** R22: a user's periods never overlap; checked under the user's lock, in their time zone now. */
    private void refuseOverlap(User user, AwayPeriod candidate, UUID except, String field) {
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

    private static String message(String message) {
        return message == null || message.isBlank() ? null : message.strip();
    }
}
