package com.switchboard.webhooks.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook tables. The deliveries are a queue per endpoint: a node sends an endpoint's
 * deliveries only while it holds the endpoint's claim ({@code claimed_by} until
 * {@code claim_until}, taken with {@code for update skip locked}), one at a time, oldest first.
 * Queue times are the database's own, so that the nodes' clocks do not matter.
 */
@Repository
class WebhookRepository {

    /** An endpoint as stored; {@code waiting} counts its deliveries not delivered yet. */
    record Endpoint(UUID id, UUID accountId, String url, String secretEncrypted, List<String> eventTypes,
            boolean enabled, Instant disabledAt, String disabledReason, int consecutiveFailures, Instant createdAt,
            long waiting) {

        @Override
        public String toString() {
            return "Endpoint[" + id + ", " + url + "]";
        }
    }

    /** One delivery of one event to one endpoint, for the delivery log. */
    record Delivery(UUID id, UUID endpointId, UUID eventId, String eventType, String state, int attempts,
            Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatusCode, String lastError,
            Instant deliveredAt, Instant createdAt) {
    }

    /** An endpoint this node holds, with where and how to send. */
    record Claim(UUID endpointId, UUID accountId) {
    }

    /** The oldest delivery an endpoint has not delivered yet; {@code due} when its time has come. */
    record Head(UUID deliveryId, UUID eventId, String eventType, String body, boolean due) {
    }

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Endpoint> endpoints(UUID accountId) {
        return jdbc.sql("""
                select e.*, (select count(*) from webhook_delivery d
                             where d.account_id = e.account_id and d.endpoint_id = e.id and d.state <> 'DELIVERED') as waiting
                from webhook_endpoint e where e.account_id = :accountId order by e.created_at, e.id
                """)
                .param("accountId", accountId)
                .query(WebhookRepository::endpoint)
                .list();
    }

    Optional<Endpoint> endpoint(UUID accountId, UUID id) {
        return jdbc.sql("""
                select e.*, (select count(*) from webhook_delivery d
                             where d.account_id = e.account_id and d.endpoint_id = e.id and d.state <> 'DELIVERED') as waiting
                from webhook_endpoint e where e.account_id = :accountId and e.id = :id
                """)
                .param("accountId", accountId)
                .param("id", id)
                .query(WebhookRepository::endpoint)
                .optional();
    }

    int count(UUID accountId) {
        return jdbc.sql("select count(*) from webhook_endpoint where account_id = :accountId")
                .param("accountId", accountId)
                .query(Integer.class)
                .single();
    }

    void insert(UUID accountId, UUID id, String url, String secretEncrypted, List<String> eventTypes, boolean enabled,
            UUID createdBy, Instant now) {
        jdbc.sql("""
                insert into webhook_endpoint (id, account_id, url, secret_encrypted, event_types, enabled, created_at, created_by)
                values (:id, :accountId, :url, :secret, :eventTypes, :enabled, :now, :createdBy)
                """)
                .param("id", id)
                .param("accountId", accountId)
                .param("url", url)
                .param("secret", secretEncrypted)
                .param("eventTypes", eventTypes.toArray(String[]::new))
                .param("enabled", enabled)
                .param("now", Timestamp.from(now))
                .param("createdBy", createdBy)
                .update();
    }

    void change(UUID accountId, UUID id, String url, List<String> eventTypes) {
        jdbc.sql("""
                update webhook_endpoint set url = :url, event_types = :eventTypes
                where account_id = :accountId and id = :id
                """)
                .param("accountId", accountId)
                .param("id", id)
                .param("url", url)
                .param("eventTypes", eventTypes.toArray(String[]::new))
                .update();
    }

