package io.imageloop.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageloop.server.credits.CreditLedger;
import io.imageloop.server.credits.Pricing;
import io.imageloop.server.http.ApiException;
import io.imageloop.server.http.ErrorCode;
import io.imageloop.server.http.Json;
import io.imageloop.server.jobs.RenderJobStore.RenderJob;
import io.imageloop.server.store.Database;
import io.imageloop.server.store.DraftStore;
import io.imageloop.server.store.Ids;
import io.imageloop.server.store.MediaStore;
import io.imageloop.server.store.SessionStore.SessionRecord;
import io.imageloop.server.store.TokenStore;
import io.imageloop.server.store.TokenStore.TokenRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Queues exports and reports on them. Pricing and the credit freeze happen in the same
 * transaction as the job row, under the token's row lock: two exports racing for the last
 * credits cannot both win, and the same render id twice is the same job.
 */
public final class RenderService {

    private static final Logger LOG = LoggerFactory.getLogger(RenderService.class);
    private static final Pattern RENDER_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final Set<String> FORMATS = Set.of("mp4", "webm", "gif");
    private static final Set<String> QUALITIES = Set.of("draft", "low", "preview", "standard", "medium", "normal", "high");

    /** An export request as read from the body. */
    public record ExportRequest(String renderId, String sessionId, JsonNode draft, String format, String quality) {
    }

    private final Database db;
    private final TokenStore tokens;
    private final DraftStore drafts;
    private final MediaStore media;
    private final RenderJobStore jobs;
    private final CreditLedger ledger;
    private final ExportRenderer renderer;
    private JobQueue queue;

    public RenderService(Database db, TokenStore tokens, DraftStore drafts, MediaStore media, RenderJobStore jobs,
                         CreditLedger ledger, ExportRenderer renderer) {
        this.db = db;
        this.tokens = tokens;
        this.drafts = drafts;
        this.media = media;
        this.jobs = jobs;
        this.ledger = ledger;
        this.renderer = renderer;
    }

    public void attach(JobQueue queue) {
        this.queue = queue;
    }

