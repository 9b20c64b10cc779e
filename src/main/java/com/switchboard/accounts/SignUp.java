package com.switchboard.accounts;

/** What sign-up asks for: the business and its first admin. Locale may be null (English). */
public record SignUp(String accountName, String name, String email, String password, String timeZone,
        String locale) {

    @Override
    public String toString() {
        // Never print the password, wherever this record ends up.
        return "SignUp[accountName=" + accountName + ", email=" + email + "]";
    }
}
