package io.imageloop.server.store;

import java.sql.Connection;
import java.sql.SQLException;

/** One row per API request with the client's attribution headers, for usage reports. */
public final class RequestLogStore {

    public void insert(Connection c, String tokenId, String method, String path, int status, String skillSource,
                       String skillVersion, String skillPlatform, long now) throws SQLException {
        Sql.update(c, """
                INSERT INTO request_log (token_id, method, path, status, skill_source, skill_version, skill_platform, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                tokenId, DraftStore.truncate(method, 8), DraftStore.truncate(path, 512), status,
                DraftStore.truncate(skillSource, 100), DraftStore.truncate(skillVersion, 50),
                DraftStore.truncate(skillPlatform, 50), now);
    }
}
