package com.switchboard.system;

import java.net.URI;
import java.util.Locale;

/**
 * The machine-readable side of a refusal. Every problem+json answer carries a {@code code} and a
 * {@code type} URI made from it, so that a client tells "customer unsubscribed" from "duplicate
 * phone" without reading prose, in any language. A code is the message key of what was wrong,
 * which is what the human message is looked up by: one name for both, so they cannot drift.
 * The codes are listed in {@code docs/problems.md}, which a test keeps complete.
 */
public final class ProblemTypes {

    /** Not a web address on purpose: it names the problem, and stays the same on every deployment. */
    public static final String TYPE_PREFIX = "urn:switchboard:problem:";

    private ProblemTypes() {
    }

    /**
     * The code of the problem a message key describes: {@code message.customerUnsubscribed} is
     * {@code message.customer-unsubscribed}; the generic {@code error.} prefix and a {@code .detail}
     * suffix are dropped ({@code error.notFound} is {@code not-found}).
     */
    public static String code(String messageKey) {
        String key = messageKey;
        if (key.startsWith("error.")) {
            key = key.substring("error.".length());
        }
        if (key.endsWith(".detail")) {
            key = key.substring(0, key.length() - ".detail".length());
        }
        var code = new StringBuilder(key.length() + 4);
        for (char c : key.toCharArray()) {
            if (Character.isUpperCase(c)) {
                code.append('-').append(Character.toLowerCase(c));
            }
            else {
                code.append(c);
            }
        }
        return code.toString().toLowerCase(Locale.ROOT);
    }

    public static URI type(String code) {
        return URI.create(TYPE_PREFIX + code);
    }
}
