package com.switchboard.conversations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.switchboard.conversations.ConversationActivity;
import com.switchboard.conversations.DeliveryStatus;
import com.switchboard.conversations.Message;
import com.switchboard.conversations.MessageKind;
import com.switchboard.conversations.TimelineEvent;

/** The messages and events of conversations. */
@Repository
public class TimelineRepository {

    private final JdbcClient jdbc;

    TimelineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Message insertMessage(UUID accountId, UUID conversationId, MessageKind kind, String body, UUID authorId,
            DeliveryStatus deliveryStatus, Instant at) {
        UUID id = UUID.randomUUID();
        long seq = jdbc.sql("""
                insert into message (id, account_id, conversation_id, kind, body, author_id, delivery_status, created_at)
                values (:id, :accountId, :conversationId, :kind, :body, :authorId, :deliveryStatus, :at)
                returning seq
                """)
                .param("id", id)
                .param("accountId", accountId)
                .param("conversationId", conversationId)
                .param("kind", kind.name())
                .param("body", body)
                .param("authorId", authorId)
                .param("deliveryStatus", deliveryStatus == null ? null : deliveryStatus.name())
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
        return new Message(id, conversationId, seq, kind, body, authorId, deliveryStatus, null, null, at);
    }

    public TimelineEvent insertEvent(UUID accountId, UUID conversationId, TimelineEvent.Type type, UUID actorId,
            UUID fromUserId, UUID toUserId, TimelineEvent.Reason reason, Instant at) {
        return insertEvent(accountId, conversationId, type, actorId, fromUserId, toUserId, null, reason, at);
    }

    public TimelineEvent insertEvent(UUID accountId, UUID conversationId, TimelineEvent.Type type, UUID actorId,
            UUID fromUserId, UUID toUserId, UUID teamId, TimelineEvent.Reason reason, Instant at) {
        UUID id = UUID.randomUUID();
        long seq = jdbc.sql("""
                insert into conversation_event (id, account_id, conversation_id, type, actor_id, from_user_id,
                                                to_user_id, team_id, reason, created_at)
                values (:id, :accountId, :conversationId, :type, :actorId, :fromUserId, :toUserId, :teamId, :reason, :at)
                returning seq
                """)
                .param("teamId", teamId)
                .param("id", id)
                .param("accountId", accountId)
                .param("conversationId", conversationId)
                .param("type", type.name())
                .param("actorId", actorId)
                .param("fromUserId", fromUserId)
                .param("toUserId", toUserId)
                .param("reason", reason.name())
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
        return new TimelineEvent(id, conversationId, seq, type, actorId, fromUserId, toUserId, reason, null, null,
                teamId, at);
    }

    /**
     * Notes that the carrier reported a delivered reply failed; once per reply (a report the
     * provider sends again finds it there).
     */
    public void insertLateFailure(UUID accountId, UUID conversationId, UUID messageId, String errorCode, Instant at) {
        jdbc.sql("""
                insert into conversation_event (id, account_id, conversation_id, type, reason, message_id, error_code,
                                                created_at)
                values (:id, :accountId, :conversationId, 'LATE_FAILURE', 'CARRIER_REPORT', :messageId, :errorCode, :at)
                on conflict (message_id) where type = 'LATE_FAILURE' do nothing
                """)
                .param("id", UUID.randomUUID())
                .param("accountId", accountId)
                .param("conversationId", conversationId)
                .param("messageId", messageId)
                .param("errorCode", errorCode)
                .param("at", Timestamp.from(at))
                .update();
    }

    public List<Message> messages(UUID accountId, UUID conversationId) {
        return jdbc.sql("""
                select * from message where account_id = :accountId and conversation_id = :conversationId order by seq
                """)
                .param("accountId", accountId)
                .param("conversationId", conversationId)
                .query(TimelineRepository::message)
                .list();
    }

    public Optional<Message> message(UUID accountId, UUID id) {
        return jdbc.sql("select * from message where account_id = :accountId and id = :id")
                .param("accountId", accountId)
                .param("id", id)
                .query(TimelineRepository::message)
                .optional();
    }

    public List<TimelineEvent> events(UUID accountId, UUID conversationId) {
        return jdbc.sql("""
                select * from conversation_event where account_id = :accountId and conversation_id = :conversationId
                order by seq
                """)
                .param("accountId", accountId)
                .param("conversationId", conversationId)
                .query(TimelineRepository::event)
                .list();
    }

