package com.switchboard.conversations;

import java.util.UUID;

/**
 * A conversation changed team (or into a team's queue, which also clears its assignee and is
 * announced as an assignment too).
 *
 * @param teamId the new team, or null for none
 */
public record ConversationTeamChanged(UUID accountId, UUID conversationId, UUID actorId, UUID teamId) {
}
