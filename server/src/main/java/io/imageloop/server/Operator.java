package io.imageloop.server;

import io.imageloop.server.credits.CreditLedger;
import io.imageloop.server.store.Database;
import io.imageloop.server.store.Ids;
import io.imageloop.server.store.TokenStore;
import io.imageloop.server.store.TokenStore.TokenRecord;

import java.util.Optional;

/**
 * Operator tasks run against the server's database directly (the CLI's
 * {@code imageloop credits grant}). With the default embedded H2 database, stop the server
 * first: the database file is held open by the running server.
 */
public final class Operator {

    /** The token that received the credits and its balance afterwards. */
    public record Grant(String tokenId, String clientId, int granted, CreditLedger.Balance balance) {
    }

    private Operator() {
    }

    /**
     * Adds {@code amount} credits to a token, found by the token itself or by the client id it
     * was issued to (then the client's newest token).
     *
     * @throws IllegalArgumentException when the amount is not positive or nothing matches
     */
    public static Grant grantCredits(ServerConfig config, String tokenOrClientId, int amount) {
        if (amount <= 0) throw new IllegalArgumentException("the amount must be a positive number of credits");
        if (tokenOrClientId == null || tokenOrClientId.isBlank()) throw new IllegalArgumentException("give a token or a client id");
        String key = tokenOrClientId.trim();
        TokenStore tokens = new TokenStore();
        CreditLedger ledger = new CreditLedger();
        try (Database db = open(config)) {
            return db.tx(c -> {
                Optional<TokenRecord> token = tokens.findByHash(c, Ids.sha256(key));
                if (token.isEmpty()) token = tokens.latestForClient(c, key);
                TokenRecord t = token.orElseThrow(() -> new IllegalArgumentException("no token or client id matches '" + key + "'"));
                tokens.lock(c, t.id());
                ledger.grant(c, t.id(), amount, "operator grant", System.currentTimeMillis());
                return new Grant(t.id(), t.clientId(), amount, ledger.balance(c, t.id()));
            });
        }
    }

    /** The balance of a token, found like {@link #grantCredits}. */
    public static Grant balance(ServerConfig config, String tokenOrClientId) {
        String key = tokenOrClientId == null ? "" : tokenOrClientId.trim();
        TokenStore tokens = new TokenStore();
        CreditLedger ledger = new CreditLedger();
        try (Database db = open(config)) {
            return db.read(c -> {
                Optional<TokenRecord> token = tokens.findByHash(c, Ids.sha256(key));
                if (token.isEmpty()) token = tokens.latestForClient(c, key);
                TokenRecord t = token.orElseThrow(() -> new IllegalArgumentException("no token or client id matches '" + key + "'"));
                return new Grant(t.id(), t.clientId(), 0, ledger.balance(c, t.id()));
            });
        }
    }

    /** Opens the database, explaining the usual failure: the embedded file is held by a running server. */
    private static Database open(ServerConfig config) {
        try {
            return Database.open(config);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String m = t.getMessage();
                if (m != null && (m.contains("already in use") || m.contains("Database may be already"))) {
                    throw new IllegalStateException("the database under " + config.dataDir()
                            + " is in use by a running server; stop the server first (or use PostgreSQL)", e);
                }
            }
            throw e;
        }
    }
}
