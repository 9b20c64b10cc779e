package com.switchboard.channels.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Sends again what could not be sent (the provider was down through every attempt), once it has
 * waited long enough: every publication still incomplete after {@code switchboard.sms.resubmit-after}
 * is submitted again, by one node at a time.
 */
@Component
class OutboundResubmission {

    private final IncompleteEventPublications incomplete;
    private final Duration after;

    OutboundResubmission(IncompleteEventPublications incomplete,
            @Value("${switchboard.sms.resubmit-after:5m}") Duration after) {
        this.incomplete = incomplete;
        this.after = after;
    }

    @Scheduled(fixedDelayString = "${switchboard.sms.resubmit-interval:1m}")
    @SchedulerLock(name = "outbound-resubmission", lockAtMostFor = "10m")
    void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(after);
    }
}
