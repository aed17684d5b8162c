package io.imageloop.engine.media;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The container formats imageloop recognises, each with the kind of media it normally holds.
 * A GIF is a photo until its blocks show more than one frame; an MP4 or WebM without a picture
 * is audio once probed (see {@link MediaDoor#probe}).
 */
public enum MediaType {
    JPEG(MediaKind.PHOTO, "image/jpeg", "jpg"),
    PNG(MediaKind.PHOTO, "image/png", "png"),
    WEBP(MediaKind.PHOTO, "image/webp", "webp"),
    BMP(MediaKind.PHOTO, "image/bmp", "bmp"),
    GIF(MediaKind.PHOTO, "image/gif", "gif"),
    HEIC(MediaKind.PHOTO, "image/heic", "heic"),
    /** Recognised so that the refusal can say what it is; never accepted. */
    TIFF(MediaKind.PHOTO, "image/tiff", "tiff"),
    MP4(MediaKind.CLIP, "video/mp4", "mp4"),
    MOV(MediaKind.CLIP, "video/quicktime", "mov"),
    WEBM(MediaKind.CLIP, "video/webm", "webm"),
    MKV(MediaKind.CLIP, "video/x-matroska", "mkv"),
    AVI(MediaKind.CLIP, "video/x-msvideo", "avi"),
    MP3(MediaKind.AUDIO, "audio/mpeg", "mp3"),
    WAV(MediaKind.AUDIO, "audio/wav", "wav"),
    M4A(MediaKind.AUDIO, "audio/mp4", "m4a"),
    AAC(MediaKind.AUDIO, "audio/aac", "aac"),
    OGG(MediaKind.AUDIO, "audio/ogg", "ogg");

    private final MediaKind kind;
    private final String mime;
    private final String extension;

    MediaType(MediaKind kind, String mime, String extension) {
        this.kind = kind;
        this.mime = mime;
        this.extension = extension;
    }

    /** What the container normally holds; probing may refine it (an animated GIF is a clip). */
    public MediaKind kind() {
        return kind;
    }

    public String mime() {
        return mime;
    }

    /** The file extension stored files get, e.g. {@code jpg}, {@code mp4}. */
    public String extension() {
        return extension;
    }

    /** Whether imageloop reads it (everything recognised except TIFF). */
    public boolean accepted() {
        return this != TIFF;
    }

    /** The type stored under {@code extension}, e.g. {@code jpg} or {@code jpeg}. */
    public static Optional<MediaType> ofExtension(String extension) {
        if (extension == null) return Optional.empty();
        String e = extension.toLowerCase(Locale.ROOT).trim();
        if (e.equals("jpeg")) e = "jpg";
        if (e.equals("tif")) e = "tiff";
        for (MediaType t : values()) if (t.extension.equals(e)) return Optional.of(t);
        return Optional.empty();
    }

    /** The accepted types as extensions, for messages: {@code jpg, png, ...}. */
    public static String acceptedList() {
        return Arrays.stream(values()).filter(MediaType::accepted).map(MediaType::extension).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return name();
    }
}
