package com.switchboard.notifications.internal;

import java.util.HashMap;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

import com.switchboard.accounts.Actor;
import com.switchboard.conversations.Conversation;
import com.switchboard.conversations.Conversations;
import com.switchboard.notifications.Notification;
import com.switchboard.notifications.Notifications;

/** The notifications page: the newest first; opening one marks it read and opens its conversation. */
@Controller
class NotificationsController {

    private static final int SHOWN = 50;

    private final Notifications notifications;
    private final Conversations conversations;

    NotificationsController(Notifications notifications, Conversations conversations) {
        this.notifications = notifications;
        this.conversations = conversations;
    }

    @GetMapping("/notifications")
    String list(Actor actor, @RequestHeader(name = "HX-Target", required = false) String target, Model model) {
        var recent = notifications.recent(actor, SHOWN);
        var byId = new HashMap<UUID, Conversation>();
        conversations.byIds(actor, recent.stream().map(Notification::conversationId).filter(Objects::nonNull).distinct().toList())
                .forEach(c -> byId.put(c.id(), c));
        model.addAttribute("notifications", recent);
        model.addAttribute("conversations", byId);
        return "notification-list".equals(target) ? "notifications/list :: list" : "notifications/list";
    }

    @PostMapping("/notifications/{id}/open")
    String open(Actor actor, @PathVariable UUID id) {
        return "redirect:" + notifications.read(actor, id).link();
    }

    @PostMapping("/notifications/read")
    String readAll(Actor actor) {
        notifications.readAll(actor);
        return "redirect:/notifications";
    }
}
