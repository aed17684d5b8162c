package io.imageloop.engine.motion.spec;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.motion.Arrow;
import io.imageloop.engine.motion.Direction;
import io.imageloop.engine.motion.FlowMotion;
import io.imageloop.engine.motion.Freeze;
import io.imageloop.engine.motion.GuidedField;
import io.imageloop.engine.motion.Motion;
import io.imageloop.engine.motion.Point;
import io.imageloop.engine.motion.Region;
import io.imageloop.engine.motion.Style;
import io.imageloop.engine.motion.SwayMotion;
import io.imageloop.engine.motion.DirectionalField;
import io.imageloop.engine.motion.CameraMotion;
import io.imageloop.engine.motion.CameraOver;
import io.imageloop.engine.motion.ParallaxMotion;
import io.imageloop.engine.motion.depth.DepthSource;

import java.util.List;

/**
 * Everything about how a photo moves, in one editable document (see {@link MotionSpecCodec} for
 * the JSON, version {@value #VERSION}). Coordinates are fractions of the framed picture.
 *
 * @param style     flow, sway or camera
 * @param direction the style's direction word or angle; null for its default
 * @param region    for flow without arrows: the band that drifts; null for the default
 * @param strength  1 is gentle
 * @param arrows    flow: user-drawn motion; when present they replace the direction/region drift
 * @param anchors   flow: points pinned still
 * @param freeze    areas that never move (flow and sway)
 * @param depth     parallax: "cues" (default), a depth map image or an ONNX model path
 * @param cameraMove a slow camera move on top of flow, sway or parallax (zoom, orbit, left...), or null
 * @param notes     free text, e.g. what the automatic plan saw; ignored when rendering
 */
public record MotionSpec(Style style, Direction direction, Region region, double strength, List<Arrow> arrows,
                         List<Point> anchors, Freeze freeze, String depth, Direction cameraMove, List<String> notes) {

    public static final int VERSION = 1;

    public MotionSpec {
        arrows = List.copyOf(arrows);
        anchors = List.copyOf(anchors);
        notes = List.copyOf(notes);
        freeze = freeze == null ? Freeze.NONE : freeze;
        if (!(strength > 0 && strength <= 5)) {
            throw new LoopException(Kind.INVALID_PARAMETER, "strength must be above 0 and at most 5, got " + strength);
        }
        if (style == Style.CAMERA && !freeze.isEmpty()) {
            throw new LoopException(Kind.INVALID_PARAMETER, "freeze areas need flow or sway: a camera move moves every pixel");
        }
        if (style != Style.FLOW && (!arrows.isEmpty() || !anchors.isEmpty())) {
            throw new LoopException(Kind.INVALID_PARAMETER, "arrows and anchors shape a flow; use style flow");
        }
        if (style == Style.PARALLAX && !freeze.isEmpty()) {
            throw new LoopException(Kind.INVALID_PARAMETER, "freeze areas need flow or sway: parallax moves the whole picture");
        }
        if (depth != null && style != Style.PARALLAX) {
            throw new LoopException(Kind.INVALID_PARAMETER, "a depth source is for style parallax");
        }
        if (cameraMove != null && style == Style.CAMERA) {
            throw new LoopException(Kind.INVALID_PARAMETER, "a camera move goes on top of flow, sway or parallax, not on a camera loop");
        }
    }

    public static MotionSpec of(Style style) {
        return new MotionSpec(style, null, null, 1.0, List.of(), List.of(), Freeze.NONE, null, null, List.of());
    }

    public MotionSpec withArrows(List<Arrow> more, List<Point> pins) {
        return new MotionSpec(style, direction, region, strength, concat(arrows, more), concat(anchors, pins), freeze, depth, cameraMove, notes);
    }

    public MotionSpec withFreeze(Freeze f) {
        return new MotionSpec(style, direction, region, strength, arrows, anchors, f, depth, cameraMove, notes);
    }

    public MotionSpec withCameraMove(Direction move) {
        return new MotionSpec(style, direction, region, strength, arrows, anchors, freeze, depth, move, notes);
    }

    public MotionSpec withDepth(String source) {
        return new MotionSpec(style, direction, region, strength, arrows, anchors, freeze, source, cameraMove, notes);
    }

    /** Builds the motion this spec describes. */
    public Motion motion() {
        Motion base = baseMotion();
        // Half the strength of a camera loop of its own: the camera accompanies, the picture leads.
        return cameraMove == null ? base : new CameraOver(base, new CameraMotion(cameraMove, 0.5 * strength));
    }

    private Motion baseMotion() {
        return switch (style) {
            case FLOW -> arrows.isEmpty()
                    ? new FlowMotion(defaultDrift(), freeze)
                    : new FlowMotion(new GuidedField(arrows, anchors, strength), freeze);
            case SWAY -> new SwayMotion(direction == null ? Direction.parse("bottom") : direction, strength, freeze);
            case CAMERA -> style.motion(direction, region, strength);
            case PARALLAX -> new ParallaxMotion(DepthSource.parse(depth), strength);
        };
    }

    private DirectionalField defaultDrift() {
        Direction d = direction == null ? Direction.RIGHT : direction;
        if (!d.isAngle()) {
            throw new LoopException(Kind.INVALID_PARAMETER, "flow needs a compass direction or an angle, not '" + d + "'");
        }
        return new DirectionalField(d, region == null ? Region.UPPER : region, 0.01 * strength);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        java.util.ArrayList<T> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
