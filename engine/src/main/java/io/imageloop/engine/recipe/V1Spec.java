package io.imageloop.engine.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageloop.engine.frame.PhotoWindow;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static io.imageloop.engine.recipe.RecipeCodec.array;
import static io.imageloop.engine.recipe.RecipeCodec.field;
import static io.imageloop.engine.recipe.RecipeCodec.known;
import static io.imageloop.engine.recipe.RecipeCodec.number;
import static io.imageloop.engine.recipe.RecipeCodec.text;
import static io.imageloop.engine.recipe.RecipeCodec.wrap;

/**
 * Version 1 motion specs: one style, and coordinates in fractions of the framed picture at the
 * aspect the file was made for. They load as recipes by mapping every point, rectangle and
 * mask through the window of the photo that framing shows, so an old file renders as it did at
 * its own aspect and keeps to the same content at any other. The bands of v1 (upper, lower)
 * become the same bands of the photo, which is what they meant for a photo framed whole.
 */
final class V1Spec {

    private static final Set<String> KEYS = Set.of("version", "style", "direction", "region", "strength", "arrows",
            "anchors", "freeze", "depth", "camera", "notes");

    private V1Spec() {
    }

    static MotionRecipe parse(JsonNode root, RecipeCodec.Context context) {
        known(root, KEYS, "");
        PhotoWindow window = context.v1Window().get();
        Style style = wrap("style", () -> Style.parse(text(root, "style", "flow", "")));
        Direction direction = root.hasNonNull("direction") ? wrap("direction", () -> Direction.parse(root.get("direction").asText())) : null;
        Region region = root.hasNonNull("region") ? wrap("region", () -> Region.parse(root.get("region").asText())) : null;
        double strength = number(root, "strength", 1.0, "");
        List<Arrow> arrows = new ArrayList<>();
        for (Arrow a : RecipeCodec.arrows(array(root, "arrows"), "arrows")) {
            arrows.add(new Arrow(x(window, a.x1()), y(window, a.y1()), x(window, a.x2()), y(window, a.y2())));
        }
        List<Point> anchors = RecipeCodec.points(array(root, "anchors"), "anchors").stream()
                .map(p -> new Point(x(window, p.x()), y(window, p.y()))).toList();
        Area freeze = root.has("freeze") ? freeze(root.get("freeze"), context, window) : Area.NONE;
        String depth = text(root, "depth", null, "");
        if (depth != null && !depth.equalsIgnoreCase("cues") && context.base() != null) depth = context.base().resolve(depth).toString();
        String d = depth;
        List<Layer> layers = new ArrayList<>();
        CameraMove camera = null;
        switch (style) {
            case FLOW -> layers.add(arrows.isEmpty()
                    ? wrap("", () -> new Layer.Drift(Area.band(region == null ? Region.UPPER : region), direction, strength))
                    : wrap("", () -> new Layer.Flow(arrows, anchors, strength)));
            case SWAY -> layers.add(wrap("", () -> new Layer.Sway(Area.WHOLE, direction, strength)));
            case CAMERA -> camera = wrap("", () -> new CameraMove(direction, strength));
            case PARALLAX -> layers.add(wrap("", () -> new Layer.Parallax(d, strength)));
        }
        if (root.hasNonNull("camera")) {
            String move = text(root, "camera", null, "");
            camera = wrap("camera", () -> CameraMove.parse(move, CameraMove.ACCOMPANYING * strength));
        }
        List<String> notes = new ArrayList<>();
        array(root, "notes").forEach(n -> notes.add(n.asText()));
        CameraMove cam = camera;
        return wrap("", () -> new MotionRecipe(layers, freeze, cam, Particles.NONE, 1L, notes));
    }

    private static Area freeze(JsonNode node, RecipeCodec.Context context, PhotoWindow w) {
        if (!node.isObject()) throw field("freeze", "must be an object with rects, polygons and/or mask");
        known(node, Set.of("rects", "polygons", "mask"), "freeze");
        Area framed = RecipeCodec.area(node, "freeze", context);
        List<Area.Rect> rects = framed.rects().stream().map(r -> new Area.Rect(x(w, r.x()), y(w, r.y()),
                Math.min(r.w() * w.w(), 1 - x(w, r.x())), Math.min(r.h() * w.h(), 1 - y(w, r.y())))).toList();
        List<List<Point>> polygons = framed.polygons().stream()
                .map(poly -> poly.stream().map(p -> new Point(x(w, p.x()), y(w, p.y()))).toList()).toList();
        Mask mask = framed.mask() == null ? null : intoPhoto(framed.mask(), w);
        return new Area(null, rects, polygons, mask);
    }

    /** A mask of the framed picture, placed where that picture sits in the photo (zero elsewhere). */
    static Mask intoPhoto(Mask framed, PhotoWindow w) {
        try (Mat m = framed.decode()) {
            int fullW = (int) Math.min(Mask.MAX_SIDE, Math.round(m.cols() / w.w()));
            int fullH = (int) Math.min(Mask.MAX_SIDE, Math.round(m.rows() / w.h()));
            int x0 = (int) Math.round(w.x() * fullW);
            int y0 = (int) Math.round(w.y() * fullH);
            int pw = Math.max(1, Math.min(fullW - x0, (int) Math.round(w.w() * fullW)));
            int ph = Math.max(1, Math.min(fullH - y0, (int) Math.round(w.h() * fullH)));
            try (Mat photo = new Mat(fullH, fullW, CV_8UC1, Scalar.all(0)); Rect r = new Rect(x0, y0, pw, ph);
                 Mat view = photo.apply(r); Size s = new Size(pw, ph)) {
                resize(m, view, s, 0, 0, INTER_LINEAR);
                Path file = framed.file();
                return new Mask(Mask.of(photo, framed.label()).png(), null, framed.label() != null ? framed.label()
                        : file != null ? file.getFileName().toString() : null);
            }
        }
    }

    private static double x(PhotoWindow w, double fx) {
        return clamp(w.toPhotoX(fx));
    }

    private static double y(PhotoWindow w, double fy) {
        return clamp(w.toPhotoY(fy));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
