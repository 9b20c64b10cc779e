package com.switchboard.channels.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.switchboard.channels.SmsChannel;
import com.switchboard.conversations.Conversations;
import com.switchboard.conversations.DeliveryStatus;
import com.switchboard.conversations.OutboundQueued;

/**
 * Sends each reply to the customer exactly once, whatever the nodes do meanwhile (docs/decisions.md,
 * "A reply is texted once").
 * <ol>
 * <li>A reply joins the {@link OutboundQueue} in the transaction that stores it, claimed by the
 * node that stored it; once committed, that node sends it at once.</li>
 * <li>Whatever is due and unclaimed (the provider was down, a node stopped) is claimed by one node
 * every {@code switchboard.sms.poll-interval}.</li>
 * <li>Under its claim, an attempt reads the message again (a reply sent or settled meanwhile is
 * not sent), writes down that it is asking the provider, asks, and records the answer and
 * leaves the queue in one transaction. When a mark that the provider was asked is found from an
 * earlier attempt, the text is looked up at the provider first, and only sent if it is not
 * there.</li>
 * </ol>
 * A provider that cannot be reached or fails on its side is tried again with a doubling wait; an
 * answer that refuses the message (4xx) is final and shown beside it, as is a provider unreachable
 * for {@code switchboard.sms.give-up-after}.
 */
