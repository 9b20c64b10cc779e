package com.switchboard.live.internal;

import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.switchboard.accounts.AccessEnded;
import com.switchboard.away.AwayPeriodsChanged;
import com.switchboard.away.AwayStatusChanged;
import com.switchboard.conversations.ConversationAssigned;
import com.switchboard.conversations.ConversationStatusChanged;
import com.switchboard.conversations.ConversationTeamChanged;
import com.switchboard.conversations.MessageDeliveryChanged;
import com.switchboard.conversations.MessageRecorded;
import com.switchboard.live.LiveFacts;
import com.switchboard.notifications.NotificationCreated;
import com.switchboard.teams.TeamsChanged;

/**
 * Writes what the other modules announce to the live log, inside the transaction that made it
 * happen: if that transaction rolls back, nothing is logged and no one hears of it. The facts are
 * {@link LiveFacts}, the same that outgoing webhooks send.
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
        append(event.accountId(), LiveFacts.of(event));
    }

    @EventListener
    void on(ConversationAssigned event) {
        append(event.accountId(), LiveFacts.of(event));
    }

    @EventListener
    void on(MessageRecorded event) {
        append(event.accountId(), LiveFacts.of(event));
    }

    @EventListener
    void on(ConversationStatusChanged event) {
        append(event.accountId(), LiveFacts.of(event));
    }

    @EventListener
    void on(MessageDeliveryChanged event) {
        append(event.accountId(), LiveFacts.of(event));
    }

    private void append(UUID accountId, LiveFacts event) {
        log.append(accountId, null, event.type(), event.facts());
    }

    @EventListener
    void on(NotificationCreated event) {
        log.append(event.accountId(), event.userId(), LiveTypes.NOTIFICATION,
                Map.<String, Object>of("notificationId", event.notificationId()));
    }

    @EventListener
    void on(ConversationTeamChanged event) {
        append(event.accountId(), LiveFacts.of(event));
    }

    @EventListener
    void on(TeamsChanged event) {
        append(event.accountId(), LiveFacts.of(event));
    }

    @EventListener
    void on(AwayPeriodsChanged event) {
        append(event.accountId(), LiveFacts.of(event));
    }

    // Not logged for clients: every node closes the streams that came with that access.
    @EventListener
    void on(AccessEnded event) {
        log.announceAccessEnded(event.userId(), event.access() == null ? null : event.access().key());
    }
}
