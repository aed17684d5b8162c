package io.imageloop.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Draft versions: append-only, so every edit can be looked at again. */
public final class DraftStore {

    public record DraftVersion(String sessionId, int version, String json, String note, long createdAt) {
    }

    public Optional<DraftVersion> latest(Connection c, String sessionId) throws SQLException {
        return Sql.one(c, "SELECT * FROM drafts WHERE session_id = ? ORDER BY version DESC LIMIT 1", DraftStore::map, sessionId);
    }

    /** Every version's number and note, oldest first, without the drafts themselves. */
    public List<VersionNote> history(Connection c, String sessionId) throws SQLException {
        return Sql.list(c, "SELECT version, note FROM drafts WHERE session_id = ? ORDER BY version",
                rs -> new VersionNote(rs.getInt("version"), rs.getString("note")), sessionId);
    }

    public Optional<DraftVersion> version(Connection c, String sessionId, int version) throws SQLException {
        return Sql.one(c, "SELECT * FROM drafts WHERE session_id = ? AND version = ?", DraftStore::map, sessionId, version);
    }

    public record VersionNote(int version, String note) {
    }

    /** Appends the next version. Callers hold the session lock so numbers never collide. */
    public DraftVersion append(Connection c, String sessionId, String json, String note, long now) throws SQLException {
        int next = (int) Sql.count(c, "SELECT COALESCE(MAX(version), 0) FROM drafts WHERE session_id = ?", sessionId) + 1;
        Sql.update(c, "INSERT INTO drafts (session_id, version, draft, note, created_at) VALUES (?, ?, ?, ?, ?)",
                sessionId, next, json, truncate(note, 500), now);
        return new DraftVersion(sessionId, next, json, note, now);
    }

    private static DraftVersion map(ResultSet rs) throws SQLException {
        return new DraftVersion(rs.getString("session_id"), rs.getInt("version"), rs.getString("draft"),
                rs.getString("note"), rs.getLong("created_at"));
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
