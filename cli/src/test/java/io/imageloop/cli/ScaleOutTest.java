package io.imageloop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageloop.server.ImageloopServer;
import io.imageloop.server.RunningServer;
import io.imageloop.server.ServerOptions;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Scale-out on PostgreSQL: an HTTP server that renders nothing ({@code --workers 0}) and
 * {@code imageloop worker} processes sharing its database and data folder. A worker killed with
 * SIGKILL mid-render has its export finished by the other, charged once, with nothing
 * half-written served or left. Runs when IMAGELOOP_TEST_PG_URL names a PostgreSQL server.
 */
class ScaleOutTest {

    static String admin;
    static String database;
    static String url;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void createDatabase() throws Exception {
        admin = System.getenv("IMAGELOOP_TEST_PG_URL");
        assumeTrue(admin != null && !admin.isBlank(), "IMAGELOOP_TEST_PG_URL not set");
        database = "imageloop_scale_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
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
    void aKilledWorkersExportIsFinishedByAnotherChargedOnce() throws Exception {
        List<String> render = List.of("--jdbc-url", url, "--data-dir", dataDir.toString(), "--render-resolution", "240",
                "--render-fps", "10", "--workers", "1");
        try (RunningServer server = ImageloopServer.start(ServerOptions.parse("--host", "127.0.0.1", "--port", "0", "--data-dir",
                dataDir.toString(), "--jdbc-url", url, "--workers", "0", "--operator-port", "-1"))) {
            ServiceClient api = new ServiceClient(server.baseUrl());
            api.token();
            String sid = api.session();
            String media = api.upload(sid, MakeCommandTest.LAKE);
            String draft = "{\"v\":1,\"d\":20000,\"t\":[{\"tt\":0,\"sg\":[{\"s\":0,\"d\":20000,\"m\":{\"media\":\"" + media + "\",\"loop_ms\":4000}}]}]}";
            List<WorkerProcess> workers = new ArrayList<>();
            try {
                workers.add(WorkerProcess.start(0, dataDir, render));
                api.export(sid, "r_killed", draft);
                long end = System.nanoTime() + 120_000_000_000L;
                while (api.poll("r_killed").path("progress").asDouble() < 0.2 && System.nanoTime() < end) Thread.sleep(50);
                assertThat(workers.get(0).rendering("r_killed")).as("the first worker took it; the server renders nothing").isTrue();
                workers.add(WorkerProcess.start(1 % Runtime.getRuntime().availableProcessors(), dataDir, render));
                workers.get(0).kill();
                JsonNode done = awaitDone(api, "r_killed");
                assertThat(workers.get(1).rendering("r_killed")).isTrue();
                assertThat(count("SELECT COUNT(*) FROM credit_entries WHERE kind = 'charge'")).isEqualTo(1);
                JsonNode balance = api.balance();
                assertThat(balance.path("frozen").asInt()).isZero();
                assertThat(balance.path("available").asInt()).isEqualTo(100 - done.path("price").asInt());
                Path mp4 = Files.write(dataDir.resolve("check.mp4"), api.download(done.path("url").asText()));
                assertThat(frames(mp4)).isEqualTo(200);
                try (Stream<Path> files = Files.walk(dataDir)) {
                    assertThat(files.filter(f -> f.toString().endsWith(".partial")).toList()).as("the killed attempt's temporary").isEmpty();
                }
            } finally {
                for (WorkerProcess w : workers) w.close();
            }
        }
    }

    private static JsonNode awaitDone(ServiceClient api, String id) throws Exception {
        long end = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < end) {
            JsonNode j = api.poll(id);
            if (j.path("status").asText().equals("done")) return j;
            assertThat(j.path("status").asText()).as(j.toString()).isNotEqualTo("failed");
            Thread.sleep(250);
        }
        throw new AssertionError(id + " did not finish");
    }

    private static int count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int frames(Path mp4) throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(mp4.toFile())) {
            g.start();
            int n = 0;
            while (g.grabImage() != null) n++;
            return n;
        }
    }
}
