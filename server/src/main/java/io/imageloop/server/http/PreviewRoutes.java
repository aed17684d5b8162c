package io.imageloop.server.http;

import io.imageloop.server.Services;
import io.imageloop.server.preview.Preview;
import io.imageloop.server.store.SessionStore.SessionRecord;
import io.imageloop.server.store.TokenStore.TokenRecord;
import io.javalin.Javalin;
import io.imageloop.server.storage.BlobStore;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.Map;

/** A preview's status (optionally waiting for it to change), its poster and its video. */
public final class PreviewRoutes {

    /** The longest a status request may wait for a change. */
    private static final long MAX_WAIT_MS = 25_000;

    private final Services s;

    public PreviewRoutes(Services s) {
        this.s = s;
    }

    public void register(Javalin app) {
        app.get("/api/preview/{sid}/{key}", this::status);
        app.get("/api/preview/{sid}/{key}/poster.jpg", ctx -> file(ctx, false, false));
        app.head("/api/preview/{sid}/{key}/poster.jpg", ctx -> file(ctx, false, true));
        app.get("/api/preview/{sid}/{key}/video.mp4", ctx -> file(ctx, true, false));
        app.head("/api/preview/{sid}/{key}/video.mp4", ctx -> file(ctx, true, true));
    }

    /**
     * {@code ?wait=MS&since=STATUS}: answers as soon as the status is no longer {@code since}
     * (or is finished), or after {@code wait} ms; without them, at once.
     */
    private void status(Context ctx) throws InterruptedException {
        SessionRecord session = session(ctx);
        String key = ctx.pathParam("key");
        long wait = Math.max(0, Math.min(MAX_WAIT_MS, parseLong(ctx.queryParam("wait"))));
        String since = ctx.queryParam("since");
        Preview p = s.previews().await(session.id(), key,
                        x -> x.status().finished() || since == null || !x.status().wire().equals(since), wait)
                .orElseThrow(() -> new ApiException(ErrorCode.PREVIEW_NOT_FOUND, "no preview " + key + " in this session"));
        Json.ok(ctx, view(p, Views.baseUrl(ctx)));
    }

    private void file(Context ctx, boolean video, boolean head) throws IOException {
        SessionRecord session = session(ctx);
        String key = ctx.pathParam("key");
        Preview p = s.previews().find(session.id(), key)
                .orElseThrow(() -> new ApiException(ErrorCode.PREVIEW_NOT_FOUND, "no preview " + key + " in this session"));
        if (video ? !p.videoReady() : !p.posterReady()) {
            throw new ApiException(ErrorCode.PREVIEW_NOT_READY, "the preview is " + p.status().wire() + "; wait for it")
                    .with("status", p.status().wire());
        }
        if (video) FileResponder.serve(ctx, BlobStore.Blob.of(s.previews().video(session.id(), key)), "video/mp4", "preview-" + key + ".mp4", head);
        else FileResponder.serve(ctx, BlobStore.Blob.of(s.previews().poster(session.id(), key)), "image/jpeg", "preview-" + key + ".jpg", head);
    }

    private SessionRecord session(Context ctx) {
        TokenRecord token = s.auth().require(ctx);
        return s.auth().session(token, ctx.pathParam("sid"));
    }

    /** How a preview is listed in {@code generated_media} and announced on the chat stream. */
    public static Map<String, Object> view(Preview p, String base) {
        String at = base + "/api/preview/" + p.sessionId() + "/" + p.key();
        Map<String, Object> v = Json.map("id", "preview_" + p.key(), "kind", "preview", "key", p.key(),
                "status", p.status().wire(), "format", "mp4", "mime", "video/mp4",
                "url", p.videoReady() ? at + "/video.mp4" : null,
                "poster_url", p.posterReady() ? at + "/poster.jpg" : null,
                "status_url", at, "draft_version", p.draftVersion(), "segment", p.segment(), "media_id", p.media(),
                "width", p.width(), "height", p.height(), "duration_ms", p.durationMs(),
                "render_ms", Json.map("poster", p.posterMillis(), "loop", p.loopMillis()));
        if (p.retryAfterMs() > 0) v.put("retry_after_ms", p.retryAfterMs());
        if (p.error() != null) v.put("error", p.error());
        return v;
    }

    private static long parseLong(String v) {
        if (v == null || v.isBlank()) return 0;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "'wait' must be a number of milliseconds");
        }
    }
}
