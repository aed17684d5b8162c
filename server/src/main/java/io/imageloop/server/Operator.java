package io.imageloop.server;

import io.imageloop.server.credits.CreditLedger;
import io.imageloop.server.store.Database;
import io.imageloop.server.store.Ids;
import io.imageloop.server.store.TokenStore;
import io.imageloop.server.store.TokenStore.TokenRecord;

import java.util.Optional;

/**
 * Operator tasks on the credit ledger (the CLI's {@code imageloop credits}). While a server runs,
 * the CLI goes through its loopback operator endpoint ({@link OperatorClient}), which calls these
 * on the server's own database; with the server stopped, or with PostgreSQL, they open the
 * database directly.
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
        check(tokenOrClientId, amount);
        try (Database db = open(config)) {
            return grant(db, tokenOrClientId, amount);
        }
    }

    /** The balance of a token, found like {@link #grantCredits}. */
    public static Grant balance(ServerConfig config, String tokenOrClientId) {
        try (Database db = open(config)) {
            return balance(db, tokenOrClientId);
        }
    }

    public static Grant grant(Database db, String tokenOrClientId, int amount) {
        check(tokenOrClientId, amount);
        String key = tokenOrClientId.trim();
        TokenStore tokens = new TokenStore();
        CreditLedger ledger = new CreditLedger();
        return db.tx(c -> {
            TokenRecord t = find(tokens, c, key);
            tokens.lock(c, t.id());
            ledger.grant(c, t.id(), amount, "operator grant", System.currentTimeMillis());
            return new Grant(t.id(), t.clientId(), amount, ledger.balance(c, t.id()));
        });
    }

    public static Grant balance(Database db, String tokenOrClientId) {
        String key = tokenOrClientId == null ? "" : tokenOrClientId.trim();
        TokenStore tokens = new TokenStore();
        CreditLedger ledger = new CreditLedger();
        return db.read(c -> {
            TokenRecord t = find(tokens, c, key);
            return new Grant(t.id(), t.clientId(), 0, ledger.balance(c, t.id()));
        });
    }

    private static void check(String who, int amount) {
        if (amount <= 0) throw new IllegalArgumentException("the amount must be a positive number of credits");
        if (amount > 1_000_000) throw new IllegalArgumentException("grant at most 1000000 credits at a time");
        if (who == null || who.isBlank()) throw new IllegalArgumentException("give a token or a client id");
    }

    private static TokenRecord find(TokenStore tokens, java.sql.Connection c, String key) throws java.sql.SQLException {
        Optional<TokenRecord> token = tokens.findByHash(c, Ids.sha256(key));
        if (token.isEmpty()) token = tokens.latestForClient(c, key);
        return token.orElseThrow(() -> new IllegalArgumentException("no token or client id matches '" + key + "'"));
    }

    /** Opens the database, explaining the usual failure: the embedded file is held by a running server. */
    private static Database open(ServerConfig config) {
        java.nio.file.Path embedded = config.dataDir().resolve("db").resolve("imageloop.mv.db");
        if (config.embeddedDatabase() && !java.nio.file.Files.isRegularFile(embedded)) {
            // Opening would create an empty database: say what is wrong instead of leaving one behind.
            throw new IllegalStateException("there is no database under " + config.dataDir().toAbsolutePath()
                    + "; give the --data-dir (or --jdbc-url) the server uses");
        }
        try {
            return Database.open(config);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String m = t.getMessage();
                if (m != null && (m.contains("already in use") || m.contains("Database may be already"))) {
                    throw new IllegalStateException("the database under " + config.dataDir()
                            + " is in use by a server that did not announce its operator endpoint; stop it, or use PostgreSQL", e);
                }
            }
            throw e;
        }
    }
}
