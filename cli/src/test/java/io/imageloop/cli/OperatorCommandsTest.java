package io.imageloop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageloop.server.ImageloopServer;
import io.imageloop.server.RunningServer;
import io.imageloop.server.ServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator runs the service: options from the environment, credits while it runs, a clean stop. */
class OperatorCommandsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void creditsWorkWhileTheServerRunsOnTheEmbeddedDatabase() throws Exception {
        String client = UUID.randomUUID().toString();
        try (RunningServer server = ImageloopServer.start(ServerOptions.parse("--host", "127.0.0.1", "--port", "0", "--data-dir", dir.toString()))) {
            assertThat(post(server.baseUrl() + "/api/auth/anonymous-token", Map.of("X-Client-Id", client), "").statusCode()).isEqualTo(200);
            Path announcement = dir.resolve("operator.json");
            assertThat(announcement).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(announcement))).isEqualTo("rw-------");

            MakeCommandTest.Run grant = MakeCommandTest.run("credits", "grant", client, "50", "--data-dir", dir.toString());
            assertThat(grant.code()).as(grant.err()).isZero();
            assertThat(grant.out()).contains("150 credits available").contains("granted 50");
            MakeCommandTest.Run balance = MakeCommandTest.run("credits", "balance", client, "--data-dir", dir.toString());
            assertThat(balance.out()).contains("150 credits available");
            MakeCommandTest.Run nobody = MakeCommandTest.run("credits", "grant", "nobody", "5", "--data-dir", dir.toString());
            assertThat(nobody.code()).isEqualTo(Main.USAGE);
            assertThat(nobody.err()).contains("no token or client id matches");

            // The public port never answers operator calls; the operator port wants the secret.
            HttpResponse<String> open = post(server.baseUrl() + "/operator/credits/grant", Map.of(), "{\"who\":\"" + client + "\",\"amount\":5}");
            assertThat(JSON.readTree(open.body()).path("code").asInt()).isEqualTo(4040);
            String url = JSON.readTree(Files.readString(announcement)).path("url").asText();
            HttpResponse<String> guessed = post(url + "/operator/credits/grant", Map.of("X-Operator-Secret", "op_guess"),
                    "{\"who\":\"" + client + "\",\"amount\":5}");
            assertThat(guessed.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(guessed.body()).path("code").asInt()).isEqualTo(1003);
        }
        assertThat(dir.resolve("operator.json")).as("withdrawn at stop").doesNotExist();
        MakeCommandTest.Run stopped = MakeCommandTest.run("credits", "balance", client, "--data-dir", dir.toString());
        assertThat(stopped.out()).as(stopped.err()).contains("150 credits available");
    }

    @Test
    void environmentVariablesAreTheOptionsDefaults() throws Exception {
        Process p = Subprocess.start(dir, Map.of("IMAGELOOP_PORT", "7123", "IMAGELOOP_WORKERS", "0", "IMAGELOOP_STORAGE", "s3://b/p"),
                "serve", "--help");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Subprocess.Result help = Subprocess.finished(dir, p);
        assertThat(help.code()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).contains("(IMAGELOOP_PORT, default 7123)").contains("(IMAGELOOP_WORKERS, default 0)")
                .contains("default s3://b/p").contains("--render-time-factor").contains("--operator-port");
    }

    /** SIGTERM with an export still queued: the server stops, no stack trace, and the export is still queued for the next start. */
    @Test
    void sigtermWithAnExportQueuedStopsCleanly() throws Exception {
        Process p = Subprocess.start(dir, Map.of(), "serve", "--host", "127.0.0.1", "--port", "0", "--data-dir", dir.resolve("data").toString(),
                "--render-resolution", "240", "--render-max-seconds", "2", "--render-fps", "10");
        String base = awaitBaseUrl(p);
        String client = UUID.randomUUID().toString();
        String token = JSON.readTree(post(base + "/api/auth/anonymous-token", Map.of("X-Client-Id", client), "").body())
                .path("data").path("token").asText();
        String sid = JSON.readTree(post(base + "/api/tasks/me/with-session/nemo_agent", Map.of("Authorization", "Bearer " + token),
                "{\"task_name\":\"t\"}").body()).path("data").path("session_id").asText();
        String draft = "{\"v\":1,\"d\":2000,\"t\":[{\"tt\":7,\"sg\":[{\"s\":0,\"d\":2000,\"m\":{\"text\":\"hi\"}}]}]}";
        JsonNode queued = JSON.readTree(post(base + "/api/render/proxy/lambda", Map.of("Authorization", "Bearer " + token),
                "{\"id\":\"r1\",\"sessionId\":\"" + sid + "\",\"draft\":" + draft + "}").body());
        assertThat(queued.path("code").asInt()).as(queued.toString()).isIn(0, 3003);
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Subprocess.Result r = Subprocess.finished(dir, p);
        String logs = r.out() + r.err();
        assertThat(logs).contains("stopped").doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("already closed");
    }

    private String awaitBaseUrl(Process p) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end && p.isAlive()) {
            Path out = dir.resolve(".stdout");
            if (Files.exists(out)) {
                for (String line : Files.readAllLines(out)) {
                    if (line.startsWith("imageloop serving ")) return line.substring("imageloop serving ".length()).split(" ")[0];
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not start: " + Files.readString(dir.resolve(".stderr")));
    }

    static HttpResponse<String> post(String url, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
