package com.switchboard.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.switchboard.support.PackagedApp;
import com.switchboard.support.browser.Browsers;
import com.switchboard.support.browser.SwitchboardPages.InboxPage;
import com.switchboard.support.browser.SwitchboardPages.LoginPage;
import com.switchboard.support.browser.SwitchboardPages.SimulatorPage;

/**
 * The README's promise, kept by the packaged jar on an empty data folder, as a new user meets it:
 * the first start unpacks PostgreSQL into the data folder, loads the demo and only then answers;
 * the demo admin logs in through the form; a text from the simulator arrives. Then the ways a
 * process ends: {@code kill -9} (with and without the watchdog surviving it), and a normal stop.
 * The steps run in order on one data folder, as they would on one machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstStartIT {

    private static final String ADMIN = "sophie@demo-motors.example";
    private static final String PASSWORD = "switchboard-demo";
    private static final String TEXT = "Bonjour, est-ce que mon auto est prête?";
    private static final String PHONE = "+1 514 555 0142";

    private final Path dataDir = Path.of("target", "first-start", "data").toAbsolutePath();
    private final HttpClient http = HttpClient.newHttpClient();
    private PackagedApp app;
    private BrowserContext browser;

    @BeforeAll
    void emptyDataFolder() throws IOException {
        if (Files.exists(dataDir.getParent())) {
            try (Stream<Path> files = Files.walk(dataDir.getParent())) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(dataDir.getParent());
        browser = Browsers.newContext("en-CA");
    }

    @AfterAll
    void stopEverything() {
        if (app != null) {
            app.stopQuietly();
        }
        browser.close();
    }

    @Test
    @Order(1)
    void firstStart_unpacksPostgresIntoTheDataFolderAndAnswersOnlyOnceTheDemoIsLoaded() throws Exception {
        assertThat(dataDir).doesNotExist();
        app = new PackagedApp(PackagedApp.builtJar(), dataDir).start("first-start");

        app.awaitLoginPage();
        // The very first answer: the demo must already be there, and ready must say so.
        var token = http.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/tokens")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + ADMIN + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        assertThat(app.status("/actuator/health/liveness")).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> app.status("/actuator/health/readiness") == 200);

        assertThat(dataDir.resolve("postgres-server")).isDirectory();
        try (Stream<Path> unpacked = Files.walk(dataDir.resolve("postgres-server"))) {
            assertThat(unpacked.anyMatch(p -> p.endsWith(Path.of("bin", "postgres")))).isTrue();
        }
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).isRegularFile();
    }

    @Test
    @Order(2)
    void theDemoAdminLogsInThroughTheFormAndATextFromTheSimulatorArrivesInTheInbox() {
        Page page = browser.newPage();
        page.navigate(app.url("/login"));
        new LoginPage(page).logIn(ADMIN, PASSWORD);
        assertThat(page.locator(".usermenu > summary")).containsText("Sophie Gagnon");

        page.navigate(app.url("/simulator"));
        new SimulatorPage(page).textFrom(PHONE, TEXT);

        page.navigate(app.url("/?assignee=unassigned"));
        assertThat(new InboxPage(page).list()).containsText(TEXT);
        page.close();
    }

    @Test
    @Order(3)
    void killMinus9_theWatchdogStopsTheServerAndTheNextStartKeepsEverything() {
        var postmaster = app.postmaster().orElseThrow();
        assertThat(postmaster.isAlive()).isTrue();

        app.kill();

        // Nobody stopped PostgreSQL: the watchdog saw the JVM die and did.
        await().atMost(Duration.ofSeconds(60)).until(() -> !postmaster.isAlive());
        await().atMost(Duration.ofSeconds(30)).until(() -> app.serverProcesses().isEmpty());

        startAgainAndFindTheText("after-kill");
    }

    @Test
    @Order(4)
    void killMinus9_ofTheAppAndItsWatchdog_theNextStartStopsTheServerLeftRunning() {
        var postmaster = app.postmaster().orElseThrow();
        var watchdogs = app.children();
        assertThat(watchdogs).isNotEmpty();

        // As if the whole process group went down hard, except PostgreSQL, which runs in a session of its own.
        watchdogs.forEach(ProcessHandle::destroyForcibly);
        app.kill();
        await().atMost(Duration.ofSeconds(30)).until(() -> watchdogs.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(postmaster.isAlive()).as("the orphaned server still holds the folder").isTrue();

        startAgainAndFindTheText("after-orphan");
        assertThat(postmaster.isAlive()).isFalse();
    }

    @Test
    @Order(5)
    void aNormalStop_endsLiveStreamsCleanlyAndStopsPostgresLeavingNoProcessBehind() throws Exception {
        var postmaster = app.postmaster().orElseThrow();
        var watchdogs = app.children();
        String session = browser.cookies(app.url("/")).stream()
                .filter(cookie -> cookie.name.equals("SESSION")).findFirst().orElseThrow().value;
        var stream = http.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/stream")))
                .header("Cookie", "SESSION=" + session).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        CompletableFuture<String> endOfStream = CompletableFuture.supplyAsync(() -> readToTheEnd(stream));

        int exit = app.terminate();

        // The stream was completed by the server (so a browser reconnects at once, to another node), not cut.
        assertThat(endOfStream.get(30, TimeUnit.SECONDS)).isEqualTo("ended");
        assertThat(exit).as("exit code of a stop on SIGTERM").isIn(0, 143);
        assertThat(postmaster.isAlive()).isFalse();
        assertThat(watchdogs).noneMatch(ProcessHandle::isAlive);
        assertThat(app.serverProcesses()).isEmpty();
        assertThat(dataDir.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
    }

    private void startAgainAndFindTheText(String logName) {
        app = new PackagedApp(PackagedApp.builtJar(), dataDir).start(logName);
        app.awaitLoginPage();
        Page page = browser.newPage();
        // The session lives in the database: kept too.
        page.navigate(app.url("/?assignee=all"));
        var inbox = new InboxPage(page);
        assertThat(inbox.list()).containsText(TEXT);
        // The demo is loaded once, on the first start only.
        assertThat(inbox.list().locator(".conversation-row", new com.microsoft.playwright.Locator.LocatorOptions()
                .setHasText(TEXT))).hasCount(1);
        page.close();
    }

    private static String readToTheEnd(HttpResponse<java.io.InputStream> stream) {
        try (var reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            while (reader.readLine() != null) {
                // heartbeats and events until the server ends the stream
            }
            return "ended";
        }
        catch (IOException e) {
            return "cut: " + e;
        }
    }
}
