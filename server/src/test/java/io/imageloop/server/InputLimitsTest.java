package io.imageloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drafts and chat messages over their limits are refused when they arrive, each with its own
 * code and one short line, before any parsing of what they cost or any credit is frozen.
 */
class InputLimitsTest extends SharedServer {

    static String draftWithText(String text) {
        return "{\"v\":1,\"d\":2000,\"t\":[{\"tt\":0,\"sg\":[{\"s\":0,\"d\":2000,\"m\":{\"media\":\"x\"}}]},"
                + "{\"tt\":7,\"sg\":[{\"s\":0,\"d\":2000,\"m\":{\"text\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(text) + "}}]}]}";
    }

    static String draftWithSegments(int n) {
        StringBuilder sb = new StringBuilder("{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[");
        for (int i = 0; i < n; i++) sb.append(i > 0 ? "," : "").append("{\"s\":").append(i * 10).append(",\"d\":10,\"m\":{\"media\":\"x\"}}");
        return sb.append("]}]}").toString();
    }

    private Api.Response export(String token, String sid, String draftJson) throws Exception {
        String body = "{\"id\":\"r" + System.nanoTime() + "\",\"sessionId\":\"" + sid + "\",\"draft\":" + draftJson
                + ",\"output\":{\"format\":\"mp4\"}}";
        return api.postJson("/api/render/proxy/lambda", token, body);
    }

    @Test
    void aMegabyteOfTextIs3006BeforeParsing() throws Exception {
        String token = api.newToken();
        String sid = api.newSession(token);
        Api.Response r = export(token, sid, draftWithText("x".repeat(1 << 20)));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.code()).isEqualTo(3006);
        assertThat(r.body().path("message").asText()).hasSizeLessThan(200);
        assertBalanceUntouched(token);
    }

    @Test
    void tooMuchTextInOneOverlayIs3009() throws Exception {
        String token = api.newToken();
        String sid = api.newSession(token);
        Api.Response r = export(token, sid, draftWithText("word ".repeat(200)));
        assertThat(r.code()).as(r.body().toString()).isEqualTo(3009);
        assertThat(r.data().path("limit").asText()).isEqualTo("text_length");
        assertThat(r.data().path("allowed").asInt()).isEqualTo(500);
        Api.Response lines = export(token, sid, draftWithText("a\n".repeat(200)));
        assertThat(lines.code()).isEqualTo(3009);
        assertThat(lines.data().path("limit").asText()).isEqualTo("text_lines");
        assertBalanceUntouched(token);
    }

    @Test
    void tooManySegmentsIs3007AndAMillionIs3006() throws Exception {
        String token = api.newToken();
        String sid = api.newSession(token);
        Api.Response many = export(token, sid, draftWithSegments(600));
        assertThat(many.code()).as(many.body().toString()).isEqualTo(3007);
        assertThat(many.status()).isEqualTo(413);
        Api.Response million = export(token, sid, draftWithSegments(1_000_000));
        assertThat(million.code()).isIn(3006, 4000);
        assertThat(million.status()).isEqualTo(413);
        assertBalanceUntouched(token);
    }

    @Test
    void chatMessagesOverTheLimitAre4009() throws Exception {
        String token = api.newToken();
        String sid = api.newSession(token);
        for (String message : List.of("m".repeat(8001), "字".repeat(9000), "x".repeat(200_000))) {
            Api.Response r = api.postJson("/run_sse", token, Map.of("app_name", "nemo_agent", "session_id", sid,
                    "new_message", Map.of("role", "user", "parts", List.of(Map.of("text", message)))));
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.code()).isEqualTo(4009);
            assertThat(r.body().path("message").asText()).startsWith("the message is too long");
        }
        Api.Stream ok = api.chat(token, sid, "m".repeat(100));
        assertThat(ok.status()).isEqualTo(200);
    }

    private static void assertBalanceUntouched(String token) throws Exception {
        JsonNode b = api.get("/api/credits/balance/simple", token).data();
        assertThat(b.toString()).doesNotContain("\"frozen\":1");
    }
}
