package io.imageloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole client protocol over HTTP, as the chat clients drive it: token, session, upload,
 * a chat turn over SSE, state, export, poll, download with and without a byte range, and the
 * decoded result.
 */
class ClientProtocolTest extends SharedServer {

    @Test
    void photoBecomesADownloadableSeamlessLoop() throws Exception {
        Api.Response token = api.anonymousToken(java.util.UUID.randomUUID().toString());
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.code()).isZero();
        assertThat(token.body().path("message").asText()).isEqualTo("ok");
        assertThat(token.data().path("credits").asInt()).isEqualTo(100);
        assertThat(token.data().path("expires_at").asText()).isNotBlank();
        String t = token.data().path("token").asText();

        Api.Response session = api.postJson("/api/tasks/me/with-session/nemo_agent", t,
                java.util.Map.of("task_name", "project", "language", "en"));
        assertThat(session.code()).isZero();
        String sid = session.data().path("session_id").asText();
        assertThat(session.data().path("bind_id").asText()).isNotBlank();

        Api.Response upload = api.upload(t, sid, TestServers.COFFEE);
        assertThat(upload.code()).as(upload.body().toString()).isZero();
        JsonNode media = upload.data().path("media").get(0);
        assertThat(media.path("kind").asText()).isEqualTo("image");
        assertThat(media.path("format").asText()).isEqualTo("jpg");
        assertThat(media.path("width").asInt()).isPositive();
        assertThat(media.path("height").asInt()).isPositive();
        assertThat(media.path("bytes").asLong()).isEqualTo(Files.size(TestServers.COFFEE));
        String mediaId = media.path("id").asText();

        HttpResponse<byte[]> thumb = api.download(media.path("thumbnail_url").asText(), t, null);
        assertThat(thumb.statusCode()).isEqualTo(200);
        assertThat(thumb.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(thumb.body()[0] & 0xFF).isEqualTo(0xFF);

        Api.Stream turn = api.chat(t, sid, "turn this image into a seamlessly looping video clip");
        assertThat(turn.status()).isEqualTo(200);
        assertThat(turn.parts("functionCall")).hasSize(1);
        assertThat(turn.parts("functionResponse")).hasSize(1);
        assertThat(turn.parts("functionCall").get(0).path("id").asText())
                .isEqualTo(turn.parts("functionResponse").get(0).path("id").asText());
        assertThat(turn.text()).contains("loop");
        assertThat(turn.events()).allSatisfy(e -> {
            assertThat(e.path("author").asText()).isEqualTo("nemo_agent");
            assertThat(e.path("invocationId").asText()).isNotBlank();
            assertThat(e.path("timestamp").asDouble()).isPositive();
        });
        assertThat(turn.events()).anySatisfy(e -> assertThat(e.path("customMetadata").has("progress")).isTrue());

        Api.Response state = api.get("/api/state/nemo_agent/me/" + sid + "/latest", t);
        assertThat(state.code()).isZero();
        JsonNode draft = state.data().path("state").path("draft");
        assertThat(state.data().path("draft_version").asInt()).isEqualTo(1);
        JsonNode video = draft.path("t").get(0);
        assertThat(video.path("tt").asInt()).isZero();
        JsonNode seg = video.path("sg").get(0);
        assertThat(seg.path("d").asLong()).isEqualTo(6000);
        assertThat(seg.path("m").path("media").asText()).isEqualTo(mediaId);
        assertThat(seg.path("m").path("kind").asText()).isEqualTo("loop");
        // A cup on a table: nothing flows, so the agent chooses a slow camera move over a drifting table.
        assertThat(seg.path("m").path("style").asText()).isEqualTo("camera");
        assertThat(state.data().path("state").path("video_infos")).hasSize(1);
        // Nothing exported yet; the loop's free preview is listed beside exports.
        assertThat(state.data().path("state").path("generated_media")).singleElement()
                .satisfies(g -> assertThat(g.path("kind").asText()).isEqualTo("preview"));

        String renderId = "render_" + System.currentTimeMillis();
        Api.Response queued = api.export(t, sid, renderId, draft);
        assertThat(queued.code()).as(queued.body().toString()).isZero();
        assertThat(queued.data().path("status").asText()).isIn("queued", "rendering");
        assertThat(queued.data().path("price").asInt()).isEqualTo(1);
        Api.Response again = api.export(t, sid, renderId, draft);
        assertThat(again.code()).isZero();
        Api.Response balance = api.get("/api/credits/balance/simple", t);
        assertThat(balance.data().path("frozen").asInt() + 100 - balance.data().path("total").asInt()).isEqualTo(1);

        JsonNode done = api.awaitRender(t, renderId, Duration.ofSeconds(60));
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("done");
        assertThat(done.path("progress").asDouble()).isEqualTo(1.0);
        JsonNode report = done.path("loop_report");
        assertThat(report.path("frames").asInt()).as("the export measured as decoded: " + done).isPositive();
        assertThat(report.path("seam_ratio").isNumber()).isTrue();
        assertThat(report.path("moving").asDouble()).isBetween(0.0, 1.0);
        assertThat(report.path("still_max_step").isNumber()).isTrue();
        balance = api.get("/api/credits/balance/simple", t);
        assertThat(balance.data().path("available").asInt()).isEqualTo(99);
        assertThat(balance.data().path("frozen").asInt()).isZero();
        assertThat(balance.data().path("total").asInt()).isEqualTo(99);

        String url = done.path("url").asText();
        HttpResponse<byte[]> file = api.download(url, t, null);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(file.headers().firstValueAsLong("Content-Length").orElse(-1)).isEqualTo(file.body().length);
        assertThat(file.headers().firstValue("Accept-Ranges")).hasValue("bytes");

        HttpResponse<byte[]> part = api.download(url, t, "bytes=100-1099");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-1099/" + file.body().length);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(file.body(), 100, 1100));
        HttpResponse<byte[]> tail = api.download(url, t, "bytes=-10");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(file.body(), file.body().length - 10, file.body().length));
        HttpResponse<byte[]> outside = api.download(url, t, "bytes=" + file.body().length + "-");
        assertThat(outside.statusCode()).isEqualTo(416);

