package io.imageloop.engine.media;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.encode.FfmpegLog;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.javacv.FFmpegFrameGrabber;

import java.nio.file.Path;

/**
 * Video and audio containers through FFmpeg's demuxer: stream sizes, duration and codec, read
 * from headers (FFmpeg may look at a few packets; no frame is kept). Logging stays off so that
 * a damaged file produces our line, not FFmpeg's.
 */
final class AvProbe {

    private AvProbe() {
    }

    static MediaInfo probe(Path file, MediaType type) {
        FfmpegLog.configure();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.start();
            boolean video = hasRealVideo(g);
            boolean audio = g.getAudioStream() >= 0 && g.getAudioChannels() > 0;
            if (!video && !audio) {
                throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " has no video or audio stream");
            }
            long micros = g.getLengthInTime();
            long duration = micros > 0 ? micros / 1000 : -1;
            // Audio containers keep their kind even with cover art; video containers without pictures are audio.
            boolean isClip = type.kind() != MediaKind.AUDIO && video;
            if (isClip) {
                return new MediaInfo(type, MediaKind.CLIP, g.getImageWidth(), g.getImageHeight(), 1, duration, g.getVideoCodecName());
            }
            if (!audio) throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " has no audio stream");
            return new MediaInfo(type, MediaKind.AUDIO, 0, 0, 1, duration, g.getAudioCodecName());
        } catch (LoopException e) {
            throw e;
        } catch (Exception e) {
            throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " cannot be read as "
                    + (type.kind() == MediaKind.AUDIO ? "audio" : "a video") + "; the file may be damaged", e);
        }
    }

    /** A video stream that is not just an attached cover picture (MP3 and M4A often carry one). */
    private static boolean hasRealVideo(FFmpegFrameGrabber g) {
        int index = g.getVideoStream();
        if (index < 0 || g.getImageWidth() <= 0 || g.getImageHeight() <= 0) return false;
        var stream = g.getFormatContext().streams(index);
        return (stream.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) == 0;
    }
}
