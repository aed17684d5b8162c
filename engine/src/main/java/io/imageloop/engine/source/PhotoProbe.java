package io.imageloop.engine.source;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.bmp.BmpHeaderDirectory;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.gif.GifHeaderDirectory;
import com.drew.metadata.heif.HeifDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.webp.WebpDirectory;
import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a photo is before any pixel is decoded: its format (by content), stored size and EXIF
 * orientation. Reading only headers lets us refuse decompression bombs and pick a reduced
 * JPEG decode before spending memory on pixels.
 */
public record PhotoProbe(ImageFormat format, int storedWidth, int storedHeight, int orientation) {

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

    public static PhotoProbe of(Path file) {
        if (Files.isDirectory(file)) {
            throw new LoopException(Kind.INPUT_NOT_FOUND, file + " is a folder; give a photo or a clip");
        }
        if (!Files.isRegularFile(file)) {
            throw new LoopException(Kind.INPUT_NOT_FOUND, "no such file: " + file);
        }
        byte[] head;
        try {
            head = ImageFormat.head(file, 32);
        } catch (IOException e) {
            throw new LoopException(Kind.INPUT_NOT_FOUND, "cannot read " + file + ": " + e.getMessage(), e);
        }
        ImageFormat format = ImageFormat.sniff(head);
        if (format == null) {
            throw new LoopException(Kind.UNSUPPORTED_FORMAT, file.getFileName()
                    + " is neither a photo (JPEG, PNG, WebP, BMP, GIF, HEIC) nor a clip (MP4, MOV, WebM, MKV, AVI, animated GIF)");
        }
        if (format == ImageFormat.TIFF) {
            throw new LoopException(Kind.UNSUPPORTED_FORMAT, file.getFileName()
                    + " is a TIFF image; convert it to JPEG or PNG first");
        }
        StreamIntegrity.check(file, format);
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(file.toFile());
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " is damaged: its "
                    + format + " header cannot be read", e);
        }
        int[] size = storedSize(metadata, format);
        if (size == null || size[0] <= 0 || size[1] <= 0) {
            throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " is damaged: its "
                    + format + " header has no image size");
        }
        return new PhotoProbe(format, size[0], size[1], orientation(metadata));
    }

    private static int orientation(Metadata metadata) {
        ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
            Integer value = exif.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
            if (value != null && value >= 1 && value <= 8) return value;
        }
        return 1;
    }

    private static int[] storedSize(Metadata metadata, ImageFormat format) {
        return switch (format) {
            case JPEG -> read(metadata, JpegDirectory.class, JpegDirectory.TAG_IMAGE_WIDTH, JpegDirectory.TAG_IMAGE_HEIGHT);
            case PNG -> read(metadata, PngDirectory.class, PngDirectory.TAG_IMAGE_WIDTH, PngDirectory.TAG_IMAGE_HEIGHT);
            case WEBP -> read(metadata, WebpDirectory.class, WebpDirectory.TAG_IMAGE_WIDTH, WebpDirectory.TAG_IMAGE_HEIGHT);
            case BMP -> read(metadata, BmpHeaderDirectory.class, BmpHeaderDirectory.TAG_IMAGE_WIDTH, BmpHeaderDirectory.TAG_IMAGE_HEIGHT);
            case GIF -> read(metadata, GifHeaderDirectory.class, GifHeaderDirectory.TAG_IMAGE_WIDTH, GifHeaderDirectory.TAG_IMAGE_HEIGHT);
            case HEIC -> read(metadata, HeifDirectory.class, HeifDirectory.TAG_IMAGE_WIDTH, HeifDirectory.TAG_IMAGE_HEIGHT);
            case TIFF -> null;
        };
    }

    private static <D extends Directory> int[] read(Metadata metadata, Class<D> type, int widthTag, int heightTag) {
        for (D dir : metadata.getDirectoriesOfType(type)) {
            Integer w = dir.getInteger(widthTag);
            Integer h = dir.getInteger(heightTag);
            if (w != null && h != null) return new int[] {Math.abs(w), Math.abs(h)};
        }
        return null;
    }
}
