package io.imageloop.timeline;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Unknown JSON keys kept beside the typed fields, in their original order, read-only. */
final class Extras {

    private Extras() {
    }

    static Map<String, JsonNode> copy(Map<String, JsonNode> extra) {
        if (extra == null || extra.isEmpty()) return Map.of();
        return Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }
}
