package com.switchboard.conversations;

import java.util.Locale;
import java.util.UUID;

import com.switchboard.system.InvalidInputException;

/**
 * Whose conversations a list shows, written the same way in the inbox's links and in the API's
 * {@code assignee} parameter: {@code me}, {@code unassigned}, {@code all}, or a teammate's id.
 */
public record AssigneeFilter(ConversationQuery.Assignee kind, UUID userId) {

    public static final AssigneeFilter MINE = new AssigneeFilter(ConversationQuery.Assignee.ME, null);
    public static final AssigneeFilter UNASSIGNED = new AssigneeFilter(ConversationQuery.Assignee.UNASSIGNED, null);
    public static final AssigneeFilter EVERYONE = new AssigneeFilter(ConversationQuery.Assignee.ANYONE, null);

    public AssigneeFilter {
        if ((kind == ConversationQuery.Assignee.USER) != (userId != null)) {
            throw new IllegalArgumentException("A teammate's filter, and only that, names the teammate");
        }
    }

    public static AssigneeFilter teammate(UUID userId) {
        return new AssigneeFilter(ConversationQuery.Assignee.USER, userId);
    }

    /**
     * Reads {@code me}, {@code unassigned}, {@code all} or a user id (any case); null for
     * nothing given, so that the caller chooses the default.
     */
    public static AssigneeFilter parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "me" -> MINE;
            case "unassigned" -> UNASSIGNED;
            case "all" -> EVERYONE;
            default -> {
                try {
                    yield teammate(UUID.fromString(text.strip()));
                }
                catch (IllegalArgumentException e) {
                    throw new InvalidInputException("assignee", "conversation.assigneeFilterInvalid");
                }
            }
        };
    }

    /** As it is written in a link. */
    public String param() {
        return switch (kind) {
            case ME -> "me";
            case UNASSIGNED -> "unassigned";
            case ANYONE -> "all";
            case USER -> userId.toString();
        };
    }

    /** The query for one page of this list. */
    public ConversationQuery query(ConversationStatus status, String search, UUID customerId, int page, int size) {
        return new ConversationQuery(kind, userId, status, search, customerId, page, size, null);
    }
}
