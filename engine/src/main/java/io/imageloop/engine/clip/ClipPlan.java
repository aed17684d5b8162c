package io.imageloop.engine.clip;

import java.util.Locale;

/**
 * Where a clip loops and how seamless the cut is, in working frames (the clip's frames at the
 * loop's frame rate).
 *
 * @param start       first working frame of the loop
 * @param length      frames in the loop
 * @param fps         the loop's frame rate: the clip's, or lower when the settings ask for less
 * @param blendBefore frames at the end of the loop that fade toward the frames before the start
 * @param blendAfter  frames at the start of the loop that fade in from the frames after the end
 * @param seamBefore  seam ratio of the raw cut (wrap step over median step, on the analysis
 *                    thumbnails); 1.0 is as gentle as an ordinary step
 * @param seamAfter   seam ratio with the crossfade
 * @param wholeClip   whether the clip already looped by itself and is used whole
 */
public record ClipPlan(int start, int length, double fps, int blendBefore, int blendAfter,
                       double seamBefore, double seamAfter, boolean wholeClip) {

    public double startSeconds() {
        return start / fps;
    }

    public double seconds() {
        return length / fps;
    }

    public int crossfadeFrames() {
        return blendBefore + blendAfter;
    }

    /** For reports: "clip loop 3.2 s from 1.4 s of beach.mp4, crossfade 8 frames, seam 4.10 → 0.97". */
    public String describe(String clipName) {
        if (wholeClip) {
            return String.format(Locale.ROOT, "clip loop %.1f s, all of %s (it loops by itself), seam %.2f",
                    seconds(), clipName, seamAfter);
        }
        String fade = crossfadeFrames() == 0 ? "raw cut" : "crossfade " + crossfadeFrames() + " frames";
        return String.format(Locale.ROOT, "clip loop %.1f s from %.1f s of %s, %s, seam %.2f → %.2f",
                seconds(), startSeconds(), clipName, fade, seamBefore, seamAfter);
    }
}
