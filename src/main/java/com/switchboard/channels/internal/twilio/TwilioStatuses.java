package com.switchboard.channels.internal.twilio;

import java.util.Locale;

import com.switchboard.conversations.DeliveryStatus;

/**
 * Twilio's message statuses in Switchboard's words. (Its error codes are said in the reader's
 * language where they are shown: {@code deliveryError.<code>} in the messages.)
 */
final class TwilioStatuses {

    private TwilioStatuses() {
    }

    /**
     * Twilio's status of a message it has, in Switchboard's words. Whatever Twilio holds and has
     * not sent yet ("accepted", "queued", "scheduled", "sending") is ACCEPTED: never QUEUED, which
     * would mean it may still be sent.
     */
    static DeliveryStatus of(String twilioStatus) {
        if (twilioStatus == null) {
            return DeliveryStatus.ACCEPTED;
        }
        return switch (twilioStatus.toLowerCase(Locale.ROOT)) {
            case "sent" -> DeliveryStatus.SENT;
            case "delivered", "read" -> DeliveryStatus.DELIVERED;
            case "failed", "canceled" -> DeliveryStatus.FAILED;
            case "undelivered" -> DeliveryStatus.UNDELIVERED;
            default -> DeliveryStatus.ACCEPTED;
        };
    }
}
