package io.imageloop.server;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's chromium under Playwright, launched so that it reaches nothing but the test server.
 * Missing chromium fails the tests with what to do; developers may opt out locally with
 * {@code IMAGELOOP_SKIP_BROWSER_TESTS=1} (never in CI, where {@code CI} is set).
 */
final class Chromium {

    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage");

    private Chromium() {
    }

    /** Checks chromium is there (or skips when a developer opted out) and launches it. */
    static Browser launch(Playwright playwright) {
        if (!Files.isExecutable(EXECUTABLE)) {
            boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
            boolean optOut = "1".equals(System.getenv("IMAGELOOP_SKIP_BROWSER_TESTS"));
            if (optOut && !ci) Assumptions.abort("IMAGELOOP_SKIP_BROWSER_TESTS=1: the studio's browser tests are skipped");
            throw new AssertionError("the studio's browser tests need Debian's chromium at " + EXECUTABLE
                    + ": run .ci/install-chromium.sh (./run-tests does)" + (ci ? "" : ", or set IMAGELOOP_SKIP_BROWSER_TESTS=1 to skip them locally"));
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setHeadless(true)
                .setArgs(ARGS).setTimeout(60_000));
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }
}
