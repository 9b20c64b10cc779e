package com.switchboard.away;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import com.switchboard.system.InvalidInputException;
import com.switchboard.teams.Teams;

/**
 * Reading and changing away statuses. A user changes their own; an admin changes anyone's in
 * the account (R15). Whether someone is away is always derived from the stored period and the
 * instant (R3), so reads are exact even when the return-date job is late.
 */
@Service
public class AwayStatuses {

    private final AwayPeriodRepository periods;
    private final AwayTransitions transitions;
    private final AwayChecks checks;
    private final Users users;
    private final Accounts accounts;
    private final Teams teams;
    private final Conversations conversations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AwayStatuses(AwayPeriodRepository periods, AwayTransitions transitions, AwayChecks checks, Users users,
            Accounts accounts, Teams teams, Conversations conversations, ApplicationEventPublisher events,
            Clock clock) {
        this.periods = periods;
        this.transitions = transitions;
        this.checks = checks;
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
        var all = periods.history(actor.accountId(), userId);
        var shown = all.stream()
                .filter(p -> p.isAwayAt(now, user.timeZone()))
                .findFirst()
                .or(() -> all.stream().filter(p -> !p.startsAt(user.timeZone()).isAfter(now)).findFirst())
                .orElse(null);
        return AwayStatus.of(userId, shown, user.timeZone(), now);
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
        var current = transitions.endReturned(user, now).stream().filter(p -> p.isAwayAt(now, user.timeZone()))
                .findFirst().orElse(null);
        if (!change.away()) {
            if (current != null) {
                transitions.end(current, now, actor.is(userId) ? EndReason.TURNED_OFF : EndReason.ADMIN,
                        actor.userId());
            }
            return status(actor, userId);
        }
        var refusals = new InvalidInputException.Checks();
        if (!user.active()) {
            refusals.reject("away", "away.userInactive");
        }
        checks.check(actor, user, change.delegateId(), change.delegateTeamId(), change.message(),
                change.handOverNow(), "handOverNow", refusals);
        checks.checkReturn(user, change.returnOn(), change.returnAt(), now, refusals);
        refusals.throwIfAny();
        String message = AwayChecks.message(change.message());
        AwayPeriod saved;
        // What the delegates were told already: nothing for a new period.
        AwayPeriod told = current;
        if (current == null) {
            saved = new AwayPeriod(UUID.randomUUID(), actor.accountId(), userId, change.delegateId(),
                    change.delegateTeamId(), now, null, change.returnOn(), change.returnAt(), message,
                    change.handOverNow(), change.handBack(), actor.userId(), now, actor.userId(), null, null, null);
            checks.refuseOverlap(user, saved, null, "returnOn");
            periods.insert(saved, now);
        }
        else {
            // A planned period that started a moment ago, before the job announced it: this
            // change announces it, so nobody is told twice.
            if (periods.announceStart(actor.accountId(), current.id(), now)) {
                told = null;
            }
            saved = new AwayPeriod(current.id(), current.accountId(), userId, change.delegateId(),
                    change.delegateTeamId(), current.startAt(), current.startOn(), change.returnOn(),
                    change.returnAt(), message, current.handOver() || change.handOverNow(), change.handBack(),
                    current.startedBy(), now, actor.userId(), null, null, null);
            checks.refuseOverlap(user, saved, current.id(), "returnOn");
            periods.updateSettings(saved);
        }
        tellTheDelegates(told, saved);
        events.publishEvent(new AwayStatusChanged(actor.accountId(), userId, true, actor.userId(),
                change.delegateId(), change.returnOn(), change.returnAt(), change.delegateTeamId()));
        if (change.handOverNow()) {
            transitions.handOver(saved, user, open);
        }
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

    /** The first day a return date (or a planned start) may be for this user: tomorrow, in their time zone. */
    public LocalDate earliestReturnDate(User user) {
        return checks.earliestDay(user);
    }
}
