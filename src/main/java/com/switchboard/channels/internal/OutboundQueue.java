package com.switchboard.channels.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code outbound_send} table: the replies waiting to be sent, and who may send each one now.
 * <p>
 * A node sends a reply only while it holds the reply's claim, taken in the database with
 * {@code for update skip locked} so that two nodes never hold it at once, and good until
 * {@code claim_until}: a node that dies lets its claims lapse, and another takes them. Every
 * change made under a claim checks that it is still this node's, and all times are the database's
 * own, so that the nodes' clocks do not matter.
 */
@Repository
class OutboundQueue {

    /**
     * A reply claimed by this node.
     *
     * @param askedAt when an earlier attempt began asking the provider without recording its
     *        answer; null when the provider was never asked, or said no
     */
    record Claim(UUID messageId, UUID accountId, UUID conversationId, int attempts, Instant askedAt) {
    }

    private final JdbcClient jdbc;

    OutboundQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a reply, claimed at once by the node that stored it (in the same transaction). */
    void add(UUID accountId, UUID conversationId, UUID messageId, String node, Duration lease) {
        jdbc.sql("""
                insert into outbound_send (message_id, account_id, conversation_id, queued_at, next_attempt_at,
                                           claimed_by, claim_until)
                values (:messageId, :accountId, :conversationId, now(), now(), :node, now() + cast(:lease as interval))
                on conflict (message_id) do update
                    set attempts = 0, next_attempt_at = now(), claimed_by = :node, claim_until = now() + cast(:lease as interval),
                        queued_at = now(), asked_at = null, last_error = null
                """)
                .param("messageId", messageId)
                .param("accountId", accountId)
                .param("conversationId", conversationId)
                .param("node", node)
                .param("lease", interval(lease))
                .update();
    }

    /** The reply this node claimed when it stored it, if it still holds that claim. */
    List<Claim> held(UUID messageId, String node) {
        return jdbc.sql("""
                update outbound_send set attempts = attempts + 1
                where message_id = :messageId and claimed_by = :node and claim_until > now()
                returning *
                """)
                .param("messageId", messageId)
                .param("node", node)
                .query((rs, row) -> claim(rs))
                .list();
    }

    /** Claims up to {@code limit} replies that are due and that no node holds. */
    List<Claim> claimDue(String node, Duration lease, int limit) {
        return jdbc.sql("""
                update outbound_send s set claimed_by = :node, claim_until = now() + cast(:lease as interval), attempts = attempts + 1
                where s.message_id in (
                    select message_id from outbound_send
                    where next_attempt_at <= now() and (claim_until is null or claim_until < now())
                    order by next_attempt_at
                    limit :limit
                    for update skip locked)
                returning s.*
                """)
                .param("node", node)
                .param("lease", interval(lease))
                .param("limit", limit)
                .query((rs, row) -> claim(rs))
                .list();
    }

    /**
     * Writes down, and commits, that the provider is about to be asked; false if the claim was
     * lost meanwhile (then the provider must not be asked).
     */
    boolean asking(UUID messageId, String node) {
        return jdbc.sql("""
                update outbound_send set asked_at = now()
                where message_id = :messageId and claimed_by = :node and claim_until > now()
                """)
                .param("messageId", messageId)
                .param("node", node)
                .update() == 1;
    }

    /**
     * Lets a claim go until the next attempt is due. {@code perhapsTaken} keeps the mark that the
     * provider was asked, so that whoever tries next looks the text up first.
     */
    void later(UUID messageId, String node, Duration wait, boolean perhapsTaken, String error) {
        jdbc.sql("""
                update outbound_send
                set claimed_by = null, claim_until = null, next_attempt_at = now() + cast(:wait as interval), last_error = :error,
                    asked_at = case when :perhapsTaken then asked_at else null end
                where message_id = :messageId and claimed_by = :node
                """)
                .param("messageId", messageId)
                .param("node", node)
                .param("wait", interval(wait))
                .param("perhapsTaken", perhapsTaken)
                .param("error", error)
                .update();
    }

    /** Whether the reply has waited longer than that since it was queued, by the database's clock. */
    boolean waitedLongerThan(UUID messageId, Duration wait) {
        return jdbc.sql("""
                select queued_at + cast(:wait as interval) <= now() from outbound_send where message_id = :messageId
                """)
                .param("messageId", messageId)
                .param("wait", interval(wait))
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** The reply is settled (the provider's answer is recorded): it leaves the queue. */
    void remove(UUID messageId) {
        jdbc.sql("delete from outbound_send where message_id = :messageId")
                .param("messageId", messageId)
                .update();
    }

    private static String interval(Duration duration) {
        return duration.toMillis() + " milliseconds";
    }

    private static Claim claim(ResultSet rs) throws SQLException {
        OffsetDateTime asked = rs.getObject("asked_at", OffsetDateTime.class);
        return new Claim(rs.getObject("message_id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getObject("conversation_id", UUID.class), rs.getInt("attempts"),
                asked == null ? null : asked.toInstant());
    }
}
