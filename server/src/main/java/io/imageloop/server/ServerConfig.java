package io.imageloop.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Everything an operator can set. {@link ServerOptions} reads it from flags, with
 * {@code IMAGELOOP_*} environment variables as their defaults.
 *
 * @param host              interface to bind; 0.0.0.0 for all
 * @param port              0 picks a free port (tests)
 * @param dataDir           uploads, renders, thumbnails and the default H2 database live here; with object storage only
 *                          this process's scratch files and caches
 * @param jdbcUrl           null for an embedded H2 file database under {@code dataDir}
 * @param uploadLimitBytes  largest accepted file (per file, also for URL fetches)
 * @param creditsPerToken   free credits granted with each anonymous token
 * @param allowPrivateUrls  let URL uploads fetch from loopback/private/link-local addresses
 * @param renderResolution  short side of exported videos in pixels (1080 in production)
 * @param renderMaxSeconds  caps the rendered length; 0 renders what the draft asks for
 * @param renderFps         frames per second of exports; 0 uses the draft's fps
 * @param workers           concurrent export jobs in this process; 0 for a process that only answers HTTP
 * @param jobPollInterval   how often the job server looks for new work (JobRunr's minimum is 5 s on SQL)
 * @param heartbeatInterval comment lines on /run_sse while a turn is running
 * @param urlFetchTimeout   whole-download limit for URL uploads
 * @param shutdownGrace     how long a stopping server lets running exports finish before interrupting them
 *                          (interrupted exports run again after the next start)
 * @param renderTimeFactor  scales every export's time limit (see {@code RenderBudget}); 0 for no limit
 * @param storage           where media and renders live: the data directory, or S3-compatible object storage
 * @param operatorPort      loopback port of the operator endpoint (0 any free one, -1 none)
 */
public record ServerConfig(String host,
                           int port,
                           Path dataDir,
                           String jdbcUrl,
                           String jdbcUser,
                           String jdbcPassword,
                           long uploadLimitBytes,
                           int creditsPerToken,
                           boolean allowPrivateUrls,
                           int renderResolution,
                           double renderMaxSeconds,
                           double renderFps,
                           int workers,
                           Duration jobPollInterval,
                           Duration heartbeatInterval,
                           Duration urlFetchTimeout,
                           Duration shutdownGrace,
                           double renderTimeFactor,
                           StorageConfig storage,
                           int operatorPort) {

    public static final long DEFAULT_UPLOAD_LIMIT = 200L * 1024 * 1024;

    public ServerConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, got " + port);
        if (dataDir == null) throw new IllegalArgumentException("a data directory is required");
        if (uploadLimitBytes <= 0) throw new IllegalArgumentException("upload limit must be positive");
        if (creditsPerToken < 0) throw new IllegalArgumentException("credits per token must be 0 or more");
        if (renderResolution < 16 || renderResolution > 4320) {
            throw new IllegalArgumentException("render resolution must be 16..4320, got " + renderResolution);
        }
        if (workers < 0 || workers > 64) throw new IllegalArgumentException("workers must be 0..64, got " + workers);
        if (shutdownGrace.isNegative()) throw new IllegalArgumentException("shutdown grace must not be negative");
        if (jobPollInterval.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new IllegalArgumentException("job poll interval must be at least 5 s");
        }
        if (!(renderTimeFactor >= 0) || Double.isInfinite(renderTimeFactor)) {
            throw new IllegalArgumentException("render time factor must be 0 or more, got " + renderTimeFactor);
        }
        if (operatorPort < -1 || operatorPort > 65535) throw new IllegalArgumentException("operator port must be -1..65535");
        if (storage == null) storage = StorageConfig.FOLDER;
    }

    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig("0.0.0.0", 8080, dataDir, null, null, null, DEFAULT_UPLOAD_LIMIT, 100, false,
                1080, 0, 0, 2, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(10),
                1.0, StorageConfig.FOLDER, 0);
    }

    /** The JDBC URL in use: the configured one, or the embedded H2 file under the data directory. */
    public String effectiveJdbcUrl() {
        if (jdbcUrl != null && !jdbcUrl.isBlank()) return jdbcUrl;
        // A 10 s lock timeout: concurrent exports of one token queue on its row lock instead of failing after H2's default 1 s.
        // DB_CLOSE_ON_EXIT=FALSE: the server closes the database itself after its job server has stopped; H2's own
        // shutdown hook would close it under the running jobs ("Database is already closed").
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db").resolve("imageloop") + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Whether the database is the embedded H2 file (one process at a time). */
    public boolean embeddedDatabase() {
        return jdbcUrl == null || jdbcUrl.isBlank();
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
            if (!(v > 0) || Double.isInfinite(v)) throw new NumberFormatException();
            return (long) (v * factor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a size; use e.g. 200MB or 1048576");
        }
    }

    public ServerConfig withHost(String v) {
        return new ServerConfig(v, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, creditsPerToken, allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, workers, jobPollInterval, heartbeatInterval, urlFetchTimeout, shutdownGrace, renderTimeFactor, storage, operatorPort);
    }

    public ServerConfig withPort(int v) {
        return new ServerConfig(host, v, dataDir, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, creditsPerToken, allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, workers, jobPollInterval, heartbeatInterval, urlFetchTimeout, shutdownGrace, renderTimeFactor, storage, operatorPort);
    }

    public ServerConfig withUploadLimit(long v) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, v, creditsPerToken, allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, workers, jobPollInterval, heartbeatInterval, urlFetchTimeout, shutdownGrace, renderTimeFactor, storage, operatorPort);
    }

    public ServerConfig withCreditsPerToken(int v) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, v, allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, workers, jobPollInterval, heartbeatInterval, urlFetchTimeout, shutdownGrace, renderTimeFactor, storage, operatorPort);
    }

    public ServerConfig withAllowPrivateUrls(boolean v) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, creditsPerToken, v, renderResolution, renderMaxSeconds, renderFps, workers, jobPollInterval, heartbeatInterval, urlFetchTimeout, shutdownGrace, renderTimeFactor, storage, operatorPort);
    }

    public ServerConfig withWorkers(int v) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, creditsPerToken, allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, v, jobPollInterval, heartbeatInterval, urlFetchTimeout, shutdownGrace, renderTimeFactor, storage, operatorPort);
    }

    public ServerConfig withHeartbeatInterval(Duration v) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, creditsPerToken, allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, workers, jobPollInterval, v, urlFetchTimeout, shutdownGrace, renderTimeFactor, storage, operatorPort);
    }

    public ServerConfig withUrlFetchTimeout(Duration v) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, creditsPerToken, allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, workers, jobPollInterval, heartbeatInterval, v, shutdownGrace, renderTimeFactor, storage, operatorPort);
    }

    public ServerConfig withShutdownGrace(Duration v) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, creditsPerToken, allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, workers, jobPollInterval, heartbeatInterval, urlFetchTimeout, v, renderTimeFactor, storage, operatorPort);
    }

    public ServerConfig withRenderTimeFactor(double v) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, creditsPerToken, allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, workers, jobPollInterval, heartbeatInterval, urlFetchTimeout, shutdownGrace, v, storage, operatorPort);
    }

    public ServerConfig withStorage(StorageConfig v) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, creditsPerToken, allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, workers, jobPollInterval, heartbeatInterval, urlFetchTimeout, shutdownGrace, renderTimeFactor, v, operatorPort);
    }

    public ServerConfig withOperatorPort(int v) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, creditsPerToken, allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, workers, jobPollInterval, heartbeatInterval, urlFetchTimeout, shutdownGrace, renderTimeFactor, storage, v);
    }

    public ServerConfig withJobPollInterval(Duration v) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, creditsPerToken, allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, workers, v, heartbeatInterval, urlFetchTimeout, shutdownGrace, renderTimeFactor, storage, operatorPort);
    }

    public ServerConfig withDataDir(Path v) {
        return new ServerConfig(host, port, v, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, creditsPerToken, allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, workers, jobPollInterval, heartbeatInterval, urlFetchTimeout, shutdownGrace, renderTimeFactor, storage, operatorPort);
    }

    public ServerConfig withJdbc(String url, String user, String password) {
        return new ServerConfig(host, port, dataDir, url, user, password, uploadLimitBytes, creditsPerToken, allowPrivateUrls, renderResolution, renderMaxSeconds, renderFps, workers, jobPollInterval, heartbeatInterval, urlFetchTimeout, shutdownGrace, renderTimeFactor, storage, operatorPort);
    }

    /** Export size and length: production uses 1080 / 0 / 0; tests shrink renders to stay fast. */
    public ServerConfig withRender(int resolution, double maxSeconds, double fps) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, uploadLimitBytes, creditsPerToken, allowPrivateUrls, resolution, maxSeconds, fps, workers, jobPollInterval, heartbeatInterval, urlFetchTimeout, shutdownGrace, renderTimeFactor, storage, operatorPort);
    }
}
