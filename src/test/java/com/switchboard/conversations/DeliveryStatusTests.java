package com.switchboard.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Delivery states only move forward: queued < accepted (Twilio's queued, accepting, sending) <
 * sent < delivered, with failed and undelivered final. Every pair, in both orders.
 */
class DeliveryStatusTests {

    private static final List<DeliveryStatus> FORWARD = List.of(DeliveryStatus.QUEUED, DeliveryStatus.ACCEPTED,
            DeliveryStatus.SENT);

    @Test
    void everyReportInOrderIsTakenAndEveryReportOutOfOrderIsNot() {
        for (DeliveryStatus current : DeliveryStatus.values()) {
            for (DeliveryStatus report : DeliveryStatus.values()) {
                boolean expected;
                if (current.isFinal()) {
                    expected = false;
                }
                else if (report.isFinal()) {
                    expected = true;
                }
                else {
                    expected = FORWARD.indexOf(report) > FORWARD.indexOf(current);
                }
                assertThat(report.follows(current)).as("%s after %s", report, current).isEqualTo(expected);
            }
        }
    }

    @Test
    void aLateSentOrAcceptedNeverTakesADeliveredTextBack() {
        assertThat(DeliveryStatus.SENT.follows(DeliveryStatus.DELIVERED)).isFalse();
        assertThat(DeliveryStatus.ACCEPTED.follows(DeliveryStatus.DELIVERED)).isFalse();
        assertThat(DeliveryStatus.FAILED.follows(DeliveryStatus.DELIVERED)).isFalse();
        assertThat(DeliveryStatus.ACCEPTED.follows(DeliveryStatus.SENT)).isFalse();
        assertThat(DeliveryStatus.DELIVERED.follows(null)).isTrue();
    }
}
