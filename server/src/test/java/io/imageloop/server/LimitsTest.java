package io.imageloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A server with a 64 KB upload limit and 3 credits per token: size limits and credits under concurrency. */
class LimitsTest extends SharedServer {

    /** Hides the shared default start: this class runs with small limits. */
    @BeforeAll
    static void start() {
        startWith(TestServers.config(dataDir).withUploadLimit(64 * 1024).withCreditsPerToken(3));
    }

    /** A small PNG well under the limit. */
    static byte[] smallPng() throws Exception {
        BufferedImage img = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 320; x++) img.setRGB(x, y, (x / 40 * 30) << 16 | (y / 25 * 30) << 8 | 128);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void uploadsOverTheLimitAre4002AndLeaveNothingBehind() throws Exception {
        String token = api.newToken();
        String sid = api.newSession(token);
        assertThat(Files.size(TestServers.COFFEE)).isGreaterThan(64 * 1024);
        Api.Response r = api.upload(token, sid, TestServers.COFFEE);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.code()).isEqualTo(4002);
        assertThat(r.data().path("limit_bytes").asLong()).isEqualTo(64 * 1024);
        Path dir = dataDir.resolve("media").resolve(sid);
        assertThat(dir.toFile().list()).isNullOrEmpty();
        assertThat(api.get("/api/state/nemo_agent/me/" + sid + "/latest", token).data().path("state").path("video_infos")).isEmpty();
        // The session still works afterwards.
        assertThat(api.upload(token, sid, "small.png", smallPng()).code()).isZero();
    }

    @Test
    void concurrentExportsNeverSpendMoreThanTheBalance() throws Exception {
        String token = api.newToken();
        String sid = api.newSession(token);
        assertThat(api.upload(token, sid, "small.png", smallPng()).code()).isZero();
        api.chat(token, sid, "turn this image into a seamlessly looping video clip");
        JsonNode draft = api.get("/api/state/nemo_agent/me/" + sid + "/latest", token).data().path("state").path("draft");

        int attempts = 8;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        List<Future<Api.Response>> results = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String id = "render_race_" + i;
            results.add(pool.submit((Callable<Api.Response>) () -> api.export(token, sid, id, draft)));
        }
        // The same id from two clients at once is one job.
        Future<Api.Response> twinA = pool.submit(() -> api.export(token, sid, "render_race_0", draft));
        List<String> accepted = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < attempts; i++) {
            Api.Response r = results.get(i).get();
            if (r.code() == 0) {
                accepted.add(r.data().path("id").asText());
            } else {
                assertThat(r.code()).isEqualTo(2001);
                assertThat(r.status()).isEqualTo(402);
                assertThat(r.data().path("bind_url").asText()).contains("/bind?bind=bind_");
                refused++;
            }
        }
        assertThat(twinA.get().code()).isIn(0, 2001);
        pool.shutdown();
        assertThat(accepted).hasSize(3);
        assertThat(refused).isEqualTo(attempts - 3);

        JsonNode balance = api.get("/api/credits/balance/simple", token).data();
        assertThat(balance.path("available").asInt()).isZero();
        assertThat(balance.path("frozen").asInt() + (3 - balance.path("total").asInt())).isEqualTo(3);

        for (String id : accepted) assertThat(api.awaitRender(token, id, Duration.ofSeconds(90)).path("status").asText()).isEqualTo("done");
        balance = api.get("/api/credits/balance/simple", token).data();
        assertThat(balance.path("available").asInt()).isZero();
        assertThat(balance.path("frozen").asInt()).isZero();
        assertThat(balance.path("total").asInt()).isZero();

        Api.Response broke = api.export(token, sid, "render_after", draft);
        assertThat(broke.code()).isEqualTo(2001);
    }

    @Test
    void operatorGrantsCreditsByClientId() throws Exception {
        String client = java.util.UUID.randomUUID().toString();
        String token = api.anonymousToken(client).data().path("token").asText();
        Operator.Grant g = Operator.grantCredits(server.config(), client, 5);
        assertThat(g.balance().available()).isEqualTo(8);
        Operator.Grant byToken = Operator.grantCredits(server.config(), token, 2);
        assertThat(byToken.tokenId()).isEqualTo(g.tokenId());
        assertThat(api.get("/api/credits/balance/simple", token).data().path("available").asInt()).isEqualTo(10);
    }
}
