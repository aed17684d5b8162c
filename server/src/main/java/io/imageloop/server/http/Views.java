package io.imageloop.server.http;

import io.imageloop.server.jobs.RenderJobStore.RenderJob;
import io.imageloop.server.jobs.RenderService;
import io.imageloop.server.store.MediaStore.MediaRecord;
import io.imageloop.engine.media.MediaType;
import io.javalin.http.Context;

import java.util.Locale;
import java.util.Map;

/** How stored things look on the wire. */
public final class Views {

    private Views() {
    }

    /** The scheme and host the client used, honouring a reverse proxy's forwarded headers. */
    public static String baseUrl(Context ctx) {
        String proto = ctx.header("X-Forwarded-Proto");
        String host = ctx.header("X-Forwarded-Host");
        if (proto == null || !proto.matches("https?")) proto = ctx.scheme();
        if (host == null || host.isBlank()) host = ctx.host();
        return proto + "://" + host;
    }

    public static Map<String, Object> media(MediaRecord m, String base) {
        String url = base + "/api/media/" + m.sessionId() + "/" + m.id();
        return Json.map("id", m.id(), "media_id", m.id(), "kind", m.kind(), "format", m.format(),
                "mime", mime(m.format()), "name", m.originalName(), "bytes", m.bytes(), "width", m.width(),
                "height", m.height(), "duration_ms", m.durationMs(), "codec", m.codec(), "url", url,
                "thumbnail_url", m.thumbnailPath() == null ? null : url + "/thumbnail", "source_url", m.sourceUrl(),
                "created_at", m.createdAt());
    }

    public static Map<String, Object> generated(RenderJob j, String base) {
        return Json.map("id", j.renderId(), "kind", "video", "format", j.format(), "mime", mime(j.format()),
                "url", RenderService.downloadUrl(base, j.renderId()), "bytes", j.outputBytes(), "width", j.width(),
                "height", j.height(), "duration_ms", j.durationMs(), "created_at", j.createdAt(),
                "finished_at", j.finishedAt());
    }

    public static String mime(String format) {
        if (format == null) return "application/octet-stream";
        return MediaType.ofExtension(format.toLowerCase(Locale.ROOT)).map(MediaType::mime).orElse("application/octet-stream");
    }
}
