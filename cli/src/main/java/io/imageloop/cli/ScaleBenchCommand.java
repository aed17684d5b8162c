package io.imageloop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageloop.server.ImageloopServer;
import io.imageloop.server.RunningServer;
import io.imageloop.server.ServerOptions;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code imageloop bench-scale}: the scale-out figures of server/README.md, measured on this
 * machine. One HTTP server ({@code --workers 0}) and render workers in processes of their own,
 * each pinned to a core, on one PostgreSQL and one shared folder. It times a batch of exports
 * with one worker and with two, then kills a worker with SIGKILL mid-render and checks that the
 * other finishes the export, charged once, with nothing half-written served.
 */
@Command(name = "bench-scale", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures exports per worker count across worker processes, and recovery from a killed worker.")
public final class ScaleBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
            description = "A PostgreSQL server the benchmark may create (and drop) a database on, e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres")
    String adminUrl;

    @Option(names = "--exports", defaultValue = "8", description = "Exports per batch (default: ${DEFAULT-VALUE}).")
    int exports;

    @Option(names = "--resolution", defaultValue = "1080", description = "Short side of the exports (default: ${DEFAULT-VALUE}).")
    int resolution;

    @Option(names = "--seconds", defaultValue = "6", description = "Length of each exported loop (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--photo", paramLabel = "FILE", description = "Photo to loop (default: the bundled lake photo).")
    Path photo;

    @Option(names = "--cores", split = ",", defaultValue = "0,1", description = "Cores to pin workers to, one each (default: ${DEFAULT-VALUE}).")
    List<Integer> cores;

    @Option(names = "--idle-load", defaultValue = "0.7", description = "Wait before each phase until the load average is below this (default: ${DEFAULT-VALUE}).")
    double idleLoad;

    @Option(names = "--skip-failover", description = "Only the throughput batches.")
    boolean skipFailover;

    private final List<WorkerProcess> running = java.util.Collections.synchronizedList(new ArrayList<>());
    private PrintWriter out;
    private String url;
    private Path dataDir;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        Path input = photo != null ? photo : Path.of(System.getProperty("imageloop.home", "."), "samples", "lake-boats-sunset-clouds.jpg");
        String database = "imageloop_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        sql(adminUrl, "CREATE DATABASE " + database);
        url = adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
        dataDir = Files.createTempDirectory("imageloop-bench-");
        // Stopped early (Ctrl-C, SIGTERM): no worker outlives the benchmark, no folder or database stays.
        Thread cleanup = new Thread(() -> {
            for (WorkerProcess w : List.copyOf(running)) w.process.destroyForcibly();
            try {
                sql(adminUrl, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                deleteTree(dataDir);
            } catch (Exception ignored) {
                // best effort on the way out
            }
        }, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        out.printf(Locale.ROOT, "load average before: %s%n", load());
        try (RunningServer server = ImageloopServer.start(ServerOptions.parse("--host", "127.0.0.1", "--port", "0", "--data-dir",
                dataDir.toString(), "--jdbc-url", url, "--workers", "0", "--operator-port", "-1"))) {
            ServiceClient api = new ServiceClient(server.baseUrl());
            api.token();
            String sid = api.session();
            String media = api.upload(sid, input);
            String draft = "{\"v\":1,\"d\":" + seconds * 1000 + ",\"m\":{\"aspect\":\"16:9\",\"fps\":30},\"t\":[{\"tt\":0,\"sg\":[{\"s\":0,\"d\":"
                    + seconds * 1000 + ",\"m\":{\"media\":\"" + media + "\",\"style\":\"flow\"}}]}]}";
            out.printf(Locale.ROOT, "%d exports of a %d s %dp loop of %s; HTTP server --workers 0, workers pinned with taskset%n",
                    exports, seconds, resolution, input.getFileName());
            double one = batch(api, sid, draft, 1, "a");
            double two = batch(api, sid, draft, Math.min(2, cores.size()), "b");
            out.printf(Locale.ROOT, "speed-up with 2 workers: %.2fx (time with 2 = 1/%.2f of the time with 1)%n", one / two, one / two);
            if (!skipFailover) failover(api, sid, draft);
            out.printf(Locale.ROOT, "load average after: %s%n", load());
        } finally {
            sql(adminUrl, "DROP DATABASE IF EXISTS " + database);
            deleteTree(dataDir);
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        return Main.OK;
    }

    /** Seconds from submitting the batch to its last export done, with {@code n} workers. */
    private double batch(ServiceClient api, String sid, String draft, int n, String tag) throws Exception {
        awaitIdle();
        List<WorkerProcess> workers = startWorkers(n);
        try {
            double machine0 = CpuClock.machineSeconds();
            double self0 = CpuClock.processSeconds(ProcessHandle.current().pid());
            double workers0 = workers.stream().mapToDouble(WorkerProcess::cpuSeconds).sum();
            long t0 = System.currentTimeMillis();
            for (int i = 0; i < exports; i++) api.export(sid, "bench_" + tag + i, draft);
            List<JsonNode> done = new ArrayList<>();
            for (int i = 0; i < exports; i++) done.add(await(api, "bench_" + tag + i));
            long last = done.stream().mapToLong(d -> d.path("finished_at").asLong()).max().orElse(t0);
            double secs = (last - t0) / 1000.0;
            double others = CpuClock.machineSeconds() - machine0 - (CpuClock.processSeconds(ProcessHandle.current().pid()) - self0)
                    - (workers.stream().mapToDouble(WorkerProcess::cpuSeconds).sum() - workers0);
            long rss = workers.stream().mapToLong(WorkerProcess::peakRssMb).max().orElse(-1);
            out.printf(Locale.ROOT, "%d worker(s): %d exports in %.1f s (%.1f s per export per worker; peak RSS per worker %d MB)%n",
                    n, exports, secs, secs * n / exports, rss);
            for (WorkerProcess w : workers) {
                List<Long> ms = w.renderMillis();
                out.printf(Locale.ROOT, "  worker on core %d: %d export(s), render times %s ms%n", w.core, ms.size(), ms);
            }
            out.printf(Locale.ROOT, "  other processes used %.1f CPU-seconds meanwhile (of %.1f available on %d cores); load %s%n",
                    Math.max(0, others), secs * Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors(), load());
            return secs;
        } finally {
            stop(workers);
        }
    }

    private void failover(ServiceClient api, String sid, String draft) throws Exception {
        awaitIdle();
        List<WorkerProcess> workers = startWorkers(Math.min(2, cores.size()));
        try {
            int before = api.balance().path("available").asInt();
            api.export(sid, "bench_failover", draft);
            WorkerProcess victim = null;
            while (victim == null) {
                for (WorkerProcess w : workers) if (w.rendering("bench_failover")) victim = w;
                Thread.sleep(100);
            }
            while (api.poll("bench_failover").path("progress").asDouble() < 0.2) Thread.sleep(100);
            long killedAt = System.currentTimeMillis();
            victim.kill();
            out.printf(Locale.ROOT, "failover: killed the worker on core %d (SIGKILL) at %.0f%% of the render%n", victim.core,
                    100 * api.poll("bench_failover").path("progress").asDouble());
            JsonNode done = await(api, "bench_failover");
            int charges = count("SELECT COUNT(*) FROM credit_entries WHERE kind = 'charge' AND job_key = "
                    + "(SELECT job_key FROM render_jobs WHERE render_id = 'bench_failover')");
            int frames = frames(api.download(done.path("url").asText()));
            long partials = partials();
            out.printf(Locale.ROOT, "failover: %s %.1f s after the kill on the other worker; charged %d time(s), %d credit(s); "
                            + "the download decodes to %d frames (expected %d); %d partial file(s) left%n",
                    done.path("status").asText(), (done.path("finished_at").asLong() - killedAt) / 1000.0, charges,
                    before - api.balance().path("available").asInt(), frames, seconds * 30, partials);
        } finally {
            stop(workers);
        }
    }

    /** Waits (up to 20 minutes) for the 1-minute load average to drop below {@code --idle-load}. */
    private void awaitIdle() throws Exception {
        long end = System.nanoTime() + 1_200_000_000_000L;
        double load;
        while ((load = Double.parseDouble(load().split(" ")[0])) >= idleLoad && System.nanoTime() < end) {
            out.printf(Locale.ROOT, "  load %.2f: waiting for the machine to be idle%n", load);
            out.flush();
            Thread.sleep(30_000);
        }
    }

    private JsonNode await(ServiceClient api, String renderId) throws Exception {
        while (true) {
            JsonNode j = api.poll(renderId);
            String status = j.path("status").asText();
            if (status.equals("done")) return j;
            if (status.equals("failed")) throw new IllegalStateException(renderId + " failed: " + j.path("error"));
            Thread.sleep(200);
        }
    }

    private List<WorkerProcess> startWorkers(int n) throws Exception {
        List<WorkerProcess> workers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            workers.add(WorkerProcess.start(cores.get(i), dataDir, List.of("--workers", "1", "--jdbc-url", url, "--data-dir",
                    dataDir.toString(), "--render-resolution", Integer.toString(resolution), "--shutdown-grace-seconds", "30")));
            running.add(workers.get(workers.size() - 1));
        }
        long end = System.nanoTime() + 120_000_000_000L;
        while (count("SELECT COUNT(*) FROM jobrunr_backgroundjobservers WHERE running = 1") < n) {
            if (System.nanoTime() > end) throw new IllegalStateException("workers did not register: see " + workers.get(0).log);
            Thread.sleep(200);
        }
        return workers;
    }

    private void stop(List<WorkerProcess> workers) throws Exception {
        for (WorkerProcess w : workers) w.close();
        running.removeAll(workers);
        // A stopped worker signs off; one that was killed leaves its row until its heartbeat times out.
        long end = System.nanoTime() + 90_000_000_000L;
        while (count("SELECT COUNT(*) FROM jobrunr_backgroundjobservers") > 0 && System.nanoTime() < end) Thread.sleep(500);
    }

    private int count(String query) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private long partials() throws Exception {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".partial")).count();
        }
    }

    private int frames(byte[] mp4) throws Exception {
        Path file = Files.write(dataDir.resolve("check.mp4"), mp4);
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.start();
            int n = 0;
            while (g.grabImage() != null) n++;
            return n;
        }
    }

    private static void sql(String url, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
