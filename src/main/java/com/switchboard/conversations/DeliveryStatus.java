package com.switchboard.conversations;

/**
 * Where an outbound message is on its way to the customer's phone, in the order it goes there:
 * waiting in Switchboard's queue, accepted by the SMS provider, sent to the carrier, then an end.
 */
public enum DeliveryStatus {
    /** Waiting in Switchboard's queue: the provider has not taken it (yet). */
    QUEUED,
    /** The provider has taken it and will send it: it must never be sent again. */
    ACCEPTED,
    /** The provider has sent it to the carrier. */
    SENT,
    DELIVERED, FAILED, UNDELIVERED;

    /** Whether nothing can follow: delivered, or not (a teammate may send it again as a new try). */
    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == UNDELIVERED;
    }

    /** Whether it did not reach the customer. */
    public boolean isFailure() {
        return this == FAILED || this == UNDELIVERED;
    }

    /**
     * Whether a report of this status may replace {@code current}: a message only moves forward,
     * so that reports arriving out of order (a late "queued" after "sent") never take it back.
     */
    public boolean follows(DeliveryStatus current) {
        return current == null || !current.isFinal() && ordinal() > current.ordinal();
    }
}
