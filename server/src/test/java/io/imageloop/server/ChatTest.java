package io.imageloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageloop.server.chat.ChatAgent;
import io.imageloop.server.chat.Turn;
import io.imageloop.server.jobs.TimelineExportRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Editing through chat: each request becomes a new draft version; questions get answers, not errors. */
class ChatTest extends SharedServer {

    private static JsonNode state(String token, String sid) throws Exception {
        return api.get("/api/state/nemo_agent/me/" + sid + "/latest", token).data();
    }

    private static JsonNode loopMeta(JsonNode state) {
        return state.path("state").path("draft").path("t").get(0).path("sg").get(0).path("m");
    }

    /** The loop's drift layer, in its recipe. */
    private static JsonNode drift(JsonNode state) {
        for (JsonNode layer : loopMeta(state).path("recipe").path("layers")) {
            if (layer.path("kind").asText().equals("drift")) return layer;
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    @Test
    void editsTheTimelineStepByStep() throws Exception {
        String token = api.newToken();
        String sid = api.newSession(token);
        Api.Stream early = api.chat(token, sid, "turn this image into a seamlessly looping video clip");
        assertThat(early.text()).contains("Upload a photo");
        assertThat(early.parts("functionCall")).isEmpty();

        api.upload(token, sid, TestServers.COFFEE);
        api.chat(token, sid, "turn this image into a seamlessly looping video clip");
        assertThat(state(token, sid).path("draft_version").asInt()).isEqualTo(1);

        api.chat(token, sid, "make it an 8 second loop flowing left, and only the sky moves");
        JsonNode s = state(token, sid);
        assertThat(s.path("draft_version").asInt()).isEqualTo(2);
        assertThat(loopMeta(s).path("loop_ms").asLong()).isEqualTo(8000);
        assertThat(drift(s).path("direction").asText()).isEqualTo("left");
        assertThat(drift(s).path("area").path("band").asText()).isEqualTo("upper");
        assertThat(s.path("state").path("draft").path("d").asLong()).isEqualTo(8000);

        api.chat(token, sid, "make it a 10 second loop");
        s = state(token, sid);
        assertThat(loopMeta(s).path("loop_ms").asLong()).isEqualTo(10000);
        assertThat(drift(s).path("direction").asText()).as("earlier choices stay").isEqualTo("left");
        api.chat(token, sid, "make it an 8 second loop");

        api.chat(token, sid, "keep the sky still and switch to 9:16");
        s = state(token, sid);
        assertThat(drift(s).path("area").path("band").asText()).isEqualTo("lower");
        assertThat(s.path("state").path("draft").path("m").path("aspect").asText()).isEqualTo("9:16");

        Api.Stream title = api.chat(token, sid, "add the title \"Morning Coffee\" at the top for 3 seconds");
        assertThat(title.parts("functionCall").get(0).path("name").asText()).isEqualTo("update_draft");
        s = state(token, sid);
        JsonNode text = track(s, 7).path("sg").get(0);
        assertThat(text.path("m").path("text").asText()).isEqualTo("Morning Coffee");
        assertThat(text.path("m").path("position").asText()).isEqualTo("top");
        assertThat(text.path("d").asLong()).isEqualTo(3000);
        assertThat(loopMeta(s).path("loop_ms").asLong()).as("the title's 3 seconds are not the loop's").isEqualTo(8000);

        Api.Stream noMusic = api.chat(token, sid, "add background music at 30%");
        assertThat(noMusic.text()).contains("Upload an audio file");
        JsonNode audio = api.upload(token, sid, TestServers.MUSIC).data();
        assertThat(audio.path("kind").asText()).isEqualTo("audio");
        assertThat(audio.path("duration_ms").asLong()).isPositive();
        api.chat(token, sid, "add background music at 30% with a fade in");
        s = state(token, sid);
        JsonNode bgm = track(s, 1).path("sg").get(0);
        assertThat(bgm.path("m").path("media").asText()).isEqualTo(audio.path("id").asText());
        assertThat(bgm.path("m").path("volume").asDouble()).isEqualTo(0.3);
        assertThat(bgm.path("m").path("fade_in_ms").asLong()).isEqualTo(1000);
        assertThat(bgm.path("d").asLong()).isEqualTo(8000);

        Api.Stream summary = api.chat(token, sid, "what's on the timeline?");
        assertThat(summary.parts("functionCall")).isEmpty();
        assertThat(summary.text()).contains("Timeline (3 tracks)").contains("Morning Coffee").contains("30%");
        assertThat(state(token, sid).path("summary").asText()).startsWith("Timeline (3 tracks)");

        assertThat(api.chat(token, sid, "how many credits do I have?").text()).contains("100 credits available");
        assertThat(api.chat(token, sid, "export it please").text()).contains("credit");
        Api.Stream weather = api.chat(token, sid, "what's the weather like in Paris?");
        assertThat(weather.status()).isEqualTo(200);
        assertThat(weather.text()).contains("turn this image into a seamlessly looping video clip");
        assertThat(state(token, sid).path("draft_version").asInt()).as("one version per edit, none for questions").isEqualTo(7);
    }

    @Test
    void chineseEditsAreUnderstood() throws Exception {
        String token = api.newToken();
        String sid = api.newSession(token);
        api.upload(token, sid, TestServers.COFFEE);
        api.chat(token, sid, "把这张图片变成无缝循环视频");
        Api.Stream edit = api.chat(token, sid, "改成10秒，向右流动，竖屏");
        assertThat(edit.text()).contains("画面比例");
        JsonNode s = state(token, sid);
        assertThat(loopMeta(s).path("loop_ms").asLong()).isEqualTo(10000);
        assertThat(drift(s).path("direction").asText()).isEqualTo("right");
        assertThat(s.path("state").path("draft").path("m").path("aspect").asText()).isEqualTo("9:16");
        api.chat(token, sid, "添加文字“你好”在底部显示前2秒");
        JsonNode text = track(state(token, sid), 7).path("sg").get(0);
        assertThat(text.path("m").path("text").asText()).isEqualTo("你好");
        assertThat(text.path("m").path("position").asText()).isEqualTo("bottom");
        assertThat(text.path("d").asLong()).isEqualTo(2000);
        assertThat(api.chat(token, sid, "时间线上有什么？").text()).contains("Timeline");
    }

    private static JsonNode track(JsonNode state, int type) {
        for (JsonNode t : state.path("state").path("draft").path("t")) if (t.path("tt").asInt() == type) return t;
        throw new AssertionError("no track of type " + type);
    }

    @TempDir
    static Path slowDir;

    @Test
    void longTurnsStreamHeartbeatsAndProgressAndFailuresEndTheStreamCleanly() throws Exception {
        ChatAgent slow = (session, message, events) -> {
            if (message.contains("fail")) throw new IllegalStateException("agent broke");
            for (int i = 1; i <= 3; i++) {
                events.progress("thinking", i / 3.0, "step " + i);
                Thread.sleep(500);
            }
            events.text("done thinking");
            return new Turn("done thinking", null);
        };
        ServerConfig config = TestServers.config(slowDir);
        try (RunningServer s = ImageloopServer.start(config, new TimelineExportRenderer(240, 2, 10), slow)) {
            Api client = new Api(s.baseUrl());
            String token = client.newToken();
            String sid = client.newSession(token);
            Api.Stream turn = client.chat(token, sid, "think slowly");
            Matcher beats = Pattern.compile("^: heartbeat$", Pattern.MULTILINE).matcher(turn.raw());
            int count = 0;
            while (beats.find()) count++;
            assertThat(count).isGreaterThanOrEqualTo(2);
            assertThat(turn.events()).filteredOn(e -> e.has("customMetadata")).hasSize(3);
            assertThat(turn.text()).contains("done thinking");
            assertThat(turn.events().get(turn.events().size() - 1).path("turnComplete").asBoolean()).isTrue();

            Api.Stream failed = client.chat(token, sid, "please fail");
            assertThat(failed.status()).isEqualTo(200);
            JsonNode last = failed.events().get(failed.events().size() - 1);
            assertThat(last.path("errorCode").asText()).isEqualTo("INTERNAL");
            assertThat(failed.raw()).doesNotContain("IllegalStateException").doesNotContain("agent broke");
        }
    }
}
