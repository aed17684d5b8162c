package io.imageloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.imageloop.server.chat.LlmAgent;
import io.imageloop.server.chat.RuleAgent;
import io.imageloop.server.chat.llm.LlmConfig;
import io.imageloop.server.chat.llm.ToolSpecs;
import io.imageloop.server.jobs.TimelineExportRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model-driven agent against a local server that speaks the OpenAI chat/completions wire
 * format: a scripted model answers with tool calls, and the draft read back from the state
 * endpoint must have changed exactly as those calls said.
 */
class LlmAgentTest {

    @TempDir
    Path dataDir;

    HttpServer model;
    final Deque<String> script = new ArrayDeque<>();
    final List<JsonNode> requests = new ArrayList<>();
    final List<String> authorizations = new ArrayList<>();
    RunningServer server;
    Api api;

    @BeforeEach
    void start() throws Exception {
        model = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        model.createContext("/v1/chat/completions", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (requests) {
                requests.add(Api.JSON.readTree(body));
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            }
            String answer = script.isEmpty() ? message("Nothing more to do.") : script.poll();
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        model.start();
        LlmConfig config = new LlmConfig("http://127.0.0.1:" + model.getAddress().getPort() + "/v1", "test-model", "sk-test", Duration.ofSeconds(10));
        server = ImageloopServer.start(TestServers.config(dataDir), new TimelineExportRenderer(240, 2, 10), new LlmAgent(config, new RuleAgent()));
        api = new Api(server.baseUrl());
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (model != null) model.stop(0);
    }

    /** A chat/completions answer with tool calls: name, arguments JSON, alternating. */
    static String toolCalls(String... nameArgs) throws Exception {
        ObjectNode root = Api.JSON.createObjectNode();
        ObjectNode msg = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "tool_calls").putObject("message");
        msg.put("role", "assistant");
        msg.putNull("content");
        ArrayNode calls = msg.putArray("tool_calls");
        for (int i = 0; i < nameArgs.length; i += 2) {
            ObjectNode c = calls.addObject().put("id", "call_" + i).put("type", "function");
            c.putObject("function").put("name", nameArgs[i]).put("arguments", nameArgs[i + 1]);
        }
        return Api.JSON.writeValueAsString(root);
    }

