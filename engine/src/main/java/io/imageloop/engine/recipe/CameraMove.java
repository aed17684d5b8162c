package io.imageloop.engine.recipe;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

/**
 * A virtual camera on a closed path: zoom (in and back out), orbit, or a swing left, right, up
 * or down. Alone it is the whole loop; over layers it accompanies them, gently.
 */
public record CameraMove(Direction move, double strength) {

    /** How strong a camera move over other motion is by default: it accompanies, the picture leads. */
    public static final double ACCOMPANYING = 0.5;

    public CameraMove {
        if (move == null) move = Direction.parse("zoom");
        String w = move.word();
        if (!(w.equals("zoom") || w.equals("in") || w.equals("out") || w.equals("orbit") || w.equals("left") || w.equals("right")
                || w.equals("up") || w.equals("down"))) {
            throw new LoopException(Kind.INVALID_PARAMETER, "unknown camera move '" + move + "'; use zoom, orbit, left, right, up or down");
        }
        Layer.checkStrength(strength);
    }

    public static CameraMove parse(String text, double strength) {
        return new CameraMove(Direction.parse(text), strength);
    }

    public CameraMove withStrength(double v) {
        return new CameraMove(move, v);
    }

    public String describe() {
        return "camera " + (move.word().equals("in") || move.word().equals("out") ? "zoom" : move.word());
    }
}
