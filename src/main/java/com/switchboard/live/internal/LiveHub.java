package com.switchboard.live.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.switchboard.accounts.Access;
import com.switchboard.accounts.AccessChecks;
import com.switchboard.accounts.User;

/**
 * This node's open streams, by account, and what is sent to them: log entries as they commit,
 * heartbeats, and the end of a stream whose access ended.
 */
@Component
class LiveHub {

    private static final long RECONNECT_MILLIS = 1000;

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);

    private final Map<UUID, Set<Subscriber>> byAccount = new ConcurrentHashMap<>();
    private final LiveLog liveLog;
    private final LiveMessages messages;
    private final AccessChecks accessChecks;
    private final LiveSettings settings;
    private final Executor writers;

    LiveHub(LiveLog liveLog, LiveMessages messages, AccessChecks accessChecks, LiveSettings settings,
            LiveWriters writers) {
        this.liveLog = liveLog;
        this.messages = messages;
        this.accessChecks = accessChecks;
        this.settings = settings;
        this.writers = writers.executor();
    }

    /**
     * Opens a stream for a viewer who has seen everything up to {@code lastId}: it first receives
     * what it missed since, then every new event of its account.
     */
    SseEmitter subscribe(User viewer, Access access, long lastId) {
        var emitter = new SseEmitter(settings.streamTimeout().toMillis());
        Set<Subscriber> ofAccount = byAccount.computeIfAbsent(viewer.accountId(), id -> ConcurrentHashMap.newKeySet());
        var subscriber = new Subscriber(viewer, access, emitter, lastId, settings.bufferSize(), writers,
                closed -> remove(viewer.accountId(), closed));
        emitter.onCompletion(subscriber::ended);
        emitter.onTimeout(subscriber::close);
        emitter.onError(error -> subscriber.ended());
        // Registered before the catch-up, so that nothing committed meanwhile falls between the two.
        ofAccount.add(subscriber);
        try {
            subscriber.greet(RECONNECT_MILLIS);
            catchUp(subscriber);
            subscriber.opened();
        }
        catch (RuntimeException e) {
            subscriber.close();
            throw e;
        }
        return emitter;
    }

    /** Sends committed log entries to the subscribers they concern. */
    void publish(List<LiveEvent> events) {
        for (LiveEvent event : events) {
            Set<Subscriber> ofAccount = byAccount.get(event.accountId());
            if (ofAccount == null || ofAccount.isEmpty()) {
                continue;
            }
            var forEvent = messages.of(event);
            for (Subscriber subscriber : ofAccount) {
                if (!subscriber.receives(event)) {
                    continue;
                }
                try {
                    subscriber.send(event.id(), event.type(), forEvent.dataFor(subscriber.viewer()));
                }
                catch (RuntimeException e) {
                    // It catches up from the log when it reconnects.
                    log.error("Could not send live event {} to a stream; closing it", event.id(), e);
                    subscriber.close();
                }
            }
        }
    }

    /**
     * Sends every subscriber what it may have missed: after a new stream opens, and after this
     * node lost its connection to the database for a while (no notification came meanwhile).
     */
    void catchUpAll() {
        byAccount.values().forEach(subscribers -> subscribers.forEach(this::catchUp));
    }

    /** Ends the streams of a user that came with this access (or all of theirs, for null). */
    void endAccess(UUID userId, String accessKey) {
        forEach(subscriber -> {
            if (subscriber.viewer().id().equals(userId)
                    && (accessKey == null || accessKey.equals(subscriber.access().key()))) {
                subscriber.close();
            }
        });
    }

    @Scheduled(fixedRateString = "${switchboard.live.heartbeat:15s}")
    void heartbeat() {
        List<Subscriber> all = new ArrayList<>();
        forEach(all::add);
        if (all.isEmpty()) {
            return;
        }
        // A session that expired, or anything whose announcement this node missed, ends here.
        Set<Access> valid = accessChecks.stillValid(all.stream().map(Subscriber::access).toList());
        for (Subscriber subscriber : all) {
            if (valid.contains(subscriber.access())) {
                subscriber.heartbeat();
            }
            else {
                subscriber.close();
            }
        }
    }

    void closeAll() {
        forEach(Subscriber::close);
    }

    /**
     * Replays what the subscriber missed, however far behind it is, in batches read from the log
     * (the live buffer does not limit a replay: see Subscriber); a position the log cannot serve,
     * too old or beyond its end, gets {@code refresh} at once.
     */
    private void catchUp(Subscriber subscriber) {
        var viewer = subscriber.viewer();
        subscriber.holdLive();
        try {
            long from = subscriber.lastId();
            while (true) {
                List<LiveEvent> missed = liveLog.after(viewer.accountId(), viewer.id(), from, settings.replayBatch());
                if (missed == null) {
                    subscriber.refresh(liveLog.position(viewer.accountId()));
                    return;
                }
                for (LiveEvent event : missed) {
                    subscriber.replay(event.id(), event.type(), messages.of(event).dataFor(viewer));
                }
                if (missed.size() < settings.replayBatch() || subscriber.isClosed()) {
                    return;
                }
                from = missed.get(missed.size() - 1).id();
            }
        }
        finally {
            subscriber.replayed();
        }
    }

    private void remove(UUID accountId, Subscriber subscriber) {
        var ofAccount = byAccount.get(accountId);
        if (ofAccount != null) {
            ofAccount.remove(subscriber);
        }
    }

    private void forEach(Consumer<Subscriber> action) {
        byAccount.values().forEach(subscribers -> subscribers.forEach(action));
    }
}
