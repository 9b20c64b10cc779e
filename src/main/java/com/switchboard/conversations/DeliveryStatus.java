package com.switchboard.conversations;

/** Where an outbound message is on its way to the customer's phone. */
public enum DeliveryStatus {
    QUEUED, SENT, DELIVERED, FAILED, UNDELIVERED
}
