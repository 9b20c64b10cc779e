package com.switchboard.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The packaged jar, run as a user runs it ({@code java -jar}), in a process of its own: started,
 * killed, stopped. Its console goes to a log file beside the data folder.
 */
public final class PackagedApp {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path jar;
    private final Path dataDir;
    private final int port;
    private Process process;

    public PackagedApp(Path jar, Path dataDir) {
        this.jar = jar;
        this.dataDir = dataDir;
        this.port = freePort();
    }

    /** The jar Maven built, as Failsafe hands it over. */
    public static Path builtJar() {
        String jar = System.getProperty("switchboard.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("No packaged jar at '" + jar + "': run this test with ./mvnw verify");
        }
        return Path.of(jar);
    }

    /** Starts it with the embedded default and this data folder; returns at once. */
    public PackagedApp start(String logName) {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = dataDir.resolveSibling(logName + ".log");
        try {
            Files.createDirectories(dataDir);
            process = new ProcessBuilder(java, "-jar", jar.toString(), "--server.port=" + port,
                    "--switchboard.data-dir=" + dataDir)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The status of a GET, or -1 while nothing answers. */
    public int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (IOException e) {
            return -1;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the login page answers, failing early if the process died. */
    public void awaitLoginPage() {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Switchboard stopped while starting (exit " + process.exitValue()
                        + "); see " + dataDir.resolveSibling("*.log"));
            }
            return status("/login") == 200;
        });
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** The watchdog and anything else this process started that still runs. */
    public List<ProcessHandle> children() {
        return process.children().toList();
    }

    /** The embedded PostgreSQL server's process, from the lock file it keeps in the data folder. */
    public Optional<ProcessHandle> postmaster() {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
        }
        catch (IOException | IndexOutOfBoundsException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Every process still running a program of the server unpacked in this data folder. */
    public List<ProcessHandle> serverProcesses() {
        String serverDir = dataDir.toAbsolutePath().normalize().resolve("postgres-server").toString();
        List<ProcessHandle> found = new ArrayList<>();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.startsWith(serverDir)).orElse(false))
                .forEach(found::add);
        return found;
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is closed. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** {@code kill} (SIGTERM): a normal stop, as a service manager or Ctrl-C does. */
    public int terminate() {
        process.destroy();
        return awaitExit();
    }

    public void stopQuietly() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(Duration.ofMinutes(2).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Switchboard did not stop within 2 minutes");
            }
            return process.exitValue();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
