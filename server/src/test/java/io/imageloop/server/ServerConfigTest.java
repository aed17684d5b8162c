package io.imageloop.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerConfigTest {

    @Test
    void defaultsThenEnvironmentThenFlags() {
        ServerConfig c = ServerConfig.parse(new String[] {"--port", "9000", "--upload-limit=50MB", "--allow-private-urls"},
                Map.of("IMAGELOOP_PORT", "7000", "IMAGELOOP_DATA_DIR", "/srv/il", "IMAGELOOP_CREDITS_PER_TOKEN", "20", "PATH", "/bin"));
        assertThat(c.port()).isEqualTo(9000);
        assertThat(c.dataDir()).isEqualTo(Path.of("/srv/il"));
        assertThat(c.uploadLimitBytes()).isEqualTo(50L * 1024 * 1024);
        assertThat(c.creditsPerToken()).isEqualTo(20);
        assertThat(c.allowPrivateUrls()).isTrue();
        assertThat(c.renderResolution()).isEqualTo(1080);
        assertThat(c.workers()).isEqualTo(2);
        assertThat(c.effectiveJdbcUrl()).startsWith("jdbc:h2:file:/srv/il/db/imageloop");

        ServerConfig d = ServerConfig.parse(new String[0], Map.of());
        assertThat(d.port()).isEqualTo(8080);
        assertThat(d.uploadLimitBytes()).isEqualTo(200L * 1024 * 1024);
        assertThat(d.creditsPerToken()).isEqualTo(100);
        assertThat(d.allowPrivateUrls()).isFalse();
    }

    @Test
    void mistakesAreReportedPlainly() {
        assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--prot", "1"}, Map.of())).hasMessageContaining("unknown option --prot");
        assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--port", "x"}, Map.of())).hasMessageContaining("whole number");
        assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--upload-limit", "lots"}, Map.of())).hasMessageContaining("not a size");
        assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--job-poll-seconds", "1"}, Map.of())).hasMessageContaining("at least 5");
        assertThatThrownBy(() -> ServerConfig.parse(new String[] {"--port"}, Map.of())).hasMessageContaining("needs a value");
    }
}
