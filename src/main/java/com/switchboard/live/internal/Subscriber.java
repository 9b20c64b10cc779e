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
 * sent is dropped. While the stream replays what the client missed, live events wait their turn;
 * a replay while the stream opens is not limited by the queue.
 */
final class Subscriber {

    private final User viewer;
    private final Access access;
    private final SseEmitter emitter;
    private final Executor writers;
    private final ArrayBlockingQueue<SseEventBuilder> queue;
    // Until opened(), the request thread that opens the stream writes; then the writers do.
    private final AtomicBoolean writing = new AtomicBoolean(true);
    private final Consumer<Subscriber> onClose;
    private long lastId;
    private List<Held> held = new ArrayList<>();
    private boolean opening = true;
    private volatile boolean closed;
    private volatile boolean completeWhenIdle;

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
            var event = SseEmitter.event().id(Long.toString(id)).name(type).data(data);
            if (opening) {
                writeWhileOpening(event);
            }
            else {
                enqueue(event);
            }
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

    /**
     * Hands what was queued while opening (the greeting, the replay) to the emitter on the opening
     * request's own thread, before the emitter is returned: Spring sends it with the response
     * headers. Only what comes after is written by the writers.
     */
    void opened() {
        synchronized (this) {
            opening = false;
        }
        write();
    }

    /**
     * While the stream opens, its opening thread is its only writer, and Spring keeps what it is
     * sent until the response starts: a replay of any length goes straight there, after what was
     * queued before it, instead of through the bounded queue (which would overflow and close a
     * stream that missed more than it holds, before anything was written).
     */
    private void writeWhileOpening(SseEventBuilder event) {
        if (closed) {
            return;
        }
        try {
            SseEventBuilder queued;
            while ((queued = queue.poll()) != null) {
                emitter.send(queued);
            }
            emitter.send(event);
        }
        catch (IOException | RuntimeException gone) {
            markClosed();
        }
    }

    /** A comment line, which keeps proxies from closing an idle stream and finds dead clients. */
    void heartbeat() {
        enqueue(SseEmitter.event().comment(""));
    }

    void greet(long reconnectMillis) {
        enqueue(SseEmitter.event().reconnectTime(reconnectMillis).comment("switchboard"));
    }

    /**
     * Ends the stream; a browser reconnects by itself (and is refused if its access ended). The
     * response is completed by the writer, after any write in progress: a response is only ever
     * touched by one thread at a time.
     */
    void close() {
        if (markClosed()) {
            completeWhenIdle = true;
            schedule();
        }
    }

    /** The container ended the stream (the client left, or an error): nothing more to write. */
    void ended() {
        markClosed();
    }

    boolean isClosed() {
        return closed;
    }

    private synchronized boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        onClose.accept(this);
        return true;
    }

    private void enqueue(SseEventBuilder event) {
        if (closed) {
            return;
        }
        if (!queue.offer(event)) {
            close();
            return;
        }
        schedule();
    }

    private void schedule() {
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
            if (completeWhenIdle) {
                completeWhenIdle = false;
                emitter.complete();
            }
        }
        catch (IOException | RuntimeException gone) {
            // The container ends the request itself after a failed write.
            completeWhenIdle = false;
            markClosed();
        }
        finally {
            writing.set(false);
        }
        // Work may have come after the loop ended and before the flag was cleared.
        if ((completeWhenIdle || (!closed && !queue.isEmpty())) && writing.compareAndSet(false, true)) {
            writers.execute(this::write);
        }
    }

    private record Held(long id, String type, String data) {
    }
}
