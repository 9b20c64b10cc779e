package com.switchboard.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.switchboard.accounts.Actor;
import com.switchboard.system.NotFoundException;

/** A teammate's own notifications: only ever theirs. */
@Service
public class Notifications {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Notifications(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    public int unreadCount(Actor actor) {
        return jdbc.sql("""
                select count(*) from notification
                where account_id = :accountId and user_id = :userId and read_at is null
                """)
                .param("accountId", actor.accountId())
                .param("userId", actor.userId())
                .query(Integer.class)
                .single();
    }

    /** The newest notifications first. */
    public List<Notification> recent(Actor actor, int limit) {
        return jdbc.sql("""
                select * from notification where account_id = :accountId and user_id = :userId
                order by created_at desc, id limit :limit
                """)
                .param("accountId", actor.accountId())
                .param("userId", actor.userId())
                .param("limit", limit)
                .query(Notifications::map)
                .list();
    }

    /** One notification, for what tells its user about it elsewhere (a push to their browser). */
    public Optional<Notification> find(UUID accountId, UUID notificationId) {
        return jdbc.sql("select * from notification where account_id = :accountId and id = :id")
                .param("accountId", accountId)
                .param("id", notificationId)
                .query(Notifications::map)
                .optional();
    }

    private static Notification map(ResultSet rs, int row) throws SQLException {
        return new Notification(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                Notification.Kind.valueOf(rs.getString("kind")),
                rs.getObject("conversation_id", UUID.class),
                rs.getObject("actor_id", UUID.class),
                rs.getObject("from_user_id", UUID.class),
                rs.getObject("subject_id", UUID.class),
                rs.getString("detail"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant());
    }

    /**
     * Tells a teammate something that is not about a conversation (an admin: a webhook endpoint was
     * turned off), in the caller's transaction: the notice exists if and only if what it tells of does.
     */
    @Transactional
    public void notice(UUID accountId, UUID userId, Notification.Kind kind, UUID subjectId, String detail) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into notification (id, account_id, user_id, kind, subject_id, detail, created_at)
                values (:id, :accountId, :userId, :kind, :subjectId, :detail, :now)
                """)
                .param("id", id)
                .param("accountId", accountId)
                .param("userId", userId)
                .param("kind", kind.name())
                .param("subjectId", subjectId)
                .param("detail", detail)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(new NotificationCreated(accountId, userId, id));
    }

    /** Marks one notification read; returns it. */
    @Transactional
    public Notification read(Actor actor, UUID notificationId) {
        return jdbc.sql("""
                update notification set read_at = coalesce(read_at, :now)
                where account_id = :accountId and user_id = :userId and id = :id
                returning *
                """)
                .param("now", Timestamp.from(clock.instant()))
                .param("accountId", actor.accountId())
                .param("userId", actor.userId())
                .param("id", notificationId)
                .query(Notifications::map)
                .optional()
                .orElseThrow(NotFoundException::new);
    }

    @Transactional
    public void readAll(Actor actor) {
        jdbc.sql("""
                update notification set read_at = :now
                where account_id = :accountId and user_id = :userId and read_at is null
                """)
                .param("now", Timestamp.from(clock.instant()))
                .param("accountId", actor.accountId())
                .param("userId", actor.userId())
                .update();
    }
}
