package io.imageloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.BoundingBox;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The studio in a real browser against a real server and engine: upload a photo, draw an arrow
 * and a freeze area on it, watch the preview loop play, change the aspect (the drawing stays on
 * the same part of the photo), add a title by chat, export and download an H.264 MP4; then on a
 * phone-sized screen, by keyboard, out of credits. Screenshots of the main states go to
 * {@code target/studio-shots} (or {@code IMAGELOOP_STUDIO_SHOTS}).
 */
class StudioBrowserTest {

    @TempDir
    static Path dataDir;
    @TempDir
    static Path downloads;
    @TempDir
    static Path phoneDir;
    static RunningServer server;
    static Api api;
    static Playwright playwright;
    static Browser browser;
    static Path shots;

    @BeforeAll
    static void start() throws Exception {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
        // Previews at their production size (480p, 30 fps, whole cycle); exports kept at 480p for time.
        server = ImageloopServer.start(TestServers.config(dataDir).withRender(480, 0, 0));
        api = new Api(server.baseUrl());
        String dir = System.getenv("IMAGELOOP_STUDIO_SHOTS");
        shots = dir == null || dir.isBlank() ? Path.of("target", "studio-shots") : Path.of(dir);
        Files.createDirectories(shots);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        if (server != null) server.close();
    }

