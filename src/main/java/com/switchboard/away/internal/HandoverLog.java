package com.switchboard.away.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.switchboard.accounts.Users;
import com.switchboard.away.AwayHistory;
import com.switchboard.conversations.ConversationAssigned;
import com.switchboard.conversations.ConversationQueued;
import com.switchboard.conversations.TimelineEvent;

/**
 * Writes each conversation the away rules moved when its customer wrote (R4, R17, R18) into the
 * away period that moved it, in the transaction that moved it: its history (R16) and what its end
 * gives back (R20). Handovers (R19) are written by the start itself.
 */
@Component
class HandoverLog {

    private final AwayPeriodRepository periods;
    private final Users users;
    private final Clock clock;

    HandoverLog(AwayPeriodRepository periods, Users users, Clock clock) {
        this.periods = periods;
        this.users = users;
        this.clock = clock;
    }

    @EventListener
    void on(ConversationAssigned assigned) {
        if (assigned.reason() != TimelineEvent.Reason.ASSIGNEE_AWAY || assigned.fromUserId() == null) {
            return;
        }
        record(assigned.accountId(), assigned.conversationId(), assigned.fromUserId(), null, assigned.toUserId(), null);
    }

    @EventListener
    void on(ConversationQueued queued) {
        if (queued.reason() == TimelineEvent.Reason.HANDED_OVER || queued.fromUserId() == null) {
            return;
        }
        record(queued.accountId(), queued.conversationId(), queued.fromUserId(), queued.fromTeamId(), null,
                queued.teamId());
    }

    private void record(UUID accountId, UUID conversationId, UUID fromUserId, UUID fromTeamId, UUID toUserId,
            UUID toTeamId) {
        Instant now = clock.instant();
        var zone = users.find(accountId, fromUserId).map(u -> u.timeZone()).orElse(null);
        if (zone == null) {
            return;
        }
        periods.notEnded(accountId, fromUserId).stream()
                .filter(period -> period.isAwayAt(now, zone))
                .findFirst()
                .ifPresent(period -> periods.recordMove(new Move(accountId, period.id(), conversationId, fromUserId,
                        fromTeamId, toUserId, toTeamId, AwayHistory.How.AWAY_RULE, now, null)));
    }
}
