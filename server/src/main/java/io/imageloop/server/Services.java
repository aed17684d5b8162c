package io.imageloop.server;

import io.imageloop.server.chat.ChatAgent;
import io.imageloop.server.credits.CreditLedger;
import io.imageloop.server.http.Auth;
import io.imageloop.server.jobs.RenderJobStore;
import io.imageloop.server.jobs.RenderService;
import io.imageloop.server.preview.PreviewService;
import io.imageloop.server.storage.BlobStore;
import io.imageloop.server.store.Database;
import io.imageloop.server.store.DraftStore;
import io.imageloop.server.store.MediaStore;
import io.imageloop.server.store.RequestLogStore;
import io.imageloop.server.store.SessionStore;
import io.imageloop.server.store.TokenStore;
import io.imageloop.server.upload.UploadService;
import io.imageloop.timeline.MediaResolver;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/** Everything the HTTP handlers use, wired once at start. */
public record Services(ServerConfig config, Database db, TokenStore tokens, SessionStore sessions, MediaStore media,
                       DraftStore drafts, RequestLogStore requests, RenderJobStore renderJobs, CreditLedger ledger,
                       Auth auth, UploadService uploads, RenderService renders, ChatAgent agent,
                       ScheduledExecutorService timer, BlobStore blobs, PreviewService previews) {

    /** The files a session's drafts may use: its own uploads, by media id. */
    public MediaResolver mediaOf(String sessionId) {
        return mediaOf(db, media, blobs, sessionId);
    }

    /** The same, for whoever has no Services at hand (previews render on their own thread). */
    public static MediaResolver mediaOf(Database db, MediaStore media, BlobStore blobs, String sessionId) {
        Map<String, String> locations = new HashMap<>();
        db.read(c -> media.list(c, sessionId)).forEach(m -> locations.put(m.id(), m.path()));
        return ref -> {
            String location = locations.get(ref);
            if (location == null) {
                throw new io.imageloop.engine.LoopException(io.imageloop.engine.LoopException.Kind.INPUT_NOT_FOUND,
                        "the draft uses media " + ref + ", which is not part of this session");
            }
            try {
                return blobs.local(location);
            } catch (IOException e) {
                throw new io.imageloop.engine.LoopException(io.imageloop.engine.LoopException.Kind.INPUT_NOT_FOUND,
                        "the media " + ref + " cannot be read: " + e.getMessage(), e);
            }
        };
    }
}
