package com.switchboard.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.switchboard.away.CoverageChanged;
import com.switchboard.notifications.Notification;
import com.switchboard.notifications.NotificationCreated;
import com.switchboard.teams.Teams;

/**
 * R21, in the app: the delegate of an away teammate (or each member of the delegate team, the
 * away teammate aside) is told when they start covering, with until when, and when they stop,
 * in the transaction that changed the away status.
 */
@Component
class CoverageNotifier {

    private final JdbcClient jdbc;
    private final Teams teams;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CoverageNotifier(JdbcClient jdbc, Teams teams, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(CoverageChanged coverage) {
        var kind = coverage.starts() ? Notification.Kind.COVERING_STARTED : Notification.Kind.COVERING_ENDED;
        // The return, as the notice shows it: a day (2026-12-10) or a moment (2026-12-10T14:00:00Z).
        String back = coverage.returnOn() != null ? coverage.returnOn().toString()
                : coverage.returnAt() != null ? coverage.returnAt().toString() : null;
        for (UUID recipient : recipients(coverage)) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into notification (id, account_id, user_id, kind, from_user_id, subject_id, detail, created_at)
                    values (:id, :accountId, :userId, :kind, :awayUserId, :teamId, :back, :now)
                    """)
                    .param("id", id)
                    .param("accountId", coverage.accountId())
                    .param("userId", recipient)
                    .param("kind", kind.name())
                    .param("awayUserId", coverage.awayUserId())
                    .param("teamId", coverage.delegateTeamId())
                    .param("back", back)
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            events.publishEvent(new NotificationCreated(coverage.accountId(), recipient, id));
        }
    }

    private List<UUID> recipients(CoverageChanged coverage) {
        if (coverage.delegateId() != null) {
            return List.of(coverage.delegateId());
        }
        var members = new ArrayList<UUID>();
        teams.find(coverage.accountId(), coverage.delegateTeamId()).ifPresent(team -> team.memberIds().stream()
                .filter(member -> !member.equals(coverage.awayUserId()))
                .forEach(members::add));
        return members;
    }
}
