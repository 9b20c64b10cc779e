package com.switchboard.accounts;

import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

import com.switchboard.system.InvalidInputException;

/** The checks on the fields people type about a user, shared by sign-up, the team page and the API. */
final class UserInput {

    static final int MAX_NAME = 100;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private UserInput() {
    }

    static String name(String name, String field, InvalidInputException.Checks checks) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            checks.reject(field, "name.required");
        }
        else if (trimmed.length() > MAX_NAME) {
            checks.reject(field, "name.tooLong", MAX_NAME);
        }
        return trimmed;
    }

    static String email(String email, InvalidInputException.Checks checks) {
        String trimmed = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (trimmed.isEmpty()) {
            checks.reject("email", "email.required");
        }
        else if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            checks.reject("email", "email.invalid");
        }
        return trimmed;
    }

    static ZoneId timeZone(String timeZone, ZoneId fallback, InvalidInputException.Checks checks) {
        if (timeZone == null || timeZone.isBlank()) {
            if (fallback == null) {
                checks.reject("timeZone", "timeZone.required");
            }
            return fallback;
        }
        var zone = TimeZones.parse(timeZone);
        if (zone.isEmpty()) {
            checks.reject("timeZone", "timeZone.invalid", timeZone);
            return fallback;
        }
        return zone.get();
    }

    static Locale locale(String locale, Locale fallback, InvalidInputException.Checks checks) {
        if (locale == null || locale.isBlank()) {
            return fallback;
        }
        Locale found = Languages.find(locale);
        if (found == null) {
            checks.reject("locale", "locale.invalid", locale);
            return fallback;
        }
        return found;
    }

    static Role role(String role, Role fallback, InvalidInputException.Checks checks) {
        if (role == null || role.isBlank()) {
            if (fallback == null) {
                checks.reject("role", "role.required");
            }
            return fallback;
        }
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            checks.reject("role", "role.invalid", role);
            return fallback;
        }
    }
}
