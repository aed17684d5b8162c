package io.imageloop.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.imageloop.server.ServerConfig;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connection pool, migrated on open, plus transaction helpers. Every store goes through
 * {@link #tx} or {@link #read}, so connections are never leaked and a failed unit of work is
 * rolled back as a whole (nothing half-written survives an error).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Opens the pool and applies pending Flyway migrations. */
    public static Database open(ServerConfig config) {
        String url = config.effectiveJdbcUrl();
        if (config.jdbcUrl() == null || config.jdbcUrl().isBlank()) {
            try {
                Files.createDirectories(config.dataDir().resolve("db"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot create the database folder under " + config.dataDir() + ": " + e.getMessage(), e);
            }
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        if (config.jdbcUser() != null) hc.setUsername(config.jdbcUser());
        else if (url.startsWith("jdbc:h2:")) hc.setUsername("sa");
        if (config.jdbcPassword() != null) hc.setPassword(config.jdbcPassword());
        // HTTP handlers, two render workers and the job server's own threads share this pool.
        hc.setMaximumPoolSize(12);
        hc.setMinimumIdle(1);
        hc.setPoolName("imageloop-db");
        HikariDataSource pool = new HikariDataSource(hc);
        try {
            var result = Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            LOG.info("database {} ready (schema version {}, {} migration(s) applied)", redact(url),
                    result.targetSchemaVersion == null ? "current" : result.targetSchemaVersion, result.migrationsExecuted);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Runs {@code work} in one transaction: commit on return, rollback on any exception. */
    public <T> T tx(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Runs {@code work} with auto-commit: single statements and reads. */
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** The URL for logs, without any password parameter. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
