package com.switchboard.away;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.switchboard.accounts.Actor;
import com.switchboard.accounts.Users;
import com.switchboard.away.internal.AwayPeriodRepository;
import com.switchboard.away.internal.Move;
import com.switchboard.conversations.Conversations;
import com.switchboard.system.NotFoundException;

/**
 * "While you were away" (R20): for an ended away period, what came in, who answered and what came
 * back. The returning user sees it once, on their first page after the end; afterwards it stays
 * reachable from their history.
 */
@Service
public class AwaySummaries {

    private final AwayPeriodRepository periods;
    private final Users users;
    private final Conversations conversations;
    private final Clock clock;

    AwaySummaries(AwayPeriodRepository periods, Users users, Conversations conversations, Clock clock) {
        this.periods = periods;
        this.users = users;
        this.conversations = conversations;
        this.clock = clock;
    }

    /**
     * One ended period's summary: your own, or as an admin anyone's.
     */
    public AwaySummary summary(Actor actor, UUID periodId) {
        var period = periods.find(actor.accountId(), periodId).orElseThrow(NotFoundException::new);
        if (!actor.is(period.userId())) {
            actor.requireAdmin();
        }
        var zone = users.get(actor, period.userId()).timeZone();
        Instant starts = period.startsAt(zone);
        Instant ends = period.endsAt(zone);
        if (ends == null || ends.isAfter(clock.instant())) {
            // Not over yet: there is nothing to come back to.
            throw new NotFoundException();
        }
        // A conversation's first move by the period says how it left the user.
        var moveOf = new LinkedHashMap<UUID, Move>();
        periods.moves(actor.accountId(), List.of(periodId)).forEach(m -> moveOf.putIfAbsent(m.conversationId(), m));
        var ids = new LinkedHashSet<UUID>(moveOf.keySet());
        // Conversations the user kept (R5, R6, R7) whose customers wrote meanwhile.
        ids.addAll(conversations.writtenToBetween(actor, period.userId(), starts, ends));
        var activity = conversations.activity(actor, ids, starts, ends);
        var items = new ArrayList<Item>();
        for (UUID id : ids) {
            var move = moveOf.get(id);
            var done = activity.get(id);
            items.add(new Item(id, move == null ? null : move.how(), move == null ? null : move.toUserId(),
                    move == null ? null : move.toTeamId(), move == null ? null : move.outcome(),
                    done == null ? 0 : done.customerMessages(), done == null ? List.of() : done.repliedBy()));
        }
        return new AwaySummary(period, starts, ends, items);
    }

    /**
     * The summary the caller has not seen yet, if one has something to say: the latest period of
     * theirs that ended and was settled. Summaries with nothing in them count as seen.
     */
    @Transactional
    public Optional<UUID> unseen(Actor actor) {
        var period = periods.unseenSummary(actor.accountId(), actor.userId()).orElse(null);
        if (period == null) {
            return Optional.empty();
        }
        if (summary(actor, period.id()).items().isEmpty()) {
            periods.summariesSeen(actor.accountId(), actor.userId(), clock.instant());
            return Optional.empty();
        }
        return Optional.of(period.id());
    }

    /** The caller has seen their summaries: none is shown by itself again. */
    @Transactional
    public void seen(Actor actor) {
        periods.summariesSeen(actor.accountId(), actor.userId(), clock.instant());
    }

    /**
     * What an ended period saw.
     *
     * @param startsAt when it started
     * @param endedAt when it ended: turned off, or its return
     */
    public record AwaySummary(AwayPeriod period, Instant startsAt, Instant endedAt, List<Item> items) {

        /** Customer messages that came in, over all the conversations. */
        public int customerMessages() {
            return items.stream().mapToInt(Item::customerMessages).sum();
        }

        public long givenBack() {
            return items.stream().filter(i -> i.outcome() == AwayHistory.Outcome.GIVEN_BACK).count();
        }
    }

    /**
     * One conversation of the summary.
     *
     * @param how how the period moved it; null when it stayed with the away user
     * @param toUserId the teammate it went to, or null
     * @param toTeamId the team whose queue it went to, or null
     * @param outcome what became of it at the end; null when it did not move
     * @param repliedBy who wrote to the customer during the period, first one first
     */
    public record Item(UUID conversationId, AwayHistory.@Nullable How how, @Nullable UUID toUserId,
            @Nullable UUID toTeamId, AwayHistory.@Nullable Outcome outcome, int customerMessages,
            List<UUID> repliedBy) {

        public boolean moved() {
            return how != null;
        }
    }
}
