package com.switchboard.away;

/** How an away period ended. */
public enum EndReason {
    /** The user turned it off. */
    TURNED_OFF,
    /** The return date came. */
    RETURN_DATE,
    /** An admin turned it off for them. */
    ADMIN
}
