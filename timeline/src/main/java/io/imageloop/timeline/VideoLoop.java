package io.imageloop.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageloop.engine.frame.Fitting;
import io.imageloop.engine.motion.Region;
import io.imageloop.engine.motion.Style;

import java.util.Map;

/**
 * A photo animated by the engine ({@code kind: loop}). One cycle lasts {@code loopMs}; a longer
 * segment repeats the cycle, so a segment whose length is a whole number of cycles loops
 * seamlessly itself.
 *
 * @param direction as written ({@code right}, {@code 45}, {@code zoom}, ...), or null for the style's default;
 *                  kept as text so that e.g. an angle is written back the way it came
 * @param region    null for the style's default
 * @param style     null means flow
 * @param fitting   null means cover
 */
public record VideoLoop(String media, String name, Style style, String direction, Region region, double strength,
                        long loopMs, Fitting fitting, Map<String, JsonNode> extra) implements VideoContent {

    public static final String KIND = "loop";
    /** The loop cycle when the draft gives none and the segment is longer. */
    public static final long DEFAULT_LOOP_MS = 6000;

    public VideoLoop {
        if (style == null) style = Style.FLOW;
        if (fitting == null) fitting = Fitting.COVER;
        extra = Extras.copy(extra);
    }

    /** A flow loop with the engine's defaults. */
    public static VideoLoop of(String media, long loopMs) {
        return new VideoLoop(media, null, Style.FLOW, null, null, 1.0, loopMs, Fitting.COVER, Map.of());
    }

    public VideoLoop withStyle(Style v) {
        return new VideoLoop(media, name, v, direction, region, strength, loopMs, fitting, extra);
    }

    public VideoLoop withDirection(String v) {
        return new VideoLoop(media, name, style, v, region, strength, loopMs, fitting, extra);
    }

    public VideoLoop withRegion(Region v) {
        return new VideoLoop(media, name, style, direction, v, strength, loopMs, fitting, extra);
    }

    public VideoLoop withStrength(double v) {
        return new VideoLoop(media, name, style, direction, region, v, loopMs, fitting, extra);
    }

    public VideoLoop withName(String v) {
        return new VideoLoop(media, v, style, direction, region, strength, loopMs, fitting, extra);
    }

    public VideoLoop withLoopMs(long v) {
        return new VideoLoop(media, name, style, direction, region, strength, v, fitting, extra);
    }

    public VideoLoop withFitting(Fitting v) {
        return new VideoLoop(media, name, style, direction, region, strength, loopMs, v, extra);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
