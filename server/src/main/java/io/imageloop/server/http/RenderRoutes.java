package io.imageloop.server.http;

import io.imageloop.engine.media.Limit;
import io.imageloop.engine.media.LimitExceeded;
import io.imageloop.server.Services;
import io.imageloop.timeline.DraftLimits;
import io.imageloop.server.jobs.RenderJobStore;
import io.imageloop.server.jobs.RenderJobStore.RenderJob;
import io.imageloop.server.jobs.RenderService;
import io.imageloop.server.store.SessionStore.SessionRecord;
import io.imageloop.server.store.TokenStore.TokenRecord;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.io.IOException;

/** Export: queue, poll, download. */
public final class RenderRoutes {

    /** An export body is the draft and a few fields. */
    static final long MAX_BODY = DraftLimits.MAX_BYTES + 16 * 1024;

    private final Services s;

    public RenderRoutes(Services s) {
        this.s = s;
    }

    public void register(Javalin app) {
        app.post("/api/render/proxy/lambda", this::submit);
        app.get("/api/render/proxy/lambda/{id}", this::poll);
        app.get("/api/render/proxy/lambda/{id}/download", ctx -> download(ctx, false));
        app.head("/api/render/proxy/lambda/{id}/download", ctx -> download(ctx, true));
    }

    private void submit(Context ctx) {
        TokenRecord token = s.auth().require(ctx);
        RenderService.ExportRequest req = RenderService.parse(Json.body(ctx, MAX_BODY, n -> ApiErrors.of(new LimitExceeded(
                Limit.DRAFT_BYTES, n, DraftLimits.MAX_BYTES, "the export request is too large: " + n + " bytes; a draft may have at most "
                + DraftLimits.MAX_BYTES + " bytes of JSON"))));
        SessionRecord session = s.auth().session(token, req.sessionId());
        String base = Views.baseUrl(ctx);
        String bindUrl = base + "/bind?bind=" + (session.bindId() == null ? "" : session.bindId());
        RenderJob job = s.renders().submit(token, session, req, bindUrl);
        Json.ok(ctx, RenderService.view(job, base));
    }

    private void poll(Context ctx) {
        TokenRecord token = s.auth().require(ctx);
        RenderJob job = s.renders().find(token, ctx.pathParam("id"));
        Json.ok(ctx, RenderService.view(job, Views.baseUrl(ctx)));
    }

    private void download(Context ctx, boolean head) throws IOException {
        TokenRecord token = s.auth().require(ctx);
        RenderJob job = s.renders().find(token, ctx.pathParam("id"));
        if (!RenderJobStore.DONE.equals(job.status())) {
            throw new ApiException(ErrorCode.RENDER_NOT_READY, "the render is " + job.status() + "; poll until it is done")
                    .with("status", job.status()).with("progress", job.progress());
        }
        FileResponder.serve(ctx, s.blobs(), job.outputPath(), Views.mime(job.format()), job.renderId() + "." + job.format(), head);
    }
}
