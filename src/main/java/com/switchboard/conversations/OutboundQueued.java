package com.switchboard.conversations;

import java.util.UUID;

/**
 * A reply waits to be sent: it was just written, or a teammate asked to send a failed one again.
 * Published only for replies, so that the durable queue behind it costs nothing to other messages.
 */
public record OutboundQueued(UUID accountId, UUID conversationId, UUID messageId) {
}
