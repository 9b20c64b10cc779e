package com.switchboard.away.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.switchboard.accounts.Users;
import com.switchboard.away.EndReason;
import com.switchboard.conversations.Conversation;
import com.switchboard.conversations.Conversations;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Announces the planned periods that have started (R22) and writes down those whose return has
 * come (R3), with their handover and hand-back. Reads never wait for it: away-ness is derived from
 * the stored periods and the instant. It runs on one node at a time, and each step is a
 * conditional update under the user's lock, so each start and each end happens once even when a
 * request or another node gets there too.
 */
@Component
class AwayPeriodJob {

    private static final Logger log = LoggerFactory.getLogger(AwayPeriodJob.class);

    private final AwayPeriodRepository periods;
    private final AwayTransitions transitions;
    private final Users users;
    private final Conversations conversations;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AwayPeriodJob(AwayPeriodRepository periods, AwayTransitions transitions, Users users, Conversations conversations,
            TransactionTemplate transaction, Clock clock) {
        this.periods = periods;
        this.transitions = transitions;
        this.users = users;
        this.conversations = conversations;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${switchboard.away.return-check-interval:1s}")
    @SchedulerLock(name = "away-return-date", lockAtMostFor = "1m")
    void run() {
        var now = clock.instant();
        for (var due : periods.unfinished()) {
            var period = due.period();
            var zone = ZoneId.of(due.timeZone());
            var returns = period.returnsAt(zone);
            boolean nothingYet = period.isOpen() && (period.startsAt(zone).isAfter(now)
                    || due.announced() && (returns == null || returns.isAfter(now)));
            if (nothingYet) {
                continue;
            }
            transaction.executeWithoutResult(status -> {
                var user = users.find(period.accountId(), period.userId()).orElseThrow();
                // The handover's conversations first, then the user: the order a customer's
                // message takes them in.
                List<Conversation> open = period.handOver()
                        ? conversations.lockOpenAssignedTo(period.accountId(), period.userId()) : List.of();
                periods.lockUser(period.userId());
                var current = periods.find(period.accountId(), period.id()).orElse(null);
                if (current == null) {
                    return;
                }
                var returnsAt = current.returnsAt(user.timeZone());
                boolean returned = returnsAt != null && !returnsAt.isAfter(now);
                if (current.isOpen() && !returned && transitions.announceStart(current, user, open)) {
                    log.info("Planned away period {} started", current.id());
                }
                if (current.isOpen() && returned) {
                    if (transitions.end(current, returnsAt, EndReason.RETURN_DATE, null)) {
                        log.info("Away period {} ended by its return date", current.id());
                    }
                }
                else if (!current.isOpen()) {
                    transitions.settle(current);
                }
            });
        }
    }
}