    /** Turned off by hand: nothing is sent, deliveries wait until it is turned on again. */
    void pause(UUID accountId, UUID id, Instant now) {
        jdbc.sql("""
                update webhook_endpoint set enabled = false, disabled_at = :now, disabled_reason = null
                where account_id = :accountId and id = :id and enabled
                """)
                .param("accountId", accountId)
                .param("id", id)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** On again, with a clean slate: whatever waits is due now, oldest first. */
    void resume(UUID accountId, UUID id) {
        jdbc.sql("""
                update webhook_endpoint set enabled = true, disabled_at = null, disabled_reason = null, consecutive_failures = 0
                where account_id = :accountId and id = :id
                """)
                .param("accountId", accountId)
                .param("id", id)
                .update();
        jdbc.sql("""
                update webhook_delivery set next_attempt_at = now()
                where account_id = :accountId and endpoint_id = :id and state <> 'DELIVERED'
                """)
                .param("accountId", accountId)
                .param("id", id)
                .update();
    }

    boolean delete(UUID accountId, UUID id) {
        return jdbc.sql("delete from webhook_endpoint where account_id = :accountId and id = :id")
                .param("accountId", accountId)
                .param("id", id)
                .update() == 1;
    }

    /** The newest deliveries of an endpoint first. */
    List<Delivery> deliveries(UUID accountId, UUID endpointId, int limit) {
        return jdbc.sql("""
                select d.*, ev.type from webhook_delivery d join webhook_event ev on ev.id = d.event_id
                where d.account_id = :accountId and d.endpoint_id = :endpointId
                order by d.seq desc limit :limit
                """)
                .param("accountId", accountId)
                .param("endpointId", endpointId)
                .param("limit", limit)
                .query(WebhookRepository::delivery)
                .list();
    }

    Optional<Delivery> delivery(UUID accountId, UUID endpointId, UUID deliveryId) {
        return jdbc.sql("""
                select d.*, ev.type from webhook_delivery d join webhook_event ev on ev.id = d.event_id
                where d.account_id = :accountId and d.endpoint_id = :endpointId and d.id = :id
                """)
                .param("accountId", accountId)
                .param("endpointId", endpointId)
                .param("id", deliveryId)
                .query(WebhookRepository::delivery)
                .optional();
    }

    /** Sends a delivery again: it waits again, due now, in its place by age among the endpoint's others. */
    void replay(UUID accountId, UUID endpointId, UUID deliveryId) {
        jdbc.sql("""
                update webhook_delivery set state = 'PENDING', next_attempt_at = now(), delivered_at = null
                where account_id = :accountId and endpoint_id = :endpointId and id = :id
                """)
                .param("accountId", accountId)
                .param("endpointId", endpointId)
                .param("id", deliveryId)
                .update();
    }

    /**
     * Records an event and one delivery of it per endpoint of the account that subscribed to its
     * type, in one statement; returns those endpoints (none: nothing is written at all).
     */
    List<UUID> record(UUID accountId, UUID eventId, String type, UUID conversationId, String body, Instant createdAt) {
        return jdbc.sql("""
                with endpoints as (
                    select id from webhook_endpoint where account_id = :accountId and :type = any(event_types)),
                event as (
                    insert into webhook_event (id, account_id, type, conversation_id, body, created_at)
                    select :eventId, :accountId, :type, :conversationId, :body, :createdAt
                    where exists (select 1 from endpoints)
                    returning id, seq)
                insert into webhook_delivery (id, account_id, endpoint_id, event_id, seq, state, next_attempt_at, created_at)
                select gen_random_uuid(), :accountId, endpoints.id, event.id, event.seq, 'PENDING', now(), now()
                from event cross join endpoints
                returning endpoint_id
                """)
                .param("accountId", accountId)
                .param("eventId", eventId)
                .param("type", type)
                .param("conversationId", conversationId)
                .param("body", body)
                .param("createdAt", Timestamp.from(createdAt))
                .query(UUID.class)
                .list();
    }

    /**
     * Claims up to {@code limit} endpoints that are on, that no node holds, and whose oldest
     * waiting delivery is due (of those {@code only}, unless it is empty), across accounts.
     */
    List<Claim> claimDue(String node, Duration lease, int limit, UUID[] only) {
        return jdbc.sql("""
                update webhook_endpoint e set claimed_by = :node, claim_until = now() + cast(:lease as interval)
                where e.id in (
                    select w.id from webhook_endpoint w
                    where w.enabled and (w.claim_until is null or w.claim_until < now())
                      and (cardinality(cast(:only as uuid[])) = 0 or w.id = any(cast(:only as uuid[])))
                      and (select d.next_attempt_at from webhook_delivery d
                           where d.endpoint_id = w.id and d.state <> 'DELIVERED' order by d.seq limit 1) <= now()
                    limit :limit
                    for update of w skip locked)
                returning e.id, e.account_id
                """)
                .param("node", node)
                .param("lease", interval(lease))
                .param("limit", limit)
                .param("only", only)
                .query((rs, row) -> new Claim(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class)))
                .list();
    }

    /**
     * Extends this node's claim before a send, and reads the endpoint as it is now (an admin may
     * have changed its address); empty when the claim is no longer this node's or the endpoint
     * was turned off or deleted: then nothing is sent.
     */
    Optional<Endpoint> renew(Claim claim, String node, Duration lease) {
        return jdbc.sql("""
                update webhook_endpoint set claim_until = now() + cast(:lease as interval)
                where account_id = :accountId and id = :id and claimed_by = :node and claim_until > now() and enabled
                returning *, 0 as waiting
                """)
                .param("accountId", claim.accountId())
                .param("id", claim.endpointId())
                .param("node", node)
                .param("lease", interval(lease))
                .query(WebhookRepository::endpoint)
                .optional();
    }

