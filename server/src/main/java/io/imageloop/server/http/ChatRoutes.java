package io.imageloop.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.server.Services;
import io.imageloop.server.chat.SessionContext;
import io.imageloop.server.credits.CreditLedger;
import io.imageloop.server.store.DraftStore;
import io.imageloop.server.store.DraftStore.DraftVersion;
import io.imageloop.server.store.MediaStore.MediaRecord;
import io.imageloop.server.store.SessionStore.SessionRecord;
import io.imageloop.server.store.TokenStore.TokenRecord;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/** {@code POST /run_sse}: one chat turn streamed as server-sent events. */
public final class ChatRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ChatRoutes.class);
    private static final int MAX_MESSAGE = 8000;

    private final Services s;

    public ChatRoutes(Services s) {
        this.s = s;
    }

    public void register(Javalin app) {
        app.post("/run_sse", this::runSse);
    }

    private void runSse(Context ctx) throws Exception {
        TokenRecord token = s.auth().require(ctx);
        ObjectNode body = Json.body(ctx);
        // ADK's own clients send camelCase (appName, userId, sessionId, newMessage); the spec's are snake_case.
        String sessionId = either(body, "session_id", "sessionId");
        if (sessionId == null) throw new ApiException(ErrorCode.BAD_REQUEST, "'session_id' (or 'sessionId') is required");
        SessionRecord session = s.auth().session(token, sessionId);
        String app = either(body, "app_name", "appName");
        if (app == null) app = session.appName();
        JsonNode content = body.has("new_message") ? body.path("new_message") : body.path("newMessage");
        String message = message(content);
        if (message.isBlank()) throw new ApiException(ErrorCode.BAD_REQUEST, "new_message (or newMessage) needs at least one text part");
        if (message.length() > MAX_MESSAGE) throw new ApiException(ErrorCode.BAD_REQUEST, "the message is longer than " + MAX_MESSAGE + " characters");

        SessionContext context = context(token, session, app);
        LOG.info("session {}: chat turn ({} chars)", session.id(), message.length());
        try (SseStream sse = SseStream.open(ctx, app, s.timer(), s.config().heartbeatInterval())) {
            try {
                s.agent().handle(context, message, sse);
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
        JsonNode draft = l.draft() == null ? null : Json.parse(l.draft().json(), "the stored draft");
        SessionContext.DraftWriter writer = (d, note) -> s.db().tx(c -> {
            s.sessions().lock(c, session.id());
            return s.drafts().append(c, session.id(), Json.stringify(d), note, System.currentTimeMillis()).version();
        });
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
        return new SessionContext(session.id(), app, session.language(), l.media(), draft,
                l.draft() == null ? 0 : l.draft().version(), l.balance(), writer, s.renders()::price, history);
    }

    private static String either(ObjectNode body, String snake, String camel) {
        String v = Json.text(body, snake);
        return v != null ? v : Json.text(body, camel);
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
