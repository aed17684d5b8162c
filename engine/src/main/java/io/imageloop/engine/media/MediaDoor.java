package io.imageloop.engine.media;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one way in for media files, for the CLI and the service alike: what a file is (by its
 * bytes, never its name), what its headers say (size, orientation, duration), and whether it is
 * within the {@link MediaLimits}, all before any pixel is decoded. Photos are also checked for
 * truncation and damage, so decoders only ever see whole files.
 */
public final class MediaDoor {

    /** Bytes needed to tell every type apart. */
    public static final int HEAD = Sniffer.HEAD;

    private static final String WHAT_WORKS = "neither a photo (JPEG, PNG, WebP, BMP, GIF, HEIC), a clip (MP4, MOV, WebM, MKV, AVI, "
            + "animated GIF) nor audio (MP3, WAV, M4A, AAC, Ogg)";

    private MediaDoor() {
    }

    /** The type of a file starting with {@code head}; empty when imageloop does not know it. */
    public static Optional<MediaType> sniff(byte[] head) {
        return Optional.ofNullable(Sniffer.sniff(head));
    }

    /** The type of a file by its first bytes; refuses missing files, folders and unknown content. */
    public static MediaType type(Path file) {
        readable(file);
        byte[] head;
        try {
            head = head(file, HEAD);
        } catch (IOException e) {
            throw new LoopException(Kind.INPUT_NOT_FOUND, "cannot read " + file + ": " + e.getMessage(), e);
        }
        MediaType type = Sniffer.sniff(head);
        if (type == null) {
            throw new LoopException(Kind.UNSUPPORTED_FORMAT, file.getFileName() + " is " + WHAT_WORKS);
        }
        if (type == MediaType.TIFF) {
            throw new LoopException(Kind.UNSUPPORTED_FORMAT, file.getFileName() + " is a TIFF image; convert it to JPEG or PNG first");
        }
        return type;
    }

    /**
     * Whether a file is a clip to loop as moving pictures: a video container or a GIF with more
     * than one frame. False for anything else, including files that cannot be read (the photo
     * path then reports why).
     */
    public static boolean isClip(Path file) {
        if (!Files.isRegularFile(file)) return false;
        MediaType type;
        try {
            type = Sniffer.sniff(head(file, HEAD));
        } catch (IOException e) {
            return false;
        }
        if (type == MediaType.GIF) return GifScan.of(file, 2).frames() >= 2;
        return type != null && type.kind() == MediaKind.CLIP;
    }

    /** Probes any media file with the default limits. */
    public static MediaInfo probe(Path file) {
        return probe(file, MediaLimits.DEFAULT);
    }

    /**
     * What the file is and holds, from headers; throws a {@link LoopException} with one plain
     * line when it is unknown, damaged, or (a {@link LimitExceeded}) over a limit.
     */
    public static MediaInfo probe(Path file, MediaLimits limits) {
        MediaType type = type(file);
        if (type.kind() != MediaKind.PHOTO) {
            ContainerCheck.check(file, type);
            MediaInfo info = AvProbe.probe(file, type);
            limits.check(info, file);
            return info;
        }
        MediaInfo info = photo(file, type, limits);
        if (type == MediaType.GIF && GifScan.of(file, 2).frames() >= 2) {
            return new MediaInfo(type, MediaKind.CLIP, info.width(), info.height(), 1, -1, "gif");
        }
        return info;
    }

    /**
     * A still picture (a GIF's first frame counts): refuses clips and audio with a line saying
     * what they are instead. Used for photos to loop, freeze masks and depth images.
     */
    public static MediaInfo probePhoto(Path file, MediaLimits limits) {
        MediaType type = type(file);
        if (type.kind() != MediaKind.PHOTO) {
            String what = type.kind() == MediaKind.CLIP ? "a video clip" : "audio";
            throw new LoopException(Kind.UNSUPPORTED_FORMAT, file.getFileName() + " is " + what + " (" + type + "), not a photo");
        }
        return photo(file, type, limits);
    }

    /** Headers, then limits, then structure: the expensive structure check only runs on files within limits. */
    private static MediaInfo photo(Path file, MediaType type, MediaLimits limits) {
        PhotoHeaders.Header h = PhotoHeaders.read(file, type);
        MediaInfo info = new MediaInfo(type, MediaKind.PHOTO, h.width(), h.height(), h.orientation(), -1, type.name().toLowerCase(java.util.Locale.ROOT));
        limits.check(info, file);
        StreamIntegrity.check(file, type);
        ContainerCheck.check(file, type);
        return info;
    }

    /** Refuses a clip whose frames are larger than allowed, from the size its stream declares. */
    public static void checkVideoFrame(Path file, MediaType type, int width, int height, MediaLimits limits) {
        limits.check(new MediaInfo(type, MediaKind.CLIP, width, height, 1, -1, null), file);
    }

    /** Whether a GIF's blocks reach its trailer (FFmpeg's GIF demuxer stops quietly at a cut). */
    public static boolean gifComplete(Path file) {
        return GifScan.of(file, Integer.MAX_VALUE).complete();
    }

    /** The first {@code n} bytes of a file (fewer when it is shorter). */
    public static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }

    private static void readable(Path file) {
        if (Files.isDirectory(file)) {
            throw new LoopException(Kind.INPUT_NOT_FOUND, file + " is a folder; give a photo or a clip");
        }
        if (!Files.isRegularFile(file)) {
            throw new LoopException(Kind.INPUT_NOT_FOUND, "no such file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new LoopException(Kind.INPUT_NOT_FOUND, "cannot read " + file + ": permission denied");
        }
    }
}
