package com.switchboard.conversations;

import java.time.Instant;
import java.util.UUID;

/**
 * A message of a conversation.
 *
 * @param authorId the teammate who wrote an outbound message or a note; null for inbound
 * @param deliveryStatus for outbound messages only
 * @param deliveryError why delivery failed, when it did
 */
public record Message(
        UUID id,
        UUID conversationId,
        long seq,
        MessageKind kind,
        String body,
        UUID authorId,
        DeliveryStatus deliveryStatus,
        String deliveryError,
        Instant createdAt) implements TimelineItem {

    @Override
    public boolean isMessage() {
        return true;
    }

    public boolean isInbound() {
        return kind == MessageKind.INBOUND;
    }

    public boolean isOutbound() {
        return kind == MessageKind.OUTBOUND;
    }

    public boolean isNote() {
        return kind == MessageKind.NOTE;
    }

    /** A reply the provider refused or could not deliver, which a teammate may send again. */
    public boolean canBeRetried() {
        return kind == MessageKind.OUTBOUND
                && (deliveryStatus == DeliveryStatus.FAILED || deliveryStatus == DeliveryStatus.UNDELIVERED);
    }
}
