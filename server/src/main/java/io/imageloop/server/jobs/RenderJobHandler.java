package io.imageloop.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageloop.engine.LoopException;
import io.imageloop.engine.encode.FfmpegLog;
import io.imageloop.server.credits.CreditLedger;
import io.imageloop.server.http.ErrorCode;
import io.imageloop.server.http.Json;
import io.imageloop.server.store.Database;
import io.imageloop.server.store.MediaStore;
import io.imageloop.server.jobs.RenderJobStore.RenderJob;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/**
 * Runs one export. Safe to run again for the same job (JobRunr retries a job whose server
 * stopped mid-render): a finished job is left alone, the output is rewritten from scratch, and
 * credits are charged or released at most once.
 */
public final class RenderJobHandler implements JobRequestHandler<RenderJobRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(RenderJobHandler.class);

    private final Database db;
    private final RenderJobStore jobs;
    private final MediaStore media;
    private final CreditLedger ledger;
    private final ExportRenderer renderer;
    private final Path rendersDir;

    public RenderJobHandler(Database db, RenderJobStore jobs, MediaStore media, CreditLedger ledger,
                            ExportRenderer renderer, Path rendersDir) {
        this.db = db;
        this.jobs = jobs;
        this.media = media;
        this.ledger = ledger;
        this.renderer = renderer;
        this.rendersDir = rendersDir;
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
        JsonNode draft = Json.MAPPER.readTree(job.draftJson());
        Files.createDirectories(rendersDir);
        Path output = rendersDir.resolve(jobKey + "." + job.format());
        try {
            renderer.withQuality(job.quality()).render(draft, lookup(job.sessionId()), output, job.format(), new ProgressWriter(jobKey));
        } catch (DraftException e) {
            fail(job, ErrorCode.RENDER_FAILED.code(), e.getMessage());
            return;
        } catch (LoopException e) {
            if (e.kind() == LoopException.Kind.CANCELLED || Thread.currentThread().isInterrupted()) {
                // Stopped by a shutdown: let the job runner retry it; the row stays 'rendering' and credits frozen.
                LOG.info("render {} interrupted; it will run again", job.renderId());
                throw new InterruptedException("render " + job.renderId() + " was interrupted");
            }
            fail(job, ErrorCode.RENDER_FAILED.code(), e.getMessage());
            return;
        }
        Info info = probe(output);
        long bytes = Files.size(output);
        boolean charged = db.tx(c -> jobs.finish(c, jobKey, output.toString(), bytes, info.width(), info.height(),
                info.durationMs(), System.currentTimeMillis()) && ledger.charge(c, job.tokenId(), jobKey, System.currentTimeMillis()));
        LOG.info("render {} done in {} ms: {} ({} bytes, {}x{}), {}", job.renderId(), (System.nanoTime() - start) / 1_000_000,
                output.getFileName(), bytes, info.width(), info.height(),
                charged ? "charged " + job.price() + " credit(s)" : "already settled");
    }

    /** Marks the job failed and gives its frozen credits back. */
    public void fail(RenderJob job, int code, String message) {
        boolean released = db.tx(c -> jobs.fail(c, job.jobKey(), code, message, System.currentTimeMillis())
                && ledger.release(c, job.tokenId(), job.jobKey(), System.currentTimeMillis()));
        LOG.warn("render {} failed ({}): {}{}", job.renderId(), code, message, released ? "; credits released" : "");
    }

    private MediaLookup lookup(String sessionId) {
        return id -> db.read(c -> media.find(c, sessionId, id))
                .map(r -> new MediaLookup.MediaFile(r.id(), r.kind(), r.format(), Path.of(r.path()), r.durationMs()));
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
