package io.imageloop.server;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the service keeps its data: every command that touches it (serve, worker, credits) takes these. */
public final class DatabaseOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:IMAGELOOP_DATA_DIR:-imageloop-data}",
            description = "Uploads (media/), renders (renders/) and the embedded database (db/) (IMAGELOOP_DATA_DIR, default ${DEFAULT-VALUE}).")
    public Path dataDir;

    @Option(names = "--jdbc-url", paramLabel = "URL", defaultValue = "${env:IMAGELOOP_JDBC_URL}",
            description = "e.g. jdbc:postgresql://db/imageloop (IMAGELOOP_JDBC_URL, default: embedded H2 under the data dir).")
    public String jdbcUrl;

    @Option(names = "--jdbc-user", paramLabel = "USER", defaultValue = "${env:IMAGELOOP_JDBC_USER}",
            description = "Database user (IMAGELOOP_JDBC_USER).")
    public String jdbcUser;

    @Option(names = "--jdbc-password", paramLabel = "PASSWORD", defaultValue = "${env:IMAGELOOP_JDBC_PASSWORD}",
            description = "Database password (IMAGELOOP_JDBC_PASSWORD; prefer the variable: flags show in ps).")
    public String jdbcPassword;

    /** The defaults with these applied. */
    public ServerConfig toConfig() {
        return ServerConfig.defaults(dataDir).withJdbc(blankToNull(jdbcUrl), blankToNull(jdbcUser), blankToNull(jdbcPassword));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
