package io.imageloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageloop.engine.Engine;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.plan.PlanHints;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.engine.recipe.RecipeCodec;
import io.imageloop.server.chat.ChatAgent;
import io.imageloop.server.chat.Turn;
import io.imageloop.server.jobs.TimelineExportRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
        Api.Stream made = api.chat(token, sid, "turn this image into a seamlessly looping video clip");
        assertThat(made.parts("functionCall")).singleElement().satisfies(c -> assertThat(c.path("name").asText()).isEqualTo("make_loops"));
        JsonNode s = state(token, sid);
        assertThat(s.path("draft_version").asInt()).isEqualTo(1);
        // The loop is the CLI's: Engine.plan for this photo at the draft's aspect and length, marked as planned.
        MotionRecipe recipe = RecipeCodec.parse(loopMeta(s).path("recipe"), RecipeCodec.Context.INLINE);
        assertThat(recipe).isEqualTo(new Engine().plan(TestServers.COFFEE, PlanHints.NONE, Aspect.LANDSCAPE, 6));
        assertThat(loopMeta(s).path("planned").path("aspect").asText()).isEqualTo("16:9");

        api.chat(token, sid, "make it an 8 second loop flowing left");
        s = state(token, sid);
        assertThat(s.path("draft_version").asInt()).isEqualTo(2);
        assertThat(loopMeta(s).path("loop_ms").asLong()).isEqualTo(8000);
        assertThat(drift(s).path("direction").asText()).isEqualTo("left");
        assertThat(s.path("state").path("draft").path("d").asLong()).isEqualTo(8000);

        api.chat(token, sid, "make it a 10 second loop");
        s = state(token, sid);
        assertThat(loopMeta(s).path("loop_ms").asLong()).isEqualTo(10000);
        assertThat(drift(s).path("direction").asText()).as("earlier choices stay").isEqualTo("left");

        Api.Stream title = api.chat(token, sid, "put 'Urban Dreams' at the top for the first 3 seconds");
        assertThat(title.parts("functionCall").get(0).path("name").asText()).isEqualTo("add_text");
        s = state(token, sid);
        JsonNode text = track(s, 7).path("sg").get(0);
        assertThat(text.path("m").path("text").asText()).isEqualTo("Urban Dreams");
        assertThat(text.path("m").path("position").asText()).isEqualTo("top");
        assertThat(text.path("d").asLong()).isEqualTo(3000);
        assertThat(loopMeta(s).path("loop_ms").asLong()).as("the title's 3 seconds are not the loop's").isEqualTo(10000);
        assertThat(title.text()).contains("Urban Dreams").doesNotContain("Motion");

        Api.Stream noMusic = api.chat(token, sid, "add background music at 30%");
        assertThat(noMusic.text()).contains("Upload an audio file");
        assertThat(state(token, sid).path("draft_version").asInt()).as("nothing changed, nothing saved").isEqualTo(4);
        JsonNode audio = api.upload(token, sid, TestServers.MUSIC).data();
        api.chat(token, sid, "add background music at 30% and fade it in over 2 seconds");
        s = state(token, sid);
        JsonNode bgm = track(s, 1).path("sg").get(0);
        assertThat(bgm.path("m").path("media").asText()).isEqualTo(audio.path("id").asText());
        assertThat(bgm.path("m").path("volume").asDouble()).isEqualTo(0.3);
        assertThat(bgm.path("m").path("fade_in_ms").asLong()).isEqualTo(2000);
        assertThat(bgm.path("d").asLong()).isEqualTo(10000);

        Api.Stream summary = api.chat(token, sid, "what's on the timeline?");
        assertThat(summary.parts("functionCall")).isEmpty();
        assertThat(summary.text()).contains("Timeline (3 tracks)").contains("Urban Dreams").contains("30%");
        assertThat(api.chat(token, sid, "how many credits do I have?").text()).contains("100 credits available");
        assertThat(api.chat(token, sid, "export it please").text()).contains("credit");
        Api.Stream weather = api.chat(token, sid, "what's the weather like in Paris?");
        assertThat(weather.status()).isEqualTo(200);
        assertThat(weather.text()).contains("turn this image into a seamlessly looping video clip");
        Api.Stream same = api.chat(token, sid, "make it 10 seconds");
        assertThat(same.text()).contains("already 10 seconds");
        assertThat(state(token, sid).path("draft_version").asInt()).as("one version per edit, none for questions").isEqualTo(5);
    }

    @Test
    void undoAndRedoWalkTheStoredVersions() throws Exception {
        String token = api.newToken();
        String sid = api.newSession(token);
        api.upload(token, sid, TestServers.COFFEE);
        api.chat(token, sid, "turn this image into a loop");
        api.chat(token, sid, "make it 8 seconds");
        api.chat(token, sid, "add snow");
        JsonNode snowy = state(token, sid).path("state").path("draft");
        api.chat(token, sid, "undo");
        JsonNode s = state(token, sid);
        assertThat(s.path("draft_version").asInt()).as("undo is a new version").isEqualTo(4);
        assertThat(loopMeta(s).path("recipe").path("particles").asText("none")).isEqualTo("none");
        assertThat(loopMeta(s).path("loop_ms").asLong()).isEqualTo(8000);
        api.chat(token, sid, "undo");
        assertThat(loopMeta(state(token, sid)).path("loop_ms").asLong()).isEqualTo(6000);
        api.chat(token, sid, "redo");
        assertThat(loopMeta(state(token, sid)).path("loop_ms").asLong()).isEqualTo(8000);
        api.chat(token, sid, "重做");
        assertThat(state(token, sid).path("state").path("draft")).isEqualTo(snowy);
        Api.Stream nothing = api.chat(token, sid, "redo");
        assertThat(nothing.text()).contains("nothing to redo");
        assertThat(state(token, sid).path("draft_version").asInt()).isEqualTo(7);
        // A new edit after an undo starts a new branch: there is nothing left to redo.
        api.chat(token, sid, "撤销");
        api.chat(token, sid, "make it 5 seconds");
        assertThat(api.chat(token, sid, "redo").text()).contains("nothing to redo");
        assertThat(api.chat(token, sid, "undo twice").text()).contains("Undone");
        assertThat(loopMeta(state(token, sid)).path("loop_ms").asLong()).isEqualTo(6000);
    }

    @Test
    void adkCamelCaseBodiesAreAccepted() throws Exception {
        String token = api.newToken();
        String sid = api.newSession(token);
        api.upload(token, sid, TestServers.COFFEE);
        String body = Api.JSON.writeValueAsString(Map.of("appName", "nemo_agent", "userId", "user-1", "sessionId", sid,
                "newMessage", Map.of("role", "user", "parts", List.of(Map.of("text", "turn this image into a seamlessly looping video clip")))));
        HttpResponse<String> r = api.http.send(api.request("/run_sse", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("functionCall").contains("turnComplete");
        assertThat(state(token, sid).path("draft_version").asInt()).isEqualTo(1);
        Api.Response missing = api.postJson("/run_sse", token, Map.of("appName", "nemo_agent", "sessionId", sid));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("message").asText()).contains("newMessage");
    }

    @Test
    void photosUploadedTogetherKeepTheirOrder() throws Exception {
        String token = api.newToken();
        String sid = api.newSession(token);
        List<String> names = List.of("one.jpg", "two.jpg", "three.jpg", "four.jpg", "five.jpg");
        String boundary = "----order" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] photo = Files.readAllBytes(TestServers.COFFEE);
        for (String n : names) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + n
                    + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(photo);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Api.Response up = api.send(api.request("/api/upload-video/nemo_agent/me/" + sid, token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertThat(up.code()).isZero();
        api.chat(token, sid, "make loops of all photos");
        JsonNode s = state(token, sid);
        List<String> listed = new ArrayList<>();
        s.path("state").path("video_infos").forEach(v -> listed.add(v.path("name").asText(v.path("original_name").asText())));
        List<String> looped = new ArrayList<>();
        s.path("state").path("draft").path("t").get(0).path("sg").forEach(g -> looped.add(g.path("m").path("name").asText()));
        assertThat(looped).containsExactlyElementsOf(names);
        assertThat(listed).containsExactlyElementsOf(names);
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
