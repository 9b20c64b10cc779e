package com.switchboard.accounts;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Tells which of many accesses still stand, in three queries however many there are: the session
 * still exists and has not expired, the token has not been revoked, the user is still active.
 * Connections that outlive their request (the live stream) ask this now and then, so that an
 * access that ended unannounced (a session that expired) ends them too.
 */
@Service
public class AccessChecks {

    private final JdbcClient jdbc;

    AccessChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Set<Access> stillValid(Collection<Access> accesses) {
        if (accesses.isEmpty()) {
            return Set.of();
        }
        Set<UUID> activeUsers = new HashSet<>(jdbc.sql("select id from app_user where id = any(:ids) and active")
                .param("ids", accesses.stream().map(Access::userId).distinct().toArray(UUID[]::new))
                .query(UUID.class).list());
        Set<UUID> liveTokens = new HashSet<>(jdbc.sql("select id from api_token where id = any(:ids)")
                .param("ids", accesses.stream().map(Access::tokenId).filter(id -> id != null).toArray(UUID[]::new))
                .query(UUID.class).list());
        List<String> sessionIds = accesses.stream().map(Access::sessionId).filter(id -> id != null).toList();
        Set<String> liveSessions = new HashSet<>(jdbc.sql("""
                select session_id from spring_session where session_id = any(:ids) and expiry_time > :now
                """)
                .param("ids", sessionIds.toArray(String[]::new))
                // Spring Session keeps time by the system clock, not the application's.
                .param("now", System.currentTimeMillis())
                .query(String.class).list());
        Set<Access> valid = new HashSet<>();
        for (Access access : accesses) {
            boolean credentialLives = access.tokenId() != null ? liveTokens.contains(access.tokenId())
                    : liveSessions.contains(access.sessionId());
            if (credentialLives && activeUsers.contains(access.userId())) {
                valid.add(access);
            }
        }
        return valid;
    }
}
