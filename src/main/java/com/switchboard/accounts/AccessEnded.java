package com.switchboard.accounts;

import java.util.UUID;

/**
 * Someone lost access: they logged out (that session), revoked a token (that token), or were
 * deactivated (everything of theirs).
 *
 * @param access the one access that ended, or null when all of the user's access ended
 */
public record AccessEnded(UUID accountId, UUID userId, Access access) {
}
