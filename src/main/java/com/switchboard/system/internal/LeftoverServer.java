package com.switchboard.system.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server still running on the data folder although the Switchboard that started it
 * is gone (killed with {@code kill -9}, or crashed, and its {@link ServerWatchdog} with it).
 * Called only while this process holds the folder's lock, so no running Switchboard uses that
 * server: it is stopped, and the new one starts on the same files with all the data.
 */
final class LeftoverServer {

    private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);

    private LeftoverServer() {
    }

    static void stopIfRunning(Path dataDir, Duration wait) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).orElse(null);
        if (process == null) {
            // PostgreSQL itself sees that the lock file is stale and replaces it.
            return;
        }
        if (!isPostgres(process)) {
            // The process id was reused by another program; PostgreSQL would take it for a live server.
            log.info("Removing a stale {} (its process {} is another program now)", pidFile, pid);
            Files.delete(pidFile);
            return;
        }
        log.warn("A PostgreSQL server (process {}) was still running on {}, left by a Switchboard that did not stop"
                + " normally; stopping it before starting again", pid, dataDir);
        // SIGINT is PostgreSQL's fast shutdown: it does not wait for the clients, which died with their JVM.
        new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException e) {
            throw new IOException("The PostgreSQL server left running on " + dataDir + " (process " + pid
                    + ") did not stop within " + wait.toSeconds() + " s; stop it and start Switchboard again", e);
        }
        catch (ExecutionException e) {
            throw new IOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the leftover PostgreSQL server to stop", e);
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        // When the command cannot be read (another user's process on some systems), trust the lock file.
        return process.info().command().map(command -> command.endsWith("/postgres")).orElse(true);
    }
}
