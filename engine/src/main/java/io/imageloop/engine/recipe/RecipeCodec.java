package io.imageloop.engine.recipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.frame.PhotoWindow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The motion recipe as JSON, version 2 (see docs/motion-spec.md): what a {@code .motion.json}
 * file holds and what a draft's loop segment carries under {@code m.recipe}. Version 1 files,
 * whose coordinates were fractions of the framed picture, still load: they are converted to
 * photo coordinates for the framing they are rendered with ({@link V1Spec}).
 *
 * <p>Masks are PNGs: inline as {@code data:image/png;base64,...} (always in drafts), or, in files
 * on disk, paths relative to the file. Unknown keys are errors (a typo must not silently do
 * nothing), and every error names its field, e.g. {@code motion spec layers[0].strength: must be a number}.
 */
public final class RecipeCodec {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> KEYS = Set.of("version", "layers", "freeze", "camera", "particles", "seed", "notes");
    private static final Set<String> AREA_KEYS = Set.of("band", "rects", "polygons", "mask", "label");

    private RecipeCodec() {
    }

    /**
     * Where masks and depth files named in a recipe are looked up (null base: inline only, as in
     * drafts), and, for version 1 files, the window of the photo their framing showed (null refuses them).
     */
    public record Context(Path base, Supplier<PhotoWindow> v1Window) {
        public static final Context INLINE = new Context(null, null);
    }

