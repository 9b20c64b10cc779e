package com.switchboard.live.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Keeps the live log short: one node at a time forgets the entries older than the retention. */
@Component
class LogRetentionJob {

    private static final Logger log = LoggerFactory.getLogger(LogRetentionJob.class);

    private final LiveLog liveLog;
    private final LiveSettings settings;

    LogRetentionJob(LiveLog liveLog, LiveSettings settings) {
        this.liveLog = liveLog;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${switchboard.live.prune-interval:1m}")
    @SchedulerLock(name = "live-log-retention", lockAtMostFor = "5m")
    void prune() {
        int pruned = liveLog.prune(settings.retention());
        if (pruned > 0) {
            log.debug("Pruned {} live events", pruned);
        }
    }
}
