package io.imageloop.server;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * URL uploads: refused for loopback, link-local and private addresses by default (no request
 * is ever made), fetched from a local server when the operator allows private addresses,
 * with redirect, status, size and type limits.
 */
class UrlUploadTest {

    @TempDir
    static Path refusingDir;
    @TempDir
    static Path allowingDir;
    static RunningServer refusing;
    static RunningServer allowing;
    static HttpServer origin;
    static final AtomicInteger hits = new AtomicInteger();
    static String originUrl;

    @BeforeAll
    static void start() throws Exception {
        origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] jpg = Files.readAllBytes(TestServers.COFFEE);
        origin.createContext("/", ex -> {
            hits.incrementAndGet();
            String path = ex.getRequestURI().getPath();
            if (path.equals("/coffee.jpg")) {
                ex.getResponseHeaders().add("Content-Type", "image/jpeg");
                ex.sendResponseHeaders(200, jpg.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(jpg);
                }
            } else if (path.startsWith("/hop/")) {
                int n = Integer.parseInt(path.substring(5));
                ex.getResponseHeaders().add("Location", n <= 1 ? "/coffee.jpg" : "/hop/" + (n - 1));
                ex.sendResponseHeaders(302, -1);
            } else if (path.equals("/big.jpg")) {
                byte[] big = new byte[300 * 1024];
                System.arraycopy(jpg, 0, big, 0, 64);
                ex.sendResponseHeaders(200, 0); // chunked: no Content-Length, the limit must hold while streaming
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(big);
                }
            } else if (path.equals("/notes.txt")) {
                byte[] text = "not an image".getBytes();
                ex.sendResponseHeaders(200, text.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(text);
                }
            } else {
                ex.sendResponseHeaders(404, -1);
            }
            ex.close();
        });
        origin.start();
        originUrl = "http://127.0.0.1:" + origin.getAddress().getPort();
        refusing = ImageloopServer.start(TestServers.config(refusingDir));
        allowing = ImageloopServer.start(TestServers.config(allowingDir).withAllowPrivateUrls(true).withUploadLimit(200 * 1024));
    }

    @AfterAll
    static void stop() {
        if (refusing != null) refusing.close();
        if (allowing != null) allowing.close();
        if (origin != null) origin.stop(0);
    }

    @Test
    void privateLoopbackAndLinkLocalAddressesAreRefusedWithoutContact() throws Exception {
        Api api = new Api(refusing.baseUrl());
        String token = api.newToken();
        String sid = api.newSession(token);
        String path = "/api/upload-video/nemo_agent/me/" + sid;
        int before = hits.get();
        for (String url : new String[] {originUrl + "/coffee.jpg", "http://localhost:" + origin.getAddress().getPort() + "/coffee.jpg",
                "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/photo.jpg", "http://192.168.1.10/photo.jpg",
                "http://[::1]:" + origin.getAddress().getPort() + "/coffee.jpg", "http://0.0.0.0/x.jpg"}) {
            Api.Response r = api.postJson(path, token, Map.of("url", url));
            assertThat(r.code()).as(url).isEqualTo(4004);
            assertThat(r.status()).isEqualTo(400);
        }
        Api.Response scheme = api.postJson(path, token, Map.of("url", "file:///etc/passwd"));
        assertThat(scheme.code()).isEqualTo(4004);
        Api.Response form = api.send(api.request(path, token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("url=http%3A%2F%2F10.1.2.3%2Fa.jpg")));
        assertThat(form.code()).isEqualTo(4004);
        assertThat(hits.get()).isEqualTo(before);
    }

    @Test
    void allowedLocalFetchFollowsUpToThreeRedirects() throws Exception {
        Api api = new Api(allowing.baseUrl());
        String token = api.newToken();
        String sid = api.newSession(token);
        String path = "/api/upload-video/nemo_agent/me/" + sid;

        Api.Response direct = api.postJson(path, token, Map.of("url", originUrl + "/coffee.jpg"));
        assertThat(direct.code()).as(direct.body().toString()).isZero();
        assertThat(direct.data().path("kind").asText()).isEqualTo("image");
        assertThat(direct.data().path("bytes").asLong()).isEqualTo(Files.size(TestServers.COFFEE));
        assertThat(direct.data().path("name").asText()).isEqualTo("coffee.jpg");

        assertThat(api.postJson(path, token, Map.of("url", originUrl + "/hop/3")).code()).isZero();
        Api.Response tooMany = api.postJson(path, token, Map.of("url", originUrl + "/hop/4"));
        assertThat(tooMany.code()).isEqualTo(4005);
        assertThat(tooMany.body().path("message").asText()).contains("redirect");

        assertThat(api.postJson(path, token, Map.of("url", originUrl + "/missing.jpg")).code()).isEqualTo(4005);
        assertThat(api.postJson(path, token, Map.of("url", originUrl + "/notes.txt")).code()).isEqualTo(4001);
        Api.Response big = api.postJson(path, token, Map.of("url", originUrl + "/big.jpg"));
        assertThat(big.code()).isEqualTo(4002);
        assertThat(big.status()).isEqualTo(413);

        Api.Response state = api.get("/api/state/nemo_agent/me/" + sid + "/latest", token);
        assertThat(state.data().path("state").path("video_infos")).hasSize(2);
        assertThat(allowingDir.resolve("media").resolve(sid).toFile().list())
                .allSatisfy(name -> assertThat(name).doesNotStartWith(".incoming"));
    }
}
