package com.switchboard.channels;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.switchboard.conversations.DeliveryStatus;

/** A way to send a text to a customer's phone: the simulator, or an SMS provider. */
public interface SmsChannel {

    /** Whether this channel sends the account's texts. */
    boolean serves(UUID accountId);

    /** Hands one text to the provider; called after the message is stored, outside that transaction. */
    Outcome send(Text text);

    /**
     * The text, if the provider already has it: an earlier attempt asked for it at {@code askedAt}
     * and its answer was never recorded (the node stopped, or the answer never came). Empty when
     * the provider does not have it, so that sending it is safe.
     *
     * @throws TemporaryFailure when the provider cannot be asked now
     */
    Optional<Outcome> lookUp(Text text, Instant askedAt);

    /** A text to send. */
    record Text(UUID accountId, UUID messageId, String to, String body) {
    }

    /**
     * What the provider said.
     *
     * @param error why it failed, for people to read; null unless failed
     * @param errorCode the provider's code for the failure, or null
     * @param providerSid the provider's id of the message, when it took it
     */
    record Outcome(DeliveryStatus status, String error, String errorCode, String providerSid) {

        public static Outcome delivered() {
            return new Outcome(DeliveryStatus.DELIVERED, null, null, null);
        }
    }

    /**
     * The provider could not be reached or failed on its side (5xx): the send is tried again later.
     * {@code perhapsTaken} says whether the provider may have taken the text all the same (the
     * answer was lost, not refused): then it is looked up before it is sent again.
     */
    class TemporaryFailure extends RuntimeException {

        private final boolean perhapsTaken;

        public TemporaryFailure(String message, Throwable cause, boolean perhapsTaken) {
            super(message, cause);
            this.perhapsTaken = perhapsTaken;
        }

        public boolean perhapsTaken() {
            return perhapsTaken;
        }
    }
}
