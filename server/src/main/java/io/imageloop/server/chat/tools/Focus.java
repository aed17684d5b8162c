package io.imageloop.server.chat.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.server.http.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * What the conversation was last about, so "it", "this one" and "and a bit bigger" mean that:
 * the photos a turn named on their own (not "all"), by media id; the last text touched, by its
 * words; and which kind of thing the last turn was about. Kept with each saved version's note
 * and, between saves, by the agent.
 *
 * @param photos media ids; empty when the last photo edit was about all of them
 * @param text   the last text added or changed, or null
 * @param last   "photos", "text" or "music": what the last turn worked on, or null
 */
public record Focus(List<String> photos, String text, String last) {

    public static final Focus NONE = new Focus(List.of(), null, null);

    public Focus {
        photos = List.copyOf(photos);
    }

    public Focus withPhotos(List<String> v) {
        return new Focus(v, text, "photos");
    }

    public Focus withText(String v) {
        return new Focus(photos, v, "text");
    }

    public Focus withLast(String v) {
        return new Focus(photos, text, v);
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        photos.forEach(o.putArray("photos")::add);
        if (text != null) o.put("text", text.length() > 80 ? text.substring(0, 80) : text);
        if (last != null) o.put("last", last);
        return o;
    }

    public static Focus of(JsonNode o) {
        if (o == null || !o.isObject()) return NONE;
        List<String> p = new ArrayList<>();
        o.path("photos").forEach(n -> p.add(n.asText()));
        return new Focus(p, o.hasNonNull("text") ? o.get("text").asText() : null, o.hasNonNull("last") ? o.get("last").asText() : null);
    }
}
