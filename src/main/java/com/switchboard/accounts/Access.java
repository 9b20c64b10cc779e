package com.switchboard.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * What a request was let in with: a session (browsers) or an API token. Long-lived connections,
 * such as the live stream, keep it so that they end when it ends.
 *
 * @param tokenId the API token, or null for a session
 * @param sessionId the session, or null for a token; a secret, never shown nor logged
 */
public record Access(UUID accountId, UUID userId, UUID tokenId, String sessionId) {

    public static Access forToken(UUID accountId, UUID userId, UUID tokenId) {
        return new Access(accountId, userId, tokenId, null);
    }

    public static Access forSession(UUID accountId, UUID userId, String sessionId) {
        return new Access(accountId, userId, null, sessionId);
    }

    /**
     * Names this access without revealing it, the same on every node: a token by its id, a session
     * by a hash of its id.
     */
    public String key() {
        if (tokenId != null) {
            return "token:" + tokenId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return "session:" + HexFormat.of().formatHex(digest, 0, 16);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "Access[user=" + userId + ", " + (tokenId != null ? "token=" + tokenId : "session") + "]";
    }
}
