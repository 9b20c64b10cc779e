package com.switchboard.conversations;

import java.util.UUID;

import com.switchboard.system.InvalidInputException;

/**
 * Which conversations to list.
 *
 * @param assignee whose conversations
 * @param assigneeId the teammate, when {@code assignee} is {@link Assignee#USER}
 * @param status open or closed; null for both
 * @param search part of the customer's name or phone number; null or blank for any
 * @param customerId only that customer's conversation; null for any
 * @param page 1-based
 * @param teamId only that team's conversations; null for any
 */
public record ConversationQuery(Assignee assignee, UUID assigneeId, ConversationStatus status, String search,
        UUID customerId, int page, int size, UUID teamId) {

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 100;
    /** The deepest page anyone reads (a million conversations at the largest size); deeper is refused. */
    public static final int MAX_PAGE = 10_000;

    public enum Assignee {
        ME, UNASSIGNED, USER, ANYONE
    }

    public ConversationQuery {
        page = Math.min(Math.max(page, 1), MAX_PAGE);
        size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    /** The same list, of one team only (with {@link Assignee#UNASSIGNED}: that team's queue). */
    public ConversationQuery inTeam(UUID team) {
        return new ConversationQuery(assignee, assigneeId, status, search, customerId, page, size, team);
    }

    /** Refuses a page or a size out of range, as the API asks (links and pages are forgiving). */
    public static void checkPaging(int page, int size) {
        var checks = new InvalidInputException.Checks();
        if (page < 1 || page > MAX_PAGE) {
            checks.reject("page", "error.pageRange", 1, MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            checks.reject("size", "error.sizeRange", 1, MAX_SIZE);
        }
        checks.throwIfAny();
    }
}
