package com.switchboard.webhooks.internal;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Keeps the delivery logs to {@code switchboard.webhooks.retention}: one node at a time, every hour. */
@Component
class WebhookRetentionJob {

    private static final Logger log = LoggerFactory.getLogger(WebhookRetentionJob.class);

    private final WebhookRepository repository;
    private final WebhookSettings settings;

    WebhookRetentionJob(WebhookRepository repository, WebhookSettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    @SchedulerLock(name = "webhook-retention", lockAtMostFor = "30m")
    void prune() {
        int pruned = repository.prune(settings.retention());
        if (pruned > 0) {
            log.debug("Forgot {} delivered webhook deliveries", pruned);
        }
    }
}
