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
     * @param receivedAt when it arrived
     */
    record Inbound(UUID accountId, UUID conversationId, UUID customerId, UUID assigneeId, Instant receivedAt) {
    }

    /**
     * Keep the conversation where it is, or give it to {@code toUserId} for {@code reason}.
     */
    record Decision(UUID toUserId, TimelineEvent.Reason reason) {

        private static final Decision KEEP = new Decision(null, null);

        public static Decision keep() {
            return KEEP;
        }

        public static Decision reassign(UUID toUserId, TimelineEvent.Reason reason) {
            return new Decision(toUserId, reason);
        }

        public boolean reassigns() {
            return toUserId != null;
        }
    }
}