    /** Reads a motion spec file; {@code v1Window} converts a version 1 file (null refuses one). */
    public static MotionRecipe read(Path file, Supplier<PhotoWindow> v1Window) {
        JsonNode root;
        try {
            if (Files.size(file) > 8L << 20) throw field("", "the file is over 8 MB");
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new LoopException(Kind.INVALID_PARAMETER, file.getFileName() + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LoopException(Kind.INPUT_NOT_FOUND, "cannot read the motion spec " + file + ": " + e.getMessage(), e);
        }
        return parse(root, new Context(file.toAbsolutePath().getParent(), v1Window));
    }

    /** The version a spec file declares (1 or 2), or -1. */
    public static int version(JsonNode root) {
        return root != null && root.isObject() ? root.path("version").asInt(-1) : -1;
    }

    public static MotionRecipe parse(JsonNode root, Context context) {
        if (root == null || !root.isObject()) throw field("", "must be a JSON object");
        int version = version(root);
        if (version == 1) {
            if (context.v1Window() == null) throw field("version", "a version 1 spec needs the photo and framing it was made for");
            return V1Spec.parse(root, context);
        }
        if (version != MotionRecipe.VERSION) throw field("version", "must be 2 (or 1 for older files)");
        known(root, KEYS, "");
        List<Layer> layers = new ArrayList<>();
        JsonNode list = array(root, "layers");
        for (int i = 0; i < list.size(); i++) layers.add(layer(list.get(i), "layers[" + i + "]", context));
        Area freeze = root.has("freeze") ? area(root.get("freeze"), "freeze", context) : Area.NONE;
        CameraMove camera = null;
        if (root.hasNonNull("camera")) {
            JsonNode c = root.get("camera");
            if (!c.isObject()) throw field("camera", "must be {\"move\": ..., \"strength\": ...}");
            known(c, Set.of("move", "strength"), "camera");
            camera = wrap("camera", () -> CameraMove.parse(text(c, "move", "zoom", "camera"), number(c, "strength", 1.0, "camera")));
        }
        Particles particles = wrap("particles", () -> Particles.parse(text(root, "particles", "none", "")));
        long seed = root.hasNonNull("seed") ? (long) number(root, "seed", 1, "") : 1L;
        List<String> notes = new ArrayList<>();
        array(root, "notes").forEach(n -> notes.add(n.asText()));
        CameraMove cam = camera;
        return wrap("", () -> new MotionRecipe(layers, freeze, cam, particles, seed, notes));
    }

    private static Layer layer(JsonNode n, String at, Context context) {
        if (!n.isObject()) throw field(at, "must be an object with a kind");
        Layer.Type type = wrap(at + ".kind", () -> Layer.Type.parse(text(n, "kind", "", at)));
        double strength = number(n, "strength", 1.0, at);
        return switch (type) {
            case DRIFT -> {
                known(n, Set.of("kind", "area", "direction", "strength"), at);
                Area area = n.has("area") ? area(n.get("area"), at + ".area", context) : null;
                String d = text(n, "direction", "right", at);
                yield wrap(at, () -> new Layer.Drift(area, Direction.parse(d), strength));
            }
            case FLOW -> {
                known(n, Set.of("kind", "arrows", "anchors", "strength"), at);
                List<Arrow> arrows = arrows(array(n, "arrows"), at + ".arrows");
                List<Point> anchors = points(array(n, "anchors"), at + ".anchors");
                yield wrap(at, () -> new Layer.Flow(arrows, anchors, strength));
            }
            case RIPPLE -> {
                known(n, Set.of("kind", "area", "strength"), at);
                Area area = n.has("area") ? area(n.get("area"), at + ".area", context) : null;
                yield wrap(at, () -> new Layer.Ripple(area, strength));
            }
            case SWAY -> {
                known(n, Set.of("kind", "area", "roots", "strength"), at);
                Area area = n.has("area") ? area(n.get("area"), at + ".area", context) : null;
                String roots = text(n, "roots", "bottom", at);
                if (!Set.of("bottom", "top", "left", "right").contains(roots)) throw field(at + ".roots", "use bottom, top, left or right");
                yield wrap(at, () -> new Layer.Sway(area, Direction.parse(roots), strength));
            }
            case PARALLAX -> {
                known(n, Set.of("kind", "depth", "strength"), at);
                String depth = text(n, "depth", "cues", at);
                if (!depth.equalsIgnoreCase("cues")) {
                    if (context.base() == null) throw field(at + ".depth", "a draft's parallax takes its depth from cues");
                    depth = context.base().resolve(depth).toString();
                }
                String d = depth;
                yield wrap(at, () -> new Layer.Parallax(d, strength));
            }
            case GLOW -> {
                known(n, Set.of("kind", "area", "strength"), at);
                Area area = n.has("area") ? area(n.get("area"), at + ".area", context) : null;
                yield wrap(at, () -> new Layer.Glow(area, strength));
            }
        };
    }

    static Area area(JsonNode n, String at, Context context) {
        if (n == null || n.isNull()) return Area.NONE;
        if (!n.isObject()) throw field(at, "must be an object with band, rects, polygons and/or mask");
        known(n, AREA_KEYS, at);
        Region band = n.hasNonNull("band") ? wrap(at + ".band", () -> Region.parse(n.get("band").asText())) : null;
        List<Area.Rect> rects = new ArrayList<>();
        JsonNode r = array(n, "rects");
        for (int i = 0; i < r.size(); i++) {
            String where = at + ".rects[" + i + "]";
            JsonNode q = r.get(i);
            if (!q.isArray() || q.size() != 4 || !allNumbers(q)) throw field(where, "must be [x, y, w, h]");
            rects.add(wrap(where, () -> new Area.Rect(q.get(0).asDouble(), q.get(1).asDouble(), q.get(2).asDouble(), q.get(3).asDouble())));
        }
        List<List<Point>> polygons = new ArrayList<>();
        JsonNode polys = array(n, "polygons");
        for (int i = 0; i < polys.size(); i++) {
            String where = at + ".polygons[" + i + "]";
            if (!polys.get(i).isArray()) throw field(where, "must be a list of [x, y] points");
            List<Point> poly = points(polys.get(i), where);
            if (poly.size() < 3) throw field(where, "needs at least 3 points");
            polygons.add(poly);
        }
        Mask mask = null;
        if (n.hasNonNull("mask")) {
            String ref = text(n, "mask", null, at);
            String label = n.hasNonNull("label") ? n.get("label").asText() : null;
            if (Mask.isDataUrl(ref)) {
                mask = wrap(at + ".mask", () -> Mask.ofDataUrl(ref, label));
            } else {
                if (context.base() == null) throw field(at + ".mask", "must be an inline data:image/png;base64 mask");
                Path file = context.base().resolve(ref);
                mask = wrap(at + ".mask", () -> Mask.read(file).withLabel(label));
            }
        }
        Mask m = mask;
        return wrap(at, () -> new Area(band, rects, polygons, m));
    }

    static List<Arrow> arrows(JsonNode a, String at) {
        List<Arrow> arrows = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            String where = at + "[" + i + "]";
            double[] p = pair(a.get(i).path("from"), where + ".from");
            double[] q = pair(a.get(i).path("to"), where + ".to");
            arrows.add(wrap(where, () -> new Arrow(p[0], p[1], q[0], q[1])));
        }
        return arrows;
    }

