package com.switchboard.live;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.switchboard.away.AwayPeriodsChanged;
import com.switchboard.away.AwayStatusChanged;
import com.switchboard.conversations.ConversationAssigned;
import com.switchboard.conversations.ConversationStatusChanged;
import com.switchboard.conversations.ConversationTeamChanged;
import com.switchboard.conversations.MessageDeliveryChanged;
import com.switchboard.conversations.MessageRecorded;
import com.switchboard.teams.TeamsChanged;

/**
 * What an API client is told of an event, by the live stream and by outgoing webhooks alike: the
 * event's type name and its facts, built in one place so that the two never drift apart. Type
 * names and fields are part of the API's contract.
 *
 * @param type the event's name ({@code away}, {@code conversation.assigned}, ...)
 * @param conversationId the conversation it concerns, or null (an away change)
 * @param facts the fields, in the order they are written
 */
public record LiveFacts(String type, UUID conversationId, Map<String, Object> facts) {

    /** Someone's away status changed: {@code {userId, away, delegateId, returnOn, returnAt}}. */
    public static final String AWAY = "away";
    /** A conversation changed hands: {@code {conversationId, fromUserId, toUserId, reason}}. */
    public static final String ASSIGNED = "conversation.assigned";
    /** A message or note was stored: {@code {conversationId, messageId, kind, authorId}}. */
    public static final String MESSAGE = "message.created";
    /** What became of a reply changed (sent, delivered, failed): {@code {conversationId, messageId, status}}. */
    public static final String DELIVERY = "message.delivery";
    /** A conversation was closed or reopened: {@code {conversationId, status}}. */
    public static final String STATUS = "conversation.status";
    /** A conversation changed team, or went into a team's queue: {@code {conversationId, teamId}}. */
    public static final String TEAM = "conversation.team";
    /** A team was created, renamed or deleted, or its members changed: {@code {teamId}} (null: several). */
    public static final String TEAMS = "teams";
    /**
     * Someone's periods ahead changed (planned, changed or cancelled before they started; R22,
     * R24): {@code {userId}}.
     */
    public static final String PERIODS = "away.periods";

    public LiveFacts {
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public static LiveFacts of(AwayStatusChanged event) {
        return new LiveFacts(AWAY, null, facts("userId", event.userId(), "away", event.away(),
                "delegateId", event.delegateId(), "delegateTeamId", event.delegateTeamId(),
                "returnOn", event.returnOn() == null ? null : event.returnOn().toString(),
                "returnAt", event.returnAt() == null ? null : event.returnAt().toString()));
    }

    public static LiveFacts of(ConversationAssigned event) {
        return new LiveFacts(ASSIGNED, event.conversationId(), facts("conversationId", event.conversationId(),
                "fromUserId", event.fromUserId(), "toUserId", event.toUserId(), "reason", event.reason().name()));
    }

    public static LiveFacts of(MessageRecorded event) {
        return new LiveFacts(MESSAGE, event.conversationId(), facts("conversationId", event.conversationId(),
                "messageId", event.messageId(), "kind", event.kind().name(), "authorId", event.authorId()));
    }

    public static LiveFacts of(ConversationStatusChanged event) {
        return new LiveFacts(STATUS, event.conversationId(), facts("conversationId", event.conversationId(),
                "status", event.status().name()));
    }

    public static LiveFacts of(MessageDeliveryChanged event) {
        return new LiveFacts(DELIVERY, event.conversationId(), facts("conversationId", event.conversationId(),
                "messageId", event.messageId(), "status", event.status().name()));
    }

    public static LiveFacts of(ConversationTeamChanged event) {
        return new LiveFacts(TEAM, event.conversationId(), facts("conversationId", event.conversationId(),
                "teamId", event.teamId()));
    }

    public static LiveFacts of(TeamsChanged event) {
        return new LiveFacts(TEAMS, null, facts("teamId", event.teamId()));
    }

    public static LiveFacts of(AwayPeriodsChanged event) {
        return new LiveFacts(PERIODS, null, facts("userId", event.userId()));
    }

    // LinkedHashMap: nulls are facts too ("no delegate"), and the order is the documented one.
    private static Map<String, Object> facts(Object... keysAndValues) {
        var facts = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            facts.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return facts;
    }
}
