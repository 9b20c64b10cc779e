package com.switchboard.conversations;

import java.util.UUID;

/** A message was stored in a conversation (a reply then also waits to be sent: {@link OutboundQueued}). */
public record MessageRecorded(UUID accountId, UUID conversationId, UUID messageId, MessageKind kind, UUID authorId) {
}