    static String message(String text) {
        try {
            ObjectNode root = Api.JSON.createObjectNode();
            root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("message")
                    .put("role", "assistant").put("content", text);
            return Api.JSON.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode state(String token, String sid) throws Exception {
        return api.get("/api/state/nemo_agent/me/" + sid + "/latest", token).data();
    }

    @Test
    void theModelsToolCallsEditTheDraftAndTheReplySaysWhatChanged() throws Exception {
        String token = api.newToken();
        String sid = api.newSession(token);
        api.upload(token, sid, TestServers.COFFEE);
        api.upload(token, sid, TestServers.SAMPLES.resolve("lake-boats-sunset-clouds.jpg"));
        script.add(toolCalls("make_loops", "{}"));
        script.add(toolCalls("set_motion", "{\"photos\": [2], \"camera\": \"in\"}",
                "add_text", "{\"text\": \"Hello\", \"position\": \"top\", \"start\": 0, \"end\": 3}",
                "set_loop_length", "{\"photos\": [1], \"seconds\": 8}"));
        script.add(message("I made both photos loop, zoomed into the second and added the title."));
        Api.Stream turn = api.chat(token, sid, "make loops, zoom into the second one, title Hello at the top for 3 s, first one 8 s");

        JsonNode s = state(token, sid);
        assertThat(s.path("draft_version").asInt()).as("one version for the whole turn").isEqualTo(1);
        JsonNode video = s.path("state").path("draft").path("t").get(0).path("sg");
        assertThat(video).hasSize(2);
        assertThat(video.get(0).path("m").path("loop_ms").asLong()).isEqualTo(8000);
        assertThat(video.get(1).path("m").path("loop_ms").asLong()).isEqualTo(6000);
        assertThat(video.get(1).path("m").path("recipe").path("camera").path("move").asText()).isEqualTo("in");
        JsonNode text = s.path("state").path("draft").path("t").get(1).path("sg").get(0);
        assertThat(text.path("m").path("text").asText()).isEqualTo("Hello");
        assertThat(text.path("m").path("position").asText()).isEqualTo("top");
        assertThat(text.path("s").asLong()).isZero();
        assertThat(text.path("d").asLong()).isEqualTo(3000);

        // Each edit streamed as a pair; the reply comes from the draft, not from the model's words.
        assertThat(turn.parts("functionCall")).extracting(c -> c.path("name").asText())
                .containsExactly("make_loops", "set_motion", "add_text", "set_loop_length");
        assertThat(turn.text()).contains("Hello").contains("zoom in").contains("8 s").doesNotContain("I made both photos loop");

        // The wire format: the model, the key, the tools, and the tool results sent back with their ids.
        assertThat(requests).hasSize(3);
        assertThat(requests.get(0).path("model").asText()).isEqualTo("test-model");
        assertThat(authorizations).allMatch("Bearer sk-test"::equals);
        Set<String> offered = new HashSet<>();
        requests.get(0).path("tools").forEach(t -> offered.add(t.path("function").path("name").asText()));
        assertThat(offered).contains("make_loops", "set_motion", "add_text", "undo", "set_aspect").hasSize(ToolSpecs.tools().size());
        assertThat(requests.get(0).path("messages").get(0).path("role").asText()).isEqualTo("system");
        JsonNode second = requests.get(1).path("messages");
        JsonNode toolResult = second.get(second.size() - 1);
        assertThat(toolResult.path("role").asText()).isEqualTo("tool");
        assertThat(toolResult.path("tool_call_id").asText()).isEqualTo("call_0");
        assertThat(Api.JSON.readTree(toolResult.path("content").asText()).path("status").asText()).isEqualTo("ok");
        JsonNode third = requests.get(2).path("messages");
        assertThat(third.get(third.size() - 3).path("tool_call_id").asText()).isEqualTo("call_0");
        assertThat(third.get(third.size() - 1).path("tool_call_id").asText()).isEqualTo("call_4");
    }

    @Test
    void badArgumentsAndRefusalsGoBackToTheModelAndNothingElseChanges() throws Exception {
        String token = api.newToken();
        String sid = api.newSession(token);
        api.upload(token, sid, TestServers.COFFEE);
        script.add(toolCalls("make_loops", "{}"));
        script.add(message("Done."));
        api.chat(token, sid, "loop it");
        script.add(toolCalls("set_loop_length", "{\"seconds\": 600}", "set_motion", "not json"));
        script.add(message("Loops can be at most 60 seconds."));
        Api.Stream turn = api.chat(token, sid, "make it ten minutes");
        assertThat(state(token, sid).path("draft_version").asInt()).as("a refused turn saves nothing").isEqualTo(1);
        assertThat(turn.parts("functionCall")).isEmpty();
        assertThat(turn.text()).contains("1 to 60 seconds");
        JsonNode msgs = requests.get(requests.size() - 1).path("messages");
        assertThat(msgs.get(msgs.size() - 2).path("content").asText()).contains("refused");
        assertThat(msgs.get(msgs.size() - 1).path("content").asText()).contains("not a JSON object");
    }

    @Test
    void aModelThatOnlyTalksChangesNothingAndSaysSo() throws Exception {
        String token = api.newToken();
        String sid = api.newSession(token);
        api.upload(token, sid, TestServers.COFFEE);
        script.add(message("I can turn your photo into a loop, add titles and music."));
        Api.Stream turn = api.chat(token, sid, "what can you do?");
        assertThat(turn.text()).contains("I can turn your photo into a loop").contains("unchanged");
        assertThat(state(token, sid).path("draft_version").asInt()).isZero();
    }

    @Test
    void withoutTheModelServerTheBuiltInUnderstandingAnswers() throws Exception {
        model.stop(0);
        model = null;
        String token = api.newToken();
        String sid = api.newSession(token);
        api.upload(token, sid, TestServers.COFFEE);
        Api.Stream turn = api.chat(token, sid, "turn this image into a seamlessly looping video clip");
        assertThat(turn.status()).isEqualTo(200);
        assertThat(state(token, sid).path("draft_version").asInt()).isEqualTo(1);
        assertThat(turn.text()).contains("seamless loop");
    }
}