        Path mp4 = dataDir.resolve("downloaded.mp4");
        Files.write(mp4, file.body());
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(mp4.toFile())) {
            g.start();
            assertThat(g.getVideoCodecName()).isEqualTo("h264");
            assertThat(g.getImageHeight()).isEqualTo(240);
            assertThat(g.getImageWidth()).isEqualTo(428);
            int frames = 0;
            while (g.grabImage() != null) frames++;
            assertThat(frames).isEqualTo(20);
        }

        state = api.get("/api/state/nemo_agent/me/" + sid + "/latest", t);
        assertThat(state.data().path("state").path("generated_media")).filteredOn(g -> g.path("kind").asText().equals("video"))
                .singleElement().satisfies(g -> assertThat(g.path("url").asText()).isEqualTo(url));

        // The loop goes back in as a video: probed with FFmpeg, with a thumbnail.
        Api.Response reupload = api.upload(t, sid, "my-loop.mp4", file.body());
        assertThat(reupload.code()).as(reupload.body().toString()).isZero();
        assertThat(reupload.data().path("kind").asText()).isEqualTo("video");
        assertThat(reupload.data().path("format").asText()).isEqualTo("mp4");
        assertThat(reupload.data().path("codec").asText()).isEqualTo("h264");
        assertThat(reupload.data().path("width").asInt()).isEqualTo(428);
        assertThat(reupload.data().path("duration_ms").asLong()).isBetween(1900L, 2100L);
        assertThat(api.download(reupload.data().path("thumbnail_url").asText(), t, null).statusCode()).isEqualTo(200);
    }

    @Test
    void titlesAndMusicFromTheChatReachTheExportedFile() throws Exception {
        String t = api.newToken();
        String sid = api.newSession(t);
        assertThat(api.upload(t, sid, TestServers.COFFEE).code()).isZero();
        assertThat(api.upload(t, sid, TestServers.MUSIC).code()).isZero();
        api.chat(t, sid, "turn this image into a seamlessly looping video clip");
        api.chat(t, sid, "add title \"Morning\" at the top for 3 seconds");
        api.chat(t, sid, "add title \"Coffee\" at the bottom from 1 to 4 seconds");
        api.chat(t, sid, "add music at 30%");
        JsonNode draft = api.get("/api/state/nemo_agent/me/" + sid + "/latest", t).data().path("state").path("draft");
        assertThat(draft.path("t")).hasSize(4); // video, music, and two titles that overlap in time

        Api.Response queued = api.export(t, sid, "render_full", draft);
        assertThat(queued.code()).as(queued.body().toString()).isZero();
        JsonNode done = api.awaitRender(t, "render_full", Duration.ofSeconds(60));
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("done");
        Path mp4 = dataDir.resolve("full.mp4");
        Files.write(mp4, api.download(done.path("url").asText(), t, null).body());
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(mp4.toFile())) {
            g.start();
            assertThat(g.getVideoCodecName()).isEqualTo("h264");
            assertThat(g.getAudioCodecName()).isEqualTo("aac");
            assertThat(g.getAudioChannels()).isEqualTo(2);
        }
    }

    @Test
    void aRenderThatFailsReleasesItsCredits() throws Exception {
        String t = api.newToken();
        String sid = api.newSession(t);
        JsonNode media = api.upload(t, sid, TestServers.COFFEE).data();
        api.chat(t, sid, "turn this image into a seamlessly looping video clip");
        // The stored photo is damaged after upload: the draft is valid, the render cannot read it.
        Path stored = dataDir.resolve("media").resolve(sid).resolve(media.path("id").asText() + ".jpg");
        Files.write(stored, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3});
        assertThat(api.export(t, sid, "render_doomed", null).code()).isZero();
        JsonNode failed = api.awaitRender(t, "render_doomed", Duration.ofSeconds(60));
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("error").path("code").asInt()).isEqualTo(5001);
        assertThat(failed.path("error").path("message").asText()).isNotBlank().doesNotContain("Exception");
        assertThat(failed.has("url")).isFalse();
        JsonNode balance = api.get("/api/credits/balance/simple", t).data();
        assertThat(balance.path("available").asInt()).isEqualTo(100);
        assertThat(balance.path("frozen").asInt()).isZero();
        Api.Response download = api.get("/api/render/proxy/lambda/render_doomed/download", t);
        assertThat(download.code()).isEqualTo(3005);
    }

    @Test
    void chineseRequestMakesOneLoopPerImageAndAnswersInChinese() throws Exception {
        String t = api.newToken();
        String sid = api.newSession(t);
        assertThat(api.upload(t, sid, TestServers.COFFEE).code()).isZero();
        assertThat(api.upload(t, sid, TestServers.SAMPLES.resolve("lake-boats-sunset-clouds.jpg")).code()).isZero();

        Api.Stream turn = api.chat(t, sid, "把这张图片变成无缝循环视频");
        assertThat(turn.text()).contains("循环");
        JsonNode draft = api.get("/api/state/nemo_agent/me/" + sid + "/latest", t).data().path("state").path("draft");
        JsonNode segments = draft.path("t").get(0).path("sg");
        assertThat(segments).hasSize(2);
        assertThat(segments.get(1).path("s").asLong()).isEqualTo(6000);
        assertThat(draft.path("d").asLong()).isEqualTo(12000);
        // Each photo gets the motion it suggests: the cup a camera move, the lake its sky drifting.
        assertThat(segments.get(0).path("m").path("style").asText()).isEqualTo("camera");
        assertThat(segments.get(1).path("m").path("style").asText()).isEqualTo("flow");
        assertThat(segments.get(1).path("m").path("recipe").path("layers").get(0).path("area").path("label").asText()).isEqualTo("sky");
    }
}
