package io.imageloop.engine.motion.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.motion.Arrow;
import io.imageloop.engine.motion.Direction;
import io.imageloop.engine.motion.Freeze;
import io.imageloop.engine.motion.Point;
import io.imageloop.engine.motion.Region;
import io.imageloop.engine.motion.Style;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The motion spec file, version 1:
 * <pre>
 * {
 *   "version": 1,
 *   "style": "flow",                       // flow | sway | camera
 *   "direction": "right",                  // optional; style-specific (see imageloop make --help)
 *   "region": "upper",                     // optional; flow without arrows: upper | lower | whole
 *   "strength": 1.0,                       // optional, default 1
 *   "arrows": [{"from": [0.10, 0.20], "to": [0.35, 0.20]}],   // flow; fractions of the picture
 *   "anchors": [[0.50, 0.60]],             // flow; pinned points
 *   "freeze": {                            // flow and sway
 *     "rects": [[0.40, 0.50, 0.20, 0.30]], // x, y, w, h
 *     "polygons": [[[0.1, 0.1], [0.2, 0.1], [0.2, 0.2]]],
 *     "mask": "still.png"                  // bright = frozen; relative to the spec file
 *   },
 *   "depth": "cues",                       // parallax: cues | depth.png (bright = near) | model.onnx
 *   "camera": "zoom",                      // optional slow camera move on top: zoom | orbit | left | right | up | down
 *   "notes": ["sky: 31% of the picture, drifting right"]   // ignored when rendering
 * }
 * </pre>
 * Unknown keys are errors (a typo must not silently do nothing); every error names its field.
 */
public final class MotionSpecCodec {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> KEYS = Set.of("version", "style", "direction", "region", "strength", "arrows",
            "anchors", "freeze", "depth", "camera", "notes");

    private MotionSpecCodec() {
    }

