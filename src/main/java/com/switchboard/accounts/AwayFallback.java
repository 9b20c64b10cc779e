package com.switchboard.accounts;

import java.util.Locale;

import com.switchboard.system.InvalidInputException;

/**
 * An account's choice of what happens to a conversation whose away assignee's delegate is away
 * too (R18). The away rules read it; admins set it on the Company page.
 */
public enum AwayFallback {
    /** R5 as written: it stays with the away user. The default. */
    KEEP,
    /** To the conversation's team queue, else the away user's first team's, else nobody. */
    TEAM_QUEUE;

    /** Reads {@code KEEP} or {@code TEAM_QUEUE} (any case); null for nothing given. */
    public static AwayFallback parse(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "account.awayFallbackInvalid");
        }
    }
}
