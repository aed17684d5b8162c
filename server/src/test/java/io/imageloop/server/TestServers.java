package io.imageloop.server;

import java.nio.file.Path;
import java.time.Duration;

/** Server configurations for tests: loopback only, tiny renders (240p, 2 s, 10 fps). */
final class TestServers {

    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
    static final Path COFFEE = SAMPLES.resolve("coffee-cup.jpg");
    static final Path MUSIC = SAMPLES.resolve("frozen-bubble-intro-music.ogg");

    private TestServers() {
    }

    static ServerConfig config(Path dataDir) {
        return ServerConfig.defaults(dataDir).withHost("127.0.0.1").withPort(0).withRender(240, 2, 10)
                .withHeartbeatInterval(Duration.ofMillis(500));
    }
}
