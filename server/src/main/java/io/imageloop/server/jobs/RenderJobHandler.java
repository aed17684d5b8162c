package io.imageloop.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageloop.engine.LoopException;
import io.imageloop.engine.encode.FfmpegLog;
import io.imageloop.engine.media.LimitExceeded;
import io.imageloop.engine.media.MediaType;
import io.imageloop.server.credits.CreditLedger;
import io.imageloop.server.http.ErrorCode;
import io.imageloop.server.http.Json;
import io.imageloop.server.jobs.RenderJobStore.RenderJob;
import io.imageloop.server.storage.BlobStore;
import io.imageloop.server.store.Database;
import io.imageloop.server.store.MediaStore;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleConsumer;

/**
 * Runs one export. Safe to run again for the same job (JobRunr retries a job whose server
 * stopped mid-render, or died): a finished job is left alone, the output is rewritten from
 * scratch, and credits are charged or released at most once. Failures that would fail again
 * (invalid or too large input, a render past its time limit) settle the job at once; only
 * interruptions and unexpected errors are left to JobRunr's retries.
 */
public final class RenderJobHandler implements JobRequestHandler<RenderJobRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(RenderJobHandler.class);
    private static final ScheduledExecutorService ALARMS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "imageloop-render-time-limit");
        t.setDaemon(true);
        return t;
    });

    private final Database db;
    private final RenderJobStore jobs;
    private final MediaStore media;
    private final CreditLedger ledger;
    private final ExportRenderer renderer;
    private final BlobStore blobs;
    private final Path rendersDir;
    private final double timeFactor;

    public RenderJobHandler(Database db, RenderJobStore jobs, MediaStore media, CreditLedger ledger,
                            ExportRenderer renderer, BlobStore blobs, Path rendersDir, double timeFactor) {
        this.db = db;
        this.jobs = jobs;
        this.media = media;
        this.ledger = ledger;
        this.renderer = renderer;
        this.blobs = blobs;
        this.rendersDir = rendersDir;
        this.timeFactor = timeFactor;
    }

    @Override
    public void run(RenderJobRequest request) throws Exception {
        execute(request.getJobKey());
    }

    public void execute(String jobKey) throws InterruptedException, IOException {
        RenderJob job = db.read(c -> jobs.find(c, jobKey)).orElse(null);
        if (job == null) {
            LOG.warn("render job {} no longer exists; nothing to do", jobKey);
            return;
        }
        if (job.finished()) {
            LOG.info("render {} is already {}; not rendering again", job.renderId(), job.status());
            return;
        }
        if (!db.read(c -> jobs.markRendering(c, jobKey, System.currentTimeMillis()))) {
            LOG.info("render {} finished meanwhile; not rendering again", job.renderId());
            return;
        }
        LOG.info("render {} (session {}) started: {} {}", job.renderId(), job.sessionId(), job.format(), job.quality());
        long start = System.nanoTime();
        Files.createDirectories(rendersDir);
        PartialFiles.removeOf(rendersDir, jobKey); // what an earlier, interrupted attempt left
        Path output = rendersDir.resolve(jobKey + "." + job.format());
        JsonNode draft;
        Duration limit;
        try {
            draft = Json.MAPPER.readTree(job.draftJson());
            RenderBudget budget = renderer.budget(draft);
            limit = budget == null ? null : budget.limit(timeFactor);
        } catch (IOException | LoopException | DraftException e) {
            fail(job, code(e), "the stored draft cannot be rendered: " + e.getMessage());
            return;
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        Thread worker = Thread.currentThread();
        ScheduledFuture<?> alarm = limit == null ? null : ALARMS.schedule(() -> {
            timedOut.set(true);
            worker.interrupt();
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        try {
            renderer.withQuality(job.quality()).render(draft, lookup(job.sessionId()), output, job.format(), new ProgressWriter(jobKey));
        } catch (DraftException | LoopException e) {
            if (timedOut.get()) {
                Thread.interrupted(); // the alarm's interrupt is spent: this worker goes on to the next job
                fail(job, ErrorCode.RENDER_TIMEOUT.code(), String.format(java.util.Locale.ROOT,
                        "the render took longer than its limit of %.1f s; no credits were taken", limit.toMillis() / 1000.0));
                return;
            }
            if (e instanceof LoopException le && (le.kind() == LoopException.Kind.CANCELLED || Thread.currentThread().isInterrupted())) {
                // Stopped by a shutdown: let the job runner retry it; the row stays 'rendering' and credits frozen.
                LOG.info("render {} interrupted; it will run again", job.renderId());
                throw new InterruptedException("render " + job.renderId() + " was interrupted");
            }
            fail(job, code(e), e.getMessage());
            return;
        } finally {
            if (alarm != null) alarm.cancel(false);
        }
        if (timedOut.get()) Thread.interrupted(); // finished just as the alarm went off: the render counts
        Info info = probe(output);
        long bytes = Files.size(output);
        String report = loopReport(output);
        // Stored whole before the row says done: a download never finds a file that is still being written.
        String location = blobs.put("renders/" + output.getFileName(), output,
                MediaType.ofExtension(job.format()).map(MediaType::mime).orElse("application/octet-stream"));
        boolean charged = db.tx(c -> jobs.finish(c, jobKey, location, bytes, info.width(), info.height(),
                info.durationMs(), report, System.currentTimeMillis()) && ledger.charge(c, job.tokenId(), jobKey, System.currentTimeMillis()));
        LOG.info("render {} done in {} ms: {} ({} bytes, {}x{}), {}", job.renderId(), (System.nanoTime() - start) / 1_000_000,
                output.getFileName(), bytes, info.width(), info.height(),
                charged ? "charged " + job.price() + " credit(s)" : "already settled");
    }

    /**
     * The export measured as a player decodes it, the same figures the CLI's loop report prints:
     * seam ratio, largest step against the median, the share that visibly moves, and how much
     * still pixels change. Null when the file cannot be measured (it is delivered anyway).
     */
    static String loopReport(Path output) {
        try {
            io.imageloop.engine.measure.DecodedReport d = io.imageloop.engine.measure.DecodedMeter.measure(output, false);
            return Json.stringify(Json.map("frames", d.frames(), "seam_ratio", round(d.seamRatio()), "largest_step_ratio",
                    round(d.pulseRatio()), "median_step", round(d.medianStep()), "moving", round(d.moving()),
                    "still_share", round(d.stillShare()), "still_max_step", round(d.stillMaxStep())));
        } catch (RuntimeException e) {
            LOG.warn("could not measure {}: {}", output.getFileName(), e.getMessage());
            return null;
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static int code(Exception e) {
        return e instanceof LimitExceeded le ? ErrorCode.of(le.limit()).code() : ErrorCode.RENDER_FAILED.code();
    }

    /**
     * Removes render temporaries a killed process left behind (at start: another process
     * sharing the folder may be writing its own, so only those of jobs not running go).
     */
    public void sweepPartials() {
        int n = PartialFiles.sweep(rendersDir, key -> db.read(c -> jobs.find(c, key)).map(j -> !j.finished()).orElse(false),
                System.currentTimeMillis());
        if (n > 0) LOG.info("removed {} unfinished render file(s) left in {}", n, rendersDir);
    }

    /** Marks the job failed and gives its frozen credits back. */
    public void fail(RenderJob job, int code, String message) {
        boolean released = db.tx(c -> jobs.fail(c, job.jobKey(), code, message, System.currentTimeMillis())
                && ledger.release(c, job.tokenId(), job.jobKey(), System.currentTimeMillis()));
        LOG.warn("render {} failed ({}): {}{}", job.renderId(), code, message, released ? "; credits released" : "");
    }

    /** The session's media as local files (downloaded into this worker's cache from object storage). */
    private MediaLookup lookup(String sessionId) {
        return id -> db.read(c -> media.find(c, sessionId, id)).map(r -> {
            try {
                return new MediaLookup.MediaFile(r.id(), r.kind(), r.format(), blobs.local(r.path()), r.durationMs());
            } catch (IOException e) {
                throw new LoopException(LoopException.Kind.INPUT_NOT_FOUND, "media " + id + " is no longer available");
            }
        });
    }

    /** Writes progress to the job row at most every 2% or half second, so polling stays cheap. */
    private final class ProgressWriter implements DoubleConsumer {
        private final String jobKey;
        private double written = -1;
        private long writtenAt;

        ProgressWriter(String jobKey) {
            this.jobKey = jobKey;
        }

        @Override
        public void accept(double p) {
            long now = System.currentTimeMillis();
            double clamped = Math.max(0, Math.min(0.99, p));
            if (clamped - written < 0.02 && now - writtenAt < 500) return;
            written = clamped;
            writtenAt = now;
            db.read(c -> {
                jobs.progress(c, jobKey, clamped, now);
                return null;
            });
        }
    }

    record Info(Integer width, Integer height, Long durationMs) {
    }

    /** Reads size and length back from the written file (what a player will see). */
    static Info probe(Path file) {
        FfmpegLog.configure();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.start();
            long micros = g.getLengthInTime();
            return new Info(g.getImageWidth() > 0 ? g.getImageWidth() : null, g.getImageHeight() > 0 ? g.getImageHeight() : null,
                    micros > 0 ? micros / 1000 : null);
        } catch (Exception e) {
            LOG.warn("could not probe {}: {}", file.getFileName(), e.getMessage());
            return new Info(null, null, null);
        }
    }
}
