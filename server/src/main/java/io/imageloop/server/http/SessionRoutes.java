package io.imageloop.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.server.Services;
import io.imageloop.engine.LoopException;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftCodec;
import io.imageloop.timeline.DraftMeta;
import io.imageloop.timeline.DraftSummary;
import io.imageloop.timeline.edit.DraftEdits;
import io.imageloop.server.store.DraftStore.DraftVersion;
import io.imageloop.server.store.MediaStore.MediaRecord;
import io.imageloop.server.store.SessionStore.SessionRecord;
import io.imageloop.server.store.TokenStore.TokenRecord;
import io.imageloop.server.upload.MultipartReader;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Uploads, the session state, and the session's media files. */
public final class SessionRoutes {

    /** After refusing an upload, read at most this much more so the client can see the answer. */
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    private final Services s;

    public SessionRoutes(Services s) {
        this.s = s;
    }

    public void register(Javalin app) {
        app.post("/api/upload-video/{app}/me/{sid}", this::upload);
        app.get("/api/state/{app}/me/{sid}/latest", this::state);
        app.get("/api/media/{sid}/{mediaId}", ctx -> mediaFile(ctx, false, false));
        app.head("/api/media/{sid}/{mediaId}", ctx -> mediaFile(ctx, false, true));
        app.get("/api/media/{sid}/{mediaId}/thumbnail", ctx -> mediaFile(ctx, true, false));
    }

    private void upload(Context ctx) throws IOException {
        TokenRecord token = s.auth().require(ctx);
        SessionRecord session = s.auth().session(token, ctx.pathParam("sid"));
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        List<MediaRecord> added;
        String boundary = MultipartReader.boundary(ctx.contentType());
        if (boundary != null) {
            InputStream in = ctx.req().getInputStream();
            try {
                added = s.uploads().uploadMultipart(session, in, boundary);
            } catch (ApiException e) {
                drain(in);
                ctx.header("Connection", "close");
                throw e;
            }
        } else if (type.startsWith("application/json")) {
            added = s.uploads().uploadUrls(session, urls(Json.body(ctx)));
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            List<String> urls = new ArrayList<>(ctx.formParams("url"));
            urls.addAll(ctx.formParams("urls"));
            added = s.uploads().uploadUrls(session, urls.stream().map(String::trim).filter(u -> !u.isEmpty()).toList());
        } else {
            throw new ApiException(ErrorCode.BAD_REQUEST, "send multipart/form-data with a 'file' part, or JSON {\"url\": \"https://...\"}");
        }
        String base = Views.baseUrl(ctx);
        List<Map<String, Object>> items = added.stream().map(m -> Views.media(m, base)).toList();
        Map<String, Object> data = new LinkedHashMap<>(items.get(0));
        data.put("media", items);
        data.put("count", items.size());
        Json.ok(ctx, data);
    }

    private static List<String> urls(JsonNode body) {
        List<String> urls = new ArrayList<>();
        String one = Json.text(body, "url");
        if (one != null) urls.add(one);
        for (JsonNode u : body.path("urls")) {
            if (u.isTextual() && !u.asText().isBlank()) urls.add(u.asText().trim());
        }
        return urls;
    }

    private void state(Context ctx) {
        TokenRecord token = s.auth().require(ctx);
        SessionRecord session = s.auth().session(token, ctx.pathParam("sid"));
        String base = Views.baseUrl(ctx);
        record Snapshot(DraftVersion draft, List<MediaRecord> media, List<Map<String, Object>> generated) {
        }
        Snapshot snap = s.db().read(c -> new Snapshot(s.drafts().latest(c, session.id()).orElse(null),
                s.media().list(c, session.id()),
                s.renderJobs().done(c, session.id()).stream().map(j -> Views.generated(j, base)).toList()));
        JsonNode draft = snap.draft() == null ? DraftCodec.toJson(DraftEdits.empty(Aspect.LANDSCAPE, DraftMeta.DEFAULT_FPS))
                : Json.parse(snap.draft().json(), "the stored draft");
        List<Map<String, Object>> generated = new ArrayList<>(snap.generated());
        generated.addAll(previews(session, snap.draft(), draft, base));
        ObjectNode state = Json.MAPPER.createObjectNode();
        state.set("draft", draft);
        state.set("video_infos", Json.MAPPER.valueToTree(snap.media().stream().map(m -> Views.media(m, base)).toList()));
        state.set("generated_media", Json.MAPPER.valueToTree(generated));
        Json.ok(ctx, Json.map("session_id", session.id(), "bind_id", session.bindId(), "app_name", session.appName(),
                "language", session.language(), "draft_version", snap.draft() == null ? 0 : snap.draft().version(),
                "summary", summary(draft), "state", state));
    }

    /**
     * The previews of the latest draft's loops ({@code kind: preview}); asking also starts any
     * that are missing, e.g. after a restart, so every draft gets its previews.
     */
    private List<Map<String, Object>> previews(SessionRecord session, DraftVersion version, JsonNode json, String base) {
        if (version == null) return List.of();
        Draft draft;
        try {
            draft = DraftCodec.read(json);
        } catch (LoopException e) {
            return List.of();
        }
        return s.previews().request(session.id(), version.version(), draft).stream().map(p -> PreviewRoutes.view(p, base)).toList();
    }

    /** The one-line timeline summary; a stored draft this build cannot read says so instead. */
    private static String summary(JsonNode draft) {
        try {
            return DraftSummary.of(DraftCodec.read(draft));
        } catch (LoopException e) {
            return "Timeline cannot be read: " + e.getMessage();
        }
    }

    private void mediaFile(Context ctx, boolean thumbnail, boolean head) throws IOException {
        TokenRecord token = s.auth().require(ctx);
        SessionRecord session = s.auth().session(token, ctx.pathParam("sid"));
        MediaRecord m = s.db().read(c -> s.media().find(c, session.id(), ctx.pathParam("mediaId")))
                .orElseThrow(() -> new ApiException(ErrorCode.MEDIA_NOT_FOUND, "no such media in this session"));
        if (thumbnail) {
            if (m.thumbnailPath() == null) throw new ApiException(ErrorCode.MEDIA_NOT_FOUND, "this media has no thumbnail");
            FileResponder.serve(ctx, s.blobs(), m.thumbnailPath(), "image/jpeg", m.id() + ".jpg", head);
        } else {
            FileResponder.serve(ctx, s.blobs(), m.path(), Views.mime(m.format()), m.id() + "." + m.format(), head);
        }
    }

    /** Reads and discards the rest of a refused upload (bounded), so the client gets to read our answer. */
    private static void drain(InputStream in) {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        try {
            int n;
            while (total < DRAIN_LIMIT && (n = in.read(buf)) >= 0) total += n;
        } catch (IOException ignored) {
            // the client stopped sending; nothing to discard
        }
    }
}