    public static MotionSpec read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new LoopException(Kind.INVALID_PARAMETER, file.getFileName() + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LoopException(Kind.INPUT_NOT_FOUND, "cannot read the motion spec " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw field("", "the motion spec must be a JSON object");
        Path base = file.toAbsolutePath().getParent();
        return parse(root, base);
    }

    static MotionSpec parse(JsonNode root, Path base) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) throw field(key, "unknown key (known: " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
        }
        int version = root.path("version").asInt(-1);
        if (version != MotionSpec.VERSION) throw field("version", "must be " + MotionSpec.VERSION);
        Style style = wrap("style", () -> Style.parse(text(root, "style", "flow")));
        Direction direction = root.hasNonNull("direction") ? wrap("direction", () -> Direction.parse(root.get("direction").asText())) : null;
        Region region = root.hasNonNull("region") ? wrap("region", () -> Region.parse(root.get("region").asText())) : null;
        double strength = root.hasNonNull("strength") ? number(root.get("strength"), "strength") : 1.0;
        List<Arrow> arrows = new ArrayList<>();
        JsonNode a = array(root, "arrows");
        for (int i = 0; i < a.size(); i++) {
            String at = "arrows[" + i + "]";
            JsonNode from = a.get(i).path("from");
            JsonNode to = a.get(i).path("to");
            double[] p = pair(from, at + ".from");
            double[] q = pair(to, at + ".to");
            arrows.add(wrap(at, () -> new Arrow(p[0], p[1], q[0], q[1])));
        }
        List<Point> anchors = new ArrayList<>();
        JsonNode pins = array(root, "anchors");
        for (int i = 0; i < pins.size(); i++) {
            double[] p = pair(pins.get(i), "anchors[" + i + "]");
            anchors.add(wrap("anchors[" + i + "]", () -> new Point(p[0], p[1])));
        }
        Freeze freeze = root.has("freeze") ? freeze(root.get("freeze"), base) : Freeze.NONE;
        String depth = null;
        if (root.hasNonNull("depth")) {
            String d = text(root, "depth", null);
            depth = d.equalsIgnoreCase("cues") ? d : base.resolve(d).toString();
        }
        Direction camera = root.hasNonNull("camera") ? wrap("camera", () -> Direction.parse(root.get("camera").asText())) : null;
        List<String> notes = new ArrayList<>();
        array(root, "notes").forEach(n -> notes.add(n.asText()));
        String depthSource = depth;
        return wrap("", () -> new MotionSpec(style, direction, region, strength, arrows, anchors, freeze, depthSource, camera, notes));
    }

    private static Freeze freeze(JsonNode node, Path base) {
        if (!node.isObject()) throw field("freeze", "must be an object with rects, polygons and/or mask");
        List<Freeze.Rect> rects = new ArrayList<>();
        JsonNode r = array(node, "rects");
        for (int i = 0; i < r.size(); i++) {
            String at = "freeze.rects[" + i + "]";
            JsonNode q = r.get(i);
            if (!q.isArray() || q.size() != 4) throw field(at, "must be [x, y, w, h]");
            rects.add(wrap(at, () -> new Freeze.Rect(q.get(0).asDouble(), q.get(1).asDouble(), q.get(2).asDouble(), q.get(3).asDouble())));
        }
        List<List<Point>> polygons = new ArrayList<>();
        JsonNode polys = array(node, "polygons");
        for (int i = 0; i < polys.size(); i++) {
            List<Point> poly = new ArrayList<>();
            for (int k = 0; k < polys.get(i).size(); k++) {
                String at = "freeze.polygons[" + i + "][" + k + "]";
                double[] p = pair(polys.get(i).get(k), at);
                poly.add(wrap(at, () -> new Point(p[0], p[1])));
            }
            if (poly.size() < 3) throw field("freeze.polygons[" + i + "]", "needs at least 3 points");
            polygons.add(poly);
        }
        Path mask = node.hasNonNull("mask") ? base.resolve(node.get("mask").asText()) : null;
        return wrap("freeze", () -> new Freeze(rects, polygons, mask));
    }

    /** Writes a spec; mask paths are written relative to the spec file when they can be. */
    public static void write(MotionSpec spec, Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", MotionSpec.VERSION);
        root.put("style", spec.style().toString());
        if (spec.direction() != null) root.put("direction", spec.direction().word());
        if (spec.region() != null) root.put("region", spec.region().toString());
        root.put("strength", spec.strength());
        ArrayNode arrows = root.putArray("arrows");
        for (Arrow a : spec.arrows()) {
            ObjectNode o = arrows.addObject();
            o.putArray("from").add(round(a.x1())).add(round(a.y1()));
            o.putArray("to").add(round(a.x2())).add(round(a.y2()));
        }
        ArrayNode anchors = root.putArray("anchors");
        for (Point p : spec.anchors()) anchors.addArray().add(round(p.x())).add(round(p.y()));
        if (!spec.freeze().isEmpty()) {
            ObjectNode f = root.putObject("freeze");
            ArrayNode rects = f.putArray("rects");
            for (Freeze.Rect r : spec.freeze().rects()) rects.addArray().add(round(r.x())).add(round(r.y())).add(round(r.w())).add(round(r.h()));
            ArrayNode polys = f.putArray("polygons");
            for (List<Point> poly : spec.freeze().polygons()) {
                ArrayNode pa = polys.addArray();
                for (Point p : poly) pa.addArray().add(round(p.x())).add(round(p.y()));
            }
            if (spec.freeze().mask() != null) {
                Path dir = file.toAbsolutePath().getParent();
                Path mask = spec.freeze().mask().toAbsolutePath();
                f.put("mask", mask.startsWith(dir) ? dir.relativize(mask).toString() : mask.toString());
            }
        }
        if (spec.depth() != null) root.put("depth", spec.depth());
        if (spec.cameraMove() != null) root.put("camera", spec.cameraMove().word());
        ArrayNode notes = root.putArray("notes");
        spec.notes().forEach(notes::add);
        try {
            Files.writeString(file, JSON.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new LoopException(Kind.OUTPUT_NOT_WRITABLE, "cannot write the motion spec " + file + ": " + e.getMessage(), e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static String text(JsonNode root, String key, String fallback) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) return fallback;
        if (!n.isTextual()) throw field(key, "must be a string");
        return n.asText();
    }

    private static JsonNode array(JsonNode root, String key) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) return JSON.createArrayNode();
        if (!n.isArray()) throw field(key, "must be an array");
        return n;
    }

    private static double[] pair(JsonNode n, String at) {
        if (n == null || !n.isArray() || n.size() != 2 || !n.get(0).isNumber() || !n.get(1).isNumber()) {
            throw field(at, "must be [x, y] with numbers");
        }
        return new double[] {n.get(0).asDouble(), n.get(1).asDouble()};
    }

    private static double number(JsonNode n, String at) {
        if (!n.isNumber()) throw field(at, "must be a number");
        return n.asDouble();
    }

    private static <T> T wrap(String at, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (LoopException e) {
            if (e.getMessage().startsWith("motion spec ")) throw e;
            throw field(at, e.getMessage());
        }
    }

    private static LoopException field(String at, String message) {
        return new LoopException(Kind.INVALID_PARAMETER, "motion spec " + (at.isEmpty() ? "" : at + ": ") + message);
    }
}
