package com.switchboard.customers;

import java.time.Instant;
import java.util.UUID;

/**
 * A person the business texts with.
 *
 * @param name null until someone gives it: a text from an unknown number creates a customer
 * @param phone E.164, for example {@code +15145550123}
 * @param unsubscribedAt when they opted out of texts (STOP), or null
 */
public record Customer(UUID id, UUID accountId, String name, String phone, Instant createdAt,
        Instant unsubscribedAt) {

    /** Whether the customer texted STOP (or a synonym) and not START since: nothing may be sent to them. */
    public boolean isUnsubscribed() {
        return unsubscribedAt != null;
    }
}
