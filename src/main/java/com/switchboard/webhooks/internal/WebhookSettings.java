package com.switchboard.webhooks.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * Outgoing webhooks ({@code switchboard.webhooks.*}).
 *
 * @param allowHttp whether endpoints may be plain {@code http://} addresses: for local development
 *        and tests only; a deployment keeps the default, HTTPS only
 * @param pollInterval how often each node looks for deliveries that are due (retries, and what a
 *        stopped node left); a new event is sent at once after its commit without waiting for this
 * @param claimLease how long a node holds an endpoint while sending its deliveries; a node that
 *        dies lets it go after this
 * @param connectTimeout how long connecting to an endpoint may take
 * @param requestTimeout how long an endpoint may take to answer a delivery
 * @param firstBackoff the wait after an endpoint's first failure; it doubles with each failure in a row
 * @param maxBackoff the longest wait between two attempts
 * @param disableAfter how many failures in a row turn an endpoint off (the admins are told)
 * @param senders how many endpoints a node sends to at the same time
 * @param maxEndpoints how many endpoints an account may have
 * @param retention how long a delivered delivery stays in the log (what waits is kept until sent)
 */
@Validated
@ConfigurationProperties("switchboard.webhooks")
record WebhookSettings(
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("2m") Duration claimLease,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("10s") Duration firstBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("10") @Min(1) int disableAfter,
        @DefaultValue("4") @Min(1) int senders,
        @DefaultValue("20") @Min(1) int maxEndpoints,
        @DefaultValue("30d") Duration retention) {

    /** The wait before the next attempt after {@code failuresInARow} failures: doubling, capped. */
    Duration backoff(int failuresInARow) {
        Duration wait = firstBackoff;
        for (int i = 1; i < failuresInARow && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
