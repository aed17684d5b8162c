package io.imageloop.engine;

import io.imageloop.engine.encode.OutputFormat;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.measure.DecodedReport;
import io.imageloop.engine.measure.SeamReport;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What a render produced and how it measured.
 *
 * @param rendered     the seam of the frames as rendered, before encoding
 * @param decoded      the file as a player decodes it: seam, pulse, how much moves, still pixels, jitter
 * @param contactSheet the contact-sheet PNG, or null
 */
public record LoopResult(Path output, OutputFormat format, FrameSize size, int frames, double fps,
                         String motion, SeamReport rendered, DecodedReport decoded, long millis, Path contactSheet) {

    /** The loop report printed after each render. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s  %s %s, %d frames at %s fps (%.2f s), %s%n", output.getFileName(), format,
                size, frames, trim(fps), frames / fps, motion));
        s.append(decoded.summary());
        s.append(String.format(Locale.ROOT, "%nrendered in %.2f s (%.1f frames/s)", millis / 1000.0, frames * 1000.0 / Math.max(1, millis)));
        if (contactSheet != null) s.append(String.format("%ncontact sheet: %s", contactSheet));
        return s.toString();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
