package com.switchboard.away.internal;

import java.time.Clock;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.switchboard.away.AwayStatusChanged;
import com.switchboard.away.CoverageChanged;
import com.switchboard.away.EndReason;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Writes down the away periods whose return date has come, and announces each return. Reads never
 * wait for it (away-ness is derived from the stored period and the instant); it runs on one node
 * at a time, and ending a period is a conditional update, so a return is announced once.
 */
@Component
class ReturnDateJob {

    private static final Logger log = LoggerFactory.getLogger(ReturnDateJob.class);

    private final AwayPeriodRepository periods;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReturnDateJob(AwayPeriodRepository periods, ApplicationEventPublisher events, TransactionTemplate transaction,
            Clock clock) {
        this.periods = periods;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${switchboard.away.return-check-interval:1s}")
    @SchedulerLock(name = "away-return-date", lockAtMostFor = "1m")
    void endReturnedPeriods() {
        var now = clock.instant();
        for (var due : periods.openWithReturn()) {
            var period = due.period();
            var returns = period.returnsAt(ZoneId.of(due.timeZone()));
            if (returns.isAfter(now)) {
                continue;
            }
            transaction.executeWithoutResult(status -> {
                if (periods.end(period.accountId(), period.id(), returns, EndReason.RETURN_DATE, null)) {
                    events.publishEvent(AwayStatusChanged.back(period.accountId(), period.userId(), null));
                    if (period.delegateId() != null || period.delegateTeamId() != null) {
                        events.publishEvent(new CoverageChanged(period.accountId(), period.userId(),
                                period.delegateId(), period.delegateTeamId(), false, null, null));
                    }
                    log.info("Away period {} ended by its return date", period.id());
                }
            });
        }
    }
}
