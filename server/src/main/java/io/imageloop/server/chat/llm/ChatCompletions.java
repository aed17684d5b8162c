package io.imageloop.server.chat.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.server.http.Json;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** A client of an OpenAI-compatible chat/completions endpoint with tools, over java.net.http. */
public final class ChatCompletions {

    /** One tool call the model asked for; {@code arguments} is the JSON text the model wrote. */
    public record Call(String id, String name, String arguments) {
    }

    /** The model's answer: text and/or tool calls, and the message as it must go back into the history. */
    public record Reply(String content, List<Call> calls, ObjectNode message) {
    }

    private final LlmConfig config;
    private final HttpClient http;

    public ChatCompletions(LlmConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    public Reply complete(ArrayNode messages, ArrayNode tools) throws IOException, InterruptedException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", config.model());
        body.set("messages", messages);
        body.set("tools", tools);
        body.put("tool_choice", "auto");
        body.put("temperature", 0);
        HttpRequest.Builder req = HttpRequest.newBuilder(config.endpoint()).timeout(config.timeout())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.stringify(body)));
        if (config.key() != null) req.header("Authorization", "Bearer " + config.key());
        HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("the model server answered HTTP " + r.statusCode());
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new IOException("the model server's answer is not JSON");
        }
        JsonNode message = root.path("choices").path(0).path("message");
        if (!message.isObject()) throw new IOException("the model server's answer has no choices[0].message");
        List<Call> calls = new ArrayList<>();
        for (JsonNode c : message.path("tool_calls")) {
            JsonNode f = c.path("function");
            JsonNode args = f.path("arguments");
            calls.add(new Call(c.path("id").asText("call_" + calls.size()), f.path("name").asText(),
                    args.isTextual() ? args.asText() : args.isMissingNode() ? "{}" : Json.stringify(args)));
        }
        String content = message.path("content").isTextual() ? message.path("content").asText() : null;
        ObjectNode back = ((ObjectNode) message).deepCopy();
        back.put("role", "assistant");
        return new Reply(content, calls, back);
    }
}
