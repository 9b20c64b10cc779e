package com.switchboard.live.internal;

import java.util.UUID;

/**
 * One entry of the live log.
 *
 * @param userId the only user who receives it, or null for everyone of the account
 * @param payload the event's facts as JSON; what each viewer is sent is built from it
 */
record LiveEvent(long id, UUID accountId, UUID userId, String type, String payload) {
}
