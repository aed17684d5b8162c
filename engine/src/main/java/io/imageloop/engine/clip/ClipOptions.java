package io.imageloop.engine.clip;

/**
 * How a clip is analysed and looped. The defaults suit phone clips and short GIFs; tests and
 * callers with special needs (a fixed loop length, no crossfade) adjust them.
 *
 * @param minLoopSeconds     the shortest loop worth making when the clip is too short for the
 *                           duration the settings ask for
 * @param maxLoopSeconds     the longest loop wanted (infinity: as long as the clip allows)
 * @param maxAnalysisSeconds only this much of the clip is read, which bounds time and memory
 * @param thumbnailSize      the long side of the grayscale thumbnails the frame distances use
 * @param window             frames compared around a loop point, so a jump keeps the motion's
 *                           direction as well as its look (Video Textures' dynamics filter)
 * @param minBlend           the shortest crossfade across the seam, in frames
 * @param maxBlend           the longest crossfade; 0 turns the crossfade off (a raw cut)
 */
public record ClipOptions(double minLoopSeconds, double maxLoopSeconds, double maxAnalysisSeconds,
                          int thumbnailSize, int window, int minBlend, int maxBlend) {

    public ClipOptions {
        if (!(minLoopSeconds > 0) || !(maxLoopSeconds >= minLoopSeconds)) {
            throw new IllegalArgumentException("loop length range " + minLoopSeconds + ".." + maxLoopSeconds);
        }
        if (!(maxAnalysisSeconds > 0)) throw new IllegalArgumentException("analysis length " + maxAnalysisSeconds);
        if (thumbnailSize < 16) throw new IllegalArgumentException("thumbnail size " + thumbnailSize);
        if (window < 2 || window % 2 != 0) throw new IllegalArgumentException("window must be even and at least 2: " + window);
        if (minBlend < 0 || maxBlend < 0) throw new IllegalArgumentException("blend " + minBlend + ".." + maxBlend);
    }

    public static ClipOptions defaults() {
        return new ClipOptions(1.5, Double.POSITIVE_INFINITY, 20, 160, 4, 6, 24);
    }

    public ClipOptions withMinLoopSeconds(double v) {
        return new ClipOptions(v, maxLoopSeconds, maxAnalysisSeconds, thumbnailSize, window, minBlend, maxBlend);
    }

    public ClipOptions withMaxLoopSeconds(double v) {
        return new ClipOptions(minLoopSeconds, v, maxAnalysisSeconds, thumbnailSize, window, minBlend, maxBlend);
    }

    public ClipOptions withMaxAnalysisSeconds(double v) {
        return new ClipOptions(minLoopSeconds, maxLoopSeconds, v, thumbnailSize, window, minBlend, maxBlend);
    }

    /** Crossfades of minBlend..maxBlend frames; (0, 0) for a raw cut. */
    public ClipOptions withBlend(int min, int max) {
        return new ClipOptions(minLoopSeconds, maxLoopSeconds, maxAnalysisSeconds, thumbnailSize, window, min, max);
    }
}
