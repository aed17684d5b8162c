package io.imageloop.server;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;

/** What a render worker needs: the data, the shared storage, and how it renders and takes jobs. */
public final class WorkerOptions {

    @Mixin
    public DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--storage", paramLabel = "WHERE", defaultValue = "${env:IMAGELOOP_STORAGE:-folder}",
            description = "Where media and renders live: folder (the data dir, possibly shared by every process) or "
                    + "s3://BUCKET/PREFIX (IMAGELOOP_STORAGE, default ${DEFAULT-VALUE}).")
    public String storage;

    @Option(names = "--s3-endpoint", paramLabel = "URL", defaultValue = "${env:IMAGELOOP_S3_ENDPOINT}",
            description = "S3-compatible endpoint, e.g. http://minio:9000 (IMAGELOOP_S3_ENDPOINT; AWS when not set).")
    public String s3Endpoint;

    @Option(names = "--s3-region", paramLabel = "REGION", defaultValue = "${env:IMAGELOOP_S3_REGION:-us-east-1}",
            description = "S3 region (IMAGELOOP_S3_REGION, default ${DEFAULT-VALUE}).")
    public String s3Region;

    @Option(names = "--s3-access-key", paramLabel = "KEY", defaultValue = "${env:IMAGELOOP_S3_ACCESS_KEY}",
            description = "S3 access key (IMAGELOOP_S3_ACCESS_KEY; the AWS credential chain when not set).")
    public String s3AccessKey;

    @Option(names = "--s3-secret-key", paramLabel = "SECRET", defaultValue = "${env:IMAGELOOP_S3_SECRET_KEY}",
            description = "S3 secret key (IMAGELOOP_S3_SECRET_KEY).")
    public String s3SecretKey;

    @Option(names = "--render-resolution", paramLabel = "PX", defaultValue = "${env:IMAGELOOP_RENDER_RESOLUTION:-1080}",
            description = "Short side of exports (IMAGELOOP_RENDER_RESOLUTION, default ${DEFAULT-VALUE}).")
    public int renderResolution;

    @Option(names = "--render-max-seconds", paramLabel = "S", defaultValue = "${env:IMAGELOOP_RENDER_MAX_SECONDS:-0}",
            description = "Caps export length, 0 = no cap (IMAGELOOP_RENDER_MAX_SECONDS, default ${DEFAULT-VALUE}).")
    public double renderMaxSeconds;

    @Option(names = "--render-fps", paramLabel = "FPS", defaultValue = "${env:IMAGELOOP_RENDER_FPS:-0}",
            description = "Export frame rate, 0 = the draft's (IMAGELOOP_RENDER_FPS, default ${DEFAULT-VALUE}).")
    public double renderFps;

    @Option(names = "--render-time-factor", paramLabel = "X", defaultValue = "${env:IMAGELOOP_RENDER_TIME_FACTOR:-1}",
            description = "Scales each export's time limit, which grows with its frames and pixels; 0 = no limit "
                    + "(IMAGELOOP_RENDER_TIME_FACTOR, default ${DEFAULT-VALUE}).")
    public double renderTimeFactor;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "${env:IMAGELOOP_WORKERS:-2}",
            description = "Exports rendered at once in this process; 0 = none, HTTP only (IMAGELOOP_WORKERS, default ${DEFAULT-VALUE}).")
    public int workers;

    @Option(names = "--job-poll-seconds", paramLabel = "N", defaultValue = "${env:IMAGELOOP_JOB_POLL_SECONDS:-5}",
            description = "How often the job queue looks for exports, at least 5 (IMAGELOOP_JOB_POLL_SECONDS, default ${DEFAULT-VALUE}).")
    public int jobPollSeconds;

    @Option(names = "--shutdown-grace-seconds", paramLabel = "N", defaultValue = "${env:IMAGELOOP_SHUTDOWN_GRACE_SECONDS:-10}",
            description = "Time running exports get to finish on stop (IMAGELOOP_SHUTDOWN_GRACE_SECONDS, default ${DEFAULT-VALUE}).")
    public int shutdownGraceSeconds;

    /** The configuration these options describe; throws IllegalArgumentException for values out of range. */
    public ServerConfig toConfig() {
        return apply(database.toConfig());
    }

    ServerConfig apply(ServerConfig c) {
        return c.withStorage(new StorageConfig(storage, DatabaseOptions.blankToNull(s3Endpoint), DatabaseOptions.blankToNull(s3Region),
                        DatabaseOptions.blankToNull(s3AccessKey), DatabaseOptions.blankToNull(s3SecretKey)))
                .withRender(renderResolution, renderMaxSeconds, renderFps)
                .withRenderTimeFactor(renderTimeFactor)
                .withWorkers(workers)
                .withJobPollInterval(Duration.ofSeconds(jobPollSeconds))
                .withShutdownGrace(Duration.ofSeconds(shutdownGraceSeconds));
    }
}
