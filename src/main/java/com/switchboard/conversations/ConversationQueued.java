package com.switchboard.conversations;

import java.util.UUID;

/**
 * A rule put a conversation in a team's queue, or to nobody (R17, R18).
 *
 * @param fromUserId the away assignee it left
 * @param fromTeamId the conversation's team before, or null
 * @param teamId the team whose queue it waits in, or null for nobody
 */
public record ConversationQueued(UUID accountId, UUID conversationId, UUID fromUserId, UUID fromTeamId, UUID teamId,
        TimelineEvent.Reason reason) {
}
