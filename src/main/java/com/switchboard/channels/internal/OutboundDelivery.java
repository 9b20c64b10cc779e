package com.switchboard.channels.internal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import com.switchboard.channels.SmsChannel;
import com.switchboard.conversations.Conversations;
import com.switchboard.conversations.DeliveryStatus;
import com.switchboard.conversations.OutboundQueued;

/**
 * Sends each outbound message once its transaction has committed. The event publication registry
 * keeps the event until this listener completes, so a crash between storing and sending loses
 * nothing: the send is tried again when the application restarts, or by {@link OutboundResubmission}.
 * <p>
 * A provider that cannot be reached or fails on its side (5xx) is tried again with exponential
 * backoff; an answer that refuses the message (4xx) is final and shown beside the message. A
 * message no longer queued (it was sent before a restart) is not sent again.
 */
@Component
class OutboundDelivery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboundDelivery.class);

    private final List<SmsChannel> channels;
    private final Conversations conversations;
    private final int attempts;
    private final Duration firstBackoff;
    // Opened when the application stops: a send waiting to be tried again gives up at once, and
    // stays queued for the restart, instead of holding the shutdown.
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;

    OutboundDelivery(List<SmsChannel> channels, Conversations conversations,
            @Value("${switchboard.sms.retry.attempts:6}") int attempts,
            @Value("${switchboard.sms.retry.first-backoff:1s}") Duration firstBackoff) {
        this.channels = channels;
        this.conversations = conversations;
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
    }

    // No transaction around the provider's call: no connection is held while it answers or while
    // waiting to try again; each outcome is recorded in a short transaction of its own.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(OutboundQueued queued) {
        deliver(queued.accountId(), queued.conversationId(), queued.messageId());
    }

    private void deliver(UUID accountId, UUID conversationId, UUID messageId) {
        var message = conversations.message(accountId, messageId);
        if (message.deliveryStatus() != DeliveryStatus.QUEUED) {
            log.debug("Message {} is {} already; not sent again", messageId, message.deliveryStatus());
            return;
        }
        var conversation = conversations.conversation(accountId, conversationId);
        var channel = channels.stream().filter(c -> c.serves(accountId)).findFirst();
        if (channel.isEmpty()) {
            conversations.recordDelivery(accountId, messageId, DeliveryStatus.FAILED,
                    "No SMS channel is configured for this account.", null, null);
            return;
        }
        var text = new SmsChannel.Text(accountId, messageId, conversation.customer().phone(), message.body());
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                var outcome = channel.get().send(text);
                conversations.recordDelivery(accountId, messageId, outcome.status(), outcome.error(),
                        outcome.errorCode(), outcome.providerSid());
                log.debug("Message {} handed to the provider: {}", messageId, outcome.status());
                return;
            }
            catch (SmsChannel.TemporaryFailure failure) {
                if (attempt >= attempts) {
                    // The publication stays incomplete: it is submitted again later.
                    log.warn("Message {} not sent after {} attempts: {}", messageId, attempt, failure.getMessage());
                    throw failure;
                }
                log.info("Message {} not sent (attempt {}): {}; trying again in {}", messageId, attempt,
                        failure.getMessage(), backoff);
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private void sleep(Duration duration) {
        try {
            if (stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SmsChannel.TemporaryFailure("The application is stopping; sent after the restart", null);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsChannel.TemporaryFailure("Interrupted while waiting to send again", e);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        stopping.countDown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
