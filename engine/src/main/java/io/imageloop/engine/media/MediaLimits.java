package io.imageloop.engine.media;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Bounds on media, checked from headers before any pixel is decoded. The same values apply to
 * uploads, renders, the CLI and freeze masks, so a file accepted at the door is one that renders.
 *
 * @param maxPhotoPixels pixels of a still picture; a 30000 x 30000 PNG is a memory bomb, not a photo
 * @param maxVideoPixels pixels of one clip frame; 8K (8192 x 4320) fits
 */
public record MediaLimits(long maxPhotoPixels, long maxVideoPixels) {

    public static final long DEFAULT_PHOTO_PIXELS = 120_000_000L;
    public static final long DEFAULT_VIDEO_PIXELS = 36_000_000L;
    public static final MediaLimits DEFAULT = new MediaLimits(DEFAULT_PHOTO_PIXELS, DEFAULT_VIDEO_PIXELS);

    public MediaLimits {
        if (maxPhotoPixels <= 0 || maxVideoPixels <= 0) throw new IllegalArgumentException("limits must be positive");
    }

    public MediaLimits withMaxPhotoPixels(long v) {
        return new MediaLimits(v, maxVideoPixels);
    }

    /** Throws {@link LimitExceeded} when the probed media is larger than allowed. */
    public void check(MediaInfo info, Path file) {
        if (info.width() <= 0 || info.height() <= 0) return;
        long pixels = (long) info.width() * info.height();
        boolean video = info.kind() == MediaKind.CLIP && info.type() != MediaType.GIF;
        long max = video ? maxVideoPixels : maxPhotoPixels;
        if (pixels > max) {
            String what = video ? "its video frames are" : "it is";
            throw new LimitExceeded(video ? Limit.VIDEO_PIXELS : Limit.PHOTO_PIXELS, pixels, max, String.format(Locale.ROOT,
                    "%s is too large: %s %dx%d (%s); the limit is %s", name(file), what, info.width(), info.height(),
                    megapixels(pixels), megapixels(max)));
        }
    }

    static String megapixels(long pixels) {
        double mp = pixels / 1e6;
        return mp >= 10 ? String.format(Locale.ROOT, "%.0f MP", mp) : String.format(Locale.ROOT, "%.1f MP", mp);
    }

    private static String name(Path file) {
        return file == null || file.getFileName() == null ? "the file" : file.getFileName().toString();
    }
}
