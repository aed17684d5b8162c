package io.imageloop.server;

import io.imageloop.server.store.Ids;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error of the contract's table (and this server's own) with its HTTP status and envelope. */
class ErrorCodesTest extends SharedServer {

    @Test
    void tokenWithoutClientIdIs400() throws Exception {
        Api.Response r = api.anonymousToken(null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(400);
        assertThat(r.body().path("message").asText()).contains("X-Client-Id");
    }

    @Test
    void secondTokenForTheSameClientIs429WithRetryAfter() throws Exception {
        String client = UUID.randomUUID().toString();
        assertThat(api.anonymousToken(client).code()).isZero();
        Api.Response again = api.anonymousToken(client);
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.code()).isEqualTo(429);
        long retry = Long.parseLong(again.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retry).isBetween(7L * 24 * 3600 - 60, 7L * 24 * 3600);
    }

    @Test
    void missingUnknownAndExpiredTokensAre1001() throws Exception {
        Api.Response missing = api.get("/api/credits/balance/simple", null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.code()).isEqualTo(1001);
        Api.Response unknown = api.get("/api/credits/balance/simple", "il_not-a-real-token");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.code()).isEqualTo(1001);

        String token = api.newToken();
        assertThat(api.get("/api/credits/balance/simple", token).code()).isZero();
        try (Connection c = DriverManager.getConnection(server.config().effectiveJdbcUrl(), "sa", "");
             PreparedStatement ps = c.prepareStatement("UPDATE tokens SET expires_at = ? WHERE token_hash = ?")) {
            ps.setLong(1, System.currentTimeMillis() - 1);
            ps.setString(2, Ids.sha256(token));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        Api.Response expired = api.get("/api/credits/balance/simple", token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo(1001);
        assertThat(expired.body().path("message").asText()).contains("expired");
    }

    @Test
    void unknownSessionIs1002() throws Exception {
        String token = api.newToken();
        Api.Response r = api.get("/api/state/nemo_agent/me/" + UUID.randomUUID() + "/latest", token);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo(1002);
        Api.Response chat = api.postJson("/run_sse", token, Map.of("session_id", "nope",
                "new_message", Map.of("role", "user", "parts", java.util.List.of(Map.of("text", "hi")))));
        assertThat(chat.code()).isEqualTo(1002);
    }

    @Test
    void filesThatAreNotMediaAre4001WhateverTheirName() throws Exception {
        String token = api.newToken();
        String sid = api.newSession(token);
        Api.Response text = api.upload(token, sid, "holiday.jpg", "just some text, not a photo".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.code()).isEqualTo(4001);
        Api.Response pdf = api.upload(token, sid, "clip.mp4", "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(pdf.code()).isEqualTo(4001);
        Api.Response state = api.get("/api/state/nemo_agent/me/" + sid + "/latest", token);
        assertThat(state.data().path("state").path("video_infos")).isEmpty();
    }

    @Test
    void damagedMediaIs4003() throws Exception {
        String token = api.newToken();
        String sid = api.newSession(token);
        byte[] broken = new byte[4096];
        broken[0] = (byte) 0xFF;
        broken[1] = (byte) 0xD8;
        broken[2] = (byte) 0xFF;
        Api.Response r = api.upload(token, sid, "broken.jpg", broken);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo(4003);
    }

    @Test
    void exportErrors() throws Exception {
        String token = api.newToken();
        String sid = api.newSession(token);
        Api.Response noDraft = api.export(token, sid, "render_1", null);
        assertThat(noDraft.status()).isEqualTo(400);
        assertThat(noDraft.code()).isEqualTo(3003);

        var emptyDraft = Api.JSON.readTree("{\"v\":1,\"d\":6000,\"m\":{\"aspect\":\"16:9\",\"fps\":30},\"t\":[]}");
        Api.Response nothing = api.export(token, sid, "render_2", emptyDraft);
        assertThat(nothing.code()).isEqualTo(3003);

        var foreign = Api.JSON.readTree("{\"d\":6000,\"t\":[{\"tt\":0,\"sg\":[{\"s\":0,\"d\":6000,\"m\":{\"media\":\"med_x\",\"kind\":\"loop\"}}]}]}");
        Api.Response unknownMedia = api.export(token, sid, "render_3", foreign);
        assertThat(unknownMedia.code()).isEqualTo(3003);
        assertThat(unknownMedia.body().path("message").asText()).contains("med_x");

        Api.Response plan = api.postJson("/api/render/proxy/lambda", token, Map.of("id", "render_4", "sessionId", sid,
                "draft", emptyDraft, "output", Map.of("format", "mp4", "quality", "4k")));
        assertThat(plan.status()).isEqualTo(402);
        assertThat(plan.code()).isEqualTo(402);

        Api.Response badFormat = api.postJson("/api/render/proxy/lambda", token, Map.of("id", "render_5", "sessionId", sid,
                "output", Map.of("format", "avi")));
        assertThat(badFormat.code()).isEqualTo(4000);

        Api.Response poll = api.get("/api/render/proxy/lambda/render_missing", token);
        assertThat(poll.status()).isEqualTo(404);
        assertThat(poll.code()).isEqualTo(3001);

        Api.Response balance = api.get("/api/credits/balance/simple", token);
        assertThat(balance.data().path("available").asInt()).isEqualTo(100);
        assertThat(balance.data().path("frozen").asInt()).isZero();
    }

    @Test
    void malformedRequestsGetAClearMessageNotAStackTrace() throws Exception {
        String token = api.newToken();
        Api.Response json = api.postJson("/api/tasks/me/with-session/nemo_agent", token, "{not json");
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.code()).isEqualTo(4000);
        assertThat(json.body().path("message").asText()).contains("not valid JSON").doesNotContain("Exception");

        Api.Response noEndpoint = api.get("/api/nothing/here", token);
        assertThat(noEndpoint.status()).isEqualTo(404);
        assertThat(noEndpoint.code()).isEqualTo(4040);

        String sid = api.newSession(token);
        Api.Response noText = api.postJson("/run_sse", token, Map.of("session_id", sid, "new_message", Map.of("parts", java.util.List.of())));
        assertThat(noText.code()).isEqualTo(4000);

        Api.Response noFile = api.send(api.request("/api/upload-video/nemo_agent/me/" + sid, token)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")));
        assertThat(noFile.code()).isEqualTo(4000);

        Api.Response truncated = api.send(api.request("/api/upload-video/nemo_agent/me/" + sid, token)
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\n\u00ff\u00d8\u00ff")));
        assertThat(truncated.code()).isEqualTo(4000);
        assertThat(dataDir.resolve("media").resolve(sid).toFile().list()).isNullOrEmpty();
    }

    @Test
    void healthAndDocsAreServed() throws Exception {
        Api.Response health = api.get("/health", null);
        assertThat(health.code()).isZero();
        assertThat(health.data().path("database").asText()).isEqualTo("ok");
        Api.Response openapi = api.get("/openapi.json", null);
        assertThat(openapi.body().path("openapi").asText()).startsWith("3.");
        assertThat(openapi.body().path("paths").has("/run_sse")).isTrue();
        var docs = api.http.send(api.request("/docs", null).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("anonymous-token");
    }

    @Test
    void attributionHeadersAreRecorded() throws Exception {
        api.newToken();
        try (Connection c = DriverManager.getConnection(server.config().effectiveJdbcUrl(), "sa", "");
             var rs = c.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM request_log WHERE skill_source = 'image-to-video-loop-ai' AND skill_platform = 'test'")) {
            rs.next();
            assertThat(rs.getLong(1)).isPositive();
        }
        // Never required: a request without them works.
        var bare = api.http.send(HttpRequest.newBuilder(java.net.URI.create(api.base + "/api/auth/anonymous-token"))
                .header("X-Client-Id", UUID.randomUUID().toString()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode()).isEqualTo(200);
    }
}
