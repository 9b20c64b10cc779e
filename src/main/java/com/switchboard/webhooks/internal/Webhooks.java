package com.switchboard.webhooks.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.switchboard.accounts.Actor;
import com.switchboard.system.ConflictException;
import com.switchboard.system.InvalidInputException;
import com.switchboard.system.NotFoundException;
import com.switchboard.system.StorableText;

/**
 * The account's webhook endpoints, for admins: the one service behind the page and the API.
 * Everything here is scoped to the caller's account; another account's endpoint is not found.
 */
@Service
public class Webhooks {

    static final int URL_MAX_LENGTH = 2000;
    static final int DELIVERIES_SHOWN = 50;
    static final int DELIVERIES_MAX = 200;

    /**
     * An endpoint as an admin sees it: never its secret.
     *
     * @param disabledByFailures whether Switchboard turned it off after repeated failures (else
     *        an admin did, when it is off)
     * @param waiting how many deliveries it has not delivered yet
     */
    public record View(UUID id, String url, List<String> eventTypes, boolean enabled, Instant disabledAt,
            boolean disabledByFailures, int consecutiveFailures, long waiting, Instant createdAt) {

        static View of(WebhookRepository.Endpoint endpoint) {
            return new View(endpoint.id(), endpoint.url(), endpoint.eventTypes(), endpoint.enabled(),
                    endpoint.disabledAt(), "FAILURES".equals(endpoint.disabledReason()), endpoint.consecutiveFailures(),
                    endpoint.waiting(), endpoint.createdAt());
        }
    }

    /** A new endpoint, with its signing secret: the only time the secret is shown. */
    public record Created(View webhook, String secret) {

        @Override
        public String toString() {
            return "Created[" + webhook.id() + "]";
        }
    }

    /**
     * One delivery of one event to an endpoint.
     *
     * @param state PENDING (not tried yet), FAILED (its last attempt failed; it is tried again),
     *        DELIVERED (answered 2xx)
     */
    public record Delivery(UUID id, UUID eventId, String eventType, String state, int attempts, Integer lastStatusCode,
            String lastError, Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt) {

        static Delivery of(WebhookRepository.Delivery d) {
            return new Delivery(d.id(), d.eventId(), d.eventType(), d.state(), d.attempts(), d.lastStatusCode(),
                    d.lastError(), d.createdAt(), d.lastAttemptAt(), d.nextAttemptAt(), d.deliveredAt());
        }

        public boolean delivered() {
            return "DELIVERED".equals(state);
        }

        public boolean failed() {
            return "FAILED".equals(state);
        }
    }

    /** What an admin asks for; a null field keeps what is stored. */
    public record Change(String url, List<String> eventTypes, Boolean enabled) {
    }

    private final WebhookRepository repository;
    private final WebhookSecrets secrets;
    private final WebhookSettings settings;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;

