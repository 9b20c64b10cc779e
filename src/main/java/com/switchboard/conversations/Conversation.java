package com.switchboard.conversations;

import java.time.Instant;
import java.util.UUID;

import com.switchboard.customers.Customer;

/**
 * The continuous thread between the account and one customer.
 *
 * @param assigneeId the teammate who owns it, or null for nobody
 * @param lastMessagePreview the start of the newest message, for lists
 * @param lastMessageAuthorId who wrote it (a reply or a note), or null for the customer
 * @param teamId its team, or null; with no assignee it waits in that team's queue
 */
public record Conversation(
        UUID id,
        UUID accountId,
        Customer customer,
        ConversationStatus status,
        UUID assigneeId,
        Instant lastActivityAt,
        String lastMessagePreview,
        MessageKind lastMessageKind,
        UUID lastMessageAuthorId,
        Instant createdAt,
        UUID teamId) {

    public boolean isOpen() {
        return status == ConversationStatus.OPEN;
    }
}
