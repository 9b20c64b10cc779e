package com.switchboard.live.internal;

/** The event names on the stream (the SSE {@code event:} field), part of the API's contract. */
final class LiveTypes {

    /** Someone's away status changed: {@code {userId, away, people: [{userId, away, html, htmlInControl}]}}. */
    static final String AWAY = "away";
    /** A conversation changed hands: {@code {conversationId, fromUserId, toUserId, reason}}. */
    static final String ASSIGNED = "conversation.assigned";
    /** A message or note was stored: {@code {conversationId, messageId, kind, authorId}}. */
    static final String MESSAGE = "message.created";
    /** What became of a reply changed (sent, delivered, failed): {@code {conversationId, messageId, status}}. */
    static final String DELIVERY = "message.delivery";
    /** A conversation was closed or reopened: {@code {conversationId, status}}. */
    static final String STATUS = "conversation.status";
    /** A conversation changed team, or went into a team's queue: {@code {conversationId, teamId}}. */
    static final String TEAM = "conversation.team";
    /** A team was created, renamed or deleted, or its members changed: {@code {teamId}} (null: several). */
    static final String TEAMS = "teams";
    /** A notification for the subscriber: {@code {notificationId, unread}}. */
    static final String NOTIFICATION = "notification";
    /** The log no longer reaches back to the subscriber's last event: reload what is shown. */
    static final String REFRESH = "refresh";

    private LiveTypes() {
    }
}
