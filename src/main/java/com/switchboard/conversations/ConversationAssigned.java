package com.switchboard.conversations;

import java.util.UUID;

/**
 * A conversation changed hands.
 *
 * @param actorId who did it, or null when a rule did
 * @param fromUserId the previous assignee, or null
 * @param toUserId the new assignee, or null for nobody
 */
public record ConversationAssigned(UUID accountId, UUID conversationId, UUID actorId, UUID fromUserId,
        UUID toUserId, TimelineEvent.Reason reason) {
}
