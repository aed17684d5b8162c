package io.imageloop.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** serve and credits, as an operator uses them. */
class ServiceCommandsTest {

    @TempDir
    Path dir;

    @Test
    void serveHelpListsTheServiceOptions() {
        MakeCommandTest.Run run = MakeCommandTest.run("serve", "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("--data-dir").contains("--jdbc-url").contains("IMAGELOOP_PORT");
    }

    @Test
    void serveRefusesUnknownOptions() {
        MakeCommandTest.Run run = MakeCommandTest.run("serve", "--prot", "8080");
        assertThat(run.code()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("Unknown option").contains("'--prot'");
    }

    @Test
    void grantsCreditsToAClientOfTheService() throws Exception {
        String clientId = UUID.randomUUID().toString();
        try (var server = io.imageloop.server.ImageloopServer.start(
                io.imageloop.server.ServerOptions.parse("--port", "0", "--data-dir", dir.toString()))) {
            HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/auth/anonymous-token"))
                    .header("X-Client-Id", clientId).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).isEqualTo(200);
        }
        MakeCommandTest.Run grant = MakeCommandTest.run("credits", "grant", clientId, "50", "--data-dir", dir.toString());
        assertThat(grant.code()).as(grant.err()).isZero();
        assertThat(grant.out()).contains("150 credits available");
        MakeCommandTest.Run unknown = MakeCommandTest.run("credits", "balance", "nobody", "--data-dir", dir.toString());
        assertThat(unknown.code()).isEqualTo(Main.USAGE);
        assertThat(unknown.err()).contains("no token or client id matches");
    }
}
