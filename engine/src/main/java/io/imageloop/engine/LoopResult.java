package io.imageloop.engine;

import io.imageloop.engine.encode.OutputFormat;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.measure.SeamReport;

import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What a render produced and how seamless it measured.
 *
 * @param cameraJitter RMS second difference of the camera centre in px/frame², camera loops only
 * @param roundedJitter the same for the same path cropped at whole pixels (what ffmpeg's zoompan
 *                      samples): the comparison that shows what sub-pixel sampling saves
 * @param contactSheet the contact-sheet PNG, or null
 */
public record LoopResult(Path output, OutputFormat format, FrameSize size, int frames, double fps,
                         String motion, SeamReport seam, OptionalDouble cameraJitter, OptionalDouble roundedJitter,
                         long millis, Path contactSheet) {

    /** The loop report printed after each render. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s  %s %s, %d frames at %s fps (%.2f s), %s%n", output.getFileName(), format,
                size, frames, trim(fps), frames / fps, motion));
        s.append(String.format(Locale.ROOT, "seam ratio %.3f (wrap step %.3f, median step %.3f)", seam.seamRatio(),
                seam.wrapStep(), seam.medianStep()));
        cameraJitter.ifPresent(j -> s.append(String.format(Locale.ROOT, ", camera jitter %.4f px/frame²", j)));
        roundedJitter.ifPresent(j -> s.append(String.format(Locale.ROOT, " (whole-pixel crops: %.4f)", j)));
        s.append(String.format(Locale.ROOT, "%nrendered in %.2f s (%.1f frames/s)", millis / 1000.0, frames * 1000.0 / Math.max(1, millis)));
        if (contactSheet != null) s.append(String.format("%ncontact sheet: %s", contactSheet));
        return s.toString();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