    /** Whether the conversation has an event of that type and reason at or after an instant. */
    /**
     * For each of these conversations, from {@code from} (included) to {@code to} (excluded): how
     * many customer messages came in, and who replied, first reply first.
     */
    public Map<UUID, ConversationActivity> activity(UUID accountId, Collection<UUID> conversationIds, Instant from,
            Instant to) {
        if (conversationIds.isEmpty()) {
            return Map.of();
        }
        record Row(UUID conversationId, boolean inbound, UUID authorId) {
        }
        var rows = jdbc.sql("""
                select conversation_id, kind, author_id from message
                where account_id = :accountId and conversation_id in (:ids) and kind in ('INBOUND', 'OUTBOUND')
                  and created_at >= :from and created_at < :to
                order by created_at, seq
                """)
                .param("accountId", accountId)
                .param("ids", conversationIds)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, row) -> new Row(rs.getObject("conversation_id", UUID.class),
                        "INBOUND".equals(rs.getString("kind")), rs.getObject("author_id", UUID.class)))
                .list();
        var result = new LinkedHashMap<UUID, ConversationActivity>();
        for (UUID id : conversationIds) {
            var mine = rows.stream().filter(r -> r.conversationId().equals(id)).toList();
            result.put(id, new ConversationActivity(id, (int) mine.stream().filter(Row::inbound).count(),
                    mine.stream().filter(r -> !r.inbound()).map(Row::authorId).distinct().toList()));
        }
        return result;
    }

    /** The conversations a customer wrote in, from {@code from} to {@code to}, that {@code assigneeId} has now. */
    public List<UUID> writtenToBetween(UUID accountId, UUID assigneeId, Instant from, Instant to) {
        return jdbc.sql("""
                select distinct m.conversation_id from message m
                join conversation c on c.account_id = m.account_id and c.id = m.conversation_id
                where m.account_id = :accountId and c.assignee_id = :assigneeId and m.kind = 'INBOUND'
                  and m.created_at >= :from and m.created_at < :to
                """)
                .param("accountId", accountId)
                .param("assigneeId", assigneeId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(UUID.class)
                .list();
    }

    public boolean hasEventSince(UUID accountId, UUID conversationId, TimelineEvent.Type type,
            TimelineEvent.Reason reason, Instant since) {
        return jdbc.sql("""
                select exists (select 1 from conversation_event
                               where account_id = :accountId and conversation_id = :conversationId
                                 and type = :type and reason = :reason and created_at >= :since)
                """)
                .param("accountId", accountId)
                .param("conversationId", conversationId)
                .param("type", type.name())
                .param("reason", reason.name())
                .param("since", Timestamp.from(since))
                .query(Boolean.class)
                .single();
    }

    public boolean hasRepliedSince(UUID accountId, UUID conversationId, UUID authorId, Instant since) {
        return jdbc.sql("""
                select exists (select 1 from message
                               where account_id = :accountId and conversation_id = :conversationId
                                 and kind = 'OUTBOUND' and author_id = :authorId and created_at >= :since)
                """)
                .param("accountId", accountId)
                .param("conversationId", conversationId)
                .param("authorId", authorId)
                .param("since", Timestamp.from(since))
                .query(Boolean.class)
                .single();
    }

    /**
     * Claims a provider's message id for the account; false when it was claimed before (the
     * provider delivered the same text twice). A concurrent claim waits for the first to commit.
     */
    public boolean claimReceipt(UUID accountId, String providerSid, Instant at) {
        return jdbc.sql("""
                insert into inbound_receipt (provider_sid, account_id, received_at) values (:sid, :accountId, :at)
                on conflict (provider_sid) do nothing
                """)
                .param("sid", providerSid)
                .param("accountId", accountId)
                .param("at", Timestamp.from(at))
                .update() == 1;
    }

    public void setProviderSid(UUID accountId, UUID messageId, String providerSid) {
        jdbc.sql("update message set provider_sid = :sid where account_id = :accountId and id = :id")
                .param("sid", providerSid)
                .param("accountId", accountId)
                .param("id", messageId)
                .update();
    }

    /** The message the provider knows by that id: its id and conversation. */
    public Optional<UUID[]> findByProviderSid(UUID accountId, String providerSid) {
        return jdbc.sql("select id, conversation_id from message where account_id = :accountId and provider_sid = :sid")
                .param("accountId", accountId)
                .param("sid", providerSid)
                .query((rs, row) -> new UUID[] {rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class)})
                .optional();
    }

    public void updateDelivery(UUID accountId, UUID messageId, DeliveryStatus status, String error, String errorCode) {
        jdbc.sql("""
                update message set delivery_status = :status, delivery_error = :error, delivery_error_code = :code
                where account_id = :accountId and id = :id and kind = 'OUTBOUND'
                """)
                .param("status", status.name())
                .param("error", error)
                .param("code", errorCode)
                .param("accountId", accountId)
                .param("id", messageId)
                .update();
    }

    private static Message message(ResultSet rs, int row) throws SQLException {
        String delivery = rs.getString("delivery_status");
        return new Message(
                rs.getObject("id", UUID.class),
                rs.getObject("conversation_id", UUID.class),
                rs.getLong("seq"),
                MessageKind.valueOf(rs.getString("kind")),
                rs.getString("body"),
                rs.getObject("author_id", UUID.class),
                delivery == null ? null : DeliveryStatus.valueOf(delivery),
                rs.getString("delivery_error"),
                rs.getString("delivery_error_code"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static TimelineEvent event(ResultSet rs, int row) throws SQLException {
        return new TimelineEvent(
                rs.getObject("id", UUID.class),
                rs.getObject("conversation_id", UUID.class),
                rs.getLong("seq"),
                TimelineEvent.Type.valueOf(rs.getString("type")),
                rs.getObject("actor_id", UUID.class),
                rs.getObject("from_user_id", UUID.class),
                rs.getObject("to_user_id", UUID.class),
                TimelineEvent.Reason.valueOf(rs.getString("reason")),
                rs.getObject("message_id", UUID.class),
                rs.getString("error_code"),
                rs.getObject("team_id", UUID.class),
                rs.getTimestamp("created_at").toInstant());
    }
}
