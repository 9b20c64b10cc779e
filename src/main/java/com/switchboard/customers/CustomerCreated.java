package com.switchboard.customers;

import java.util.UUID;

/**
 * A customer was created, by a teammate (with an optional assignee) or by a text from an unknown
 * number. Published inside the creating transaction, so their conversation is created with them.
 *
 * @param actorId the teammate who created them, or null when a text did
 * @param assigneeId who their conversation goes to, or null for nobody
 */
public record CustomerCreated(UUID accountId, UUID customerId, UUID actorId, UUID assigneeId) {
}
