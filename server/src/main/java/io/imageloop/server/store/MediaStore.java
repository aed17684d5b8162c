package io.imageloop.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Uploaded media of a session: where the file is and what probing found. */
public final class MediaStore {

    /**
     * @param kind   image, video or audio
     * @param format the container judged from the content, e.g. jpg, mp4, m4a
     */
    public record MediaRecord(String id, String sessionId, String kind, String format, String originalName,
                              String sourceUrl, String path, long bytes, Integer width, Integer height,
                              Long durationMs, String codec, String thumbnailPath, long createdAt) {
    }

    public void insert(Connection c, MediaRecord m) throws SQLException {
        Sql.update(c, """
                INSERT INTO media (id, session_id, kind, format, original_name, source_url, path, bytes, width, height,
                                   duration_ms, codec, thumbnail_path, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                m.id(), m.sessionId(), m.kind(), m.format(), m.originalName(), m.sourceUrl(), m.path(), m.bytes(),
                m.width(), m.height(), m.durationMs(), m.codec(), m.thumbnailPath(), m.createdAt());
    }

    public List<MediaRecord> list(Connection c, String sessionId) throws SQLException {
        return Sql.list(c, "SELECT * FROM media WHERE session_id = ? ORDER BY created_at, id", MediaStore::map, sessionId);
    }

    public Optional<MediaRecord> find(Connection c, String sessionId, String id) throws SQLException {
        return Sql.one(c, "SELECT * FROM media WHERE session_id = ? AND id = ?", MediaStore::map, sessionId, id);
    }

    private static MediaRecord map(ResultSet rs) throws SQLException {
        return new MediaRecord(rs.getString("id"), rs.getString("session_id"), rs.getString("kind"), rs.getString("format"),
                rs.getString("original_name"), rs.getString("source_url"), rs.getString("path"), rs.getLong("bytes"),
                Sql.intOrNull(rs, "width"), Sql.intOrNull(rs, "height"), Sql.longOrNull(rs, "duration_ms"),
                rs.getString("codec"), rs.getString("thumbnail_path"), rs.getLong("created_at"));
    }
}
