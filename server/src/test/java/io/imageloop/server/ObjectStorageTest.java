package io.imageloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Media and renders in S3-compatible object storage, against a real S3 server (S3Proxy, started
 * by the test): uploads land in the bucket only once checked, workers read them back through
 * their cache, renders are put whole, and downloads (ranges too) stream from the bucket.
 */
class ObjectStorageTest {

    @TempDir
    static Path root;
    static S3ProxyServer s3;
    static RunningServer server;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        s3 = S3ProxyServer.start(root.resolve("objects"), "media");
        server = ImageloopServer.start(TestServers.config(root.resolve("data")).withStorage(s3.storage("media", "loops")));
        api = new Api(server.baseUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
        if (s3 != null) s3.close();
    }

    @Test
    void uploadsAndRendersLiveInTheBucket() throws Exception {
        String token = api.newToken();
        String sid = api.newSession(token);
        Api.Response up = api.upload(token, sid, TestServers.COFFEE);
        assertThat(up.code()).as(up.body().toString()).isZero();
        String id = up.data().path("id").asText();
        Path objects = root.resolve("objects").resolve("media").resolve("loops");
        assertThat(objects.resolve("media").resolve(sid).resolve(id + ".jpg")).hasSameBinaryContentAs(TestServers.COFFEE);
        assertThat(objects.resolve("media").resolve(sid).resolve(id + ".thumb.jpg")).isRegularFile();
        assertThat(files(root.resolve("data").resolve("media"))).as("nothing stored locally but in the bucket").isEmpty();

        HttpResponse<byte[]> original = api.download("/api/media/" + sid + "/" + id, token, null);
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(Files.readAllBytes(TestServers.COFFEE));
        HttpResponse<byte[]> thumb = api.download("/api/media/" + sid + "/" + id + "/thumbnail", token, null);
        assertThat(thumb.headers().firstValue("Content-Type")).hasValue("image/jpeg");

        Api.Stream chat = api.chat(token, sid, "turn this image into a seamlessly looping video clip");
        assertThat(chat.parts("functionCall")).as(chat.raw()).isNotEmpty();
        assertThat(api.export(token, sid, "r_s3", null).code()).isZero();
        JsonNode done = api.awaitRender(token, "r_s3", Duration.ofSeconds(90));
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("done");
        assertThat(files(objects.resolve("renders"))).hasSize(1);

        HttpResponse<byte[]> video = api.download(done.path("url").asText(), token, null);
        assertThat(video.statusCode()).isEqualTo(200);
        assertThat((long) video.body().length).isEqualTo(done.path("bytes").asLong());
        HttpResponse<byte[]> range = api.download(done.path("url").asText(), token, "bytes=100-199");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(video.body(), 100, 200));
        Path mp4 = Files.write(root.resolve("check.mp4"), video.body());
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(mp4.toFile())) {
            g.start();
            int n = 0;
            while (g.grabImage() != null) n++;
            assertThat(n).isEqualTo(20);
        }
    }

    @Test
    void whenTheBucketIsGoneAnUploadIsRefusedAndNothingIsRecorded() throws Exception {
        try (RunningServer other = ImageloopServer.start(TestServers.config(root.resolve("data2")).withStorage(s3.storage("no-such-bucket", "x")))) {
            Api api2 = new Api(other.baseUrl());
            String token = api2.newToken();
            String sid = api2.newSession(token);
            Api.Response up = api2.upload(token, sid, TestServers.COFFEE);
            assertThat(up.code()).isEqualTo(5000);
            assertThat(up.body().path("message").asText()).isEqualTo("the upload could not be stored");
            JsonNode state = api2.get("/api/state/nemo_agent/me/" + sid + "/latest", token).data();
            assertThat(state.path("state").path("video_infos")).isEmpty();
            assertThat(files(root.resolve("data2").resolve("media"))).isEmpty();
        }
    }

    private static List<Path> files(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