    /** Reads and checks the fields of {@code POST /api/render/proxy/lambda}. */
    public static ExportRequest parse(JsonNode body) {
        String id = Json.text(body, "id");
        if (id == null || !RENDER_ID.matcher(id).matches()) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "'id' is required: up to 128 letters, digits and _ . : -, e.g. render_1732500000");
        }
        String sessionId = Json.text(body, "sessionId");
        if (sessionId == null) sessionId = Json.text(body, "session_id");
        if (sessionId == null) throw new ApiException(ErrorCode.BAD_REQUEST, "'sessionId' is required");
        JsonNode draft = body.get("draft");
        if (draft != null && draft.isTextual()) draft = Json.parse(draft.asText(), "'draft'");
        if (draft != null && draft.isNull()) draft = null;
        if (draft != null && !draft.isObject()) throw new ApiException(ErrorCode.BAD_REQUEST, "'draft' must be a JSON object");
        JsonNode output = body.path("output");
        String format = output.path("format").asText("mp4").toLowerCase(Locale.ROOT).trim();
        if (format.equals("mpeg4")) format = "mp4";
        String quality = output.path("quality").asText("high").toLowerCase(Locale.ROOT).trim();
        if (Set.of("4k", "2160p", "1440p", "uhd", "ultra").contains(quality) || output.path("resolution").asInt(0) > 1080) {
            throw new ApiException(ErrorCode.PLAN_BLOCKED, "exports above 1080p are not part of this plan");
        }
        if (!FORMATS.contains(format)) throw new ApiException(ErrorCode.BAD_REQUEST, "output.format must be mp4, webm or gif");
        if (!QUALITIES.contains(quality)) throw new ApiException(ErrorCode.BAD_REQUEST, "output.quality must be draft, standard or high");
        return new ExportRequest(id, sessionId, draft, format, quality);
    }

    /**
     * Queues the export (or finds the existing one with the same id) and returns it.
     *
     * @param bindUrl where an anonymous user can register, for the 2001 answer
     */
    public RenderJob submit(TokenRecord token, SessionRecord session, ExportRequest req, String bindUrl) {
        RenderJob existing = db.read(c -> jobs.findByRender(c, token.id(), req.renderId())).orElse(null);
        if (existing != null) return existing;
        JsonNode draft = req.draft();
        if (draft == null) {
            draft = db.read(c -> drafts.latest(c, session.id())).map(v -> Json.parse(v.json(), "the stored draft"))
                    .orElseThrow(() -> new ApiException(ErrorCode.DRAFT_INVALID, "the session has no draft yet; ask the agent for a loop first"));
        }
        try {
            renderer.validate(draft, lookup(session.id()));
        } catch (DraftException e) {
            throw new ApiException(ErrorCode.DRAFT_INVALID, e.getMessage());
        }
        int price = price(draft);
        String draftJson = Json.stringify(draft);
        long now = System.currentTimeMillis();
        String jobKey = Ids.uuid();
        RenderJob created = db.tx(c -> {
            tokens.lock(c, token.id());
            RenderJob raced = jobs.findByRender(c, token.id(), req.renderId()).orElse(null);
            if (raced != null) return raced;
            if (!ledger.freezeIfAvailable(c, token.id(), price, jobKey, now)) {
                CreditLedger.Balance b = ledger.balance(c, token.id());
                ApiException e = new ApiException(ErrorCode.NO_CREDITS, "this export costs " + price + " credit(s); "
                        + b.available() + " available").with("price", price).with("available", b.available());
                if (token.anonymous()) e.with("bind_url", bindUrl);
                throw e;
            }
            RenderJob j = new RenderJob(jobKey, req.renderId(), token.id(), session.id(), RenderJobStore.QUEUED, 0,
                    req.format(), req.quality(), draftJson, price, null, null, null, null, null, null, null, jobKey, now, now, null, null);
            jobs.insert(c, j);
            return j;
        });
        if (!created.jobKey().equals(jobKey)) return created;
        try {
            queue.enqueue(UUID.fromString(jobKey), jobKey, req.renderId());
        } catch (RuntimeException e) {
            LOG.error("could not queue render {}", req.renderId(), e);
            db.tx(c -> jobs.fail(c, jobKey, ErrorCode.INTERNAL.code(), "the export could not be queued", now)
                    && ledger.release(c, token.id(), jobKey, now));
            throw new ApiException(ErrorCode.INTERNAL, "the export could not be queued; no credits were taken");
        }
        LOG.info("render {} queued for session {} ({} {}, {} credit(s) frozen)", req.renderId(), session.id(), req.format(),
                req.quality(), price);
        return created;
    }

    /** What exporting this draft costs, in credits. */
    public int price(JsonNode draft) {
        return Pricing.price(renderer.outputMillis(draft));
    }

    public RenderJob find(TokenRecord token, String renderId) {
        return db.read(c -> jobs.findByRender(c, token.id(), renderId))
                .orElseThrow(() -> new ApiException(ErrorCode.RENDER_NOT_FOUND, "no render with id " + renderId));
    }

    /** The poll answer: status, progress and, when done, the download URL. */
    public static Map<String, Object> view(RenderJob j, String baseUrl) {
        Map<String, Object> v = Json.map("id", j.renderId(), "status", j.status(), "progress", round(j.progress()),
                "session_id", j.sessionId(), "format", j.format(), "quality", j.quality(), "price", j.price(),
                "created_at", j.createdAt());
        if (RenderJobStore.DONE.equals(j.status())) {
            v.put("url", downloadUrl(baseUrl, j.renderId()));
            v.put("bytes", j.outputBytes());
            v.put("width", j.width());
            v.put("height", j.height());
            v.put("duration_ms", j.durationMs());
            v.put("finished_at", j.finishedAt());
            if (j.loopReport() != null) v.put("loop_report", Json.parse(j.loopReport(), "the loop report"));
        }
        if (RenderJobStore.FAILED.equals(j.status())) {
            v.put("error", Json.map("code", j.errorCode(), "message", j.errorMessage()));
            v.put("finished_at", j.finishedAt());
        }
        return v;
    }

    public static String downloadUrl(String baseUrl, String renderId) {
        return baseUrl + "/api/render/proxy/lambda/" + renderId + "/download";
    }

    /**
     * After a start: every unfinished export must have a live job in the queue. Jobs lost
     * between our commit and the queue's, or that ended without settling, are queued again.
     */
    public void resumeUnfinished() {
        for (RenderJob j : db.read(jobs::unfinished)) {
            JobQueue.Standing standing = queue.standing(j.runnerJobId());
            if (standing == JobQueue.Standing.LIVE) {
                LOG.info("render {} is {} and still in the queue; it will resume", j.renderId(), j.status());
                continue;
            }
            if (standing == JobQueue.Standing.ORPHANED) queue.discard(j.runnerJobId());
            String runner = Ids.uuid();
            db.read(c -> {
                jobs.setRunner(c, j.jobKey(), runner, System.currentTimeMillis());
                return null;
            });
            queue.enqueue(UUID.fromString(runner), j.jobKey(), j.renderId());
            LOG.info("render {} was {} with {} job; queued again", j.renderId(), j.status(),
                    standing == JobQueue.Standing.ORPHANED ? "an orphaned" : "no live");
        }
    }

    /** Called when the queue gives up on a job: fail the export and release its credits. */
    public void abandoned(String runnerJobId, RenderJobHandler handler) {
        db.read(c -> jobs.findByRunner(c, runnerJobId)).ifPresent(j ->
                handler.fail(j, ErrorCode.RENDER_ABANDONED.code(), "the render was interrupted too many times; no credits were taken"));
    }

    private MediaLookup lookup(String sessionId) {
        return id -> db.read(c -> media.find(c, sessionId, id))
                .map(r -> new MediaLookup.MediaFile(r.id(), r.kind(), r.format(), Path.of(r.path()), r.durationMs()));
    }

    private static double round(double p) {
        return Math.round(p * 1000) / 1000.0;
    }
}
