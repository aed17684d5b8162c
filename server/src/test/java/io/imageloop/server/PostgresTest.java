package io.imageloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same migrations, ledger and job queue on PostgreSQL. Runs only when IMAGELOOP_TEST_PG_URL
 * names a PostgreSQL server (e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres): each
 * run creates a database of its own and drops it afterwards. (A database, not a schema: JobRunr
 * looks for its tables in every schema of the database.)
 */
class PostgresTest {

    static String admin;
    static String database;
    static String url;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void createDatabase() throws Exception {
        admin = System.getenv("IMAGELOOP_TEST_PG_URL");
        assumeTrue(admin != null && !admin.isBlank(), "IMAGELOOP_TEST_PG_URL not set");
        database = "imageloop_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(admin)) {
            c.createStatement().execute("CREATE DATABASE " + database);
        }
        url = admin.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (database == null) return;
        try (Connection c = DriverManager.getConnection(admin)) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    @Test
    void fullProtocolCreditsAndRestartOnPostgres() throws Exception {
        ServerConfig config = TestServers.config(dataDir).withJdbc(url, null, null).withCreditsPerToken(2);
        String token;
        String client = UUID.randomUUID().toString();
        try (RunningServer server = ImageloopServer.start(config)) {
            Api api = new Api(server.baseUrl());
            token = api.anonymousToken(client).data().path("token").asText();
            assertThat(api.anonymousToken(client).code()).isEqualTo(429);
            String sid = api.newSession(token);
            assertThat(api.upload(token, sid, TestServers.COFFEE).code()).isZero();
            api.chat(token, sid, "turn this image into a seamlessly looping video clip");
            JsonNode draft = api.get("/api/state/nemo_agent/me/" + sid + "/latest", token).data().path("state").path("draft");
            assertThat(draft.path("t").get(0).path("sg")).hasSize(1);

            ExecutorService pool = Executors.newFixedThreadPool(5);
            List<Future<Api.Response>> results = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String id = "render_pg_" + i;
                results.add(pool.submit(() -> api.export(token, sid, id, draft)));
            }
            int accepted = 0;
            for (Future<Api.Response> f : results) {
                Api.Response r = f.get();
                if (r.code() == 0) accepted++;
                else assertThat(r.code()).isEqualTo(2001);
            }
            pool.shutdown();
            assertThat(accepted).isEqualTo(2);
        }
        // Whatever was still queued or rendering finishes on the next server.
        try (RunningServer server = ImageloopServer.start(config)) {
            Api api = new Api(server.baseUrl());
            int done = 0;
            for (int i = 0; i < 5; i++) {
                if (api.get("/api/render/proxy/lambda/render_pg_" + i, token).code() != 0) continue;
                JsonNode r = api.awaitRender(token, "render_pg_" + i, Duration.ofSeconds(90));
                assertThat(r.path("status").asText()).isEqualTo("done");
                done++;
            }
            assertThat(done).isEqualTo(2);
            JsonNode b = api.get("/api/credits/balance/simple", token).data();
            assertThat(b.path("available").asInt()).isZero();
            assertThat(b.path("frozen").asInt()).isZero();
            assertThat(b.path("total").asInt()).isZero();
            assertThat(Operator.grantCredits(config, client, 3).balance().available()).isEqualTo(3);
        }
    }
}
