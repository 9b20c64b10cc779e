package com.switchboard.accounts.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The throttles' tables, and sign-ups waiting for confirmation, only hold what still counts: every
 * email ever tried, every address, every old device and every unconfirmed sign-up would otherwise
 * stay for good. Once an hour, on one node.
 */
@Component
class LoginRecordsPruning {

    private static final Logger log = LoggerFactory.getLogger(LoginRecordsPruning.class);

    private final LoginThrottle throttle;
    private final ClientLimits clients;
    private final KnownDevices devices;
    private final PendingSignUps signUps;
    private final Clock clock;

    LoginRecordsPruning(LoginThrottle throttle, ClientLimits clients, KnownDevices devices, PendingSignUps signUps,
            Clock clock) {
        this.throttle = throttle;
        this.clients = clients;
        this.devices = devices;
        this.signUps = signUps;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${switchboard.limits.prune-interval:1h}", initialDelayString = "1m")
    @SchedulerLock(name = "login-records-pruning", lockAtMostFor = "10m")
    void prune() {
        int emails = throttle.prune();
        int addresses = clients.prune();
        int browsers = devices.prune();
        int unconfirmed = signUps.prune(clock.instant());
        if (emails + addresses + browsers + unconfirmed > 0) {
            log.info("Pruned login records: {} emails, {} client addresses, {} browsers, {} unconfirmed sign-ups",
                    emails, addresses, browsers, unconfirmed);
        }
    }
}