@Component
class OutboundDelivery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboundDelivery.class);
    private static final int CLAIMS_PER_ROUND = 20;

    private final List<SmsChannel> channels;
    private final Conversations conversations;
    private final OutboundQueue queue;
    private final TransactionTemplate transaction;
    private final Duration lease;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Duration giveUpAfter;
    private final Duration stopWait;
    // Which node holds a claim: unique per process, and readable in the table by whoever looks.
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final int senderCount;
    // Made at each start, so that a stopped node (a test context paused while another is in use,
    // then resumed) sends again with threads of its own.
    private volatile ExecutorService senders;
    private volatile boolean running;

    OutboundDelivery(List<SmsChannel> channels, Conversations conversations, OutboundQueue queue,
            PlatformTransactionManager transactions,
            @Value("${switchboard.sms.claim-lease:2m}") Duration lease,
            @Value("${switchboard.sms.retry.first-backoff:1s}") Duration firstBackoff,
            @Value("${switchboard.sms.retry.max-backoff:5m}") Duration maxBackoff,
            @Value("${switchboard.sms.give-up-after:24h}") Duration giveUpAfter,
            @Value("${switchboard.sms.stop-wait:20s}") Duration stopWait,
            @Value("${switchboard.sms.senders:8}") int senders) {
        this.channels = channels;
        this.conversations = conversations;
        this.queue = queue;
        this.transaction = new TransactionTemplate(transactions);
        this.lease = lease;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.giveUpAfter = giveUpAfter;
        this.stopWait = stopWait;
        this.senderCount = senders;
    }

    /**
     * In the transaction that stores the reply: nothing is queued unless the reply is stored. Once
     * that transaction commits, the node that stored it sends it without waiting for a round (a
     * plain synchronization, not a transactional event listener, which Spring Modulith would keep
     * a publication row for).
     */
    @EventListener
    void queue(OutboundQueued queued) {
        // A stopping node claims nothing: another node sends it at once.
        queue.add(queued.accountId(), queued.conversationId(), queued.messageId(), node,
                running ? lease : Duration.ZERO);
        Runnable sendNow = () -> submit(() -> queue.held(queued.messageId(), node).forEach(this::attempt));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sendNow.run();
                }
            });
        }
        else {
            sendNow.run();
        }
    }

    @Scheduled(fixedDelayString = "${switchboard.sms.poll-interval:2s}",
            initialDelayString = "${switchboard.sms.poll-interval:2s}")
    void sendDue() {
        if (!running) {
            return;
        }
        try {
            for (var claim : queue.claimDue(node, lease, CLAIMS_PER_ROUND)) {
                submit(() -> attempt(claim));
            }
        }
        catch (RuntimeException databaseAway) {
            log.warn("Could not look for replies to send: {}", databaseAway.getMessage());
        }
    }

    private void submit(Runnable attempt) {
        var pool = senders;
        if (pool == null) {
            // Not started yet (the demo data loads before): the first poll after the start sends it.
            return;
        }
        try {
            pool.execute(attempt);
        }
        catch (RejectedExecutionException stopping) {
            // Stopping: the claim lapses and another node (or this one, restarted) sends it.
            log.debug("Not sending now: the application is stopping");
        }
    }

    private void attempt(OutboundQueue.Claim claim) {
        UUID messageId = claim.messageId();
        try {
            var message = conversations.message(claim.accountId(), messageId);
            if (message.deliveryStatus() != DeliveryStatus.QUEUED) {
                log.debug("Message {} is {} already; not sent again", messageId, message.deliveryStatus());
                queue.remove(messageId);
                return;
            }
            var channel = channels.stream().filter(c -> c.serves(claim.accountId())).findFirst();
            if (channel.isEmpty()) {
                settle(claim, new SmsChannel.Outcome(DeliveryStatus.FAILED,
                        "No SMS channel is configured for this account.", "no-channel", null));
                return;
            }
            var conversation = conversations.conversation(claim.accountId(), claim.conversationId());
            var text = new SmsChannel.Text(claim.accountId(), messageId, conversation.customer().phone(),
                    message.body());
            if (claim.askedAt() != null) {
                var found = channel.get().lookUp(text, claim.askedAt());
                if (found.isPresent()) {
                    log.info("Message {} was taken by the provider before its answer was recorded; not sent again",
                            messageId);
                    settle(claim, found.get());
                    return;
                }
            }
            if (!queue.asking(messageId, node)) {
                log.info("Message {}: the claim lapsed before sending; another node sends it", messageId);
                return;
            }
            settle(claim, channel.get().send(text));
        }
        catch (SmsChannel.TemporaryFailure failure) {
            tryLater(claim, failure);
        }
        catch (RuntimeException unexpected) {
            // The database is away, most likely: the claim lapses and the reply is tried again then.
            log.warn("Message {} not sent: {}", messageId, unexpected.toString());
        }
    }

    /** Records the provider's answer and takes the reply off the queue, together. */
    private void settle(OutboundQueue.Claim claim, SmsChannel.Outcome outcome) {
        transaction.executeWithoutResult(status -> {
            conversations.recordDelivery(claim.accountId(), claim.messageId(), outcome.status(), outcome.error(),
                    outcome.errorCode(), outcome.providerSid());
            queue.remove(claim.messageId());
        });
        log.debug("Message {} handed to the provider: {}", claim.messageId(), outcome.status());
    }

    private void tryLater(OutboundQueue.Claim claim, SmsChannel.TemporaryFailure failure) {
        if (queue.waitedLongerThan(claim.messageId(), giveUpAfter)) {
            log.warn("Message {} not sent after {}: {}", claim.messageId(), giveUpAfter, failure.getMessage());
            settle(claim, new SmsChannel.Outcome(DeliveryStatus.FAILED,
                    "The SMS provider could not be reached for " + giveUpAfter.toHours() + " hours.", "provider-unreachable",
                    null));
            return;
        }
        Duration wait = backoff(claim.attempts());
        log.info("Message {} not sent (attempt {}): {}; trying again in {}", claim.messageId(), claim.attempts(),
                failure.getMessage(), wait);
        queue.later(claim.messageId(), node, wait, failure.perhapsTaken(), failure.getMessage());
    }

    private Duration backoff(int attempts) {
        Duration wait = firstBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    @Override
    public void start() {
        senders = Executors.newFixedThreadPool(senderCount, named("outbound-"));
        running = true;
    }

    /**
     * Claims nothing more, and lets the sends in progress finish (up to {@code stop-wait}), so
     * that their answers are recorded; what is left is claimed by another node when its claim
     * lapses, and looked up at the provider first if it was asked.
     */
    @Override
    public void stop() {
        running = false;
        senders.shutdown();
        try {
            if (!senders.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            senders.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static ThreadFactory named(String prefix) {
        var count = new AtomicInteger();
        return task -> {
            var thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
