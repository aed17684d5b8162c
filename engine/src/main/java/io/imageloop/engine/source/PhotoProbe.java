package io.imageloop.engine.source;

import io.imageloop.engine.media.MediaDoor;
import io.imageloop.engine.media.MediaInfo;
import io.imageloop.engine.media.MediaLimits;
import io.imageloop.engine.media.MediaType;

import java.nio.file.Path;

/**
 * What a photo is before any pixel is decoded: its format (by content), stored size and EXIF
 * orientation, read through the {@link MediaDoor}. Reading only headers lets us refuse
 * decompression bombs and pick a reduced JPEG decode before spending memory on pixels.
 */
public record PhotoProbe(MediaType format, int storedWidth, int storedHeight, int orientation) {

    /** Whether the orientation swaps width and height (EXIF 5 to 8 are quarter turns). */
    public boolean rotatesQuarter() {
        return orientation >= 5 && orientation <= 8;
    }

    public int width() {
        return rotatesQuarter() ? storedHeight : storedWidth;
    }

    public int height() {
        return rotatesQuarter() ? storedWidth : storedHeight;
    }

    public long pixels() {
        return (long) storedWidth * storedHeight;
    }

    /** Probes with the default limits. */
    public static PhotoProbe of(Path file) {
        return of(file, MediaLimits.DEFAULT);
    }

    /** Probes, refusing anything that is not a whole photo within {@code limits}. */
    public static PhotoProbe of(Path file, MediaLimits limits) {
        MediaInfo info = MediaDoor.probePhoto(file, limits);
        return new PhotoProbe(info.type(), info.width(), info.height(), info.orientation());
    }
}
