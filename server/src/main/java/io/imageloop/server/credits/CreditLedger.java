package io.imageloop.server.credits;

import io.imageloop.server.store.Sql;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The credits ledger: rows are only ever inserted. A job's credits are frozen when it is
 * queued, then either charged (success) or released (failure), exactly once.
 */
public final class CreditLedger {

    /** What a token can spend now, what running jobs hold, and both together. */
    public record Balance(int available, int frozen, int total) {
    }

    public Balance balance(Connection c, String tokenId) throws SQLException {
        return Sql.one(c, """
                SELECT COALESCE(SUM(CASE kind WHEN 'grant' THEN amount WHEN 'charge' THEN -amount ELSE 0 END), 0) AS total,
                       COALESCE(SUM(CASE kind WHEN 'freeze' THEN amount WHEN 'charge' THEN -amount
                                              WHEN 'release' THEN -amount ELSE 0 END), 0) AS frozen
                FROM credit_entries WHERE token_id = ?""",
                rs -> {
                    int total = rs.getInt("total");
                    int frozen = rs.getInt("frozen");
                    return new Balance(total - frozen, frozen, total);
                }, tokenId).orElse(new Balance(0, 0, 0));
    }

    /** Adds (or, with a negative amount, removes) credits. */
    public void grant(Connection c, String tokenId, int amount, String note, long now) throws SQLException {
        insert(c, tokenId, "grant", amount, null, note, now);
    }

    /**
     * Freezes {@code amount} for a job if the token can afford it. The caller must hold the
     * token's row lock in the same transaction, otherwise two jobs could both see enough credits.
     */
    public boolean freezeIfAvailable(Connection c, String tokenId, int amount, String jobKey, long now) throws SQLException {
        if (balance(c, tokenId).available() < amount) return false;
        insert(c, tokenId, "freeze", amount, jobKey, null, now);
        return true;
    }

    /** Turns the job's frozen credits into a charge; false when it was already settled. */
    public boolean charge(Connection c, String tokenId, String jobKey, long now) throws SQLException {
        return settle(c, tokenId, jobKey, "charge", now);
    }

    /** Gives the job's frozen credits back; false when it was already settled. */
    public boolean release(Connection c, String tokenId, String jobKey, long now) throws SQLException {
        return settle(c, tokenId, jobKey, "release", now);
    }

    private boolean settle(Connection c, String tokenId, String jobKey, String kind, long now) throws SQLException {
        long settled = Sql.count(c, "SELECT COUNT(*) FROM credit_entries WHERE job_key = ? AND kind IN ('charge', 'release')", jobKey);
        if (settled > 0) return false;
        long frozen = Sql.count(c, "SELECT COALESCE(SUM(amount), 0) FROM credit_entries WHERE job_key = ? AND kind = 'freeze'", jobKey);
        if (frozen == 0) return false;
        insert(c, tokenId, kind, (int) frozen, jobKey, null, now);
        return true;
    }

    private static void insert(Connection c, String tokenId, String kind, int amount, String jobKey, String note, long now)
            throws SQLException {
        Sql.update(c, "INSERT INTO credit_entries (token_id, kind, amount, job_key, note, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                tokenId, kind, amount, jobKey, note, now);
    }
}
