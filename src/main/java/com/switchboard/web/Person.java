package com.switchboard.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A teammate as a page shows them: what {@code fragments/user :: name(person)} needs.
 *
 * @param active false for a deactivated user, whose name still shows in history
 * @param away their away status, when it is in effect; null otherwise
 */
public record Person(UUID id, String name, boolean active, Away away) {

    /**
     * What the away bubble says.
     *
     * @param delegateName who receives their new conversations, or null for no one (none chosen, or deactivated)
     * @param delegateAway whether that delegate is away too, so that conversations stay (R5)
     * @param returnOn the first day back, or null
     * @param returnAt the exact return, when given without a date; or null
     * @param setByName who turned it on for them, when it was an admin; null when they did it themselves
     */
    public record Away(UUID delegateId, String delegateName, boolean delegateAway, LocalDate returnOn,
            Instant returnAt, String message, String setByName) {
    }

    public boolean isAway() {
        return away != null;
    }

    static Person unknown(UUID id) {
        return new Person(id, "?", false, null);
    }
}
