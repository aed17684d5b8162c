package io.imageloop.server;

import io.imageloop.server.chat.ChatAgent;
import io.imageloop.server.credits.CreditLedger;
import io.imageloop.server.http.Auth;
import io.imageloop.server.jobs.RenderJobStore;
import io.imageloop.server.jobs.RenderService;
import io.imageloop.server.preview.PreviewService;
import io.imageloop.server.store.Database;
import io.imageloop.server.store.DraftStore;
import io.imageloop.server.store.MediaStore;
import io.imageloop.server.store.RequestLogStore;
import io.imageloop.server.store.SessionStore;
import io.imageloop.server.store.TokenStore;
import io.imageloop.server.upload.UploadService;
import io.imageloop.timeline.MediaResolver;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

/** Everything the HTTP handlers use, wired once at start. */
public record Services(ServerConfig config, Database db, TokenStore tokens, SessionStore sessions, MediaStore media,
                       DraftStore drafts, RequestLogStore requests, RenderJobStore renderJobs, CreditLedger ledger,
                       Auth auth, UploadService uploads, RenderService renders, ChatAgent agent,
                       ScheduledExecutorService timer, PreviewService previews) {

    /** The files a session's drafts may use: its own uploads, by media id. */
    public MediaResolver mediaOf(String sessionId) {
        return mediaOf(db, media, sessionId);
    }

    public static MediaResolver mediaOf(Database db, MediaStore media, String sessionId) {
        Map<String, Path> files = db.read(c -> media.list(c, sessionId)).stream()
                .collect(Collectors.toMap(MediaStore.MediaRecord::id, m -> Path.of(m.path())));
        MediaResolver known = MediaResolver.ofIds(files);
        return ref -> {
            try {
                return known.resolve(ref);
            } catch (io.imageloop.engine.LoopException e) {
                throw new io.imageloop.engine.LoopException(e.kind(), "the draft uses media " + ref + ", which is not part of this session");
            }
        };
    }
}
