package io.imageloop.server.chat.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/** Reading tool arguments leniently: numbers given as text, words in any case, missing means null. */
final class Args {

    private Args() {
    }

    static Double number(ObjectNode args, String key) {
        JsonNode v = args.get(key);
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return v.asDouble();
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.asText().trim().replace("%", "").replaceAll("s$", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static Long millis(ObjectNode args, String key) {
        Double s = number(args, key);
        return s == null ? null : Math.round(s * 1000);
    }

    static String word(ObjectNode args, String key) {
        JsonNode v = args.get(key);
        if (v == null || v.isNull() || !v.isValueNode()) return null;
        String s = v.asText().trim();
        return s.isEmpty() ? null : s.toLowerCase(Locale.ROOT);
    }

    static String text(ObjectNode args, String key) {
        JsonNode v = args.get(key);
        if (v == null || v.isNull() || !v.isValueNode()) return null;
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    static Boolean bool(ObjectNode args, String key) {
        JsonNode v = args.get(key);
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.asBoolean();
        if (v.isTextual()) return Boolean.parseBoolean(v.asText().trim());
        return null;
    }
}
