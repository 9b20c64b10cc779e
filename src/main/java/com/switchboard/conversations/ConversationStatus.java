package com.switchboard.conversations;

import java.util.Locale;

import com.switchboard.system.InvalidInputException;

/** Open, or closed (archived until the next message reopens it). */
public enum ConversationStatus {
    OPEN, CLOSED;

    /** Reads {@code open} or {@code closed} in any case, as links and the API write it; null for nothing given. */
    public static ConversationStatus parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "conversation.statusInvalid", text);
        }
    }

    /** As it is written in a link. */
    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }
}
