package com.switchboard.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.switchboard.conversations.ConversationQueued;
import com.switchboard.conversations.TimelineEvent;
import com.switchboard.notifications.Notification;
import com.switchboard.notifications.NotificationCreated;
import com.switchboard.teams.Teams;

/**
 * R17: when an away teammate's conversation goes to the queue of the team they chose as delegate,
 * the team's members are told, in the transaction that moved it (as AssignmentNotifier does for a
 * teammate delegate).
 */
@Component
class QueueNotifier {

    private final JdbcClient jdbc;
    private final Teams teams;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    QueueNotifier(JdbcClient jdbc, Teams teams, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(ConversationQueued queued) {
        if (queued.reason() != TimelineEvent.Reason.TEAM_DELEGATE || queued.teamId() == null) {
            return;
        }
        var team = teams.find(queued.accountId(), queued.teamId()).orElse(null);
        if (team == null) {
            return;
        }
        for (UUID member : team.memberIds()) {
            if (member.equals(queued.fromUserId())) {
                continue;
            }
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into notification (id, account_id, user_id, kind, conversation_id, from_user_id, subject_id,
                                              created_at)
                    values (:id, :accountId, :userId, :kind, :conversationId, :fromUserId, :teamId, :now)
                    """)
                    .param("id", id)
                    .param("accountId", queued.accountId())
                    .param("userId", member)
                    .param("kind", Notification.Kind.QUEUED_AWAY.name())
                    .param("conversationId", queued.conversationId())
                    .param("fromUserId", queued.fromUserId())
                    .param("teamId", queued.teamId())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            events.publishEvent(new NotificationCreated(queued.accountId(), member, id));
        }
    }
}
