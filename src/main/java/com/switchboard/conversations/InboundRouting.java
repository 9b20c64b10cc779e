package com.switchboard.conversations;

import java.time.Instant;
import java.util.UUID;

/**
 * The routing step every inbound customer message goes through: it decides, inside the
 * transaction that stores the message and with the conversation locked, whether the conversation
 * stays with its assignee or goes to someone else. The away status provides it; without any
 * provider, conversations stay where they are.
 */
public interface InboundRouting {

    Decision route(Inbound inbound);

    /**
     * What the routing step knows of the message.
     *
     * @param assigneeId the conversation's assignee when the message arrived, or null
     * @param teamId the conversation's team, or null
     * @param receivedAt when it arrived
     */
    record Inbound(UUID accountId, UUID conversationId, UUID customerId, UUID assigneeId, UUID teamId,
            Instant receivedAt) {
    }

    /**
     * Keep the conversation where it is, or give it to {@code toUserId} for {@code reason}. A
     * conversation kept with an away assignee says why ({@code kept}), once per away period.
     */
    record Decision(UUID toUserId, TimelineEvent.Reason reason, Kept kept, boolean toQueue, UUID queueTeamId) {

        private static final Decision KEEP = new Decision(null, null, null, false, null);

        public static Decision keep() {
            return KEEP;
        }

        /** Stays with its away assignee for {@code reason}, which the timeline says once since {@code awaySince}. */
        public static Decision keepWithAwayAssignee(TimelineEvent.Reason reason, UUID delegateId, Instant awaySince) {
            return new Decision(null, null, new Kept(reason, delegateId, awaySince), false, null);
        }

        public static Decision reassign(UUID toUserId, TimelineEvent.Reason reason) {
            return new Decision(toUserId, reason, null, false, null);
        }

        /** Leaves its assignee for {@code teamId}'s queue, or for nobody when that is null (R18). */
        public static Decision queue(UUID teamId, TimelineEvent.Reason reason) {
            return new Decision(null, reason, null, true, teamId);
        }

        public boolean reassigns() {
            return toUserId != null;
        }
    }

    /** Why a conversation stayed with its away assignee; {@code delegateId} is the delegate who did not take it. */
    record Kept(TimelineEvent.Reason reason, UUID delegateId, Instant awaySince) {
    }
}
