package com.switchboard.accounts;

import java.util.Set;
import java.util.UUID;

/**
 * Who of an account is away now, for the user API's {@code away} field. The away status module
 * provides it; accounts only ask.
 */
public interface UserPresence {

    Set<UUID> awayNow(UUID accountId);
}
