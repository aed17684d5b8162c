package io.imageloop.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads typed fields out of one JSON object, noting a {@link DraftProblem} (instead of
 * throwing) for each field of the wrong type, so a reader can report every problem at once. A
 * missing field or an explicit {@code null} gives the default.
 */
final class JsonFields {

    private final ObjectNode object;
    private final String path;
    private final List<DraftProblem> problems;

    JsonFields(ObjectNode object, String path, List<DraftProblem> problems) {
        this.object = object;
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    /** The path of a key of this object. */
    String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void problem(String key, String message) {
        problems.add(new DraftProblem(at(key), message));
    }

    boolean has(String key) {
        JsonNode v = object.get(key);
        return v != null && !v.isNull();
    }

    JsonNode node(String key) {
        JsonNode v = object.get(key);
        return v == null || v.isNull() ? null : v;
    }

    String text(String key, String fallback) {
        JsonNode v = node(key);
        if (v == null) return fallback;
        if (!v.isTextual()) {
            problem(key, "must be a string, got " + v);
            return fallback;
        }
        return v.asText();
    }

    double number(String key, double fallback) {
        JsonNode v = node(key);
        if (v == null) return fallback;
        if (!v.isNumber()) {
            problem(key, "must be a number, got " + v);
            return fallback;
        }
        return v.asDouble();
    }

    /** Milliseconds: a number, rounded to a whole millisecond. */
    long millis(String key, long fallback) {
        JsonNode v = node(key);
        if (v == null) return fallback;
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || Math.abs(v.asDouble()) > 1e15) {
            problem(key, "must be a number of milliseconds, got " + v);
            return fallback;
        }
        return v.isIntegralNumber() ? v.asLong() : Math.round(v.asDouble());
    }

    boolean bool(String key, boolean fallback) {
        JsonNode v = node(key);
        if (v == null) return fallback;
        if (!v.isBoolean()) {
            problem(key, "must be true or false, got " + v);
            return fallback;
        }
        return v.asBoolean();
    }

    /** A nested object, or null when missing or of the wrong type (noted). */
    ObjectNode object(String key) {
        JsonNode v = node(key);
        if (v == null) return null;
        if (!v.isObject()) {
            problem(key, "must be an object, got " + shortForm(v));
            return null;
        }
        return (ObjectNode) v;
    }

    /** A nested array's elements; empty when missing or of the wrong type (noted). */
    List<JsonNode> array(String key) {
        JsonNode v = node(key);
        List<JsonNode> out = new ArrayList<>();
        if (v == null) return out;
        if (!v.isArray()) {
            problem(key, "must be an array, got " + shortForm(v));
            return out;
        }
        v.forEach(out::add);
        return out;
    }

    /** The keys not in {@code known}, with their values, in document order. */
    Map<String, JsonNode> extra(Set<String> known) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (!known.contains(e.getKey())) out.put(e.getKey(), e.getValue().deepCopy());
        }
        return out;
    }

    static String shortForm(JsonNode v) {
        String s = v.toString();
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