    static List<Point> points(JsonNode a, String at) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            double[] p = pair(a.get(i), at + "[" + i + "]");
            points.add(wrap(at + "[" + i + "]", () -> new Point(p[0], p[1])));
        }
        return points;
    }

    // ---- writing ----

    /** How masks are written: inline (drafts), or as files beside a spec file. */
    public interface MaskWriter {
        String write(Mask mask);

        MaskWriter INLINE = Mask::dataUrl;
    }

    public static ObjectNode toJson(MotionRecipe r, MaskWriter masks) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", MotionRecipe.VERSION);
        ArrayNode layers = root.putArray("layers");
        for (Layer l : r.layers()) {
            ObjectNode o = layers.addObject();
            o.put("kind", l.type().toString());
            if (l instanceof Layer.Drift d) {
                o.set("area", area(d.area(), masks));
                o.put("direction", d.direction().word());
            } else if (l instanceof Layer.Flow f) {
                ArrayNode arrows = o.putArray("arrows");
                for (Arrow a : f.arrows()) {
                    ObjectNode ao = arrows.addObject();
                    ao.putArray("from").add(round(a.x1())).add(round(a.y1()));
                    ao.putArray("to").add(round(a.x2())).add(round(a.y2()));
                }
                ArrayNode anchors = o.putArray("anchors");
                for (Point p : f.anchors()) anchors.addArray().add(round(p.x())).add(round(p.y()));
            } else if (l instanceof Layer.Sway s) {
                o.set("area", area(s.area(), masks));
                o.put("roots", s.roots().word());
            } else if (l instanceof Layer.Parallax p) {
                o.put("depth", p.depth());
            } else {
                o.set("area", area(l.area(), masks)); // ripple, glow
            }
            o.put("strength", round(l.strength()));
        }
        if (!r.freeze().isEmpty()) root.set("freeze", area(r.freeze(), masks));
        if (r.camera() != null) {
            ObjectNode c = root.putObject("camera");
            c.put("move", r.camera().move().word());
            c.put("strength", round(r.camera().strength()));
        }
        root.put("particles", r.particles().toString());
        root.put("seed", r.seed());
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        return root;
    }

    private static ObjectNode area(Area a, MaskWriter masks) {
        ObjectNode o = JSON.createObjectNode();
        if (a.band() != null) o.put("band", a.band().toString());
        if (!a.rects().isEmpty()) {
            ArrayNode rects = o.putArray("rects");
            for (Area.Rect q : a.rects()) rects.addArray().add(round(q.x())).add(round(q.y())).add(round(q.w())).add(round(q.h()));
        }
        if (!a.polygons().isEmpty()) {
            ArrayNode polys = o.putArray("polygons");
            for (List<Point> poly : a.polygons()) {
                ArrayNode pa = polys.addArray();
                for (Point p : poly) pa.addArray().add(round(p.x())).add(round(p.y()));
            }
        }
        if (a.mask() != null) {
            o.put("mask", masks.write(a.mask()));
            if (a.mask().label() != null) o.put("label", a.mask().label());
        }
        return o;
    }

    /**
     * Writes a spec file. Masks read from files keep pointing at them (relative to the spec when
     * they can be); masks made in memory (the planner's) are written beside it as
     * {@code NAME.LABEL.png}, so they can be painted over in any image editor.
     */
    public static void write(MotionRecipe recipe, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        String stem = file.getFileName().toString().replaceFirst("(\\.motion)?\\.json$", "");
        java.util.Map<String, Integer> used = new java.util.HashMap<>();
        // Masks the recipe reads from files are inputs: a mask made in memory never takes their name.
        java.util.Set<Path> inputs = new java.util.HashSet<>();
        for (Layer l : recipe.layers()) if (l.area().mask() != null && l.area().mask().file() != null) inputs.add(l.area().mask().file().toAbsolutePath().normalize());
        if (recipe.freeze().mask() != null && recipe.freeze().mask().file() != null) inputs.add(recipe.freeze().mask().file().toAbsolutePath().normalize());
        MaskWriter beside = mask -> {
            Path target = mask.file();
            if (target == null) {
                String label = mask.label() == null ? "mask" : mask.label().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
                do {
                    int n = used.merge(label, 1, Integer::sum);
                    target = dir.resolve(stem + "." + label + (n == 1 ? "" : "-" + n) + ".png");
                } while (inputs.contains(target.toAbsolutePath().normalize()));
                try {
                    Files.write(target, mask.png());
                } catch (IOException e) {
                    throw new LoopException(Kind.OUTPUT_NOT_WRITABLE, "cannot write the mask " + target + ": " + e.getMessage(), e);
                }
            }
            Path abs = target.toAbsolutePath();
            return abs.startsWith(dir) ? dir.relativize(abs).toString() : abs.toString();
        };
        try {
            Files.writeString(file, JSON.writeValueAsString(toJson(recipe, beside)) + "\n");
        } catch (IOException e) {
            throw new LoopException(Kind.OUTPUT_NOT_WRITABLE, "cannot write the motion spec " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- helpers ----

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    static void known(JsonNode n, Set<String> keys, String at) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!keys.contains(key)) {
                throw field(at.isEmpty() ? key : at + "." + key, "unknown key (known: " + String.join(", ", new TreeSet<>(keys)) + ")");
            }
        }
    }

    static String text(JsonNode root, String key, String fallback, String at) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) return fallback;
        if (!n.isTextual()) throw field(at.isEmpty() ? key : at + "." + key, "must be a string");
        return n.asText();
    }

    static double number(JsonNode root, String key, double fallback, String at) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) return fallback;
        if (!n.isNumber()) throw field(at.isEmpty() ? key : at + "." + key, "must be a number");
        return n.asDouble();
    }

    static JsonNode array(JsonNode root, String key) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) return JSON.createArrayNode();
        if (!n.isArray()) throw field(key, "must be an array");
        return n;
    }

    private static boolean allNumbers(JsonNode a) {
        for (JsonNode v : a) if (!v.isNumber()) return false;
        return true;
    }

    static double[] pair(JsonNode n, String at) {
        if (n == null || !n.isArray() || n.size() != 2 || !n.get(0).isNumber() || !n.get(1).isNumber()) {
            throw field(at, "must be [x, y] with numbers");
        }
        return new double[] {n.get(0).asDouble(), n.get(1).asDouble()};
    }

    static <T> T wrap(String at, Supplier<T> build) {
        try {
            return build.get();
        } catch (LoopException e) {
            if (e.getMessage().startsWith("motion spec ")) throw e;
            throw new LoopException(e.kind() == Kind.INVALID_PARAMETER ? Kind.INVALID_PARAMETER : e.kind(),
                    "motion spec " + (at.isEmpty() ? "" : at + ": ") + e.getMessage(), e);
        }
    }

    static LoopException field(String at, String message) {
        return new LoopException(Kind.INVALID_PARAMETER, "motion spec " + (at.isEmpty() ? "" : at + ": ") + message);
    }
}
