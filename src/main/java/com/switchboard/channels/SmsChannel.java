package com.switchboard.channels;

import java.util.UUID;

import com.switchboard.conversations.DeliveryStatus;

/** A way to send a text to a customer's phone: the simulator, or an SMS provider. */
public interface SmsChannel {

    /** Whether this channel sends the account's texts. */
    boolean serves(UUID accountId);

    /** Hands one text to the provider; called after the message is stored, outside that transaction. */
    Outcome send(Text text);

    /** A text to send. */
    record Text(UUID accountId, UUID messageId, String to, String body) {
    }

    /**
     * What the provider said.
     *
     * @param error why it failed, for people to read; null unless failed
     */
    record Outcome(DeliveryStatus status, String error) {
    }
}
