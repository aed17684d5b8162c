package io.imageloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Exports survive a restart: stopped while queued or while rendering, they finish on the next server. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void exportQueuedAtShutdownFinishesAfterRestart() throws Exception {
        ServerConfig config = TestServers.config(dataDir);
        String token;
        String renderId = "render_restart_queued";
        try (RunningServer first = ImageloopServer.start(config)) {
            Api api = new Api(first.baseUrl());
            token = api.newToken();
            String sid = prepare(api, token);
            Api.Response queued = api.export(token, sid, renderId, null);
            assertThat(queued.code()).as(queued.body().toString()).isZero();
            assertThat(queued.data().path("status").asText()).isEqualTo("queued");
        }
        try (RunningServer second = ImageloopServer.start(config)) {
            Api api = new Api(second.baseUrl());
            JsonNode done = api.awaitRender(token, renderId, Duration.ofSeconds(60));
            assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("done");
            assertDecodes(api, token, done, 20);
            assertCharged(api, token);
        }
    }

    @Test
    void exportRenderingAtShutdownFinishesAfterRestart() throws Exception {
        // Long enough (40 s at 10 fps) to be caught mid-render; no grace, so stopping interrupts it.
        ServerConfig config = TestServers.config(dataDir).withRender(240, 40, 10).withShutdownGrace(Duration.ZERO);
        String token;
        String renderId = "render_restart_rendering";
        try (RunningServer first = ImageloopServer.start(config)) {
            Api api = new Api(first.baseUrl());
            token = api.newToken();
            String sid = prepare(api, token);
            api.chat(token, sid, "make it a 40 second loop");
            assertThat(api.export(token, sid, renderId, null).code()).isZero();
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            JsonNode poll;
            do {
                Thread.sleep(100);
                poll = api.get("/api/render/proxy/lambda/" + renderId, token).data();
            } while (!(poll.path("status").asText().equals("rendering") && poll.path("progress").asDouble() > 0) && System.nanoTime() < end);
            assertThat(poll.path("status").asText()).as(poll.toString()).isEqualTo("rendering");
        }
        try (RunningServer second = ImageloopServer.start(config)) {
            Api api = new Api(second.baseUrl());
            JsonNode done = api.awaitRender(token, renderId, Duration.ofSeconds(90));
            assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("done");
            assertDecodes(api, token, done, 400);
            assertCharged(api, token);
        }
    }

    private static String prepare(Api api, String token) throws Exception {
        String sid = api.newSession(token);
        assertThat(api.upload(token, sid, TestServers.COFFEE).code()).isZero();
        api.chat(token, sid, "turn this image into a seamlessly looping video clip");
        return sid;
    }

    private void assertDecodes(Api api, String token, JsonNode done, int frames) throws Exception {
        HttpResponse<byte[]> file = api.download(done.path("url").asText(), token, null);
        assertThat(file.statusCode()).isEqualTo(200);
        Path mp4 = Files.write(dataDir.resolve("check.mp4"), file.body());
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(mp4.toFile())) {
            g.start();
            assertThat(g.getVideoCodecName()).isEqualTo("h264");
            int n = 0;
            while (g.grabImage() != null) n++;
            assertThat(n).isEqualTo(frames);
        }
    }

    private static void assertCharged(Api api, String token) throws Exception {
        JsonNode b = api.get("/api/credits/balance/simple", token).data();
        assertThat(b.path("frozen").asInt()).isZero();
        assertThat(b.path("available").asInt()).isLessThan(100);
        assertThat(b.path("total").asInt()).isEqualTo(b.path("available").asInt());
    }
}
