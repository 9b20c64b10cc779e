package com.switchboard.accounts.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The throttles' tables only hold what still counts: every email ever tried, every address and
 * every old device would otherwise stay for good. Once an hour, on one node.
 */
@Component
class LoginRecordsPruning {

    private static final Logger log = LoggerFactory.getLogger(LoginRecordsPruning.class);

    private final LoginThrottle throttle;
    private final ClientLimits clients;
    private final KnownDevices devices;

    LoginRecordsPruning(LoginThrottle throttle, ClientLimits clients, KnownDevices devices) {
        this.throttle = throttle;
        this.clients = clients;
        this.devices = devices;
    }

    @Scheduled(fixedDelayString = "${switchboard.limits.prune-interval:1h}", initialDelayString = "1m")
    @SchedulerLock(name = "login-records-pruning", lockAtMostFor = "10m")
    void prune() {
        int emails = throttle.prune();
        int addresses = clients.prune();
        int browsers = devices.prune();
        if (emails + addresses + browsers > 0) {
            log.info("Pruned login records: {} emails, {} client addresses, {} browsers", emails, addresses, browsers);
        }
    }
}
