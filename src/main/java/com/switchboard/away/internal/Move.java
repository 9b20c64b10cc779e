package com.switchboard.away.internal;

import java.time.Instant;
import java.util.UUID;

import com.switchboard.away.AwayHistory.How;
import com.switchboard.away.AwayHistory.Outcome;

/**
 * A conversation an away period moved (R4, R17, R18, R19), remembered so that its end gives back
 * exactly those (R20).
 *
 * @param fromTeamId the conversation's team before the move, restored when it comes back
 * @param toUserId the delegate who got it, or null when it went to a queue or to nobody
 * @param toTeamId the team whose queue got it, or null
 * @param outcome what became of it at the period's end; null until then
 */
public record Move(UUID accountId, UUID periodId, UUID conversationId, UUID fromUserId, UUID fromTeamId,
        UUID toUserId, UUID toTeamId, How how, Instant at, Outcome outcome) {
}
