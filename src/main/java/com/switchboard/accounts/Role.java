package com.switchboard.accounts;

/** What a user may do: admins manage the team and the company settings; agents work the inbox. */
public enum Role {
    ADMIN, AGENT
}
