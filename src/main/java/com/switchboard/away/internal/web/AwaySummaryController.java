package com.switchboard.away.internal.web;

import java.util.HashMap;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.switchboard.accounts.User;
import com.switchboard.away.AwaySummaries;
import com.switchboard.conversations.Conversation;
import com.switchboard.conversations.Conversations;

/** "While you were away" (R20): shown once to the returning user, then from their history. */
@Controller
class AwaySummaryController {

    private final AwaySummaries summaries;
    private final Conversations conversations;

    AwaySummaryController(AwaySummaries summaries, Conversations conversations) {
        this.summaries = summaries;
        this.conversations = conversations;
    }

    @GetMapping("/away/summary/{id}")
    String summary(User me, @PathVariable UUID id, @RequestParam(name = "continue", required = false) String next,
            Model model) {
        var summary = summaries.summary(me.actor(), id);
        if (me.id().equals(summary.period().userId())) {
            summaries.seen(me.actor());
        }
        var byId = new HashMap<UUID, Conversation>();
        conversations.byIds(me.actor(), summary.items().stream().map(i -> i.conversationId()).toList())
                .forEach(c -> byId.put(c.id(), c));
        model.addAttribute("summary", summary);
        model.addAttribute("summaryConversations", byId);
        model.addAttribute("continueTo", AwaySummaryOnReturn.isLocal(next) ? next : "/");
        return "away/summary";
    }
}
