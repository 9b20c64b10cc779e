package com.switchboard.system.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Hands an event again to a listener that never finished it (its node stopped on the way), once
 * it is old enough that no live node can still be working on it, by one node at a time. Not on
 * every start: a starting node cannot tell a publication left by a dead node from one a live node
 * is handling right now.
 */
@Component
class EventResubmission {

    private final IncompleteEventPublications incomplete;
    private final Duration after;

    EventResubmission(IncompleteEventPublications incomplete,
            @Value("${switchboard.events.resubmit-after:5m}") Duration after) {
        this.incomplete = incomplete;
        this.after = after;
    }

    @Scheduled(fixedDelayString = "${switchboard.events.resubmit-interval:1m}")
    @SchedulerLock(name = "event-resubmission", lockAtMostFor = "10m")
    void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(after);
    }
}
