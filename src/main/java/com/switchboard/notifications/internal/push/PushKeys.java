package com.switchboard.notifications.internal.push;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.interaso.webpush.VapidKeys;

/**
 * The deployment's VAPID key pair (RFC 8292), which browsers tie each subscription to: made once,
 * by whichever node needs it first, and kept in PostgreSQL so that every node signs with it.
 */
@Component
class PushKeys {

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile VapidKeys keys;

    PushKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    VapidKeys keys() {
        if (keys == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = loadOrCreate();
                }
            }
        }
        return keys;
    }

    /** The public key as browsers take it (applicationServerKey): base64url, no padding. */
    String applicationServerKey() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(keys().getApplicationServerKey());
    }

    private VapidKeys loadOrCreate() {
        var fresh = VapidKeys.generate();
        // Two nodes may race here: the first insert wins, and both read the winner.
        jdbc.sql("""
                insert into push_vapid_keys (id, public_key, private_key, created_at)
                values (1, :publicKey, :privateKey, :now) on conflict (id) do nothing
                """)
                .param("publicKey", fresh.getX509PublicKey())
                .param("privateKey", fresh.getPkcs8PrivateKey())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql("select public_key, private_key from push_vapid_keys where id = 1")
                .query((rs, row) -> VapidKeys.create(rs.getString("public_key"), rs.getString("private_key")))
                .single();
    }
}
