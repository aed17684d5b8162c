package io.imageloop.engine.media;

/**
 * What a file is, from its headers only: no pixel has been decoded to learn this.
 *
 * @param type        the container, by content
 * @param kind        what it holds: a GIF with several frames is a clip, a video container with
 *                    no picture is audio
 * @param width       stored picture width in pixels (a GIF's logical screen), 0 for audio
 * @param height      stored picture height in pixels, 0 for audio
 * @param orientation EXIF orientation 1..8 of photos (1 for everything else)
 * @param durationMs  length of clips and audio when the container says, else -1
 * @param codec       the stream's codec name for clips and audio, the type's name for photos
 */
public record MediaInfo(MediaType type, MediaKind kind, int width, int height, int orientation, long durationMs, String codec) {

    public long pixels() {
        return (long) width * height;
    }

    /** Whether EXIF orientation swaps width and height (5 to 8 are quarter turns). */
    public boolean rotatesQuarter() {
        return orientation >= 5 && orientation <= 8;
    }
}