    void release(Claim claim, String node) {
        jdbc.sql("""
                update webhook_endpoint set claimed_by = null, claim_until = null
                where account_id = :accountId and id = :id and claimed_by = :node
                """)
                .param("accountId", claim.accountId())
                .param("id", claim.endpointId())
                .param("node", node)
                .update();
    }

    Optional<Head> head(Claim claim) {
        return jdbc.sql("""
                select d.id, d.event_id, ev.type, ev.body, d.next_attempt_at <= now() as due
                from webhook_delivery d join webhook_event ev on ev.id = d.event_id
                where d.account_id = :accountId and d.endpoint_id = :endpointId and d.state <> 'DELIVERED'
                order by d.seq limit 1
                """)
                .param("accountId", claim.accountId())
                .param("endpointId", claim.endpointId())
                .query((rs, row) -> new Head(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                        rs.getString("type"), rs.getString("body"), rs.getBoolean("due")))
                .optional();
    }

    void delivered(Claim claim, UUID deliveryId, int statusCode) {
        jdbc.sql("""
                update webhook_delivery
                set state = 'DELIVERED', attempts = attempts + 1, last_attempt_at = now(), last_status_code = :status,
                    last_error = null, delivered_at = now()
                where account_id = :accountId and id = :id
                """)
                .param("accountId", claim.accountId())
                .param("id", deliveryId)
                .param("status", statusCode)
                .update();
        jdbc.sql("update webhook_endpoint set consecutive_failures = 0 where account_id = :accountId and id = :id")
                .param("accountId", claim.accountId())
                .param("id", claim.endpointId())
                .update();
    }

    /** Records a failed attempt; returns the endpoint's failures in a row, this one included. */
    int failed(Claim claim, UUID deliveryId, Integer statusCode, String error) {
        jdbc.sql("""
                update webhook_delivery
                set state = 'FAILED', attempts = attempts + 1, last_attempt_at = now(), last_status_code = :status,
                    last_error = :error
                where account_id = :accountId and id = :id
                """)
                .param("accountId", claim.accountId())
                .param("id", deliveryId)
                .param("status", statusCode)
                .param("error", error)
                .update();
        return jdbc.sql("""
                update webhook_endpoint set consecutive_failures = consecutive_failures + 1
                where account_id = :accountId and id = :id
                returning consecutive_failures
                """)
                .param("accountId", claim.accountId())
                .param("id", claim.endpointId())
                .query(Integer.class)
                .single();
    }

    void retryIn(Claim claim, UUID deliveryId, Duration wait) {
        jdbc.sql("""
                update webhook_delivery set next_attempt_at = now() + cast(:wait as interval)
                where account_id = :accountId and id = :id
                """)
                .param("accountId", claim.accountId())
                .param("id", deliveryId)
                .param("wait", interval(wait))
                .update();
    }

    /** Turned off by Switchboard after repeated failures; false if it was off already. */
    boolean disableAfterFailures(Claim claim, Instant now) {
        return jdbc.sql("""
                update webhook_endpoint set enabled = false, disabled_at = :now, disabled_reason = 'FAILURES'
                where account_id = :accountId and id = :id and enabled
                """)
                .param("accountId", claim.accountId())
                .param("id", claim.endpointId())
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    /**
     * Forgets the deliveries delivered longer ago than the retention, and the events none is left
     * for, across accounts; returns how many deliveries went. What waits is never forgotten.
     */
    int prune(Duration retention) {
        int deliveries = jdbc.sql("""
                delete from webhook_delivery where state = 'DELIVERED' and delivered_at < now() - cast(:retention as interval)
                """)
                .param("retention", interval(retention))
                .update();
        jdbc.sql("""
                delete from webhook_event ev where ev.created_at < now() - cast(:retention as interval)
                and not exists (select 1 from webhook_delivery d where d.event_id = ev.id)
                """)
                .param("retention", interval(retention))
                .update();
        return deliveries;
    }

    private static String interval(Duration duration) {
        return duration.toMillis() + " milliseconds";
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Endpoint endpoint(ResultSet rs, int row) throws SQLException {
        Array types = rs.getArray("event_types");
        return new Endpoint(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("url"),
                rs.getString("secret_encrypted"), Arrays.asList((String[]) types.getArray()), rs.getBoolean("enabled"),
                instant(rs, "disabled_at"), rs.getString("disabled_reason"), rs.getInt("consecutive_failures"),
                instant(rs, "created_at"), rs.getLong("waiting"));
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        int status = rs.getInt("last_status_code");
        Integer statusCode = rs.wasNull() ? null : status;
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
                rs.getObject("event_id", UUID.class), rs.getString("type"), rs.getString("state"), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), instant(rs, "last_attempt_at"), statusCode,
                rs.getString("last_error"), instant(rs, "delivered_at"), instant(rs, "created_at"));
    }
}
