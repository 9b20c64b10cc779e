package com.switchboard.away;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
import com.switchboard.system.InvalidInputException;
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
    private final Users users;
    private final Accounts accounts;
    private final Teams teams;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AwayStatuses(AwayPeriodRepository periods, Users users, Accounts accounts, Teams teams,
            ApplicationEventPublisher events, Clock clock) {
        this.periods = periods;
        this.users = users;
        this.accounts = accounts;
        this.teams = teams;
        this.events = events;
        this.clock = clock;
    }

    /** A teammate's status now. Anyone in the account may read it. */
    public AwayStatus status(Actor actor, UUID userId) {
        User user = users.get(actor, userId);
        return AwayStatus.of(userId, periods.latest(actor.accountId(), userId).orElse(null), user.timeZone(),
                clock.instant());
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
                changes = period.startedAt().isAfter(instant) ? period.startedAt() : null;
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

    /** Turns away mode on (or changes it while on) or off, for oneself or, as an admin, for anyone. */
    @Transactional
    public AwayStatus change(Actor actor, UUID userId, AwayChange change) {
        User user = users.get(actor, userId);
        if (!actor.is(userId)) {
            actor.requireAdmin();
        }
        periods.lockUser(userId);
        Instant now = clock.instant();
        var open = periods.open(actor.accountId(), userId).orElse(null);
        boolean wasAway = open != null && open.isAwayAt(now, user.timeZone());
        if (open != null && !wasAway) {
            // It ended by its return date, and the job has not written that down yet.
            periods.end(actor.accountId(), open.id(), open.returnsAt(user.timeZone()), EndReason.RETURN_DATE, null);
            if (CoverageChanged.covered(open)) {
                events.publishEvent(CoverageChanged.ends(open));
            }
            open = null;
        }
        if (!change.away()) {
            if (wasAway) {
                periods.end(actor.accountId(), open.id(), now,
                        actor.is(userId) ? EndReason.TURNED_OFF : EndReason.ADMIN, actor.userId());
                events.publishEvent(AwayStatusChanged.back(actor.accountId(), userId, actor.userId()));
                if (CoverageChanged.covered(open)) {
                    events.publishEvent(CoverageChanged.ends(open));
                }
            }
            return status(actor, userId);
        }
        var checks = new InvalidInputException.Checks();
        if (!user.active()) {
            checks.reject("away", "away.userInactive");
        }
        check(actor, user, change, now, checks);
        checks.throwIfAny();
        String message = change.message() == null || change.message().isBlank() ? null : change.message().strip();
        AwayPeriod saved;
        if (open == null) {
            saved = new AwayPeriod(UUID.randomUUID(), actor.accountId(), userId, change.delegateId(),
                    change.delegateTeamId(), now,
                    change.returnOn(), change.returnAt(), message, actor.userId(), now, actor.userId(), null, null,
                    null);
            periods.insert(saved);
        }
        else {
            saved = new AwayPeriod(open.id(), open.accountId(), userId, change.delegateId(),
                    change.delegateTeamId(),
                    open.startedAt(), change.returnOn(), change.returnAt(), message, open.startedBy(), now,
                    actor.userId(), null, null, null);
            periods.updateSettings(saved);
        }
        tellTheDelegates(open, saved);
        events.publishEvent(new AwayStatusChanged(actor.accountId(), userId, true, actor.userId(),
                change.delegateId(), change.returnOn(), change.returnAt(), change.delegateTeamId()));
        return status(actor, userId);
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
        var all = periods.history(actor.accountId(), userId);
        var handovers = periods.reassignments(actor.accountId(), all.stream().map(AwayPeriod::id).toList()).stream()
                .collect(Collectors.groupingBy(AwayPeriodRepository.Reassignment::periodId));
        return all.stream()
                .map(p -> new AwayHistory(p, p.returnsAt(user.timeZone()),
                        handovers.getOrDefault(p.id(), List.of()).stream()
                                .map(r -> new AwayHistory.Handover(r.conversationId(), r.toUserId(), r.at()))
                                .toList()))
                .toList();
    }

    /** The first day a return date may be for this user: tomorrow, in their time zone. */
    public LocalDate earliestReturnDate(User user) {
        return LocalDate.now(clock.withZone(user.timeZone())).plusDays(1);
    }

    private void check(Actor actor, User user, AwayChange change, Instant now, InvalidInputException.Checks checks) {
        if (change.delegateTeamId() != null) {
            if (change.delegateId() != null) {
                checks.reject("delegateTeamId", "away.delegateTwice");
            }
            else if (teams.find(actor.accountId(), change.delegateTeamId()).isEmpty()) {
                checks.reject("delegateTeamId", "teams.invalid");
            }
        }
        if (change.delegateId() != null) {
            if (change.delegateId().equals(user.id())) {
                checks.reject("delegateId", "away.delegateSelf");
            }
            else {
                var delegate = users.find(actor.accountId(), change.delegateId());
                if (delegate.isEmpty() || !delegate.get().active()) {
                    checks.reject("delegateId", "away.delegateInvalid");
                }
            }
        }
        if (change.returnOn() != null && change.returnAt() != null) {
            checks.reject("returnOn", "away.returnTwice");
        }
        else if (change.returnOn() != null && change.returnOn().isBefore(earliestReturnDate(user))) {
            checks.reject("returnOn", "away.returnInPast");
        }
        else if (change.returnOn() != null && change.returnOn().isAfter(earliestReturnDate(user).plus(LONGEST_AWAY))) {
            checks.reject("returnOn", "away.returnTooFar", LONGEST_AWAY.getYears());
        }
        else if (change.returnAt() != null && !change.returnAt().isAfter(now)) {
            checks.reject("returnAt", "away.returnInPast");
        }
        else if (change.returnAt() != null
                && change.returnAt().isAfter(now.atZone(ZoneOffset.UTC).plus(LONGEST_AWAY).toInstant())) {
            checks.reject("returnAt", "away.returnTooFar", LONGEST_AWAY.getYears());
        }
        if (change.message() != null && change.message().strip().length() > MAX_MESSAGE) {
            checks.reject("message", "away.messageTooLong", MAX_MESSAGE);
        }
    }
}
