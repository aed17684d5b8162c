package io.imageloop.server.http;

import io.imageloop.server.store.Database;
import io.imageloop.server.store.Ids;
import io.imageloop.server.store.SessionStore;
import io.imageloop.server.store.SessionStore.SessionRecord;
import io.imageloop.server.store.TokenStore;
import io.imageloop.server.store.TokenStore.TokenRecord;
import io.javalin.http.Context;

/** Bearer-token checks and session ownership, called at the top of each handler. */
public final class Auth {

    /** Request attribute holding the authenticated token, for the request log. */
    public static final String TOKEN_ATTRIBUTE = "imageloop.token";

    private final Database db;
    private final TokenStore tokens;
    private final SessionStore sessions;

    public Auth(Database db, TokenStore tokens, SessionStore sessions) {
        this.db = db;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /** The caller's token, or 1001 when it is missing, unknown or expired. */
    public TokenRecord require(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new ApiException(ErrorCode.BAD_TOKEN, "missing Authorization: Bearer <token> header");
        }
        String value = header.trim();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) value = value.substring(7).trim();
        if (value.isEmpty() || value.length() > 512) throw new ApiException(ErrorCode.BAD_TOKEN, "bad or expired token");
        String hash = Ids.sha256(value);
        TokenRecord token = db.read(c -> tokens.findByHash(c, hash))
                .orElseThrow(() -> new ApiException(ErrorCode.BAD_TOKEN, "bad or expired token"));
        if (token.expired(System.currentTimeMillis())) {
            throw new ApiException(ErrorCode.BAD_TOKEN, "the token has expired; request a new one");
        }
        ctx.attribute(TOKEN_ATTRIBUTE, token);
        return token;
    }

    /**
     * The session if it belongs to the token. A session of another token answers exactly like
     * an unknown one, so ids cannot be probed.
     */
    public SessionRecord session(TokenRecord token, String sessionId) {
        if (sessionId == null || sessionId.isBlank() || sessionId.length() > 64) {
            throw new ApiException(ErrorCode.SESSION_NOT_FOUND, "session not found");
        }
        return db.read(c -> sessions.find(c, sessionId.trim()))
                .filter(s -> s.tokenId().equals(token.id()))
                .orElseThrow(() -> new ApiException(ErrorCode.SESSION_NOT_FOUND, "session not found"));
    }
}
