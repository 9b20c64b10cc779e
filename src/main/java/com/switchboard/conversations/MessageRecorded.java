package com.switchboard.conversations;

import java.util.UUID;

/**
 * A message was stored in a conversation. Outbound ones are then sent through the account's SMS
 * channel, after the storing transaction commits.
 */
public record MessageRecorded(UUID accountId, UUID conversationId, UUID messageId, MessageKind kind, UUID authorId) {
}
