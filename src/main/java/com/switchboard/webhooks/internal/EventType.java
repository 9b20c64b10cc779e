package com.switchboard.webhooks.internal;

import java.util.Arrays;
import java.util.Optional;

import com.switchboard.live.LiveFacts;

/** The events an endpoint can subscribe to, by the names the live stream gives them. */
enum EventType {

    AWAY(LiveFacts.AWAY),
    CONVERSATION_ASSIGNED(LiveFacts.ASSIGNED),
    MESSAGE_CREATED(LiveFacts.MESSAGE),
    MESSAGE_DELIVERY(LiveFacts.DELIVERY);

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the API, the stream and the {@code Switchboard-Event-Type} header. */
    String wireName() {
        return wireName;
    }

    /** The key of its label on pages. */
    String messageKey() {
        return "webhooks.type." + wireName;
    }

    static Optional<EventType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