    @Test
    void drawTheMotionWatchThePreviewLoopAddATitleAndExport() throws Exception {
        BrowserContext desktop = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 940).setAcceptDownloads(true));
        Page page = desktop.newPage();
        List<String> problems = new ArrayList<>();
        page.onConsoleMessage(m -> { if (m.type().equals("error")) problems.add(m.text()); });
        page.onResponse(res -> { if (res.status() >= 400 && !res.url().contains("/api/upload-video/")) problems.add(res.status() + " " + res.url()); });
        page.onRequest(r -> { if (!r.url().startsWith(server.baseUrl()) && !r.url().startsWith("blob:") && !r.url().startsWith("data:")) problems.add("outside request " + r.url()); });
        page.navigate(server.baseUrl() + "/");
        page.waitForSelector("body[data-ready=true]");

        // A file that is no photo, clip or music is refused, said as a person needs it (4001).
        page.setInputFiles("#file-input", new com.microsoft.playwright.options.FilePayload("notes.jpg", "text/plain",
                "just some words, not a photo".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.waitForSelector("#notice:not([hidden])");
        assertThat(page.locator("#notice-title").textContent()).contains("notes.jpg").contains("can’t be used");
        assertThat(page.locator("#notice-text").textContent()).contains("JPEG").contains("MP4").contains("MP3");
        page.click("#notice-close");
        problems.removeIf(p -> p.contains("415")); // the browser's own console line for the refused upload

        // Upload a photo and music at once: the photo becomes a loop with the planner's recipe, and its preview plays.
        page.setInputFiles("#file-input", new Path[] {TestServers.SAMPLES.resolve("lake-boats-sunset-clouds.jpg"), TestServers.MUSIC});
        page.waitForSelector("#media-list li img[src^='blob:']");
        page.waitForFunction("document.querySelectorAll('#media-list li').length === 2");
        assertThat(page.locator("#media-list li").allTextContents()).anySatisfy(t -> assertThat(t).contains("audio"))
                .anySatisfy(t -> assertThat(t).contains("2560×1600"));
        page.waitForSelector("#editor:not([hidden])");
        page.waitForFunction("document.getElementById('photo').complete && document.getElementById('photo').naturalWidth > 0");
        String token = (String) page.evaluate("JSON.parse(localStorage.getItem('imageloop.studio')).token");
        String sid = (String) page.evaluate("JSON.parse(localStorage.getItem('imageloop.studio')).sessionId");
        JsonNode first = awaitState(token, sid, s -> s.path("draft_version").asInt() >= 1);
        waitForPlayingPreview(page, readyPreview(token, sid, first.path("draft_version").asInt()));
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("studio-desktop.png")));

        // Draw: an arrow along the water, then a freeze stroke over the boats.
        page.locator("input[name=tool][value=arrow]").check();
        drag(page, 0.10, 0.80, 0.40, 0.80);
        page.locator("input[name=tool][value=brush]").check();
        page.locator("#brush-size").fill("8");
        drag(page, 0.60, 0.62, 0.80, 0.66);
        JsonNode drawn = awaitState(token, sid, s -> {
            JsonNode r = recipe(s);
            return flow(r) != null && r.path("freeze").has("mask");
        });
        JsonNode r = recipe(drawn);
        JsonNode arrow = flow(r).path("arrows").get(0);
        assertThat(arrow.path("from").get(0).asDouble()).isCloseTo(0.10, within(0.01));
        assertThat(arrow.path("from").get(1).asDouble()).isCloseTo(0.80, within(0.01));
        assertThat(arrow.path("to").get(0).asDouble()).isCloseTo(0.40, within(0.01));
        BufferedImage mask = decode(r.path("freeze").path("mask").asText());
        assertThat(grey(mask, 0.70, 0.64)).as("painted: held still").isGreaterThan(200);
        assertThat(grey(mask, 0.20, 0.20)).as("not painted: free to move").isLessThan(30);
        JsonNode preview = readyPreview(token, sid, drawn.path("draft_version").asInt());
        System.out.printf("preview of the drawn loop (%sx%s, %s ms): poster %d ms, loop %d ms%n", preview.path("width"),
                preview.path("height"), preview.path("duration_ms"), preview.path("render_ms").path("poster").asLong(),
                preview.path("render_ms").path("loop").asLong());
        waitForPlayingPreview(page, preview);
        assertLoops(page);
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("studio-drawn.png")));

        // Change the aspect: the drawing stays where it was on the photo, only the frame changes.
        double[] arrowBefore = relative(page, page.locator("#marks g.arrow:not(.pending) line.arrow-line").first());
        double[] frameBefore = relative(page, page.locator("#frame-rect"));
        page.selectOption("#aspect", "9:16");
        JsonNode portrait = awaitState(token, sid, s -> s.path("state").path("draft").path("m").path("aspect").asText().equals("9:16"));
        assertThat(flow(recipe(portrait)).path("arrows")).isEqualTo(flow(r).path("arrows"));
        assertThat(recipe(portrait).path("freeze").path("mask").asText()).isEqualTo(r.path("freeze").path("mask").asText());
        page.waitForSelector("#frame-rect[data-aspect='9:16']");
        double[] arrowAfter = relative(page, page.locator("#marks g.arrow:not(.pending) line.arrow-line").first());
        double[] frameAfter = relative(page, page.locator("#frame-rect"));
        for (int i = 0; i < 4; i++) assertThat(arrowAfter[i]).isCloseTo(arrowBefore[i], within(0.01));
        assertThat(frameBefore[2]).as("16:9 frame covers the photo's width").isGreaterThan(0.95);
        assertThat(frameAfter[2]).as("9:16 frame is a narrow window of the photo").isLessThan(0.45);
        waitForPlayingPreview(page, readyPreview(token, sid, portrait.path("draft_version").asInt()));

        // A title by chat: the reply streams in, the timeline shows the text track.
        page.fill("#chat-input", "add the title 'Hello' at the top");
        page.press("#chat-input", "Enter");
        page.waitForSelector(".seg.text:has-text('Hello')", new Page.WaitForSelectorOptions().setTimeout(60_000));
        assertThat(page.locator("#messages li.agent").count()).isPositive();
        page.waitForSelector("#captions span:has-text('Hello')"); // drawn over the preview, where the export puts it
        JsonNode titled = awaitState(token, sid, s -> s.path("state").path("draft").toString().contains("Hello"));
        assertThat(flow(recipe(titled)).path("arrows")).as("the chat edits the same draft").isEqualTo(flow(r).path("arrows"));

        // Export, then download: an H.264 MP4 of the whole timeline.
        page.click("#export");
        page.waitForSelector("#download:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(90_000));
        assertThat(page.locator("#export-progress").evaluate("p => p.value")).isEqualTo(1);
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("studio-exported.png")).setFullPage(true));
        Download download = page.waitForDownload(() -> page.click("#download"));
        Path file = downloads.resolve("export.mp4");
        download.saveAs(file);
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.start();
            assertThat(g.getFormat()).contains("mp4");
            assertThat(g.getVideoCodecName()).isEqualTo("h264");
            assertThat(g.getImageWidth()).isEqualTo(480);
            assertThat(g.getImageHeight()).isEqualTo(854);
            assertThat(g.getLengthInTime()).isBetween(5_500_000L, 6_500_000L);
        }
        assertThat(page.locator("#credits").textContent()).contains("99 available");
        assertThat(problems).isEmpty();
        desktop.close();

        phone();
    }

    /**
     * A phone-sized screen on a server that gives no free credits: a photo becomes a loop, an
     * arrow and an anchor are drawn by keyboard alone, and the export says there are no credits
     * and where to get them.
     */
    private void phone() throws Exception {
        try (RunningServer poor = ImageloopServer.start(TestServers.config(phoneDir).withRender(480, 0, 0).withCreditsPerToken(0))) {
            Api poorApi = new Api(poor.baseUrl());
            BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setDeviceScaleFactor(2)
                    .setIsMobile(true).setHasTouch(true));
            Page page = phone.newPage();
            page.navigate(poor.baseUrl() + "/");
            page.waitForSelector("body[data-ready=true]");
            assertThat(page.locator("#credits").textContent()).contains("0 available");
            page.setInputFiles("#file-input", TestServers.COFFEE);
            String token = (String) page.evaluate("JSON.parse(localStorage.getItem('imageloop.studio')).token");
            String sid = (String) page.evaluate("JSON.parse(localStorage.getItem('imageloop.studio')).sessionId");
            int version = awaitState(poorApi, token, sid, s -> s.path("draft_version").asInt() >= 1).path("draft_version").asInt();
            waitForPlayingPreview(page, readyPreview(poorApi, token, sid, version));
            assertThat(page.locator("#stage").boundingBox().width).as("one column on a phone").isGreaterThan(340);
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("studio-phone.png")).setFullPage(true));

            // Keyboard only: an arrow (Enter, move, Enter), then the anchor tool and an anchor.
            page.locator("input[name=tool][value=arrow]").focus();
            page.locator("#marks").focus();
            page.keyboard().press("Enter");
            for (int i = 0; i < 5; i++) page.keyboard().press("ArrowRight");
            page.keyboard().press("Enter");
            page.locator("input[name=tool][value=arrow]").focus();
            page.keyboard().press("ArrowRight"); // radio groups move by arrow keys: arrow -> anchor
            assertThat(page.locator("input[name=tool][value=anchor]").isChecked()).isTrue();
            page.locator("#marks").focus();
            page.keyboard().press("Shift+ArrowUp");
            page.keyboard().press("Enter");
            JsonNode drawn = awaitState(poorApi, token, sid, s -> flow(recipe(s)) != null && flow(recipe(s)).path("anchors").size() == 1);
            JsonNode arrow = flow(recipe(drawn)).path("arrows").get(0);
            assertThat(arrow.path("from").get(0).asDouble()).isCloseTo(0.5, within(0.001));
            assertThat(arrow.path("to").get(0).asDouble()).isCloseTo(0.6, within(0.001));
            JsonNode anchor = flow(recipe(drawn)).path("anchors").get(0);
            assertThat(anchor.get(0).asDouble()).isCloseTo(0.6, within(0.001));
            assertThat(anchor.get(1).asDouble()).isCloseTo(0.4, within(0.001));

            // No credits: said plainly, with the price, the balance and where to get more.
            page.click("#export");
            page.waitForSelector("#notice:not([hidden])");
            assertThat(page.locator("#notice-title").textContent()).isEqualTo("Not enough credits.");
            assertThat(page.locator("#notice-text").textContent()).contains("costs 1 credit").contains("0 are available");
            assertThat(page.locator("#notice-link").getAttribute("href")).contains("/bind?bind=");
            assertThat(page.locator("#notice-link").textContent()).isEqualTo("Get more credits");
            phone.close();
        }
    }

    // ---- helpers ----

    /** Drags on the photo from one point to another, in fractions of the photo. */
    private static void drag(Page page, double x1, double y1, double x2, double y2) {
        BoundingBox b = page.locator("#photo").boundingBox();
        page.mouse().move(b.x + x1 * b.width, b.y + y1 * b.height);
        page.mouse().down();
        for (int i = 1; i <= 8; i++) {
            double t = i / 8.0;
            page.mouse().move(b.x + (x1 + (x2 - x1) * t) * b.width, b.y + (y1 + (y2 - y1) * t) * b.height);
        }
        page.mouse().up();
    }

    /** An element's box in fractions of the photo's box: x, y, width, height. */
    private static double[] relative(Page page, Locator element) {
        BoundingBox p = page.locator("#photo").boundingBox();
        BoundingBox e = element.boundingBox();
        return new double[] {(e.x - p.x) / p.width, (e.y - p.y) / p.height, e.width / p.width, e.height / p.height};
    }

    /** Waits until the player shows this preview and its time advances. */
    private static void waitForPlayingPreview(Page page, JsonNode preview) {
        page.waitForSelector("#player[data-key='" + preview.path("key").asText() + "']:not([hidden])",
                new Page.WaitForSelectorOptions().setTimeout(60_000));
        page.waitForFunction("() => { const v = document.getElementById('player'); return v.readyState >= 2 && !v.paused && v.currentTime > 0.2; }",
                null, new Page.WaitForFunctionOptions().setTimeout(30_000));
        assertThat((Boolean) page.evaluate("() => { const v = document.getElementById('player'); return v.loop && v.muted && v.playsInline; }")).isTrue();
    }

    /** The player's time advances, passes the loop's end and starts again near 0. */
    private static void assertLoops(Page page) throws InterruptedException {
        double duration = ((Number) page.evaluate("document.getElementById('player').duration")).doubleValue();
        assertThat(duration).isBetween(5.5, 6.5);
        double last = -1, before = -1;
        boolean advanced = false, wrapped = false;
        long end = System.nanoTime() + Duration.ofSeconds((long) Math.ceil(duration) + 6).toNanos();
        while (System.nanoTime() < end && !wrapped) {
            double t = ((Number) page.evaluate("document.getElementById('player').currentTime")).doubleValue();
            if (last >= 0 && t > last) advanced = true;
            if (last >= 0 && t < last) {
                before = last;
                wrapped = t < 1.0 && last > duration - 1.0;
            }
            last = t;
            Thread.sleep(100);
        }
        assertThat(advanced).as("currentTime advances").isTrue();
        assertThat(wrapped).as("the loop starts again near 0 after " + before + " s of " + duration + " s").isTrue();
    }

    /** Polls the state until it satisfies the test (the studio saves a moment after each edit). */
    private static JsonNode awaitState(String token, String sid, Predicate<JsonNode> done) throws Exception {
        return awaitState(api, token, sid, done);
    }

    private static JsonNode awaitState(Api api, String token, String sid, Predicate<JsonNode> done) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode s;
        do {
            s = api.get("/api/state/nemo_agent/me/" + sid + "/latest", token).data();
            if (done.test(s)) return s;
            Thread.sleep(150);
        } while (System.nanoTime() < end);
        throw new AssertionError("the state never got there: " + s.path("summary") + " v" + s.path("draft_version"));
    }

    /** Waits until the first loop's preview of this draft version is ready and returns it. */
    private static JsonNode readyPreview(String token, String sid, int version) throws Exception {
        return readyPreview(api, token, sid, version);
    }

    private static JsonNode readyPreview(Api api, String token, String sid, int version) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            JsonNode s = api.get("/api/state/nemo_agent/me/" + sid + "/latest", token).data();
            for (JsonNode g : s.path("state").path("generated_media")) {
                if (g.path("kind").asText().equals("preview") && g.path("draft_version").asInt() >= version && g.path("segment").asInt() == 0) {
                    assertThat(g.path("status").asText()).isNotEqualTo("failed");
                    if (g.path("status").asText().equals("ready")) return g;
                }
            }
            Thread.sleep(150);
        }
        throw new AssertionError("no ready preview for draft version " + version);
    }

    private static JsonNode recipe(JsonNode state) {
        return state.path("state").path("draft").path("t").get(0).path("sg").get(0).path("m").path("recipe");
    }

    private static JsonNode flow(JsonNode recipe) {
        for (JsonNode l : recipe.path("layers")) if (l.path("kind").asText().equals("flow")) return l;
        return null;
    }

    private static BufferedImage decode(String dataUrl) throws Exception {
        byte[] png = Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1));
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static int grey(BufferedImage img, double x, double y) {
        int rgb = img.getRGB((int) (x * (img.getWidth() - 1)), (int) (y * (img.getHeight() - 1)));
        return (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / 3;
    }
}
