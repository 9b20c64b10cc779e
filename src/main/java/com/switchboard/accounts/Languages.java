package com.switchboard.accounts;

import java.util.List;
import java.util.Locale;

/** The languages Switchboard speaks. */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale FRENCH = Locale.FRENCH;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, FRENCH);

    private Languages() {
    }

    /** The supported language for a tag such as {@code fr} or {@code fr-CA}, or null. */
    public static Locale find(String tag) {
        if (tag == null) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
    }
}
