package com.switchboard.webhooks.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.switchboard.away.AwayStatusChanged;
import com.switchboard.conversations.ConversationAssigned;
import com.switchboard.conversations.MessageDeliveryChanged;
import com.switchboard.conversations.MessageKind;
import com.switchboard.conversations.MessageRecorded;
import com.switchboard.live.LiveFacts;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an event and its deliveries inside the transaction of the change it tells about: if that
 * transaction rolls back, nothing is sent; once it commits, nothing is lost, and the dispatcher is
 * woken to send it at once. Accounts without a subscribed endpoint write nothing.
 * <p>
 * {@code message.created} covers what the customer and the team write to each other (INBOUND and
 * OUTBOUND messages, the {@code kind} field says which); internal notes stay inside Switchboard.
 */
@Component
class WebhookRecorder {

    // Instants in bodies as everywhere in the API: UTC, to the millisecond.
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final WebhookRepository repository;
    private final WebhookDispatcher dispatcher;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;

    WebhookRecorder(WebhookRepository repository, WebhookDispatcher dispatcher, JsonMapper json, Clock clock,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.dispatcher = dispatcher;
        this.json = json;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener
    void on(AwayStatusChanged event) {
        record(event.accountId(), LiveFacts.of(event));
    }

    @EventListener
    void on(ConversationAssigned event) {
        record(event.accountId(), LiveFacts.of(event));
    }

    @EventListener
    void on(MessageRecorded event) {
        if (event.kind() != MessageKind.NOTE) {
            record(event.accountId(), LiveFacts.of(event));
        }
    }

    @EventListener
    void on(MessageDeliveryChanged event) {
        record(event.accountId(), LiveFacts.of(event));
    }

    private void record(UUID accountId, LiveFacts facts) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            List<UUID> endpoints = transaction.execute(status -> write(accountId, facts));
            dispatcher.wake(endpoints);
            return;
        }
        List<UUID> endpoints = write(accountId, facts);
        if (!endpoints.isEmpty()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.wake(endpoints);
                }
            });
        }
    }

    private List<UUID> write(UUID accountId, LiveFacts facts) {
        UUID eventId = UUID.randomUUID();
        Instant now = clock.instant();
        var body = new LinkedHashMap<String, Object>();
        body.put("id", eventId.toString());
        body.put("type", facts.type());
        body.put("createdAt", INSTANT.format(now));
        body.put("data", facts.facts());
        return repository.record(accountId, eventId, facts.type(), facts.conversationId(),
                json.writeValueAsString(body), now);
    }
}
