package com.switchboard.notifications.internal.push;

import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import com.interaso.webpush.WebPush;
import com.interaso.webpush.WebPushService;
import com.switchboard.accounts.User;
import com.switchboard.accounts.Users;
import com.switchboard.conversations.Conversations;
import com.switchboard.customers.PhoneNumbers;
import com.switchboard.notifications.Notification;
import com.switchboard.notifications.NotificationCreated;
import com.switchboard.notifications.Notifications;
import com.switchboard.system.Deployment;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tells a user's browsers, by Web Push, that a conversation became theirs (by a teammate, or by
 * the away rules), after the transaction that gave it commits. The service worker shows it only
 * when no Switchboard tab is open; an open tab has it already, live. A push that fails is not
 * tried again (the notification waits in the app); a browser that unsubscribed is forgotten.
 */
@Component
class PushSender {

    private static final Logger log = LoggerFactory.getLogger(PushSender.class);
    private static final int TIME_TO_LIVE_SECONDS = 24 * 60 * 60;

    private final PushSubscriptions subscriptions;
    private final PushKeys keys;
    private final Notifications notifications;
    private final Users users;
    private final Conversations conversations;
    private final MessageSource messages;
    private final Deployment deployment;
    private final PhoneNumbers phones;
    private final JsonMapper json;
    private volatile WebPushService service;

    PushSender(PushSubscriptions subscriptions, PushKeys keys, Notifications notifications, Users users,
            Conversations conversations, MessageSource messages, Deployment deployment, PhoneNumbers phones,
            JsonMapper json) {
        this.subscriptions = subscriptions;
        this.keys = keys;
        this.notifications = notifications;
        this.users = users;
        this.conversations = conversations;
        this.messages = messages;
        this.deployment = deployment;
        this.phones = phones;
        this.json = json;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(NotificationCreated created) {
        var browsers = subscriptions.of(created.accountId(), created.userId());
        if (browsers.isEmpty()) {
            return;
        }
        var notification = notifications.find(created.accountId(), created.notificationId()).orElse(null);
        var user = users.find(created.accountId(), created.userId()).orElse(null);
        if (notification == null || user == null || !user.active()) {
            return;
        }
        String payload = payload(notification, user);
        for (var browser : browsers) {
            try {
                var state = service().send(payload, browser.endpoint(), browser.p256dh(), browser.auth(),
                        TIME_TO_LIVE_SECONDS, null, WebPush.Urgency.High);
                if (state == WebPush.SubscriptionState.EXPIRED) {
                    subscriptions.forget(created.accountId(), browser.id());
                }
                else {
                    subscriptions.sent(created.accountId(), browser.id());
                }
            }
            catch (RuntimeException e) {
                log.warn("Push to a browser of user {} failed: {}", created.userId(), e.getMessage());
            }
        }
    }

    /** What the service worker shows: in the user's language, with where a click goes. */
    private String payload(Notification notification, User user) {
        Locale locale = user.locale();
        if (notification.isWebhookDisabled()) {
            var data = json.createObjectNode()
                    .put("title", messages.getMessage("push.title", null, locale))
                    .put("body", messages.getMessage("push.webhookDisabled", new Object[] { notification.detail() },
                            locale))
                    .put("url", notification.link())
                    .put("tag", "webhook-" + notification.subjectId());
            return json.writeValueAsString(data);
        }
        if (notification.conversationId() == null) {
            // R21: someone starts or stops covering; the inbox is where it matters.
            String key = "push.coveringEnded";
            if (notification.isCovering()) {
                key = "push.covering";
            }
            var data = json.createObjectNode()
                    .put("title", messages.getMessage("push.title", null, locale))
                    .put("body", messages.getMessage(key, new Object[] { name(user, notification.fromUserId()) }, locale))
                    .put("url", notification.link())
                    .put("tag", "covering-" + notification.fromUserId());
            return json.writeValueAsString(data);
        }
        var conversation = conversations.conversation(user.accountId(), notification.conversationId());
        String customer = conversation.customer().name() != null ? conversation.customer().name()
                : phones.display(conversation.customer().phone());
        String body = notification.isAway()
                ? messages.getMessage("push.away", new Object[] { name(user, notification.fromUserId()), customer },
                        locale)
                : notification.isQueuedAway()
                ? messages.getMessage("push.queuedAway", new Object[] { name(user, notification.fromUserId()), customer },
                        locale)
                : messages.getMessage("push.assigned", new Object[] { name(user, notification.actorId()), customer },
                        locale);
        var data = json.createObjectNode()
                .put("title", messages.getMessage("push.title", null, locale))
                .put("body", body)
                .put("url", "/conversations/" + conversation.id())
                .put("tag", "conversation-" + conversation.id());
        return json.writeValueAsString(data);
    }

    private String name(User recipient, UUID userId) {
        return userId == null ? "Switchboard"
                : users.find(recipient.accountId(), userId).map(User::name).orElse("Switchboard");
    }

    private WebPushService service() {
        if (service == null) {
            service = new WebPushService(deployment.publicUrl().toString(), keys.keys());
        }
        return service;
    }
}
