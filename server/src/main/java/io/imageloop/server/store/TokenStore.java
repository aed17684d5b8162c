package io.imageloop.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Bearer tokens and the per-client issuing record. Looks tokens up by hash only. */
public final class TokenStore {

    /** A token as stored: never the secret itself. */
    public record TokenRecord(String id, String clientId, boolean anonymous, long createdAt, long expiresAt) {
        public boolean expired(long now) {
            return now >= expiresAt;
        }
    }

    /**
     * Claims the right to a new anonymous token for {@code clientId}: returns 0 when granted,
     * otherwise the epoch millis when the client may ask again. Locks the client row so two
     * simultaneous requests cannot both win.
     */
    public long claimAnonymous(Connection c, String clientId, long now, long period) throws SQLException {
        Optional<Long> last = Sql.one(c, "SELECT last_token_at FROM clients WHERE client_id = ? FOR UPDATE",
                rs -> rs.getLong(1), clientId);
        if (last.isPresent()) {
            long next = last.get() + period;
            if (now < next) return next;
            Sql.update(c, "UPDATE clients SET last_token_at = ? WHERE client_id = ?", now, clientId);
        } else {
            // A concurrent first request for the same client id fails on the primary key and is rolled back.
            Sql.update(c, "INSERT INTO clients (client_id, last_token_at) VALUES (?, ?)", clientId, now);
        }
        return 0;
    }

    public TokenRecord insert(Connection c, String tokenHash, String clientId, boolean anonymous, long now, long expiresAt)
            throws SQLException {
        TokenRecord t = new TokenRecord(Ids.uuid(), clientId, anonymous, now, expiresAt);
        Sql.update(c, "INSERT INTO tokens (id, token_hash, client_id, anonymous, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                t.id(), tokenHash, clientId, anonymous, now, expiresAt);
        return t;
    }

    public Optional<TokenRecord> findByHash(Connection c, String tokenHash) throws SQLException {
        return Sql.one(c, "SELECT * FROM tokens WHERE token_hash = ?", TokenStore::map, tokenHash);
    }

    /** The client's newest token, expired or not. */
    public Optional<TokenRecord> latestForClient(Connection c, String clientId) throws SQLException {
        return Sql.one(c, "SELECT * FROM tokens WHERE client_id = ? ORDER BY created_at DESC LIMIT 1", TokenStore::map, clientId);
    }

    /** Takes the token row lock: callers that check-then-spend credits serialize on it. */
    public boolean lock(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT id FROM tokens WHERE id = ? FOR UPDATE", rs -> rs.getString(1), id).isPresent();
    }

    private static TokenRecord map(ResultSet rs) throws SQLException {
        return new TokenRecord(rs.getString("id"), rs.getString("client_id"), rs.getBoolean("anonymous"),
                rs.getLong("created_at"), rs.getLong("expires_at"));
    }
}
