package com.switchboard.conversations;

/** From the customer, to the customer (written by a teammate), or an internal note for the team. */
public enum MessageKind {
    INBOUND, OUTBOUND, NOTE
}
