package io.imageloop.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Editing sessions; each belongs to exactly one token. */
public final class SessionStore {

    public record SessionRecord(String id, String tokenId, String appName, String taskName, String language,
                                String bindId, long createdAt) {
    }

    public SessionRecord create(Connection c, String tokenId, String appName, String taskName, String language,
                                String bindId, long now) throws SQLException {
        SessionRecord s = new SessionRecord(Ids.uuid(), tokenId, appName, taskName, language, bindId, now);
        Sql.update(c, "INSERT INTO sessions (id, token_id, app_name, task_name, language, bind_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                s.id(), tokenId, appName, taskName, language, bindId, now);
        return s;
    }

    public Optional<SessionRecord> find(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT * FROM sessions WHERE id = ?", SessionStore::map, id);
    }

    /** Locks the session row: draft versions of one session are numbered one at a time. */
    public void lock(Connection c, String id) throws SQLException {
        Sql.one(c, "SELECT id FROM sessions WHERE id = ? FOR UPDATE", rs -> rs.getString(1), id);
    }

    private static SessionRecord map(ResultSet rs) throws SQLException {
        return new SessionRecord(rs.getString("id"), rs.getString("token_id"), rs.getString("app_name"),
                rs.getString("task_name"), rs.getString("language"), rs.getString("bind_id"), rs.getLong("created_at"));
    }
}
