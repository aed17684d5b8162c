package io.imageloop.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * One real server per test class, on an ephemeral port over a fresh data folder, with an HTTP
 * client for it. A class that needs other settings hides {@code start()} with its own
 * {@code @BeforeAll static void start()} calling {@link #startWith(ServerConfig)}.
 */
abstract class SharedServer {

    @TempDir
    static Path dataDir;
    static RunningServer server;
    static Api api;

    @BeforeAll
    static void start() {
        startWith(TestServers.config(dataDir));
    }

    static void startWith(ServerConfig config) {
        server = ImageloopServer.start(config);
        api = new Api(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        server = null;
        api = null;
    }
}
