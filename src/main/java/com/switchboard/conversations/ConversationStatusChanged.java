package com.switchboard.conversations;

import java.util.UUID;

/** A conversation was closed, or reopened (by a teammate or by a new message). */
public record ConversationStatusChanged(UUID accountId, UUID conversationId, ConversationStatus status,
        UUID actorId) {
}
