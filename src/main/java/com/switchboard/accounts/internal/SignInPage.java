package com.switchboard.accounts.internal;

/** What the log-in page and the log-in form's failure handling share. */
public final class SignInPage {

    /** The session attribute holding the email of a failed log-in, shown again on the page once. */
    public static final String LAST_EMAIL = "switchboard.login.lastEmail";

    private SignInPage() {
    }
}
