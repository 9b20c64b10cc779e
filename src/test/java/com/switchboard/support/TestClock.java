package com.switchboard.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: real time plus an offset that tests move forward, so that a
 * test reaches a return date without sleeping.
 */
public class TestClock extends Clock {

    // One test time for the whole test run: a second node started by a test shares it.
    private static volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    public void advance(Duration duration) {
        synchronized (TestClock.class) {
            offset = offset.plus(duration);
        }
    }

    /** Moves the clock so that now is {@code instant}; only forward, so other tests never go back in time. */
    public void advanceTo(Instant instant) {
        Duration gap = Duration.between(instant(), instant);
        if (gap.isNegative()) {
            throw new IllegalArgumentException("The test clock only moves forward: " + instant);
        }
        advance(gap);
    }
}
