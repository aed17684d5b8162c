package io.imageloop.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.server.Services;
import io.imageloop.server.credits.CreditLedger;
import io.imageloop.server.store.Ids;
import io.imageloop.server.store.SessionStore.SessionRecord;
import io.imageloop.server.store.StoreException;
import io.imageloop.server.store.TokenStore.TokenRecord;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/** Anonymous tokens, sessions and the credit balance. */
public final class AccountRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(AccountRoutes.class);
    public static final Duration TOKEN_LIFETIME = Duration.ofDays(7);
    private static final Pattern CLIENT_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final Pattern APP = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final Services s;

    public AccountRoutes(Services s) {
        this.s = s;
    }

    public void register(Javalin app) {
        app.post("/api/auth/anonymous-token", this::anonymousToken);
        app.post("/api/tasks/me/with-session/{app}", this::createSession);
        app.get("/api/credits/balance/simple", this::balance);
    }

    private void anonymousToken(Context ctx) {
        String clientId = ctx.header("X-Client-Id");
        if (clientId == null || clientId.isBlank()) {
            throw new ApiException(ErrorCode.MISSING_CLIENT_ID, "missing X-Client-Id header: send a random UUID that identifies this client");
        }
        clientId = clientId.trim();
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new ApiException(ErrorCode.MISSING_CLIENT_ID, "X-Client-Id must be 1 to 128 visible characters, e.g. a UUID");
        }
        String id = clientId;
        long now = System.currentTimeMillis();
        long period = TOKEN_LIFETIME.toMillis();
        String token = Ids.newToken();
        TokenRecord issued;
        try {
            issued = s.db().tx(c -> {
                long next = s.tokens().claimAnonymous(c, id, now, period);
                if (next > 0) throw rateLimited(next - now);
                TokenRecord t = s.tokens().insert(c, Ids.sha256(token), id, true, now, now + period);
                if (s.config().creditsPerToken() > 0) s.ledger().grant(c, t.id(), s.config().creditsPerToken(), "welcome credits", now);
                return t;
            });
        } catch (StoreException e) {
            if (!e.isConstraintViolation()) throw e;
            throw rateLimited(period); // a simultaneous request for the same client id won
        }
        LOG.info("anonymous token {} issued to client {}", issued.id(), id);
        ctx.attribute(Auth.TOKEN_ATTRIBUTE, issued);
        Json.ok(ctx, Json.map("token", token, "token_type", "Bearer", "expires_at", Instant.ofEpochMilli(issued.expiresAt()).toString(),
                "expires_in", period / 1000, "credits", s.config().creditsPerToken(), "anonymous", true, "client_id", id));
    }

    private static ApiException rateLimited(long waitMs) {
        long seconds = Math.max(1, (waitMs + 999) / 1000);
        return new ApiException(ErrorCode.RATE_LIMITED, "this client already received a token; it is valid for 7 days from issue")
                .header("Retry-After", Long.toString(seconds)).with("retry_after", seconds);
    }

    private void createSession(Context ctx) {
        TokenRecord token = s.auth().require(ctx);
        String app = ctx.pathParam("app");
        if (!APP.matcher(app).matches()) throw new ApiException(ErrorCode.BAD_REQUEST, "bad app name in the path");
        ObjectNode body = Json.body(ctx);
        String task = Json.text(body, "task_name");
        if (task != null && task.length() > 200) task = task.substring(0, 200);
        String language = Json.text(body, "language");
        if (language == null || !language.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?")) language = "en";
        String bindId = token.anonymous() ? Ids.random("bind", 8) : null;
        String taskName = task == null ? "project" : task;
        String lang = language;
        SessionRecord session = s.db().tx(c -> s.sessions().create(c, token.id(), app, taskName, lang, bindId, System.currentTimeMillis()));
        LOG.info("session {} created for token {} ({}, {})", session.id(), token.id(), app, lang);
        Json.ok(ctx, Json.map("session_id", session.id(), "bind_id", bindId, "app_name", app, "task_name", taskName,
                "language", lang, "created_at", session.createdAt()));
    }

    private void balance(Context ctx) {
        TokenRecord token = s.auth().require(ctx);
        CreditLedger.Balance b = s.db().read(c -> s.ledger().balance(c, token.id()));
        Json.ok(ctx, Json.map("available", b.available(), "frozen", b.frozen(), "total", b.total()));
    }
}
