package com.switchboard.notifications.internal.push;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import com.switchboard.accounts.Actor;
import com.switchboard.accounts.SettingsSection;
import com.switchboard.accounts.User;

/**
 * Your settings → Notifications on this device: the browsers that receive Web Push, one added by
 * push.js (the browser subscribes with the server's key, then posts its subscription here), and
 * each removable. The settings page belongs to accounts; this module adds its section's model.
 */
@Controller
class PushController implements SettingsSection {

    /** A browser's PushSubscription, as its toJSON() writes it. */
    record SubscriptionJson(String endpoint, Map<String, String> keys) {
    }

    private final PushSubscriptions subscriptions;
    private final PushKeys keys;

    PushController(PushSubscriptions subscriptions, PushKeys keys) {
        this.subscriptions = subscriptions;
        this.keys = keys;
    }

    @PostMapping("/settings/push")
    @ResponseStatus(HttpStatus.CREATED)
    @ResponseBody
    Map<String, UUID> subscribe(Actor actor, @RequestBody SubscriptionJson subscription,
            @RequestHeader(name = "User-Agent", required = false) String userAgent) {
        var keys = subscription.keys() == null ? Map.<String, String>of() : subscription.keys();
        var saved = subscriptions.subscribe(actor, subscription.endpoint(), keys.get("p256dh"), keys.get("auth"),
                Browsers.name(userAgent));
        return Map.of("id", saved.id());
    }

    @PostMapping("/settings/push/{id}/remove")
    String remove(Actor actor, @PathVariable UUID id) {
        subscriptions.remove(actor, id);
        return "redirect:/settings?pushRemoved#push";
    }

    @Override
    public void addTo(Map<String, Object> model, User me) {
        model.put("pushBrowsers", subscriptions.mine(me.actor()));
        model.put("pushKey", keys.applicationServerKey());
    }
}
