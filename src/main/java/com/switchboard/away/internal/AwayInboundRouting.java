package com.switchboard.away.internal;

import java.time.Instant;

import org.springframework.stereotype.Component;

import com.switchboard.accounts.Users;
import com.switchboard.away.AwayPeriod;
import com.switchboard.conversations.Conversations;
import com.switchboard.conversations.InboundRouting;
import com.switchboard.conversations.TimelineEvent;

/**
 * The away rules as the routing step of every inbound message (R4 to R8): it gathers the inputs
 * of {@link AwayRouting#decide} inside the transaction that stores the message, with the
 * conversation locked, so concurrent messages see each other's outcome.
 */
@Component
class AwayInboundRouting implements InboundRouting {

    private final AwayPeriodRepository periods;
    private final Users users;
    private final Conversations conversations;
    private final AwayTransitions transitions;

    AwayInboundRouting(AwayPeriodRepository periods, Users users, Conversations conversations,
            AwayTransitions transitions) {
        this.periods = periods;
        this.users = users;
        this.conversations = conversations;
        this.transitions = transitions;
    }

    @Override
    public Decision route(Inbound inbound) {
        if (inbound.assigneeId() == null) {
            return Decision.keep();
        }
        var assignee = users.find(inbound.accountId(), inbound.assigneeId()).orElse(null);
        if (assignee == null) {
            return Decision.keep();
        }
        // Most assignees have no period at all: for them, nothing to wait for.
        if (periods.notEnded(inbound.accountId(), assignee.id()).isEmpty()) {
            return Decision.keep();
        }
        // Never while one of the assignee's periods starts or ends: a message and a hand-back
        // have one outcome between them (R20). Read again once the end, if any, is committed.
        periods.lockUserShared(assignee.id());
        var period = periods.notEnded(inbound.accountId(), assignee.id()).stream()
                .filter(p -> p.isAwayAt(inbound.receivedAt(), assignee.timeZone()))
                .findFirst()
                .orElse(null);
        if (period == null) {
            return Decision.keep();
        }
        var since = period.startsAt(assignee.timeZone());
        boolean engaged = conversations.hasRepliedSince(inbound.accountId(), inbound.conversationId(),
                assignee.id(), since);
        var decision = transitions.decide(period, assignee, inbound.teamId(), engaged, inbound.receivedAt());
        return switch (decision.reason()) {
            case ASSIGNEE_AWAY -> Decision.reassign(decision.reassignTo(), TimelineEvent.Reason.ASSIGNEE_AWAY);
            case TEAM_DELEGATE -> Decision.queue(decision.queueTeamId(), TimelineEvent.Reason.TEAM_DELEGATE);
            case FALLBACK_QUEUE -> Decision.queue(decision.queueTeamId(), TimelineEvent.Reason.FALLBACK_QUEUE);
            case FALLBACK_UNASSIGNED -> Decision.queue(null, TimelineEvent.Reason.FALLBACK_UNASSIGNED);
            case DELEGATE_AWAY -> kept(TimelineEvent.Reason.DELEGATE_AWAY, period, since);
            case ENGAGED -> kept(TimelineEvent.Reason.ENGAGED, period, since);
            case NO_DELEGATE -> kept(TimelineEvent.Reason.NO_DELEGATE, period, since);
            case DELEGATE_DEACTIVATED -> kept(TimelineEvent.Reason.DELEGATE_DEACTIVATED, period, since);
            case UNASSIGNED, ASSIGNEE_PRESENT -> Decision.keep();
        };
    }

    private static Decision kept(TimelineEvent.Reason reason, AwayPeriod period, Instant since) {
        return Decision.keepWithAwayAssignee(reason, period.delegateId(), since);
    }
}
