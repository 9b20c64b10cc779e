package com.switchboard.away.internal.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.switchboard.accounts.Actor;
import com.switchboard.accounts.User;
import com.switchboard.accounts.Users;
import com.switchboard.away.AwayHistory;
import com.switchboard.away.AwayPlans;
import com.switchboard.away.AwayStatuses;
import com.switchboard.conversations.Conversation;
import com.switchboard.conversations.Conversations;

/** What the away form and the away history need, for a user's own settings or a teammate's away page. */
@Component
class AwayPageModel {

    private final AwayStatuses statuses;
    private final AwayPlans plans;
    private final Users users;
    private final Conversations conversations;
    private final Clock clock;

    AwayPageModel(AwayStatuses statuses, AwayPlans plans, Users users, Conversations conversations, Clock clock) {
        this.statuses = statuses;
        this.plans = plans;
        this.users = users;
        this.conversations = conversations;
        this.clock = clock;
    }

    void addTo(Map<String, Object> model, Actor viewer, User target) {
        model.put("awayTarget", target);
        model.put("awayNow", clock.instant());
        var status = statuses.status(viewer, target.id());
        model.put("awayStatus", status);
        var now = clock.instant();
        var notEnded = plans.periods(viewer, target.id());
        var current = notEnded.stream().filter(p -> p.isAwayAt(now, target.timeZone())).findFirst().orElse(null);
        if (!model.containsKey("awayForm")) {
            model.put("awayForm", AwayForm.of(status, current));
        }
        model.put("awayOpenConversations", statuses.openConversations(viewer, target.id()));
        model.put("awayPlanned", notEnded.stream().filter(p -> p.isPlannedAt(now, target.timeZone()))
                .map(p -> PlannedPeriod.of(p, target.timeZone())).toList());
        if (!model.containsKey("planForm")) {
            model.put("planForm", PlanForm.empty());
        }
        model.put("planAction", viewer.is(target.id()) ? "/settings/away/periods"
                : "/team/" + target.id() + "/away/periods");
        model.put("awayEarliestReturn", statuses.earliestReturnDate(target));
        List<User> candidates = users.active(viewer).stream().filter(u -> !u.id().equals(target.id())).toList();
        model.put("awayCandidates", candidates);
        List<AwayHistory> history = statuses.history(viewer, target.id());
        model.put("awayHistory", history);
        var ids = history.stream().flatMap(h -> h.handovers().stream()).map(AwayHistory.Handover::conversationId)
                .distinct().toList();
        Map<UUID, Conversation> handedOver = new HashMap<>();
        conversations.byIds(viewer, ids).forEach(c -> handedOver.put(c.id(), c));
        model.put("awayConversations", handedOver);
    }
}
