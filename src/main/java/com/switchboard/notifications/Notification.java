package com.switchboard.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Something a teammate should know.
 *
 * @param conversationId the conversation it is about, or null for a notice about something else
 * @param actorId who assigned the conversation, or null when the away rules did
 * @param fromUserId whose conversation it was (the away teammate, for REASSIGNED_AWAY)
 * @param subjectId what a notice about something else than a conversation is about (a webhook endpoint), or
 *        for QUEUED_AWAY the team whose queue the conversation waits in
 * @param detail what a notice names about its subject (the endpoint's address), or null
 * @param readAt when they read it, or null
 */
public record Notification(UUID id, UUID userId, Kind kind, UUID conversationId, UUID actorId, UUID fromUserId,
        UUID subjectId, String detail, Instant createdAt, Instant readAt) {

    public enum Kind {
        /** A teammate assigned them a conversation. */
        ASSIGNED,
        /** A conversation came to them because its owner is away and chose them as delegate. */
        REASSIGNED_AWAY,
        /** For admins: a webhook endpoint was turned off after failing again and again. */
        WEBHOOK_DISABLED,
        /** A conversation came to their team's queue because its owner is away and chose the team (R17). */
        QUEUED_AWAY,
        /** They (or their team, {@code subjectId}) cover for an away teammate from now ({@code detail}: until when) (R21). */
        COVERING_STARTED,
        /** They (or their team) no longer cover for that teammate (R21). */
        COVERING_ENDED
    }

    public boolean isUnread() {
        return readAt == null;
    }

    public boolean isAssigned() {
        return kind == Kind.ASSIGNED;
    }

    public boolean isAway() {
        return kind == Kind.REASSIGNED_AWAY;
    }

    public boolean isQueuedAway() {
        return kind == Kind.QUEUED_AWAY;
    }

    public boolean isCovering() {
        return kind == Kind.COVERING_STARTED;
    }

    public boolean isCoveringEnded() {
        return kind == Kind.COVERING_ENDED;
    }

    /** For a notice that someone covers: the day the away teammate is back, when given as a day. */
    public LocalDate returnOn() {
        return isCovering() && detail != null && !detail.contains("T") ? LocalDate.parse(detail) : null;
    }

    /** For a notice that someone covers: the moment the away teammate is back, when given as a moment. */
    public Instant returnAt() {
        return isCovering() && detail != null && detail.contains("T") ? Instant.parse(detail) : null;
    }

    public boolean isWebhookDisabled() {
        return kind == Kind.WEBHOOK_DISABLED;
    }

    /** Where opening it leads. */
    public String link() {
        if (isWebhookDisabled()) {
            return "/company/webhooks/" + subjectId;
        }
        // Covering: the conversation list, where the covered teammate's conversations arrive.
        return conversationId == null ? "/" : "/conversations/" + conversationId;
    }
}
