package com.switchboard.system.internal;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the embedded PostgreSQL server when this JVM dies without closing it ({@code kill -9}, a
 * crash). The server is started detached ({@code pg_ctl} puts it in a session of its own), so
 * nothing else would stop it, and it would hold the data folder.
 *
 * <p>The watchdog is a small shell that waits to read from a pipe whose other end only this JVM
 * holds. However the JVM ends, the kernel closes its end; the shell then reads end-of-file and
 * asks the server for a fast shutdown. A normal stop ends the watchdog first, and Spring then
 * stops the server itself.
 */
final class ServerWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerWatchdog.class);

    private final Process shell;

    private ServerWatchdog(Process shell) {
        this.shell = shell;
    }

    static ServerWatchdog watch(long postmasterPid) throws IOException {
        // Ignores the terminal's Ctrl-C and hang-up, which the JVM handles with a normal stop.
        String script = "trap '' INT HUP; read _; kill -INT " + postmasterPid;
        var shell = new ProcessBuilder("/bin/sh", "-c", script)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        log.debug("Watchdog {} stops PostgreSQL ({}) if this JVM dies", shell.pid(), postmasterPid);
        return new ServerWatchdog(shell);
    }

    /** Ends the watchdog without it stopping the server (SIGTERM arrives before the pipe closes). */
    @Override
    public void close() {
        shell.destroy();
    }
}
