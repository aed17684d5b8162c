package io.imageloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** One token never sees or touches another token's sessions, media, drafts or renders. */
class IsolationTest extends SharedServer {

    @Test
    void anotherTokensSessionLooksLikeNoSessionAtAll() throws Exception {
        String alice = api.newToken();
        String sid = api.newSession(alice);
        JsonNode media = api.upload(alice, sid, TestServers.COFFEE).data();
        api.chat(alice, sid, "turn this image into a seamlessly looping video clip");
        JsonNode draft = api.get("/api/state/nemo_agent/me/" + sid + "/latest", alice).data().path("state").path("draft");
        assertThat(api.export(alice, sid, "render_shared_name", draft).code()).isZero();
        JsonNode done = api.awaitRender(alice, "render_shared_name", Duration.ofSeconds(60));
        assertThat(done.path("status").asText()).isEqualTo("done");

        String bob = api.newToken();
        Api.Response state = api.get("/api/state/nemo_agent/me/" + sid + "/latest", bob);
        assertThat(state.code()).isEqualTo(1002);
        assertThat(state.body().toString()).doesNotContain(media.path("id").asText());
        assertThat(api.upload(bob, sid, TestServers.COFFEE).code()).isEqualTo(1002);
        assertThat(api.chat(bob, sid, "what is on the timeline").raw()).contains("1002");
        assertThat(api.export(bob, sid, "render_bob", draft).code()).isEqualTo(1002);
        assertThat(api.get("/api/render/proxy/lambda/render_shared_name", bob).code()).isEqualTo(3001);

        HttpResponse<byte[]> file = api.download(done.path("url").asText(), bob, null);
        assertThat(file.statusCode()).isEqualTo(404);
        assertThat(new String(file.body())).contains("3001");
        HttpResponse<byte[]> original = api.download(media.path("url").asText(), bob, null);
        assertThat(original.statusCode()).isEqualTo(404);
        assertThat(api.download(media.path("url").asText(), alice, null).statusCode()).isEqualTo(200);

        // Bob's own export under the same render id is his own job, drawing on his own credits.
        String bobSid = api.newSession(bob);
        Api.Response bobExport = api.export(bob, bobSid, "render_shared_name", draft);
        assertThat(bobExport.code()).isEqualTo(3003);
        assertThat(api.get("/api/credits/balance/simple", bob).data().path("available").asInt()).isEqualTo(100);
        assertThat(api.get("/api/credits/balance/simple", alice).data().path("available").asInt()).isEqualTo(99);
    }
}
