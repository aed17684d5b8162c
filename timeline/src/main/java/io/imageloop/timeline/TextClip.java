package io.imageloop.timeline;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A title or caption drawn over the video. Null text, placement or colour mean the defaults
 * (empty, bottom, white).
 *
 * @param size    font size as a fraction of the frame height, so a draft looks the same at every
 *                resolution; long lines wrap at 90% of the frame width
 * @param outline outline colour, or null for none
 * @param shadow  a soft drop shadow under the text
 */
public record TextClip(String text, Placement placement, double size, Rgb color, Rgb outline, boolean shadow,
                       long fadeInMs, long fadeOutMs, Map<String, JsonNode> extra) implements SegmentContent {

    public static final double DEFAULT_SIZE = 0.06;

    public TextClip {
        if (text == null) text = "";
        if (placement == null) placement = Placement.BOTTOM;
        if (color == null) color = Rgb.WHITE;
        extra = Extras.copy(extra);
    }

    /** White text with a shadow, no fades. */
    public static TextClip of(String text, Placement placement, double size) {
        return new TextClip(text, placement, size, Rgb.WHITE, null, true, 0, 0, Map.of());
    }

    public TextClip withText(String v) {
        return new TextClip(v, placement, size, color, outline, shadow, fadeInMs, fadeOutMs, extra);
    }

    public TextClip withColors(Rgb fill, Rgb outlineColour) {
        return new TextClip(text, placement, size, fill, outlineColour, shadow, fadeInMs, fadeOutMs, extra);
    }

    public TextClip withShadow(boolean v) {
        return new TextClip(text, placement, size, color, outline, v, fadeInMs, fadeOutMs, extra);
    }

    public TextClip withFades(long in, long out) {
        return new TextClip(text, placement, size, color, outline, shadow, in, out, extra);
    }

    @Override
    public TrackType trackType() {
        return TrackType.TEXT;
    }
}
