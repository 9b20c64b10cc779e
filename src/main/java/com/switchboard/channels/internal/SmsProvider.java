package com.switchboard.channels.internal;

/** Who carries an account's texts. */
public enum SmsProvider {
    /** The built-in customer phone simulator (where the deployment has it on). */
    SIMULATOR,
    /** Twilio's Programmable Messaging, or a provider that speaks its API. */
    TWILIO
}
