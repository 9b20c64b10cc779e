package com.switchboard.away.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;

import com.switchboard.accounts.Accounts;
import com.switchboard.accounts.User;
import com.switchboard.accounts.Users;
import com.switchboard.away.AwayPeriod;
import com.switchboard.away.AwayRouting;
import com.switchboard.conversations.Conversations;
import com.switchboard.conversations.InboundRouting;
import com.switchboard.conversations.TimelineEvent;
import com.switchboard.teams.Team;
import com.switchboard.teams.Teams;

/**
 * The away rules as the routing step of every inbound message (R4 to R8): it gathers the inputs
 * of {@link AwayRouting#decide} inside the transaction that stores the message, with the
 * conversation locked, so concurrent messages see each other's outcome.
 */
@Component
class AwayInboundRouting implements InboundRouting {

    private final AwayPeriodRepository periods;
    private final Users users;
    private final Accounts accounts;
    private final Teams teams;
    private final Conversations conversations;

    AwayInboundRouting(AwayPeriodRepository periods, Users users, Accounts accounts, Teams teams,
            Conversations conversations) {
        this.periods = periods;
        this.users = users;
        this.accounts = accounts;
        this.teams = teams;
        this.conversations = conversations;
    }

    @Override
    public Decision route(Inbound inbound) {
        if (inbound.assigneeId() == null) {
            return Decision.keep();
        }
        var assignee = users.find(inbound.accountId(), inbound.assigneeId()).orElse(null);
        var period = periods.open(inbound.accountId(), inbound.assigneeId()).orElse(null);
        if (assignee == null || period == null) {
            return Decision.keep();
        }
        AwayRouting.Delegate delegate = null;
        if (period.delegateId() != null) {
            var user = users.find(inbound.accountId(), period.delegateId()).orElse(null);
            if (user != null) {
                delegate = new AwayRouting.Delegate(user.id(), user.active(),
                        periods.open(inbound.accountId(), user.id()).map(p -> resolve(p, user)).orElse(null));
            }
        }
        boolean engaged = conversations.hasRepliedSince(inbound.accountId(), inbound.conversationId(),
                assignee.id(), period.startedAt());
        var fallback = AwayRouting.Fallback.valueOf(accounts.awayFallback(inbound.accountId()).name());
        UUID firstTeam = fallback == AwayRouting.Fallback.KEEP ? null
                : teams.of(inbound.accountId(), assignee.id()).stream().findFirst().map(Team::id).orElse(null);
        var decision = AwayRouting.decide(new AwayRouting.Situation(assignee.id(), resolve(period, assignee), delegate,
                period.delegateTeamId(), engaged, fallback, inbound.teamId(), firstTeam, inbound.receivedAt()));
        return switch (decision.reason()) {
            case ASSIGNEE_AWAY -> Decision.reassign(decision.reassignTo(), TimelineEvent.Reason.ASSIGNEE_AWAY);
            case TEAM_DELEGATE -> Decision.queue(decision.queueTeamId(), TimelineEvent.Reason.TEAM_DELEGATE);
            case FALLBACK_QUEUE -> Decision.queue(decision.queueTeamId(), TimelineEvent.Reason.FALLBACK_QUEUE);
            case FALLBACK_UNASSIGNED -> Decision.queue(null, TimelineEvent.Reason.FALLBACK_UNASSIGNED);
            case DELEGATE_AWAY -> kept(TimelineEvent.Reason.DELEGATE_AWAY, period);
            case ENGAGED -> kept(TimelineEvent.Reason.ENGAGED, period);
            case NO_DELEGATE -> kept(TimelineEvent.Reason.NO_DELEGATE, period);
            case DELEGATE_DEACTIVATED -> kept(TimelineEvent.Reason.DELEGATE_DEACTIVATED, period);
            case UNASSIGNED, ASSIGNEE_PRESENT -> Decision.keep();
        };
    }

    private static Decision kept(TimelineEvent.Reason reason, AwayPeriod period) {
        return Decision.keepWithAwayAssignee(reason, period.delegateId(), period.startedAt());
    }

    private static AwayRouting.Away resolve(AwayPeriod period, User user) {
        var returns = period.returnsAt(user.timeZone());
        var ended = period.endedAt();
        return new AwayRouting.Away(period.startedAt(), ended != null && (returns == null || ended.isBefore(returns))
                ? ended : returns, period.delegateId());
    }
}
