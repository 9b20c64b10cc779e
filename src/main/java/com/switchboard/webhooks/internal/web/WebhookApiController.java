package com.switchboard.webhooks.internal.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.switchboard.accounts.Actor;
import com.switchboard.webhooks.internal.Webhooks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/webhooks}: the account's outgoing webhook endpoints and their deliveries, for admins. */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks")
class WebhookApiController {

    private final Webhooks webhooks;

    WebhookApiController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Schema(name = "WebhookCreateRequest", description = "A new endpoint: an https address and the event types it receives")
    record CreateRequest(String url, List<String> eventTypes, Boolean enabled) {
    }

    @Schema(name = "WebhookUpdateRequest", description = "What to change; a field left out is kept. "
            + "enabled: true turns an endpoint that is off on again and sends what waits, oldest first")
    record UpdateRequest(String url, List<String> eventTypes, Boolean enabled) {
    }

    @Schema(name = "Webhook", description = "An outgoing webhook endpoint. disabledByFailures: Switchboard turned it "
            + "off after repeated failures; waiting: deliveries not delivered yet")
    record WebhookJson(UUID id, String url, List<String> eventTypes, boolean enabled, Instant disabledAt,
            boolean disabledByFailures, int consecutiveFailures, long waiting, Instant createdAt) {

        static WebhookJson of(Webhooks.View view) {
            return new WebhookJson(view.id(), view.url(), view.eventTypes(), view.enabled(), view.disabledAt(),
                    view.disabledByFailures(), view.consecutiveFailures(), view.waiting(), view.createdAt());
        }
    }

    @Schema(name = "WebhookWithSecret", description = "A new endpoint and its signing secret, shown this once only")
    record CreatedJson(UUID id, String url, List<String> eventTypes, boolean enabled, Instant createdAt, String secret) {

        static CreatedJson of(Webhooks.Created created) {
            var view = created.webhook();
            return new CreatedJson(view.id(), view.url(), view.eventTypes(), view.enabled(), view.createdAt(),
                    created.secret());
        }

        @Override
        public String toString() {
            return "CreatedJson[" + id + "]";
        }
    }

    @Schema(name = "WebhookDelivery", description = "One event sent (or to be sent) to one endpoint. state: PENDING "
            + "(not tried yet), FAILED (its last attempt failed; tried again at nextAttemptAt, or when the endpoint "
            + "is on again), DELIVERED (answered 2xx)")
    record DeliveryJson(UUID id, UUID eventId, String eventType, String state, int attempts, Integer lastStatusCode,
            String lastError, Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt) {

        static DeliveryJson of(Webhooks.Delivery d) {
            return new DeliveryJson(d.id(), d.eventId(), d.eventType(), d.state(), d.attempts(), d.lastStatusCode(),
                    d.lastError(), d.createdAt(), d.lastAttemptAt(), d.nextAttemptAt(), d.deliveredAt());
        }
    }

    @Operation(operationId = "listWebhooks", summary = "The account's webhook endpoints (admins)")
    @GetMapping
    List<WebhookJson> list(Actor actor) {
        return webhooks.list(actor).stream().map(WebhookJson::of).toList();
    }

    @Operation(operationId = "createWebhook", summary = "Register an endpoint (admins): an https url and eventTypes "
            + "among away, conversation.assigned, message.created, message.delivery. The answer holds the signing "
            + "secret, never shown again")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedJson create(Actor actor, @RequestBody CreateRequest request) {
        return CreatedJson.of(webhooks.create(actor, request.url(), request.eventTypes(), request.enabled()));
    }

    @Operation(operationId = "getWebhook", summary = "One webhook endpoint (admins)")
    @GetMapping("/{id}")
    WebhookJson get(Actor actor, @PathVariable UUID id) {
        return WebhookJson.of(webhooks.get(actor, id));
    }

    @Operation(operationId = "updateWebhook", summary = "Change an endpoint's url or event types, or turn it off or "
            + "on (admins); turned on, it sends what waits, oldest first")
    @PatchMapping("/{id}")
    WebhookJson update(Actor actor, @PathVariable UUID id, @RequestBody UpdateRequest request) {
        return WebhookJson.of(webhooks.update(actor, id,
                new Webhooks.Change(request.url(), request.eventTypes(), request.enabled())));
    }

    @Operation(operationId = "deleteWebhook", summary = "Delete an endpoint and its deliveries (admins)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Actor actor, @PathVariable UUID id) {
        webhooks.delete(actor, id);
    }

    @Operation(operationId = "listWebhookDeliveries", summary = "An endpoint's deliveries, the newest first "
            + "(admins); limit: 1 to 200, 50 by default")
    @GetMapping("/{id}/deliveries")
    List<DeliveryJson> deliveries(Actor actor, @PathVariable UUID id, @RequestParam(required = false) Integer limit) {
        return webhooks.deliveries(actor, id, limit).stream().map(DeliveryJson::of).toList();
    }

    @Operation(operationId = "replayWebhookDelivery", summary = "Send a delivery again, with the same event id "
            + "(admins); it goes out in its place by age among what the endpoint has waiting")
    @PostMapping("/{id}/deliveries/{deliveryId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeliveryJson replay(Actor actor, @PathVariable UUID id, @PathVariable UUID deliveryId) {
        return DeliveryJson.of(webhooks.replay(actor, id, deliveryId));
    }
}
