package com.switchboard.conversations;

import java.util.List;
import java.util.UUID;

/**
 * What happened in a conversation over a stretch of time: how many customer messages came in, and
 * who replied (first reply first). "While you were away" lists it (R20).
 */
public record ConversationActivity(UUID conversationId, int customerMessages, List<UUID> repliedBy) {
}
