package com.switchboard.accounts;

import com.switchboard.system.InvalidInputException;

/** What a password must be, checked wherever one is set. */
final class PasswordRules {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 200;

    private PasswordRules() {
    }

    static void check(String password, String field, InvalidInputException.Checks checks) {
        if (password == null || password.isEmpty()) {
            checks.reject(field, "password.required");
        }
        else if (password.length() < MIN_LENGTH) {
            checks.reject(field, "password.tooShort", MIN_LENGTH);
        }
        else if (password.length() > MAX_LENGTH) {
            checks.reject(field, "password.tooLong", MAX_LENGTH);
        }
    }
}
