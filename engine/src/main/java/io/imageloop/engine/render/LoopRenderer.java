package io.imageloop.engine.render;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.LoopResult;
import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.ProgressListener;
import io.imageloop.engine.encode.EncodeSettings;
import io.imageloop.engine.encode.Encoders;
import io.imageloop.engine.encode.FrameSink;
import io.imageloop.engine.measure.SeamMeter;
import io.imageloop.engine.measure.SeamReport;
import io.imageloop.engine.motion.CameraPath;
import io.imageloop.engine.source.PhotoLoader;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Photo in, loop file out: source → motion → composite → encode. Frames are produced on one
 * thread and encoded on another through a small ring of buffers, so rendering frame t + 1
 * overlaps with encoding frame t and memory stays flat however long the loop is.
 */
public final class LoopRenderer {

    private static final int BUFFERS = 4;

    private final PhotoLoader loader;

    public LoopRenderer() {
        this(new PhotoLoader());
    }

    public LoopRenderer(PhotoLoader loader) {
        this.loader = loader;
    }

    /** Makes a loop of a photo (or, through {@link Sources}, of whatever the input is). */
    public LoopResult render(Path input, Path output, LoopSettings settings, ProgressListener progress) {
        long start = System.nanoTime();
        OutputFile.checkWritable(output);
        try (FrameSource loop = Sources.open(input, settings, loader)) {
            return render(loop, output, settings, progress, start);
        }
    }

    /** Encodes a prepared frame source; the caller keeps ownership of it. */
    public LoopResult render(FrameSource loop, Path output, LoopSettings settings, ProgressListener progress) {
        return render(loop, output, settings, progress, System.nanoTime());
    }

    private LoopResult render(FrameSource loop, Path output, LoopSettings settings, ProgressListener progress, long start) {
        try (OutputFile file = OutputFile.create(output)) {
            Path sheetFile = settings.contactSheet() ? contactSheetPath(file.target()) : null;
            SeamReport seam = encode(loop, file.temporary(), settings, progress, sheetFile);
            file.commit();
            OptionalDouble jitter = loop.cameraPath().map(CameraPath::jitterRms)
                    .map(OptionalDouble::of).orElse(OptionalDouble.empty());
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new LoopResult(file.target(), settings.format(), loop.size(), loop.timing().frames(), loop.timing().fps(),
                    loop.describe(), seam, jitter, millis, sheetFile);
        }
    }

    /** The contact sheet sits beside the output: {@code lake.mp4} → {@code lake.sheet.png}. */
    public static Path contactSheetPath(Path output) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return output.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".sheet.png");
    }

    private static SeamReport encode(FrameSource loop, Path target, LoopSettings settings, ProgressListener progress, Path sheetFile) {
        int n = loop.timing().frames();
        EncodeSettings encode = new EncodeSettings(settings.format(), loop.size(), loop.timing().fps(), settings.quality());
        BlockingQueue<Mat> free = new ArrayBlockingQueue<>(BUFFERS);
        BlockingQueue<Mat> ready = new ArrayBlockingQueue<>(BUFFERS);
        Mat[] buffers = new Mat[BUFFERS];
        for (int i = 0; i < BUFFERS; i++) {
            buffers[i] = new Mat();
            free.add(buffers[i]);
        }
        Producer producer = new Producer(loop, n, free, ready);
        Thread thread = new Thread(producer, "imageloop-render");
        thread.setDaemon(true);
        try (FrameSink sink = Encoders.open(target, encode);
             SeamMeter meter = new SeamMeter();
             ContactSheet sheet = sheetFile == null ? null : new ContactSheet(n, loop.size().width(), loop.size().height())) {
            thread.start();
            for (int t = 0; t < n; t++) {
                Mat frame = ready.take();
                if (frame == Producer.FAILED) throw producer.failure();
                sink.write(frame);
                meter.add(frame);
                if (sheet != null) sheet.offer(t, frame);
                free.put(frame);
                progress.onFrame(t + 1, n);
            }
            sink.finish();
            if (sheet != null) sheet.write(sheetFile);
            return meter.report();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoopException(Kind.CANCELLED, "rendering was cancelled");
        } finally {
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Mat m : buffers) m.close();
        }
    }

    /** Renders frames in order into free buffers; reports its failure through the queue. */
    private static final class Producer implements Runnable {
        static final Mat FAILED = new Mat();

        private final FrameSource loop;
        private final int frames;
        private final BlockingQueue<Mat> free;
        private final BlockingQueue<Mat> ready;
        private volatile RuntimeException failure;

        Producer(FrameSource loop, int frames, BlockingQueue<Mat> free, BlockingQueue<Mat> ready) {
            this.loop = loop;
            this.frames = frames;
            this.free = free;
            this.ready = ready;
        }

        RuntimeException failure() {
            return failure;
        }

        @Override
        public void run() {
            try {
                for (int t = 0; t < frames; t++) {
                    Mat buffer = free.take();
                    loop.render(t, buffer);
                    ready.put(buffer);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e instanceof LoopException ? e
                        : new LoopException(Kind.ENCODE_FAILED, "rendering frame failed: " + e.getMessage(), e);
                ready.offer(FAILED);
            }
        }
    }
}
