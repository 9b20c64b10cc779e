package com.switchboard.conversations;

import java.util.List;

/** One page of a conversation list, newest activity first. */
public record ConversationPage(List<Conversation> items, int page, int size, boolean hasNext) {

    public boolean hasPrevious() {
        return page > 1;
    }
}
