package com.switchboard.conversations;

/** Open, or closed (archived until the next message reopens it). */
public enum ConversationStatus {
    OPEN, CLOSED
}
