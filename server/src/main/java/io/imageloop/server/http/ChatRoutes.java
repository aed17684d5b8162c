package io.imageloop.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.server.Services;
import io.imageloop.server.chat.SessionContext;
import io.imageloop.engine.LoopException;
import io.imageloop.server.credits.CreditLedger;
import io.imageloop.server.preview.Preview;
import io.imageloop.server.store.DraftStore;
import io.imageloop.server.store.DraftStore.DraftVersion;
import io.imageloop.server.store.MediaStore.MediaRecord;
import io.imageloop.server.store.SessionStore.SessionRecord;
import io.imageloop.server.store.TokenStore.TokenRecord;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftCodec;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code POST /run_sse}: one chat turn streamed as server-sent events. */
public final class ChatRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ChatRoutes.class);
    /** Characters of one chat message: a long request is a few hundred. */
    public static final int MAX_MESSAGE = 8000;
    /** Bytes of a /run_sse body: the message (up to 3 bytes a character in UTF-8) and a little framing. */
    static final long MAX_BODY = 4L * MAX_MESSAGE + 16 * 1024;

    private final Services s;

    public ChatRoutes(Services s) {
        this.s = s;
    }

    public void register(Javalin app) {
        app.post("/run_sse", this::runSse);
    }

    private void runSse(Context ctx) throws Exception {
        TokenRecord token = s.auth().require(ctx);
        ObjectNode body = Json.body(ctx, MAX_BODY, n -> tooLong(n, "bytes"));
        // ADK's own clients send camelCase (appName, userId, sessionId, newMessage); the spec's are snake_case.
        String sessionId = either(body, "session_id", "sessionId");
        if (sessionId == null) throw new ApiException(ErrorCode.BAD_REQUEST, "'session_id' (or 'sessionId') is required");
        SessionRecord session = s.auth().session(token, sessionId);
        String app = either(body, "app_name", "appName");
        if (app == null) app = session.appName();
        JsonNode content = body.has("new_message") ? body.path("new_message") : body.path("newMessage");
        String message = message(content);
        if (message.isBlank()) throw new ApiException(ErrorCode.BAD_REQUEST, "new_message (or newMessage) needs at least one text part");
        if (message.length() > MAX_MESSAGE) throw tooLong(message.length(), "characters");

        SessionContext context = context(token, session, app);
        LOG.info("session {}: chat turn ({} chars)", session.id(), message.length());
        try (SseStream sse = SseStream.open(ctx, app, s.timer(), s.config().heartbeatInterval())) {
            try {
                s.agent().handle(context, message, sse);
                announcePreviews(session, context.draftVersion(), sse, Views.baseUrl(ctx));
                sse.complete();
            } catch (Exception e) {
                LOG.error("session {}: chat turn failed", session.id(), e);
                sse.error("INTERNAL", "the agent could not finish this turn; nothing was changed unless the state shows it");
            }
        }
    }

    private SessionContext context(TokenRecord token, SessionRecord session, String app) {
        record Loaded(List<MediaRecord> media, DraftVersion draft, CreditLedger.Balance balance) {
        }
        Loaded l = s.db().read(c -> new Loaded(s.media().list(c, session.id()), s.drafts().latest(c, session.id()).orElse(null),
                s.ledger().balance(c, token.id())));
        List<MediaRecord> media = l.media().stream().map(this::readable).toList();
        JsonNode draft = l.draft() == null ? null : Json.parse(l.draft().json(), "the stored draft");
        SessionContext.DraftWriter writer = (d, note) -> {
            int version = s.db().tx(c -> {
                s.sessions().lock(c, session.id());
                return s.drafts().append(c, session.id(), Json.stringify(d), note, System.currentTimeMillis()).version();
            });
            // Previews start as soon as the edit is saved, while the agent is still answering.
            readable(d).ifPresent(saved -> s.previews().request(session.id(), version, saved));
            return version;
        };
        SessionContext.DraftHistory history = new SessionContext.DraftHistory() {
            @Override
            public List<DraftStore.VersionNote> notes() {
                return s.db().read(c -> s.drafts().history(c, session.id()));
            }

            @Override
            public Optional<JsonNode> draft(int version) {
                return s.db().read(c -> s.drafts().version(c, session.id(), version)).map(v -> Json.parse(v.json(), "a stored draft"));
            }
        };
        return new SessionContext(session.id(), app, session.language(), media, draft,
                l.draft() == null ? 0 : l.draft().version(), l.balance(), writer, s.renders()::price, history);
    }

    private static String either(ObjectNode body, String snake, String camel) {
        String v = Json.text(body, snake);
        return v != null ? v : Json.text(body, camel);
    }

    private static ApiException tooLong(long size, String unit) {
        return new ApiException(ErrorCode.MESSAGE_TOO_LONG, "the message is too long (" + size + " " + unit + "); the limit is "
                + MAX_MESSAGE + " characters").with("limit", "message_length").with("allowed", MAX_MESSAGE);
    }

    /** The record with a local file to look at: the agent analyses photos (cached from object storage). */
    private MediaRecord readable(MediaRecord m) {
        if (!m.kind().equals("image")) return m;
        try {
            Path local = s.blobs().local(m.path());
            return new MediaRecord(m.id(), m.sessionId(), m.kind(), m.format(), m.originalName(), m.sourceUrl(), local.toString(),
                    m.bytes(), m.width(), m.height(), m.durationMs(), m.codec(), m.thumbnailPath(), m.createdAt());
        } catch (java.io.IOException e) {
            return m; // the agent reports it as unreadable
        }
    }

    /**
     * When the turn saved a new draft: announces each of its loops' previews on the stream as
     * they come (poster first, then the video), for at most the preview follow time; the
     * previews go on in the background and show in the state either way.
     */
    private void followPreviews(SessionRecord session, int before, SseStream sse, String base) throws InterruptedException {
        DraftVersion latest = s.db().read(c -> s.drafts().latest(c, session.id())).orElse(null);
        if (latest == null || latest.version() <= before) return;
        Optional<Draft> draft = readable(Json.parse(latest.json(), "the stored draft"));
        if (draft.isEmpty()) return;
        long deadline = System.nanoTime() + s.previews().settings().follow().toNanos();
        for (Preview p : s.previews().request(session.id(), latest.version(), draft.get())) {
            Preview.Status shown = null;
            Preview now = p;
            while (now != null && !sse.gone()) {
                if (now.status() != shown) {
                    sse.custom("preview", Json.MAPPER.valueToTree(PreviewRoutes.view(now.forVersion(latest.version(), p.segment()), base)));
                    shown = now.status();
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (now.status().finished() || left <= 0) break;
                Preview.Status seen = shown;
                now = s.previews().await(session.id(), p.key(), x -> x.status() != seen, left).orElse(null);
            }
        }
    }

    /** The turn is done whatever happens to its previews: they only add events before it completes. */
    private void announcePreviews(SessionRecord session, int before, SseStream sse, String base) {
        try {
            followPreviews(session, before, sse, base);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("session {}: previews could not be announced: {}", session.id(), e.getMessage());
        }
    }

    private static Optional<Draft> readable(JsonNode json) {
        try {
            return Optional.of(DraftCodec.read(json));
        } catch (LoopException e) {
            LOG.warn("a saved draft cannot be read for previews: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The text of all text parts of an ADK Content object (or a plain string). */
    static String message(JsonNode content) {
        if (content == null || content.isMissingNode() || content.isNull()) return "";
        if (content.isTextual()) return content.asText().trim();
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : content.path("parts")) {
            if (part.path("text").isTextual()) {
                if (sb.length() > 0) sb.append('\n');
                sb.append(part.path("text").asText());
            }
        }
        return sb.toString().trim();
    }
}
