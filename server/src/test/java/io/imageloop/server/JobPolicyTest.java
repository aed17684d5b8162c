package io.imageloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageloop.engine.media.HostileMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the queue does with exports that cannot succeed: failures that would repeat are settled at
 * once (never retried), a render past its time limit is stopped, and a killed server's temporaries
 * are swept at the next start.
 */
class JobPolicyTest {

    @TempDir
    Path dataDir;

    static String draft(String mediaId, int ms) {
        return "{\"v\":1,\"d\":" + ms + ",\"t\":[{\"tt\":0,\"sg\":[{\"s\":0,\"d\":" + ms + ",\"m\":{\"media\":\"" + mediaId + "\"}}]}]}";
    }

    private static JsonNode export(Api api, String token, String sid, String id, String draft) throws Exception {
        Api.Response r = api.postJson("/api/render/proxy/lambda", token,
                "{\"id\":\"" + id + "\",\"sessionId\":\"" + sid + "\",\"draft\":" + draft + "}");
        assertThat(r.code()).as(r.body().toString()).isZero();
        return api.awaitRender(token, id, Duration.ofSeconds(60));
    }

    @Test
    void aRenderThatFailsOnItsInputIsSettledOnceNotRetried() throws Exception {
        try (RunningServer server = ImageloopServer.start(TestServers.config(dataDir))) {
            Api api = new Api(server.baseUrl());
            String token = api.newToken();
            String sid = api.newSession(token);
            Api.Response up = api.upload(token, sid, TestServers.COFFEE);
            String mediaId = up.data().path("id").asText();
            // The stored photo is damaged after its upload checks (a disk fault, an operator's mistake).
            Path stored = Path.of(dbString(server, "SELECT path FROM media WHERE id = ?", mediaId));
            Files.write(stored, HostileMedia.truncated(Files.readAllBytes(stored), 0.5));
            JsonNode failed = export(api, token, sid, "r_damaged", draft(mediaId, 2000));
            assertThat(failed.path("status").asText()).isEqualTo("failed");
            assertThat(failed.path("error").path("code").asInt()).isEqualTo(5001);
            assertThat(failed.path("error").path("message").asText()).contains("truncated");
            String runner = dbString(server, "SELECT runner_job_id FROM render_jobs WHERE render_id = ?", "r_damaged");
            assertThat(dbString(server, "SELECT state FROM jobrunr_jobs WHERE id = ?", runner)).isEqualTo("SUCCEEDED");
            assertBalanceRestored(api, token);
        }
    }

    @Test
    void aRenderPastItsTimeLimitIsStoppedAndFailedWith5003() throws Exception {
        try (RunningServer server = ImageloopServer.start(TestServers.config(dataDir).withRender(240, 8, 10).withRenderTimeFactor(0.00002))) {
            Api api = new Api(server.baseUrl());
            String token = api.newToken();
            String sid = api.newSession(token);
            String mediaId = api.upload(token, sid, TestServers.COFFEE).data().path("id").asText();
            long start = System.nanoTime();
            JsonNode failed = export(api, token, sid, "r_slow", draft(mediaId, 8000));
            assertThat(failed.path("status").asText()).isEqualTo("failed");
            assertThat(failed.path("error").path("code").asInt()).isEqualTo(5003);
            assertThat(failed.path("error").path("message").asText()).contains("longer than its limit");
            assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(30).toNanos());
            String runner = dbString(server, "SELECT runner_job_id FROM render_jobs WHERE render_id = ?", "r_slow");
            assertThat(dbString(server, "SELECT state FROM jobrunr_jobs WHERE id = ?", runner)).isEqualTo("SUCCEEDED");
            assertBalanceRestored(api, token);
            assertThat(partials()).isEmpty();
        }
    }

    @Test
    void temporariesOfAKilledServerAreSweptAtStart() throws Exception {
        Path renders = Files.createDirectories(dataDir.resolve("renders"));
        Path orphan = Files.write(renders.resolve(".0b1e5f6a-0000-4000-8000-000000000000.mp4123456.partial"), new byte[1024]);
        Path unrelated = Files.write(renders.resolve("notes.txt"), new byte[3]);
        try (RunningServer server = ImageloopServer.start(TestServers.config(dataDir))) {
            assertThat(orphan).doesNotExist();
            assertThat(unrelated).exists();
        }
    }

    private java.util.List<Path> partials() throws Exception {
        Path renders = dataDir.resolve("renders");
        if (!Files.isDirectory(renders)) return java.util.List.of();
        try (Stream<Path> files = Files.list(renders)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".partial")).toList();
        }
    }

    private static void assertBalanceRestored(Api api, String token) throws Exception {
        JsonNode b = api.get("/api/credits/balance/simple", token).data();
        assertThat(b.path("frozen").asInt()).isZero();
        assertThat(b.path("available").asInt()).isEqualTo(b.path("total").asInt()).isEqualTo(100);
    }

    static String dbString(RunningServer server, String sql, String arg) throws Exception {
        try (Connection c = DriverManager.getConnection(server.config().effectiveJdbcUrl(), "sa", "");
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(sql + " " + arg).isTrue();
                return rs.getString(1);
            }
        }
    }
}
