package com.switchboard.conversations;

import java.util.UUID;

/** What became of an outbound message changed: sent, delivered, failed (and why), or queued again. */
public record MessageDeliveryChanged(UUID accountId, UUID conversationId, UUID messageId, DeliveryStatus status) {
}