    Webhooks(WebhookRepository repository, WebhookSecrets secrets, WebhookSettings settings,
            WebhookDispatcher dispatcher, Clock clock) {
        this.repository = repository;
        this.secrets = secrets;
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** The event type names an endpoint may subscribe to, in the order pages show them. */
    public static List<String> eventTypes() {
        return Arrays.stream(EventType.values()).map(EventType::wireName).toList();
    }

    public List<View> list(Actor actor) {
        actor.requireAdmin();
        return repository.endpoints(actor.accountId()).stream().map(View::of).toList();
    }

    public View get(Actor actor, UUID id) {
        actor.requireAdmin();
        return View.of(find(actor, id));
    }

    @Transactional
    public Created create(Actor actor, String url, List<String> eventTypes, Boolean enabled) {
        actor.requireAdmin();
        var checks = new InvalidInputException.Checks();
        String checkedUrl = checkUrl(url, checks);
        List<String> types = checkTypes(eventTypes, checks);
        checks.throwIfAny();
        if (repository.count(actor.accountId()) >= settings.maxEndpoints()) {
            throw new ConflictException(null, "webhooks.tooMany", settings.maxEndpoints());
        }
        UUID id = UUID.randomUUID();
        String secret = secrets.newSecret();
        repository.insert(actor.accountId(), id, checkedUrl, secrets.encrypt(secret), types,
                enabled == null || enabled, actor.userId(), clock.instant());
        return new Created(View.of(find(actor, id)), secret);
    }

    @Transactional
    public View update(Actor actor, UUID id, Change change) {
        actor.requireAdmin();
        var endpoint = find(actor, id);
        var checks = new InvalidInputException.Checks();
        String url = change.url() == null ? endpoint.url() : checkUrl(change.url(), checks);
        List<String> types = change.eventTypes() == null ? endpoint.eventTypes() : checkTypes(change.eventTypes(), checks);
        checks.throwIfAny();
        repository.change(actor.accountId(), id, url, types);
        if (Boolean.FALSE.equals(change.enabled())) {
            repository.pause(actor.accountId(), id, clock.instant());
        }
        else if (Boolean.TRUE.equals(change.enabled()) && !endpoint.enabled()) {
            resume(actor, id);
        }
        return View.of(find(actor, id));
    }

    /** Turns an endpoint on again and sends what waits for it, oldest first. */
    @Transactional
    public View resume(Actor actor, UUID id) {
        actor.requireAdmin();
        find(actor, id);
        repository.resume(actor.accountId(), id);
        wakeAfterCommit(id);
        return View.of(find(actor, id));
    }

    @Transactional
    public void delete(Actor actor, UUID id) {
        actor.requireAdmin();
        if (!repository.delete(actor.accountId(), id)) {
            throw new NotFoundException();
        }
    }

    /** The newest deliveries of an endpoint first, at most {@code limit} (1 to 200). */
    public List<Delivery> deliveries(Actor actor, UUID id, Integer limit) {
        actor.requireAdmin();
        find(actor, id);
        int shown = limit == null ? DELIVERIES_SHOWN : limit;
        if (shown < 1 || shown > DELIVERIES_MAX) {
            throw new InvalidInputException("limit", "error.sizeRange", 1, DELIVERIES_MAX);
        }
        return repository.deliveries(actor.accountId(), id, shown).stream().map(Delivery::of).toList();
    }

    /**
     * Sends a delivery again, with the same event id. It goes in its place by age among what the
     * endpoint has waiting; if the endpoint is off, when it is turned on again.
     */
    @Transactional
    public Delivery replay(Actor actor, UUID id, UUID deliveryId) {
        actor.requireAdmin();
        find(actor, id);
        repository.delivery(actor.accountId(), id, deliveryId).orElseThrow(NotFoundException::new);
        repository.replay(actor.accountId(), id, deliveryId);
        wakeAfterCommit(id);
        return repository.delivery(actor.accountId(), id, deliveryId).map(Delivery::of).orElseThrow();
    }

    private WebhookRepository.Endpoint find(Actor actor, UUID id) {
        return repository.endpoint(actor.accountId(), id).orElseThrow(NotFoundException::new);
    }

    private void wakeAfterCommit(UUID id) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatcher.wake(List.of(id));
            }
        });
    }

    private String checkUrl(String url, InvalidInputException.Checks checks) {
        if (url == null || url.isBlank()) {
            checks.reject("url", "webhooks.url.required");
            return null;
        }
        String stripped = url.strip();
        if (stripped.length() > URL_MAX_LENGTH) {
            checks.reject("url", "webhooks.url.tooLong", URL_MAX_LENGTH);
            return null;
        }
        URI uri;
        try {
            uri = new URI(stripped);
        }
        catch (URISyntaxException e) {
            checks.reject("url", "webhooks.url.invalid");
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!StorableText.isStorable(stripped) || uri.getHost() == null || uri.getUserInfo() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            checks.reject("url", "webhooks.url.invalid");
            return null;
        }
        if (scheme.equals("http") && !settings.allowHttp()) {
            checks.reject("url", "webhooks.url.https");
            return null;
        }
        return stripped;
    }

    private static List<String> checkTypes(List<String> eventTypes, InvalidInputException.Checks checks) {
        if (eventTypes == null || eventTypes.stream().allMatch(t -> t == null || t.isBlank())) {
            checks.reject("eventTypes", "webhooks.eventTypes.required");
            return List.of();
        }
        var known = new ArrayList<EventType>();
        for (String name : eventTypes) {
            if (name == null || name.isBlank()) {
                continue;
            }
            var type = EventType.of(name.strip());
            if (type.isEmpty()) {
                checks.reject("eventTypes", "webhooks.eventTypes.unknown", name.strip());
            }
            else if (!known.contains(type.get())) {
                known.add(type.get());
            }
        }
        // In one order whatever the order asked: the types' own.
        return known.stream().sorted().map(EventType::wireName).toList();
    }
}
