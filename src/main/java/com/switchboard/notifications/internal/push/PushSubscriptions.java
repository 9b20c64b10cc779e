package com.switchboard.notifications.internal.push;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.switchboard.accounts.Actor;
import com.switchboard.system.InvalidInputException;
import com.switchboard.system.NotFoundException;

/** The browsers each user turned notifications on in: one subscription per browser. */
@Component
class PushSubscriptions {

    /** A browser's subscription, as its push service gave it. */
    record Subscription(UUID id, UUID userId, String endpoint, String p256dh, String auth, String browser,
            Instant createdAt, Instant lastSentAt) {
    }

    private final JdbcClient jdbc;
    private final PushSettings settings;
    private final Clock clock;

    PushSubscriptions(JdbcClient jdbc, PushSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Keeps (or moves to this user) the subscription of the browser at {@code endpoint}. */
    @Transactional
    Subscription subscribe(Actor actor, String endpoint, String p256dh, String auth, String browser) {
        var checks = new InvalidInputException.Checks();
        URI uri = null;
        try {
            uri = endpoint == null ? null : URI.create(endpoint.strip());
        }
        catch (IllegalArgumentException e) {
            // refused below
        }
        if (uri == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                || !settings.allows(uri.getHost())) {
            checks.reject("endpoint", "push.endpointInvalid");
        }
        if (!isKey(p256dh, 65) || !isKey(auth, 16)) {
            checks.reject("keys", "push.keysInvalid");
        }
        checks.throwIfAny();
        // A browser has one subscription: signing in as someone else there moves it to them.
        jdbc.sql("""
                insert into push_subscription (id, account_id, user_id, endpoint, p256dh, auth, browser, created_at)
                values (:id, :accountId, :userId, :endpoint, :p256dh, :auth, :browser, :now)
                on conflict (endpoint) do update set account_id = excluded.account_id, user_id = excluded.user_id,
                    p256dh = excluded.p256dh, auth = excluded.auth, browser = excluded.browser, created_at = excluded.created_at
                """)
                .param("id", UUID.randomUUID())
                .param("accountId", actor.accountId())
                .param("userId", actor.userId())
                .param("endpoint", uri.toString())
                .param("p256dh", p256dh)
                .param("auth", auth)
                .param("browser", browser == null ? null : browser.substring(0, Math.min(200, browser.length())))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return byEndpoint(actor, uri.toString()).orElseThrow();
    }

    List<Subscription> mine(Actor actor) {
        return jdbc.sql("select * from push_subscription where account_id = :accountId and user_id = :userId"
                + " order by created_at desc")
                .param("accountId", actor.accountId())
                .param("userId", actor.userId())
                .query(PushSubscriptions::map)
                .list();
    }

    List<Subscription> of(UUID accountId, UUID userId) {
        return jdbc.sql("select * from push_subscription where account_id = :accountId and user_id = :userId")
                .param("accountId", accountId)
                .param("userId", userId)
                .query(PushSubscriptions::map)
                .list();
    }

    @Transactional
    void remove(Actor actor, UUID id) {
        int removed = jdbc.sql("delete from push_subscription where account_id = :accountId and user_id = :userId"
                + " and id = :id")
                .param("accountId", actor.accountId())
                .param("userId", actor.userId())
                .param("id", id)
                .update();
        if (removed == 0) {
            throw new NotFoundException();
        }
    }

    /** The push service says the browser unsubscribed (or the subscription expired). */
    void forget(UUID accountId, UUID id) {
        jdbc.sql("delete from push_subscription where account_id = :accountId and id = :id")
                .param("accountId", accountId)
                .param("id", id)
                .update();
    }

    void sent(UUID accountId, UUID id) {
        jdbc.sql("update push_subscription set last_sent_at = :now where account_id = :accountId and id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("accountId", accountId)
                .param("id", id)
                .update();
    }

    private Optional<Subscription> byEndpoint(Actor actor, String endpoint) {
        return jdbc.sql("select * from push_subscription where account_id = :accountId and endpoint = :endpoint")
                .param("accountId", actor.accountId())
                .param("endpoint", endpoint)
                .query(PushSubscriptions::map)
                .optional();
    }

    private static boolean isKey(String base64url, int bytes) {
        try {
            return base64url != null && Base64.getUrlDecoder().decode(base64url.strip()).length == bytes;
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Subscription map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var lastSent = rs.getTimestamp("last_sent_at");
        return new Subscription(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("endpoint"), rs.getString("p256dh"), rs.getString("auth"), rs.getString("browser"),
                rs.getTimestamp("created_at").toInstant(), lastSent == null ? null : lastSent.toInstant());
    }
}
