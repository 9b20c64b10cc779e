package com.switchboard.support.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * One headless Chromium for the whole test run (starting Playwright is heavy). Debian's Chromium
 * at /usr/bin/chromium, or CHROMIUM_PATH; Playwright never downloads a browser.
 */
public final class Browsers {

    private static Playwright playwright;
    private static Browser browser;

    private Browsers() {
    }

    /** A fresh browser context: its own cookies, like a separate person's browser. */
    public static BrowserContext newContext(String locale) {
        return newContext(locale, 1440, 900);
    }

    /** A fresh browser context with a window of that size: 390 x 844 is a phone, 1024 x 768 a small laptop. */
    public static synchronized BrowserContext newContext(String locale, int width, int height) {
        if (browser == null) {
            start();
        }
        return browser.newContext(new Browser.NewContextOptions()
                .setLocale(locale)
                .setTimezoneId("America/Toronto")
                .setViewportSize(width, height)
                .setHasTouch(width < 800)
                .setIsMobile(width < 800));
    }

    private static void start() {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("The browser tests need Chromium at " + chromium
                    + ": run bin/test, which installs it, or apt-get install -y chromium");
        }
        // Assertions wait for what they expect; on two cores shared with the application, 5 s (the default) can be short.
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        Runtime.getRuntime().addShutdownHook(new Thread(Browsers::stop));
    }

    private static synchronized void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
            if (playwright != null) {
                playwright.close();
            }
        }
        catch (RuntimeException e) {
            // The JVM is exiting; the browser process goes with it.
        }
    }

    /** Where screenshots go, for people to look at. */
    public static Path screenshot(String name) {
        return Path.of("target", "screenshots", name + ".png");
    }
}
