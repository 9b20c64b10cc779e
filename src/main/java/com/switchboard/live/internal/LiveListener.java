package com.switchboard.live.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's ear on PostgreSQL: one connection that {@code LISTEN}s on the live channel and hands
 * each committed batch of log entries to the hub. If the connection drops, it reconnects and has
 * every stream catch up from the log, since notifications sent meanwhile are gone (they are never
 * the only copy of anything: the log is).
 */
@Component
class LiveListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveListener.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final LiveLog liveLog;
    private final LiveHub hub;
    private volatile boolean running;
    private Thread thread;

    LiveListener(DataSource dataSource, LiveLog liveLog, LiveHub hub) {
        this.dataSource = dataSource;
        this.liveLog = liveLog;
        this.hub = hub;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, "live-listener");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops listening and ends every stream, before the web server waits for requests to finish. */
    @Override
    public synchronized void stop() {
        running = false;
        hub.closeAll();
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        long backoff = 100;
        boolean reconnecting = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (var statement = connection.createStatement()) {
                    statement.execute("listen " + LiveLog.CHANNEL);
                }
                backoff = 100;
                if (reconnecting) {
                    log.info("Listening for live events again; streams catch up from the log");
                    hub.catchUpAll();
                }
                var pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        handle(notifications);
                    }
                }
            }
            catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                reconnecting = true;
                log.warn("Live listener lost its database connection ({}); retrying in {} ms", e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                }
                catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    private void handle(PGNotification[] notifications) {
        List<Long> eventIds = new ArrayList<>();
        for (PGNotification notification : notifications) {
            String payload = notification.getParameter();
            if (payload.startsWith("events:")) {
                for (String id : payload.substring("events:".length()).split(",")) {
                    if (!id.isEmpty()) {
                        eventIds.add(Long.parseLong(id));
                    }
                }
            }
            else if (payload.startsWith("end:")) {
                // end:<userId>:<access key, or * for all>; the key itself may contain ':'
                String rest = payload.substring("end:".length());
                int colon = rest.indexOf(':');
                String key = rest.substring(colon + 1);
                hub.endAccess(UUID.fromString(rest.substring(0, colon)), "*".equals(key) ? null : key);
            }
        }
        if (!eventIds.isEmpty()) {
            hub.publish(liveLog.byIds(eventIds));
        }
    }
}
