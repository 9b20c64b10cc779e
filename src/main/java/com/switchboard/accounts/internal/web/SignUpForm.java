package com.switchboard.accounts.internal.web;

import com.switchboard.accounts.SignUp;

/** The sign-up page's form: the business and its first admin. */
record SignUpForm(String accountName, String name, String email, String password, String timeZone, String locale) {

    static SignUpForm empty() {
        return new SignUpForm("", "", "", "", "America/Toronto", "en");
    }

    SignUp signUp() {
        return new SignUp(accountName, name, email, password, timeZone, locale);
    }
}
