package com.switchboard.conversations;

import java.time.Instant;
import java.util.UUID;

/** One line of a conversation as shown: a message or a timeline event, in the order they happened. */
public sealed interface TimelineItem permits Message, TimelineEvent {

    UUID id();

    long seq();

    Instant createdAt();

    /** For templates, which cannot test types: a message, or else a timeline event. */
    boolean isMessage();
}
