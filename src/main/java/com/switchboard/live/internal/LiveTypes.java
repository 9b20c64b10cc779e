package com.switchboard.live.internal;

import com.switchboard.live.LiveFacts;

/** The event names on the stream (the SSE {@code event:} field), part of the API's contract. */
final class LiveTypes {

    /** Someone's away status changed: {@code {userId, away, people: [{userId, away, html, htmlInControl}]}}. */
    static final String AWAY = LiveFacts.AWAY;
    /** A conversation changed hands: {@code {conversationId, fromUserId, toUserId, reason}}. */
    static final String ASSIGNED = LiveFacts.ASSIGNED;
    /** A message or note was stored: {@code {conversationId, messageId, kind, authorId}}. */
    static final String MESSAGE = LiveFacts.MESSAGE;
    /** What became of a reply changed (sent, delivered, failed): {@code {conversationId, messageId, status}}. */
    static final String DELIVERY = LiveFacts.DELIVERY;
    /** A conversation was closed or reopened: {@code {conversationId, status}}. */
    static final String STATUS = LiveFacts.STATUS;
    /** A conversation changed team, or went into a team's queue: {@code {conversationId, teamId}}. */
    static final String TEAM = LiveFacts.TEAM;
    /** A team was created, renamed or deleted, or its members changed: {@code {teamId}} (null: several). */
    static final String TEAMS = LiveFacts.TEAMS;
    /** Someone's away periods changed (the team calendar's, R24): {@code {userId}}. */
    static final String PERIODS = LiveFacts.PERIODS;
    /** A notification for the subscriber: {@code {notificationId, unread}}. */
    static final String NOTIFICATION = "notification";
    /** The log no longer reaches back to the subscriber's last event: reload what is shown. */
    static final String REFRESH = "refresh";

    private LiveTypes() {
    }
}
