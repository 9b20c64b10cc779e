package com.switchboard.channels.internal.twilio;

import java.util.Locale;
import java.util.Map;

import com.switchboard.conversations.DeliveryStatus;

/** Twilio's message statuses and error codes, in Switchboard's words. */
final class TwilioStatuses {

    // The errors a dealership meets day to day; others are shown by their code.
    private static final Map<String, String> ERRORS = Map.of(
            "21211", "The phone number is not valid.",
            "21610", "The customer has unsubscribed at their carrier (they texted STOP).",
            "21614", "The number is not a mobile number.",
            "30003", "The customer's phone is unreachable (off or out of coverage).",
            "30004", "The message was blocked by the customer's carrier or phone.",
            "30005", "The number is unknown to its carrier.",
            "30006", "The number is a landline or its carrier cannot receive texts.",
            "30007", "The carrier filtered the message as spam.",
            "30008", "The carrier could not deliver the message (unknown error).");

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

    /** Why a message failed, for people, from Twilio's error code. */
    static String error(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return ERRORS.getOrDefault(code, "The carrier reported error " + code + ".");
    }
}
