package com.switchboard.system;

/**
 * Which text Switchboard can keep. PostgreSQL refuses U+0000 in text, and a lone UTF-16 surrogate
 * (half of an emoji) has no UTF-8 form: the driver would store it as "?". The other invisible
 * control characters are stored fine, but no person types them; they come from broken software
 * and break what reads them later (an SMS provider, an export). Tab, line feed and carriage
 * return are text.
 * <p>
 * What people and API callers send with such characters is refused with a clear message; what a
 * customer texts is never refused, so it is {@linkplain #clean cleaned} instead.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Whether every character of the text can be stored as it is. */
    public static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            }
            else if (isUnstorable(c)) {
                return false;
            }
        }
        return true;
    }

    /** The text without control characters, and with U+FFFD (�) for each lone surrogate. */
    public static String clean(String text) {
        if (text == null || isStorable(text)) {
            return text;
        }
        var cleaned = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                cleaned.append(c).append(text.charAt(++i));
            }
            else if (Character.isSurrogate(c)) {
                cleaned.append('\uFFFD');
            }
            else if (!isUnstorable(c)) {
                cleaned.append(c);
            }
        }
        return cleaned.toString();
    }

    private static boolean isUnstorable(char c) {
        return Character.isSurrogate(c) || c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F;
    }
}
