package com.switchboard.conversations;

import java.util.Locale;
import java.util.Set;

/**
 * The words a customer texts to stop receiving texts, or to receive them again: the carriers'
 * standard keywords, in English and French. The whole text must be the keyword (a customer who
 * writes "please stop calling me" has not opted out), in any case, with or without a final period
 * or exclamation mark.
 */
final class OptOutKeywords {

    private static final Set<String> STOP = Set.of("STOP", "ARRET", "ARRÊT", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    private static final Set<String> START = Set.of("START", "UNSTOP");

    private OptOutKeywords() {
    }

    /** TRUE for an opt-out, FALSE for opting back in, null for any other text. */
    static Boolean optsOut(String body) {
        if (body == null) {
            return null;
        }
        String word = body.strip().replaceAll("[.!]+$", "").strip().toUpperCase(Locale.ROOT);
        if (STOP.contains(word)) {
            return Boolean.TRUE;
        }
        if (START.contains(word)) {
            return Boolean.FALSE;
        }
        return null;
    }
}
