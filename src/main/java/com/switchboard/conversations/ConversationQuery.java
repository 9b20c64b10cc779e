package com.switchboard.conversations;

import java.util.UUID;

/**
 * Which conversations to list.
 *
 * @param assignee whose conversations
 * @param assigneeId the teammate, when {@code assignee} is {@link Assignee#USER}
 * @param status open or closed; null for both
 * @param search part of the customer's name or phone number; null or blank for any
 * @param customerId only that customer's conversation; null for any
 * @param page 1-based
 */
public record ConversationQuery(Assignee assignee, UUID assigneeId, ConversationStatus status, String search,
        UUID customerId, int page, int size) {

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 100;

    public enum Assignee {
        ME, UNASSIGNED, USER, ANYONE
    }

    public ConversationQuery {
        page = Math.max(page, 1);
        size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }
}
