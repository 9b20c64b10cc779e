package com.switchboard.conversations;

import java.time.Instant;
import java.util.UUID;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A message of a conversation.
 *
 * @param authorId the teammate who wrote an outbound message or a note; null for inbound
 * @param deliveryStatus for outbound messages only
 * @param deliveryError why delivery failed, when it did, in the provider's words (for diagnosis;
 *        people read {@link #deliveryProblem()})
 * @param deliveryErrorCode the code of that failure: the provider's (Twilio's ErrorCode, such as
 *        30003) or Switchboard's own ({@code no-channel}, {@code no-from-number},
 *        {@code provider-unreachable}); null when there is none
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
        String deliveryErrorCode,
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

    /**
     * Why the reply was not delivered, to be said in the reader's language ({@code deliveryError.<code>}
     * in the messages, the carrier's code for one that has no words of its own); null if nothing failed.
     */
    public MessageSourceResolvable deliveryProblem() {
        boolean failed = deliveryStatus == DeliveryStatus.FAILED || deliveryStatus == DeliveryStatus.UNDELIVERED;
        if (!failed && deliveryErrorCode == null && deliveryError == null) {
            return null;
        }
        if (deliveryErrorCode == null) {
            return new DefaultMessageSourceResolvable("deliveryError.refused");
        }
        return new DefaultMessageSourceResolvable(
                new String[] { "deliveryError." + deliveryErrorCode, "deliveryError.carrier" },
                new Object[] { deliveryErrorCode });
    }

    /** A reply the provider refused or could not deliver, which a teammate may send again. */
    public boolean canBeRetried() {
        return kind == MessageKind.OUTBOUND
                && (deliveryStatus == DeliveryStatus.FAILED || deliveryStatus == DeliveryStatus.UNDELIVERED);
    }
}
