package io.imageloop.server.jobs;

import io.imageloop.server.store.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Export jobs. Status moves queued → rendering → done | failed, and only forward: every
 * transition is a conditional update, so a re-run job (after a restart) cannot finish twice.
 */
public final class RenderJobStore {

    public static final String QUEUED = "queued";
    public static final String RENDERING = "rendering";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public record RenderJob(String jobKey, String renderId, String tokenId, String sessionId, String status,
                            double progress, String format, String quality, String draftJson, int price,
                            String outputPath, Long outputBytes, Integer width, Integer height, Long durationMs,
                            Integer errorCode, String errorMessage, String runnerJobId, long createdAt,
                            long updatedAt, Long finishedAt, String loopReport) {
        public boolean finished() {
            return DONE.equals(status) || FAILED.equals(status);
        }
    }

    public void insert(Connection c, RenderJob j) throws SQLException {
        Sql.update(c, """
                INSERT INTO render_jobs (job_key, render_id, token_id, session_id, status, progress, format, quality, draft,
                                         price, runner_job_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                j.jobKey(), j.renderId(), j.tokenId(), j.sessionId(), j.status(), j.progress(), j.format(), j.quality(),
                j.draftJson(), j.price(), j.runnerJobId(), j.createdAt(), j.updatedAt());
    }

    public Optional<RenderJob> find(Connection c, String jobKey) throws SQLException {
        return Sql.one(c, "SELECT * FROM render_jobs WHERE job_key = ?", RenderJobStore::map, jobKey);
    }

    public Optional<RenderJob> findByRender(Connection c, String tokenId, String renderId) throws SQLException {
        return Sql.one(c, "SELECT * FROM render_jobs WHERE token_id = ? AND render_id = ?", RenderJobStore::map, tokenId, renderId);
    }

    public Optional<RenderJob> findByRunner(Connection c, String runnerJobId) throws SQLException {
        return Sql.one(c, "SELECT * FROM render_jobs WHERE runner_job_id = ?", RenderJobStore::map, runnerJobId);
    }

    public List<RenderJob> unfinished(Connection c) throws SQLException {
        return Sql.list(c, "SELECT * FROM render_jobs WHERE status IN ('queued', 'rendering') ORDER BY created_at",
                RenderJobStore::map);
    }

    public List<RenderJob> done(Connection c, String sessionId) throws SQLException {
        return Sql.list(c, "SELECT * FROM render_jobs WHERE session_id = ? AND status = 'done' ORDER BY finished_at",
                RenderJobStore::map, sessionId);
    }

    public boolean markRendering(Connection c, String jobKey, long now) throws SQLException {
        return Sql.update(c, "UPDATE render_jobs SET status = 'rendering', progress = 0, updated_at = ? "
                + "WHERE job_key = ? AND status IN ('queued', 'rendering')", now, jobKey) == 1;
    }

    public void progress(Connection c, String jobKey, double progress, long now) throws SQLException {
        Sql.update(c, "UPDATE render_jobs SET progress = ?, updated_at = ? WHERE job_key = ? AND status = 'rendering'",
                progress, now, jobKey);
    }

    public boolean finish(Connection c, String jobKey, String outputPath, long bytes, Integer width, Integer height,
                          Long durationMs, String loopReport, long now) throws SQLException {
        return Sql.update(c, """
                UPDATE render_jobs SET status = 'done', progress = 1, output_path = ?, output_bytes = ?, width = ?, height = ?,
                       duration_ms = ?, loop_report = ?, updated_at = ?, finished_at = ?
                WHERE job_key = ? AND status IN ('queued', 'rendering')""",
                outputPath, bytes, width, height, durationMs, loopReport, now, now, jobKey) == 1;
    }

    public boolean fail(Connection c, String jobKey, int code, String message, long now) throws SQLException {
        String m = message == null ? null : message.length() > 1000 ? message.substring(0, 1000) : message;
        return Sql.update(c, """
                UPDATE render_jobs SET status = 'failed', error_code = ?, error_message = ?, updated_at = ?, finished_at = ?
                WHERE job_key = ? AND status IN ('queued', 'rendering')""", code, m, now, now, jobKey) == 1;
    }

    public void setRunner(Connection c, String jobKey, String runnerJobId, long now) throws SQLException {
        Sql.update(c, "UPDATE render_jobs SET runner_job_id = ?, updated_at = ? WHERE job_key = ?", runnerJobId, now, jobKey);
    }

    private static RenderJob map(ResultSet rs) throws SQLException {
        return new RenderJob(rs.getString("job_key"), rs.getString("render_id"), rs.getString("token_id"),
                rs.getString("session_id"), rs.getString("status"), rs.getDouble("progress"), rs.getString("format"),
                rs.getString("quality"), rs.getString("draft"), rs.getInt("price"), rs.getString("output_path"),
                Sql.longOrNull(rs, "output_bytes"), Sql.intOrNull(rs, "width"), Sql.intOrNull(rs, "height"),
                Sql.longOrNull(rs, "duration_ms"), Sql.intOrNull(rs, "error_code"), rs.getString("error_message"),
                rs.getString("runner_job_id"), rs.getLong("created_at"), rs.getLong("updated_at"),
                Sql.longOrNull(rs, "finished_at"), rs.getString("loop_report"));
    }
}
