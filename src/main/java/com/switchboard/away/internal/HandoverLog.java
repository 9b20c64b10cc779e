package com.switchboard.away.internal;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.switchboard.conversations.ConversationAssigned;
import com.switchboard.conversations.TimelineEvent;

/**
 * Writes each conversation the away rules handed over into the away period's history (R16), in
 * the transaction that moved it.
 */
@Component
class HandoverLog {

    private final AwayPeriodRepository periods;
    private final Clock clock;

    HandoverLog(AwayPeriodRepository periods, Clock clock) {
        this.periods = periods;
        this.clock = clock;
    }

    @EventListener
    void on(ConversationAssigned assigned) {
        if (assigned.reason() != TimelineEvent.Reason.ASSIGNEE_AWAY || assigned.fromUserId() == null) {
            return;
        }
        periods.open(assigned.accountId(), assigned.fromUserId()).ifPresent(period -> periods.recordReassignment(
                assigned.accountId(), period.id(), assigned.conversationId(), assigned.toUserId(), clock.instant()));
    }
}
