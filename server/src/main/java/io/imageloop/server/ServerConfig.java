package io.imageloop.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Everything an operator can set. Built from defaults, then environment variables
 * ({@code IMAGELOOP_*}), then command-line flags, each overriding the one before.
 *
 * @param host              interface to bind; 0.0.0.0 for all
 * @param port              0 picks a free port (tests)
 * @param dataDir           uploads, renders, thumbnails and the default H2 database live here
 * @param jdbcUrl           null for an embedded H2 file database under {@code dataDir}
 * @param uploadLimitBytes  largest accepted file (per file, also for URL fetches)
 * @param creditsPerToken   free credits granted with each anonymous token
 * @param allowPrivateUrls  let URL uploads fetch from loopback/private/link-local addresses
 * @param renderResolution  short side of exported videos in pixels (1080 in production)
 * @param renderMaxSeconds  caps the rendered length; 0 renders what the draft asks for
 * @param renderFps         frames per second of exports; 0 uses the draft's fps
 * @param workers           concurrent export jobs
 * @param jobPollInterval   how often the job server looks for new work (JobRunr's minimum is 5 s on SQL)
 * @param heartbeatInterval comment lines on /run_sse while a turn is running
 * @param urlFetchTimeout   whole-download limit for URL uploads
 * @param shutdownGrace     how long a stopping server lets running exports finish before interrupting them
 *                          (interrupted exports run again after the next start)
 */
public record ServerConfig(String host, int port, Path dataDir, String jdbcUrl, String jdbcUser, String jdbcPassword,
                           long uploadLimitBytes, int creditsPerToken, boolean allowPrivateUrls,
                           int renderResolution, double renderMaxSeconds, double renderFps, int workers,
                           Duration jobPollInterval, Duration heartbeatInterval, Duration urlFetchTimeout,
                           Duration shutdownGrace) {

    public static final long DEFAULT_UPLOAD_LIMIT = 200L * 1024 * 1024;

    public ServerConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, got " + port);
        if (dataDir == null) throw new IllegalArgumentException("a data directory is required");
        if (uploadLimitBytes <= 0) throw new IllegalArgumentException("upload limit must be positive");
        if (creditsPerToken < 0) throw new IllegalArgumentException("credits per token must be 0 or more");
        if (renderResolution < 16 || renderResolution > 4320) {
            throw new IllegalArgumentException("render resolution must be 16..4320, got " + renderResolution);
        }
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1");
        if (shutdownGrace.isNegative()) throw new IllegalArgumentException("shutdown grace must not be negative");
        if (jobPollInterval.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new IllegalArgumentException("job poll interval must be at least 5 s");
        }
    }

    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig("0.0.0.0", 8080, dataDir, null, null, null, DEFAULT_UPLOAD_LIMIT, 100, false,
                1080, 0, 0, 2, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    /** The JDBC URL in use: the configured one, or the embedded H2 file under the data directory. */
    public String effectiveJdbcUrl() {
        if (jdbcUrl != null && !jdbcUrl.isBlank()) return jdbcUrl;
        // A 10 s lock timeout: concurrent exports of one token queue on its row lock instead of failing after H2's default 1 s.
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db").resolve("imageloop") + ";LOCK_TIMEOUT=10000";
    }

    /**
     * Reads {@code IMAGELOOP_*} variables from {@code env}, then {@code --flag value} or
     * {@code --flag=value} pairs from {@code args}. Unknown flags are an error so typos surface.
     */
    public static ServerConfig parse(String[] args, Map<String, String> env) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().startsWith("IMAGELOOP_")) {
                values.put(e.getKey().substring("IMAGELOOP_".length()).toLowerCase(Locale.ROOT).replace('_', '-'), e.getValue());
            }
        }
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument '" + a + "'");
            String key = a.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (key.equals("allow-private-urls")) {
                value = "true";
            } else {
                if (i + 1 >= args.length) throw new IllegalArgumentException("--" + key + " needs a value");
                value = args[++i];
            }
            if (!KNOWN.contains(key)) throw new IllegalArgumentException("unknown option --" + key);
            values.put(key, value);
        }
        ServerConfig c = defaults(Path.of(values.getOrDefault("data-dir", "imageloop-data")));
        return new ServerConfig(
                values.getOrDefault("host", c.host),
                intValue(values, "port", c.port),
                c.dataDir,
                values.getOrDefault("jdbc-url", null),
                values.getOrDefault("jdbc-user", null),
                values.getOrDefault("jdbc-password", null),
                values.containsKey("upload-limit") ? parseSize(values.get("upload-limit")) : c.uploadLimitBytes,
                intValue(values, "credits-per-token", c.creditsPerToken),
                Boolean.parseBoolean(values.getOrDefault("allow-private-urls", "false")),
                intValue(values, "render-resolution", c.renderResolution),
                doubleValue(values, "render-max-seconds", c.renderMaxSeconds),
                doubleValue(values, "render-fps", c.renderFps),
                intValue(values, "workers", c.workers),
                Duration.ofSeconds(intValue(values, "job-poll-seconds", (int) c.jobPollInterval.toSeconds())),
                c.heartbeatInterval,
                c.urlFetchTimeout,
                Duration.ofSeconds(intValue(values, "shutdown-grace-seconds", (int) c.shutdownGrace.toSeconds())));
    }

    private static final java.util.Set<String> KNOWN = java.util.Set.of("host", "port", "data-dir", "jdbc-url", "jdbc-user",
            "jdbc-password", "upload-limit", "credits-per-token", "allow-private-urls", "render-resolution",
            "render-max-seconds", "render-fps", "workers", "job-poll-seconds", "shutdown-grace-seconds");

    /** The options, for help texts. */
    public static String usage() {
        return """
                --host ADDR               interface to bind (IMAGELOOP_HOST, default 0.0.0.0)
                --port N                  HTTP port, 0 for any free port (IMAGELOOP_PORT, default 8080)
                --data-dir DIR            uploads, renders and the embedded database (IMAGELOOP_DATA_DIR, default ./imageloop-data)
                --jdbc-url URL            e.g. jdbc:postgresql://db/imageloop (IMAGELOOP_JDBC_URL, default embedded H2 under the data dir)
                --jdbc-user U, --jdbc-password P   database credentials (IMAGELOOP_JDBC_USER / IMAGELOOP_JDBC_PASSWORD)
                --upload-limit SIZE       largest upload, e.g. 200MB (IMAGELOOP_UPLOAD_LIMIT, default 200MB)
                --credits-per-token N     free credits per anonymous token (IMAGELOOP_CREDITS_PER_TOKEN, default 100)
                --allow-private-urls      let URL uploads reach private/loopback addresses (IMAGELOOP_ALLOW_PRIVATE_URLS)
                --render-resolution N     short side of exports (IMAGELOOP_RENDER_RESOLUTION, default 1080)
                --render-max-seconds S    cap export length, 0 = no cap (IMAGELOOP_RENDER_MAX_SECONDS)
                --render-fps F            export frame rate, 0 = the draft's (IMAGELOOP_RENDER_FPS)
                --workers N               concurrent exports (IMAGELOOP_WORKERS, default 2)
                --job-poll-seconds N      job queue poll interval, at least 5 (IMAGELOOP_JOB_POLL_SECONDS)
                --shutdown-grace-seconds N  time running exports get to finish on stop (IMAGELOOP_SHUTDOWN_GRACE_SECONDS, default 10)
                """;
    }

    /** Accepts plain bytes or a number with KB, MB or GB (binary multiples). */
    public static long parseSize(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        long factor = 1;
        if (t.endsWith("GB") || t.endsWith("G")) factor = 1024L * 1024 * 1024;
        else if (t.endsWith("MB") || t.endsWith("M")) factor = 1024L * 1024;
        else if (t.endsWith("KB") || t.endsWith("K")) factor = 1024L;
        String digits = t.replaceAll("[A-Z]+$", "");
        try {
            double v = Double.parseDouble(digits);
            if (!(v > 0)) throw new NumberFormatException();
            return (long) (v * factor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a size; use e.g. 200MB or 1048576");
        }
    }

    private static int intValue(Map<String, String> values, String key, int fallback) {
        String v = values.get(key);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number, got '" + v + "'");
        }
    }

    private static double doubleValue(Map<String, String> values, String key, double fallback) {
        String v = values.get(key);
        if (v == null) return fallback;
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a number, got '" + v + "'");
        }
    }

    public ServerConfig withHost(String v) {
        return new ServerConfig(v, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, creditsPerToken,
                allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, workers, jobPollInterval, heartbeatInterval, urlFetchTimeout, shutdownGrace);
    }

    public ServerConfig withPort(int v) {
        return new ServerConfig(host, v, dataDir, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, creditsPerToken,
                allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, workers, jobPollInterval, heartbeatInterval, urlFetchTimeout, shutdownGrace);
    }

    public ServerConfig withJdbc(String url, String user, String password) {
        return new ServerConfig(host, port, dataDir, url, user, password, uploadLimitBytes, creditsPerToken,
                allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, workers, jobPollInterval, heartbeatInterval, urlFetchTimeout, shutdownGrace);
    }

    public ServerConfig withUploadLimit(long v) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, v, creditsPerToken,
                allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, workers, jobPollInterval, heartbeatInterval, urlFetchTimeout, shutdownGrace);
    }

    public ServerConfig withCreditsPerToken(int v) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, v,
                allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, workers, jobPollInterval, heartbeatInterval, urlFetchTimeout, shutdownGrace);
    }

    public ServerConfig withAllowPrivateUrls(boolean v) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, creditsPerToken,
                v, renderResolution, renderMaxSeconds, renderFps, workers, jobPollInterval, heartbeatInterval, urlFetchTimeout, shutdownGrace);
    }

    /** Export size and length: production uses 1080 / 0 / 0; tests shrink renders to stay fast. */
    public ServerConfig withRender(int resolution, double maxSeconds, double fps) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, creditsPerToken,
                allowPrivateUrls, resolution, maxSeconds, fps, workers, jobPollInterval, heartbeatInterval, urlFetchTimeout, shutdownGrace);
    }

    public ServerConfig withWorkers(int v) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, creditsPerToken,
                allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, v, jobPollInterval, heartbeatInterval, urlFetchTimeout, shutdownGrace);
    }

    public ServerConfig withHeartbeatInterval(Duration v) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, creditsPerToken,
                allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, workers, jobPollInterval, v, urlFetchTimeout, shutdownGrace);
    }

    public ServerConfig withUrlFetchTimeout(Duration v) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, creditsPerToken,
                allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, workers, jobPollInterval, heartbeatInterval, v, shutdownGrace);
    }

    public ServerConfig withShutdownGrace(Duration v) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, creditsPerToken,
                allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, workers, jobPollInterval, heartbeatInterval, urlFetchTimeout, v);
    }
}
