package com.switchboard.conversations;

import java.time.Instant;
import java.util.UUID;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A system line in a conversation: who did what, when and why.
 *
 * @param actorId the teammate who did it, or null when the system did (a new message, a rule)
 * @param fromUserId for assignments: the previous assignee, or null for nobody
 * @param toUserId for assignments: the new assignee, or null for nobody
 * @param messageId for a late failure: the reply it concerns
 * @param errorCode for a late failure: the carrier's code of the failure, or null
 * @param teamId for an assignment to nobody: the team whose queue it went to; for a change of
 *        team: the new team (null for none)
 */
public record TimelineEvent(
        UUID id,
        UUID conversationId,
        long seq,
        Type type,
        UUID actorId,
        UUID fromUserId,
        UUID toUserId,
        Reason reason,
        UUID messageId,
        String errorCode,
        UUID teamId,
        Instant createdAt) implements TimelineItem {

    @Override
    public boolean isMessage() {
        return false;
    }

    public enum Type {
        ASSIGNED, CLOSED, REOPENED,
        /** A customer wrote while the assignee ({@code fromUserId}) was away, and the conversation stayed. */
        KEPT,
        /**
         * The carrier reported a reply ({@code messageId}) failed after it had reported it delivered:
         * the reply stays delivered, and this says what came afterwards.
         */
        LATE_FAILURE,
        /** The conversation changed team ({@code teamId}, null for none); its assignee stayed. */
        TEAM
    }

    /** Why it happened, so the timeline can say it in the viewer's language. */
    public enum Reason {
        /** A teammate did it by hand. */
        MANUAL,
        /** A new message reopened the conversation. */
        NEW_MESSAGE,
        /** The conversation went to its assignee's delegate because the assignee is away (R4). */
        ASSIGNEE_AWAY,
        /** It stayed with the away assignee: their delegate ({@code toUserId}) is away too (R5). */
        DELEGATE_AWAY,
        /** It stayed with the away assignee: they engaged this customer during their away time (R6). */
        ENGAGED,
        /** It stayed with the away assignee: they chose no delegate (R7). */
        NO_DELEGATE,
        /** It stayed with the away assignee: their delegate ({@code toUserId}) was deactivated since (R7). */
        DELEGATE_DEACTIVATED,
        /** The SMS provider reported it. */
        CARRIER_REPORT,
        /** R17: the assignee ({@code fromUserId}) is away and chose a team: to its queue ({@code teamId}). */
        TEAM_DELEGATE,
        /** R18: the assignee ({@code fromUserId}) is away and so is their delegate: to the team queue ({@code teamId}). */
        FALLBACK_QUEUE,
        /** R18: as {@link #FALLBACK_QUEUE}, with no team to queue for: to nobody. */
        FALLBACK_UNASSIGNED,
        /** R19: handed over with every open conversation of the away assignee when their away period started. */
        HANDED_OVER,
        /** R20: given back to the returning user ({@code toUserId}) at the end of their away period. */
        HANDED_BACK
    }

    /** For a late failure: what the carrier said, in the reader's language (as {@link Message#deliveryProblem()}). */
    public MessageSourceResolvable problem() {
        if (type != Type.LATE_FAILURE) {
            return null;
        }
        return errorCode == null ? new DefaultMessageSourceResolvable("deliveryError.refused")
                : new DefaultMessageSourceResolvable(new String[] { "deliveryError." + errorCode,
                        "deliveryError.carrier" }, new Object[] { errorCode });
    }
}
