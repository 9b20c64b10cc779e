package com.switchboard.accounts;

/**
 * A partial change to a user: null fields stay as they are. Users change their own name, time
 * zone, language and password (giving the current one); admins also change email, role, active,
 * and may set a new password without the current one.
 */
public record UserChanges(String name, String email, String role, String timeZone, String locale, Boolean active,
        String password, String currentPassword) {

    public static UserChanges profile(String name, String timeZone, String locale) {
        return new UserChanges(name, null, null, timeZone, locale, null, null, null);
    }

    public static UserChanges password(String currentPassword, String newPassword) {
        return new UserChanges(null, null, null, null, null, null, newPassword, currentPassword);
    }

    public static UserChanges active(boolean active) {
        return new UserChanges(null, null, null, null, null, active, null, null);
    }

    @Override
    public String toString() {
        return "UserChanges[name=" + name + ", email=" + email + ", role=" + role + ", active=" + active + "]";
    }
}
