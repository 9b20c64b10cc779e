package com.switchboard.live.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.switchboard.accounts.AccessEnded;
import com.switchboard.away.AwayStatusChanged;
import com.switchboard.conversations.ConversationAssigned;
import com.switchboard.conversations.ConversationStatusChanged;
import com.switchboard.conversations.ConversationTeamChanged;
import com.switchboard.conversations.MessageDeliveryChanged;
import com.switchboard.conversations.MessageRecorded;
import com.switchboard.notifications.NotificationCreated;
import com.switchboard.teams.TeamsChanged;

/**
 * Writes what the other modules announce to the live log, inside the transaction that made it
 * happen: if that transaction rolls back, nothing is logged and no one hears of it.
 */
@Component
class LiveEventRecorder {

    private final LiveLog log;

    LiveEventRecorder(LiveLog log) {
        this.log = log;
    }

    @EventListener
    void on(AwayStatusChanged event) {
        // What an API client needs, beside the name fragment the pages get (LiveMessages).
        log.append(event.accountId(), null, LiveTypes.AWAY, facts("userId", event.userId(), "away", event.away(),
                "delegateId", event.delegateId(),
                "returnOn", event.returnOn() == null ? null : event.returnOn().toString(),
                "returnAt", event.returnAt() == null ? null : event.returnAt().toString()));
    }

    @EventListener
    void on(ConversationAssigned event) {
        log.append(event.accountId(), null, LiveTypes.ASSIGNED, facts("conversationId", event.conversationId(),
                "fromUserId", event.fromUserId(), "toUserId", event.toUserId(), "reason", event.reason().name()));
    }

    @EventListener
    void on(MessageRecorded event) {
        log.append(event.accountId(), null, LiveTypes.MESSAGE, facts("conversationId", event.conversationId(),
                "messageId", event.messageId(), "kind", event.kind().name(), "authorId", event.authorId()));
    }

    @EventListener
    void on(ConversationStatusChanged event) {
        log.append(event.accountId(), null, LiveTypes.STATUS, facts("conversationId", event.conversationId(),
                "status", event.status().name()));
    }

    @EventListener
    void on(MessageDeliveryChanged event) {
        log.append(event.accountId(), null, LiveTypes.DELIVERY, facts("conversationId", event.conversationId(),
                "messageId", event.messageId(), "status", event.status().name()));
    }

    @EventListener
    void on(NotificationCreated event) {
        log.append(event.accountId(), event.userId(), LiveTypes.NOTIFICATION,
                facts("notificationId", event.notificationId()));
    }

    @EventListener
    void on(ConversationTeamChanged event) {
        log.append(event.accountId(), null, LiveTypes.TEAM, facts("conversationId", event.conversationId(),
                "teamId", event.teamId()));
    }

    @EventListener
    void on(TeamsChanged event) {
        log.append(event.accountId(), null, LiveTypes.TEAMS, facts("teamId", event.teamId()));
    }

    // Not logged for clients: every node closes the streams that came with that access.
    @EventListener
    void on(AccessEnded event) {
        log.announceAccessEnded(event.userId(), event.access() == null ? null : event.access().key());
    }

    private static Map<String, Object> facts(Object... keysAndValues) {
        var facts = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            facts.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return facts;
    }
}
