package com.switchboard.system.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL server, all of it under the data folder: the server's programs in
 * {@code serverDir} (unpacked from the jar on the first start), the database in {@code dataDir}.
 * Nothing outside the data folder decides whether it starts, so an empty data folder behaves as a
 * new machine does.
 *
 * <p>It also cleans up after a Switchboard that was killed: the server it leaves running is
 * stopped by a {@link ServerWatchdog}, and if that did not happen either (the watchdog was killed
 * too), by {@link LeftoverServer} before this one starts on the same files.
 */
final class EmbeddedServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final EmbeddedPostgres postgres;
    private final long postmasterPid;
    private final ServerWatchdog watchdog;

    private EmbeddedServer(EmbeddedPostgres postgres, long postmasterPid, ServerWatchdog watchdog) {
        this.postgres = postgres;
        this.postmasterPid = postmasterPid;
        this.watchdog = watchdog;
    }

    static EmbeddedServer start(Path serverDir, Path dataDir) throws IOException {
        Files.createDirectories(serverDir);
        Files.createDirectories(dataDir);
        long started = System.nanoTime();
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(serverDir.toFile())
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // Spring stops it, after everything that still needs the database.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("max_connections", "200")
                    // Runs once the folder's lock is ours, just before the server starts.
                    .setDataDirectoryCustomizer(directory -> stopLeftover(directory.toPath()))
                    .start();
        }
        catch (IllegalStateException e) {
            if (String.valueOf(e.getMessage()).startsWith("could not lock")) {
                throw new IllegalStateException("The data folder " + dataDir.getParent()
                        + " is in use by another Switchboard on this machine. Stop it, or start this one with"
                        + " another folder (--switchboard.data-dir=...).", e);
            }
            throw e;
        }
        long postmasterPid = postmasterPid(dataDir);
        log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", postgres.getPort(), dataDir,
                (System.nanoTime() - started) / 1_000_000);
        return new EmbeddedServer(postgres, postmasterPid, ServerWatchdog.watch(postmasterPid));
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** Stops the server, and returns once its process is gone, so that a stopped Switchboard leaves nothing running. */
    @Override
    public void close() throws IOException {
        watchdog.close();
        postgres.close();
        ProcessHandle.of(postmasterPid).ifPresent(process -> {
            try {
                process.onExit().get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (TimeoutException | ExecutionException e) {
                log.warn("The embedded PostgreSQL (process {}) is still running {} s after it was asked to stop",
                        postmasterPid, SHUTDOWN_WAIT.toSeconds());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void stopLeftover(Path dataDir) {
        try {
            LeftoverServer.stopIfRunning(dataDir, STARTUP_WAIT);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's process id, from the first line of the lock file PostgreSQL writes. */
    private static long postmasterPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }
}
