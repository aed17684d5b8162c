package io.imageloop.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.util.Map;

/** The response envelope {@code {"code","message","data"}} and JSON request parsing. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    public static void ok(Context ctx, Object data) {
        write(ctx, 200, ErrorCode.OK.code(), "ok", data);
    }

    public static void error(Context ctx, ApiException e) {
        e.headers().forEach(ctx::header);
        write(ctx, e.error().http(), e.error().code(), e.getMessage(), e.data());
    }

    private static void write(Context ctx, int status, int code, String message, Object data) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("code", code);
        root.put("message", message);
        root.set("data", data == null ? MAPPER.createObjectNode() : MAPPER.valueToTree(data));
        ctx.status(status).contentType("application/json; charset=utf-8").result(stringify(root));
    }

    public static String stringify(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /** Parses text into a tree, or answers 4000 with what is wrong. */
    public static JsonNode parse(String text, String what) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) throw new ApiException(ErrorCode.BAD_REQUEST, what + " is empty");
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The request body as a JSON object; an empty body is an empty object. */
    public static ObjectNode body(Context ctx) {
        return parseBody(ctx.body());
    }

    /**
     * The request body, refused with {@code tooLarge} before it is parsed when it has more than
     * {@code maxBytes}: a parsed tree costs many times its text.
     */
    public static ObjectNode body(Context ctx, long maxBytes, java.util.function.LongFunction<ApiException> tooLarge) {
        long declared = ctx.contentLength();
        if (declared > maxBytes) throw tooLarge.apply(declared);
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > maxBytes) throw tooLarge.apply(bytes.length);
        return parseBody(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static ObjectNode parseBody(String text) {
        if (text == null || text.isBlank()) return MAPPER.createObjectNode();
        JsonNode node = parse(text, "the request body");
        if (!node.isObject()) throw new ApiException(ErrorCode.BAD_REQUEST, "the request body must be a JSON object");
        return (ObjectNode) node;
    }

    /** A text field of an object, trimmed; null when absent, empty or not text. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isValueNode() || v.isNull()) return null;
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }

    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }
}
