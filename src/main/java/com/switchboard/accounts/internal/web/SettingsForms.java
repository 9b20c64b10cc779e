package com.switchboard.accounts.internal.web;

import com.switchboard.accounts.User;

/** The forms of the Your settings page. */
final class SettingsForms {

    private SettingsForms() {
    }

    record Profile(String name, String timeZone, String locale) {

        static Profile of(User user) {
            return new Profile(user.name(), user.timeZone().getId(), user.locale().getLanguage());
        }
    }

    /** Never shown again once typed: the page renders its fields empty. */
    record Password(String currentPassword, String password, String confirmPassword) {

        static Password empty() {
            return new Password("", "", "");
        }

        boolean confirmed() {
            return password == null || password.equals(confirmPassword);
        }
    }

    record Token(String name) {

        static Token empty() {
            return new Token("");
        }
    }
}
