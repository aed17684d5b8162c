package io.imageloop.server;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Flags as picocli options; the environment variables are their defaults (see the CLI's subprocess test for those). */
class ServerConfigTest {

    @Test
    void flagsOverrideTheDefaults() {
        ServerConfig c = ServerOptions.parse("--port", "9000", "--upload-limit=50MB", "--allow-private-urls", "--data-dir", "/srv/il",
                "--credits-per-token", "20", "--workers", "0", "--job-poll-seconds", "7", "--render-time-factor", "0.5",
                "--storage", "s3://media/loops", "--s3-endpoint", "http://127.0.0.1:9000");
        assertThat(c.port()).isEqualTo(9000);
        assertThat(c.dataDir()).isEqualTo(Path.of("/srv/il"));
        assertThat(c.uploadLimitBytes()).isEqualTo(50L * 1024 * 1024);
        assertThat(c.creditsPerToken()).isEqualTo(20);
        assertThat(c.allowPrivateUrls()).isTrue();
        assertThat(c.workers()).isZero();
        assertThat(c.jobPollInterval()).isEqualTo(Duration.ofSeconds(7));
        assertThat(c.renderTimeFactor()).isEqualTo(0.5);
        assertThat(c.storage().bucket()).isEqualTo("media");
        assertThat(c.storage().prefix()).isEqualTo("loops/");
        assertThat(c.effectiveJdbcUrl()).startsWith("jdbc:h2:file:/srv/il/db/imageloop").contains("DB_CLOSE_ON_EXIT=FALSE");
        assertThat(ServerOptions.parse("--allow-private-urls=false").allowPrivateUrls()).isFalse();
    }

    @Test
    void defaultsWithoutEnvironment() {
        ServerConfig d = ServerOptions.parse();
        assertThat(d.port()).isEqualTo(System.getenv("IMAGELOOP_PORT") == null ? 8080 : Integer.parseInt(System.getenv("IMAGELOOP_PORT")));
        assertThat(d.uploadLimitBytes()).isEqualTo(200L * 1024 * 1024);
        assertThat(d.creditsPerToken()).isEqualTo(100);
        assertThat(d.renderResolution()).isEqualTo(1080);
        assertThat(d.workers()).isEqualTo(2);
        assertThat(d.allowPrivateUrls()).isFalse();
        assertThat(d.storage().isS3()).isFalse();
        assertThat(d.operatorPort()).isZero();
    }

    @Test
    void mistakesAreReportedPlainly() {
        assertThatThrownBy(() -> ServerOptions.parse("--prot", "1")).isInstanceOf(CommandLine.UnmatchedArgumentException.class)
                .hasMessageContaining("--prot");
        assertThatThrownBy(() -> ServerOptions.parse("--port", "x")).hasMessageContaining("'x' is not an int");
        assertThatThrownBy(() -> ServerOptions.parse("--upload-limit", "lots")).hasMessageContaining("not a size");
        assertThatThrownBy(() -> ServerOptions.parse("--job-poll-seconds", "1")).hasMessageContaining("at least 5");
        assertThatThrownBy(() -> ServerOptions.parse("--port")).hasMessageContaining("Missing required parameter");
        assertThatThrownBy(() -> ServerOptions.parse("--workers", "-1")).hasMessageContaining("workers must be 0..64");
        assertThatThrownBy(() -> ServerOptions.parse("--storage", "ftp://x")).hasMessageContaining("s3://bucket/prefix");
    }
}
