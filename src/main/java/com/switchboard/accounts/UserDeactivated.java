package com.switchboard.accounts;

import java.util.UUID;

/** A teammate was deactivated: they can no longer sign in nor be given conversations. */
public record UserDeactivated(UUID accountId, UUID userId, UUID byUserId) {
}
