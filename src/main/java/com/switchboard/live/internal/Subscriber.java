package com.switchboard.live.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

import com.switchboard.accounts.Access;
import com.switchboard.accounts.User;

/**
 * One open stream. Events wait in a bounded queue and are written by a task of the writers'
 * executor, never by the thread that dispatches them, so a slow client holds up no one else; a
 * client whose queue overflows is disconnected, and catches up from the log when it reconnects.
 * <p>
 * Each event is sent at most once and in id order: an event whose id is not above the last one
 * sent is dropped. While the stream replays what the client missed, live events wait their turn.
 */
final class Subscriber {

    private final User viewer;
    private final Access access;
    private final SseEmitter emitter;
    private final Executor writers;
    private final ArrayBlockingQueue<SseEventBuilder> queue;
    private final AtomicBoolean writing = new AtomicBoolean();
    private final Consumer<Subscriber> onClose;
    private long lastId;
    private List<Held> held = new ArrayList<>();
    private volatile boolean closed;

    Subscriber(User viewer, Access access, SseEmitter emitter, long lastId, int bufferSize, Executor writers,
            Consumer<Subscriber> onClose) {
        this.viewer = viewer;
        this.access = access;
        this.emitter = emitter;
        this.lastId = lastId;
        this.writers = writers;
        this.queue = new ArrayBlockingQueue<>(bufferSize);
        this.onClose = onClose;
    }

    User viewer() {
        return viewer;
    }

    Access access() {
        return access;
    }

    synchronized long lastId() {
        return lastId;
    }

    /** Whether this subscriber receives the entry: its account's, and not someone else's notification. */
    boolean receives(LiveEvent event) {
        return event.accountId().equals(viewer.accountId())
                && (event.userId() == null || event.userId().equals(viewer.id()));
    }

    /** Sends an event, unless it was sent already; during the replay, after the replay. */
    synchronized void send(long id, String type, String data) {
        if (held != null) {
            held.add(new Held(id, type, data));
            return;
        }
        if (id <= lastId) {
            return;
        }
        lastId = id;
        enqueue(SseEmitter.event().id(Long.toString(id)).name(type).data(data));
    }

    /** Holds live events back while the stream catches up from the log. */
    synchronized void holdLive() {
        if (held == null) {
            held = new ArrayList<>();
        }
    }

    /** Sends a replayed event: these come in id order, before any live one. */
    synchronized void replay(long id, String type, String data) {
        if (id > lastId) {
            lastId = id;
            enqueue(SseEmitter.event().id(Long.toString(id)).name(type).data(data));
        }
    }

    /** The client is too far behind for the log: it reloads what it shows, from {@code position} on. */
    synchronized void refresh(long position) {
        lastId = Math.max(lastId, position);
        enqueue(SseEmitter.event().id(Long.toString(lastId)).name(LiveTypes.REFRESH).data("{}"));
    }

    /** Ends the replay: the live events that came meanwhile follow, less those already sent. */
    synchronized void replayed() {
        var waiting = held;
        held = null;
        for (Held event : waiting) {
            send(event.id(), event.type(), event.data());
        }
    }

    /** A comment line, which keeps proxies from closing an idle stream and finds dead clients. */
    void heartbeat() {
        enqueue(SseEmitter.event().comment(""));
    }

    void greet(long reconnectMillis) {
        enqueue(SseEmitter.event().reconnectTime(reconnectMillis).comment("switchboard"));
    }

    /** Ends the stream; a browser reconnects by itself (and is refused if its access ended). */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        onClose.accept(this);
        try {
            emitter.complete();
        }
        catch (RuntimeException alreadyGone) {
            // The connection was already closed by the client or the container.
        }
    }

    boolean isClosed() {
        return closed;
    }

    private void enqueue(SseEventBuilder event) {
        if (closed) {
            return;
        }
        if (!queue.offer(event)) {
            close();
            return;
        }
        if (writing.compareAndSet(false, true)) {
            writers.execute(this::write);
        }
    }

    private void write() {
        try {
            SseEventBuilder event;
            while (!closed && (event = queue.poll()) != null) {
                emitter.send(event);
            }
        }
        catch (IOException | RuntimeException gone) {
            close();
        }
        finally {
            writing.set(false);
        }
        // An event may have been queued after the loop ended and before the flag was cleared.
        if (!closed && !queue.isEmpty() && writing.compareAndSet(false, true)) {
            writers.execute(this::write);
        }
    }

    private record Held(long id, String type, String data) {
    }
}
