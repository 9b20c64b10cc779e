package com.switchboard.webhooks.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.switchboard.accounts.User;
import com.switchboard.accounts.Users;
import com.switchboard.notifications.Notification;
import com.switchboard.notifications.Notifications;

/**
 * Sends the deliveries, at least once each, oldest first per endpoint (so in order per
 * conversation too), whatever the nodes do meanwhile.
 * <ol>
 * <li>A node claims an endpoint whose oldest waiting delivery is due, woken after the commit that
 * wrote it, or every {@code poll-interval} for retries and what a stopped node left. The claim is a
 * lease: a node that dies lets it lapse and another takes the endpoint.</li>
 * <li>Under its claim, the node sends that endpoint's oldest waiting delivery, and the next, until
 * none is due. A 2xx answer delivers it; anything else (another status, no answer in time, no
 * connection) is a failure: the delivery waits {@code first-backoff}, doubling with each failure in
 * a row up to {@code max-backoff}, and nothing newer of that endpoint goes before it.</li>
 * <li>After {@code disable-after} failures in a row the endpoint is turned off and every admin of
 * the account is notified; its deliveries wait, and go out, oldest first, when it is turned on again.</li>
 * </ol>
 * A delivery may arrive twice (a node that died after sending and before recording, a replay): it
 * carries its event's id, the same every time, for the receiver to recognise it.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int CLAIMS_PER_ROUND = 20;
    private static final int ERROR_LENGTH = 300;

    private final WebhookRepository repository;
    private final WebhookSecrets secrets;
    private final WebhookSettings settings;
    private final Users users;
    private final Notifications notifications;
    private final TaskScheduler scheduler;
    private final TransactionTemplate transaction;
    private final Clock clock;
    // Signatures carry the wall-clock time receivers compare with theirs, not the application's clock.
    private final Clock wallClock = Clock.systemUTC();
    private final HttpClient http;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    // Made at each start: a stopped context (Spring's test contexts pause when not in use, a node
    // being restarted in place) starts again with threads of its own.
    private volatile ExecutorService senders;
    private volatile boolean running;
    private ScheduledFuture<?> polling;

    WebhookDispatcher(WebhookRepository repository, WebhookSecrets secrets, WebhookSettings settings, Users users,
            Notifications notifications, TaskScheduler scheduler, PlatformTransactionManager transactions,
            Clock clock) {
        this.repository = repository;
        this.secrets = secrets;
        this.settings = settings;
        this.users = users;
        this.notifications = notifications;
        this.scheduler = scheduler;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        // HTTP/1.1: what every receiver speaks; no h2c upgrade attempt on a plain http address.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** After a commit that wrote deliveries for these endpoints: send them now, where no node is at it. */
    void wake(List<UUID> endpointIds) {
        if (!running || endpointIds == null || endpointIds.isEmpty()) {
            return;
        }
        submit(() -> claimAndServe(endpointIds.stream().distinct().toArray(UUID[]::new)));
    }

    void sendDue() {
        if (running) {
            claimAndServe(new UUID[0]);
        }
    }

    private void claimAndServe(UUID[] only) {
        try {
            for (var claim : repository.claimDue(node, settings.claimLease(), CLAIMS_PER_ROUND, only)) {
                if (only.length == 0) {
                    submit(() -> serve(claim));
                }
                else {
                    serve(claim);
                }
            }
        }
        catch (RuntimeException databaseAway) {
            log.warn("Could not look for webhook deliveries to send: {}", databaseAway.getMessage());
        }
    }

    private void submit(Runnable work) {
        var pool = senders;
        if (pool == null) {
            // Not started yet (the demo data loads before): the first poll after the start sends it.
            return;
        }
        try {
            pool.execute(work);
        }
        catch (RejectedExecutionException stopping) {
            log.debug("Not sending webhooks now: the application is stopping");
        }
    }

    /** Sends what is due of one endpoint, oldest first, while this node holds it. */
    private void serve(WebhookRepository.Claim claim) {
        boolean failed = false;
        try {
            while (running) {
                var head = repository.head(claim).orElse(null);
                if (head == null || !head.due()) {
                    return;
                }
                var endpoint = repository.renew(claim, node, settings.claimLease()).orElse(null);
                if (endpoint == null) {
                    return;
                }
                var outcome = send(endpoint, head);
                if (outcome.delivered()) {
                    repository.delivered(claim, head.deliveryId(), outcome.statusCode());
                }
                else {
                    failed = true;
                    failed(claim, endpoint, head, outcome);
                    return;
                }
            }
        }
        catch (RuntimeException unexpected) {
            // The database is away, most likely: the claim lapses, and the delivery is sent then.
            failed = true;
            log.warn("Webhook endpoint {}: deliveries not sent: {}", claim.endpointId(), unexpected.toString());
        }
        finally {
            release(claim, failed);
        }
    }

    // A delivery committed after the last look and before the release found the endpoint held, and
    // its wake-up claimed nothing: look once more, rather than leave it to the next poll.
    private void release(WebhookRepository.Claim claim, boolean failed) {
        try {
            repository.release(claim, node);
            if (!failed && running && repository.head(claim).filter(WebhookRepository.Head::due).isPresent()) {
                wake(List.of(claim.endpointId()));
            }
        }
        catch (RuntimeException databaseAway) {
            log.debug("Claim of endpoint {} left to lapse: {}", claim.endpointId(), databaseAway.getMessage());
        }
    }

    private void failed(WebhookRepository.Claim claim, WebhookRepository.Endpoint endpoint, WebhookRepository.Head head,
            Outcome outcome) {
        transaction.executeWithoutResult(status -> {
            int inARow = repository.failed(claim, head.deliveryId(), outcome.statusCode(), outcome.error());
            Duration wait = settings.backoff(inARow);
            repository.retryIn(claim, head.deliveryId(), wait);
            if (inARow >= settings.disableAfter() && repository.disableAfterFailures(claim, clock.instant())) {
                log.warn("Webhook endpoint {} turned off after {} failures in a row", claim.endpointId(), inARow);
                for (User admin : users.all(claim.accountId())) {
                    if (admin.active() && admin.isAdmin()) {
                        notifications.notice(claim.accountId(), admin.id(), Notification.Kind.WEBHOOK_DISABLED,
                                claim.endpointId(), endpoint.url());
                    }
                }
            }
            else {
                log.info("Webhook delivery {} to endpoint {} failed ({} in a row): {}; trying again in {}",
                        head.deliveryId(), claim.endpointId(), inARow, outcome.error(), wait);
            }
        });
    }

    private Outcome send(WebhookRepository.Endpoint endpoint, WebhookRepository.Head head) {
        String secret = secrets.decrypt(endpoint.secretEncrypted());
        long now = wallClock.instant().getEpochSecond();
        var request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Switchboard-Webhooks/1")
                .header("Switchboard-Event-Id", head.eventId().toString())
                .header("Switchboard-Event-Type", head.eventType())
                .header("Switchboard-Delivery-Id", head.deliveryId().toString())
                .header(WebhookSignature.HEADER, WebhookSignature.header(secret, now, head.body()))
                .POST(HttpRequest.BodyPublishers.ofString(head.body()))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? new Outcome(true, status, null)
                    : new Outcome(false, status, "HTTP " + status);
        }
        catch (HttpTimeoutException e) {
            return new Outcome(false, null, "No answer within " + settings.requestTimeout().toSeconds() + " s");
        }
        catch (IOException e) {
            return new Outcome(false, null, shorten("Could not connect: " + e));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "Interrupted: the node is stopping");
        }
    }

    private static String shorten(String error) {
        return error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH) + "…";
    }

    /** What one attempt came to: delivered (2xx), or the status or error that failed it. */
    private record Outcome(boolean delivered, Integer statusCode, String error) {
    }

    @Override
    public void start() {
        senders = Executors.newFixedThreadPool(settings.senders(), named("webhooks-"));
        running = true;
        polling = scheduler.scheduleWithFixedDelay(this::sendDue, settings.pollInterval());
    }

    /** Claims nothing more and lets the sends in progress finish; what is left lapses to another node. */
    @Override
    public void stop() {
        running = false;
        if (polling != null) {
            polling.cancel(false);
        }
        senders.shutdown();
        try {
            if (!senders.awaitTermination(settings.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
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
