package io.imageloop.engine.render;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Renders frames on a worker thread into a small ring of buffers and hands them, in order, to a
 * consumer on the calling thread (the encoder). Rendering frame t + 1 overlaps encoding frame t,
 * and memory stays flat however long the video is. A failure on either side stops both; an
 * interrupt of the calling thread ends with {@link Kind#CANCELLED}.
 */
public final class FramePump {

    /** Draws frame t into dst. Runs on the worker thread, one frame at a time, in order. */
    @FunctionalInterface
    public interface Producer {
        void render(int t, Mat dst);
    }

    /** Takes finished frame t; the buffer is reused once this returns. */
    @FunctionalInterface
    public interface Consumer {
        void accept(int t, Mat frame);
    }

    private static final int BUFFERS = 4;
    private static final Mat FAILED = new Mat();

    private FramePump() {
    }

    public static void run(int frames, Producer producer, Consumer consumer) {
        BlockingQueue<Mat> free = new ArrayBlockingQueue<>(BUFFERS);
        BlockingQueue<Mat> ready = new ArrayBlockingQueue<>(BUFFERS);
        Mat[] buffers = new Mat[BUFFERS];
        for (int i = 0; i < BUFFERS; i++) {
            buffers[i] = new Mat();
            free.add(buffers[i]);
        }
        RuntimeException[] failure = new RuntimeException[1];
        Thread worker = new Thread(() -> {
            try {
                for (int t = 0; t < frames; t++) {
                    Mat buffer = free.take();
                    producer.render(t, buffer);
                    ready.put(buffer);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure[0] = e instanceof LoopException ? e
                        : new LoopException(Kind.ENCODE_FAILED, "rendering a frame failed: " + e.getMessage(), e);
                ready.offer(FAILED);
            }
        }, "imageloop-render");
        worker.setDaemon(true);
        try {
            worker.start();
            for (int t = 0; t < frames; t++) {
                Mat frame = ready.take();
                if (frame == FAILED) throw failure[0];
                consumer.accept(t, frame);
                free.put(frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoopException(Kind.CANCELLED, "rendering was cancelled");
        } finally {
            worker.interrupt();
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Mat m : buffers) m.close();
        }
    }
}
