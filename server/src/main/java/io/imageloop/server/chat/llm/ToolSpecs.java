package io.imageloop.server.chat.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.server.http.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The agent's tools in the OpenAI function-calling format ({@code tools} of chat/completions),
 * from {@code tools.json}. Shared pieces (the photo target, things, positions, colours) are
 * written once there as {@code "$ref": "#/photos"} and expanded here, since not every model
 * server resolves references.
 */
public final class ToolSpecs {

    private static final Map<String, String> SHARED = Map.of(
            "#/photos", """
                    {"type": "array", "items": {"type": ["integer", "string"]},
                     "description": "Photos on the timeline: 1-based positions, \\"all\\", \\"it\\" (the one just talked about), \\"last\\", or a word of a file name (\\"rocket\\") or a thing in the photo (\\"clouds\\"). Omit for the one talked about, else all."}""",
            "#/subject", """
                    {"type": "string", "enum": ["sky", "water", "grass", "foliage", "lights", "people"]}""",
            "#/position", """
                    {"type": "string", "enum": ["top", "center", "bottom"]}""",
            "#/color", """
                    {"type": "string", "description": "white, black, red, yellow, blue, green, orange, pink, purple, gray, gold, or #RRGGBB"}""",
            "#/text", """
                    {"type": ["integer", "string"], "description": "Which text: its 1-based number, its words, \\"title\\", \\"caption\\" or \\"it\\" (the last one talked about)."}""");

    private static final ArrayNode TOOLS = load();

    private ToolSpecs() {
    }

    /** A fresh copy of the tools array. */
    public static ArrayNode tools() {
        return TOOLS.deepCopy();
    }

    private static ArrayNode load() {
        try (InputStream in = ToolSpecs.class.getResourceAsStream("/io/imageloop/server/chat/tools.json")) {
            if (in == null) throw new IllegalStateException("tools.json is missing from the build");
            ArrayNode tools = (ArrayNode) Json.MAPPER.readTree(in);
            tools.forEach(ToolSpecs::expand);
            return tools;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expand(JsonNode node) {
        if (node.isArray()) {
            node.forEach(ToolSpecs::expand);
            return;
        }
        if (!node.isObject()) return;
        ObjectNode o = (ObjectNode) node;
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isObject() && v.has("$ref")) {
                ObjectNode shared = (ObjectNode) Json.parse(SHARED.get(v.get("$ref").asText()), "a shared tool schema");
                v.fields().forEachRemaining(f -> {
                    if (!f.getKey().equals("$ref")) shared.set(f.getKey(), f.getValue());
                });
                e.setValue(shared);
            } else {
                expand(v);
            }
        }
    }
}
