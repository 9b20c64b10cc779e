package com.switchboard.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.switchboard.conversations.ConversationAssigned;
import com.switchboard.conversations.TimelineEvent;
import com.switchboard.notifications.Notification;
import com.switchboard.notifications.NotificationCreated;

/**
 * Tells a teammate when a conversation becomes theirs, except when they took it themselves. The
 * notification is written in the transaction that moved the conversation: one happens with the other.
 */
@Component
class AssignmentNotifier {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AssignmentNotifier(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(ConversationAssigned assigned) {
        if (assigned.toUserId() == null || assigned.toUserId().equals(assigned.actorId())) {
            return;
        }
        // A handover or a hand-back moves many at once: the coverage notice (R21) and "While you
        // were away" (R20) say it once, not once per conversation.
        if (assigned.reason() == TimelineEvent.Reason.HANDED_OVER
                || assigned.reason() == TimelineEvent.Reason.HANDED_BACK) {
            return;
        }
        var kind = assigned.reason() == TimelineEvent.Reason.ASSIGNEE_AWAY ? Notification.Kind.REASSIGNED_AWAY
                : Notification.Kind.ASSIGNED;
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into notification (id, account_id, user_id, kind, conversation_id, actor_id, from_user_id, created_at)
                values (:id, :accountId, :userId, :kind, :conversationId, :actorId, :fromUserId, :now)
                """)
                .param("id", id)
                .param("accountId", assigned.accountId())
                .param("userId", assigned.toUserId())
                .param("kind", kind.name())
                .param("conversationId", assigned.conversationId())
                .param("actorId", assigned.actorId())
                .param("fromUserId", assigned.fromUserId())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(new NotificationCreated(assigned.accountId(), assigned.toUserId(), id));
    }
}
