package io.imageloop.timeline.render;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.ProgressListener;
import io.imageloop.engine.encode.EncodeSettings;
import io.imageloop.engine.encode.Encoders;
import io.imageloop.engine.encode.FrameSink;
import io.imageloop.engine.encode.Keyframes;
import io.imageloop.engine.encode.OutputFormat;
import io.imageloop.engine.encode.VideoEncoder;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.render.FramePump;
import io.imageloop.engine.render.OutputFile;
import io.imageloop.engine.Engine;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftValidator;
import io.imageloop.timeline.MediaResolver;
import io.imageloop.timeline.audio.AudioMixer;
import io.imageloop.timeline.text.FontBook;
import io.imageloop.timeline.text.TextRasterizer;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Path;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

/**
 * Exports a draft: video tracks (photo loops and clips), text overlays and mixed audio into one
 * MP4 (H.264 + AAC), WebM (VP9 + Opus) or GIF (silent) at the draft's aspect. Composing and
 * encoding overlap through the engine's {@link FramePump}, so memory stays flat however long the
 * draft is. The file appears at {@code output} only when complete.
 */
public final class DraftRenderer {

    private final Engine engine;
    private final FontBook fonts;

    public DraftRenderer() {
        this(new Engine(), FontBook.system());
    }

    public DraftRenderer(Engine engine, FontBook fonts) {
        this.engine = engine;
        this.fonts = fonts;
    }

    /** Exports at 1080p (short side) in standard quality. */
    public RenderResult render(Draft draft, MediaResolver media, Path output, OutputFormat format, ProgressListener progress) {
        return render(draft, media, output, RenderOptions.of(format), progress);
    }

    /**
     * Validates the draft (including its media), then renders it to {@code output}.
     *
     * @throws LoopException with {@link Kind#INVALID_PARAMETER} listing the draft's problems, or the
     *                       kind of the first media or encoding failure
     */
    public RenderResult render(Draft draft, MediaResolver media, Path output, RenderOptions options, ProgressListener progress) {
        long start = System.nanoTime();
        DraftValidator.check(draft, media);
        OutputFile.checkWritable(output);
        LoopSettings base = baseSettings(draft, options);
        FrameSize size = base.frameSize();
        Schedule schedule = new Schedule(draft);
        boolean withAudio = options.format() != OutputFormat.GIF && draft.hasAudio();
        try (AudioMixer mixer = withAudio ? AudioMixer.of(draft, media) : null;
             Compositor compositor = new Compositor(schedule, size, media, base, engine, new TextRasterizer(fonts));
             OutputFile file = OutputFile.create(output)) {
            boolean audio = mixer != null && !mixer.isEmpty();
            EncodeSettings encode = new EncodeSettings(options.format(), size, schedule.fps(), options.quality(), schedule.frames())
                    .withKeyframes(Keyframes.forFile(schedule.frames(), schedule.period(), schedule.fps()));
            if (audio) encode = encode.withAudio(EncodeSettings.Audio.STEREO_48K);
            encode(schedule, compositor, audio ? mixer : null, file.temporary(), encode, progress);
            file.commit();
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new RenderResult(file.target(), options.format(), size, schedule.frames(), schedule.fps(), audio, millis);
        }
    }

    /** The size a draft renders at with these options (GIFs are capped, see {@link LoopSettings#frameSize()}). */
    public static FrameSize frameSize(Draft draft, RenderOptions options) {
        return baseSettings(draft, options).frameSize();
    }

    /**
     * Writes the frame showing at {@code atMs} as a PNG (or any image type OpenCV writes), e.g. a
     * preview thumbnail. Renders from the start of the segments involved, never the whole draft.
     */
    public void snapshot(Draft draft, MediaResolver media, RenderOptions options, long atMs, Path png) {
        DraftValidator.check(draft, media);
        OutputFile.checkWritable(png);
        LoopSettings base = baseSettings(draft, options);
        Schedule schedule = new Schedule(draft);
        int t = Math.max(0, Math.min(schedule.frames() - 1, Schedule.frameAt(atMs, schedule.fps())));
        try (Compositor compositor = new Compositor(schedule, base.frameSize(), media, base, engine, new TextRasterizer(fonts));
             Mat frame = new Mat()) {
            compositor.compose(t, frame);
            if (!imwrite(png.toString(), frame)) {
                throw new LoopException(Kind.OUTPUT_NOT_WRITABLE, "cannot write the image " + png);
            }
        }
    }

    private static LoopSettings baseSettings(Draft draft, RenderOptions options) {
        return LoopSettings.defaults()
                .withAspect(draft.meta().aspect())
                .withResolution(options.resolution())
                .withFps(draft.meta().fps())
                .withFormat(options.format())
                .withQuality(options.quality());
    }

    private static void encode(Schedule schedule, Compositor compositor, AudioMixer mixer, Path target, EncodeSettings settings,
                               ProgressListener progress) {
        int n = schedule.frames();
        float[] samples = mixer == null ? null : new float[(int) Math.ceil(AudioMixer.SAMPLE_RATE / schedule.fps() + 2) * AudioMixer.CHANNELS];
        try (FrameSink sink = Encoders.open(target, settings)) {
            FramePump.run(n, compositor::compose, (t, frame) -> {
                sink.write(frame);
                if (mixer != null) {
                    // The sound for this frame's duration, so audio ends exactly where the video does.
                    long from = sampleAt(t, schedule.fps());
                    int count = (int) (sampleAt(t + 1, schedule.fps()) - from);
                    mixer.read(from, samples, count);
                    ((VideoEncoder) sink).writeAudio(samples, count);
                }
                progress.onFrame(t + 1, n);
            });
            sink.finish();
        }
    }

    private static long sampleAt(int frame, double fps) {
        return Math.round(frame * AudioMixer.SAMPLE_RATE / fps);
    }
}
