package com.switchboard.conversations;

import java.util.UUID;

/** A teammate asked to send a failed message again. */
public record OutboundRetried(UUID accountId, UUID conversationId, UUID messageId) {
}
