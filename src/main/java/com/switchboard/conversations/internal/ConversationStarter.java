package com.switchboard.conversations.internal;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.switchboard.conversations.ConversationAssigned;
import com.switchboard.conversations.TimelineEvent;
import com.switchboard.customers.CustomerCreated;

/**
 * Every customer has exactly one conversation, created with them in the same transaction
 * (hence a plain synchronous listener, not an asynchronous module listener).
 */
@Component
class ConversationStarter {

    private final ConversationRepository conversations;
    private final TimelineRepository timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConversationStarter(ConversationRepository conversations, TimelineRepository timeline,
            ApplicationEventPublisher events, Clock clock) {
        this.conversations = conversations;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(CustomerCreated created) {
        var now = clock.instant();
        UUID id = UUID.randomUUID();
        conversations.insert(id, created.accountId(), created.customerId(), created.assigneeId(), now);
        if (created.assigneeId() != null) {
            timeline.insertEvent(created.accountId(), id, TimelineEvent.Type.ASSIGNED, created.actorId(), null,
                    created.assigneeId(), TimelineEvent.Reason.MANUAL, now);
            events.publishEvent(new ConversationAssigned(created.accountId(), id, created.actorId(), null,
                    created.assigneeId(), TimelineEvent.Reason.MANUAL));
        }
    }
}
