package com.switchboard.webhooks.internal.web;

import java.util.List;

/** The endpoint form of the page: its address and the event types it receives (checkboxes). */
record WebhookForm(String url, List<String> eventTypes) {

    static WebhookForm empty() {
        return new WebhookForm("", List.of());
    }
}
