package io.imageloop.engine.encode;

import org.bytedeco.ffmpeg.global.avutil;

/**
 * Keeps FFmpeg's own logging off the user's terminal: failures surface as exceptions with a
 * message. Set IMAGELOOP_DEBUG=1 to see FFmpeg's diagnostics. (OpenCV's log level can only be
 * set before it loads, through OPENCV_LOG_LEVEL; the launcher does that.)
 */
public final class FfmpegLog {

    private static volatile boolean configured;

    private FfmpegLog() {
    }

    public static void configure() {
        if (configured) return;
        synchronized (FfmpegLog.class) {
            if (configured) return;
            boolean debug = System.getenv("IMAGELOOP_DEBUG") != null;
            avutil.av_log_set_level(debug ? avutil.AV_LOG_INFO : avutil.AV_LOG_QUIET);
            org.bytedeco.opencv.global.opencv_core.setNumThreads(Integer.getInteger("imageloop.cvThreads", Runtime.getRuntime().availableProcessors()));
            configured = true;
        }
    }
}
