package com.switchboard.webhooks.internal.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.switchboard.webhooks.internal.Webhooks;

/**
 * What the webhook pages show, decided here so that the templates only print: each endpoint's
 * state and what an admin may do with it, each delivery's state and whether it can be sent again.
 */
final class WebhookPageModel {

    private WebhookPageModel() {
    }

    /** The state of an endpoint, as one message key and the actions it offers. */
    enum EndpointState {
        ON("webhooks.state.on", false, true),
        OFF_BY_ADMIN("webhooks.state.paused", true, false),
        OFF_AFTER_FAILURES("webhooks.state.disabled", true, false);

        final String messageKey;
        final boolean canTurnOn;
        final boolean canTurnOff;

        EndpointState(String messageKey, boolean canTurnOn, boolean canTurnOff) {
            this.messageKey = messageKey;
            this.canTurnOn = canTurnOn;
            this.canTurnOff = canTurnOff;
        }

        static EndpointState of(Webhooks.View view) {
            return view.enabled() ? ON : view.disabledByFailures() ? OFF_AFTER_FAILURES : OFF_BY_ADMIN;
        }
    }

    /** One row of the endpoint list. */
    record EndpointRow(UUID id, String url, List<String> typeKeys, String stateKey, boolean off, long waiting) {

        static EndpointRow of(Webhooks.View view) {
            var state = EndpointState.of(view);
            return new EndpointRow(view.id(), view.url(), WebhookPageModel.typeKeys(view.eventTypes()), state.messageKey,
                    state != EndpointState.ON, view.waiting());
        }
    }

    /**
     * One endpoint's page.
     *
     * @param disabledAt when it was turned off, or null when it is on
     * @param failing whether its recent attempts fail (shown while it is still on)
     */
    record Endpoint(UUID id, String url, List<String> typeKeys, String stateKey, boolean disabledByFailures,
            Instant disabledAt, boolean canTurnOn, boolean canTurnOff, int consecutiveFailures, boolean failing,
            long waiting, Instant createdAt) {

        static Endpoint of(Webhooks.View view) {
            var state = EndpointState.of(view);
            return new Endpoint(view.id(), view.url(), WebhookPageModel.typeKeys(view.eventTypes()), state.messageKey,
                    state == EndpointState.OFF_AFTER_FAILURES, view.disabledAt(), state.canTurnOn, state.canTurnOff,
                    view.consecutiveFailures(), view.enabled() && view.consecutiveFailures() > 0, view.waiting(),
                    view.createdAt());
        }
    }

    /**
     * One line of the delivery log.
     *
     * @param answer what the endpoint last answered: its status, or why there was no answer; empty
     *        when it was never tried
     * @param at the last attempt, or when it was queued when it was never tried
     * @param canReplay whether "Send again" is offered: for what was delivered or failed (one
     *        never tried is on its way already)
     */
    record DeliveryRow(UUID id, UUID eventId, String typeKey, String stateKey, String stateClass, int attempts,
            String answer, Instant at, Instant nextAttemptAt, boolean canReplay) {

        static DeliveryRow of(Webhooks.Delivery delivery) {
            String state = delivery.state();
            return new DeliveryRow(delivery.id(), delivery.eventId(), "webhooks.type." + delivery.eventType(),
                    "webhooks.delivery." + state, "delivery-state--" + state.toLowerCase(Locale.ROOT),
                    delivery.attempts(), delivery.lastError() != null ? delivery.lastError()
                            : delivery.lastStatusCode() != null ? String.valueOf(delivery.lastStatusCode()) : "",
                    delivery.lastAttemptAt() != null ? delivery.lastAttemptAt() : delivery.createdAt(),
                    delivery.failed() ? delivery.nextAttemptAt() : null,
                    !"PENDING".equals(state));
        }
    }

    /** A checkbox of the event types field. */
    record TypeChoice(String name, String labelKey, String hintKey) {
    }

    static List<TypeChoice> typeChoices() {
        return Webhooks.eventTypes().stream()
                .map(name -> new TypeChoice(name, "webhooks.type." + name, "webhooks.type." + name + ".hint"))
                .toList();
    }

    private static List<String> typeKeys(List<String> eventTypes) {
        return eventTypes.stream().map(name -> "webhooks.type." + name).toList();
    }
}
