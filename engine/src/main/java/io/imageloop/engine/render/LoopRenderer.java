package io.imageloop.engine.render;

import io.imageloop.engine.LoopResult;
import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.ProgressListener;
import io.imageloop.engine.encode.EncodeSettings;
import io.imageloop.engine.encode.Encoders;
import io.imageloop.engine.encode.FrameSink;
import io.imageloop.engine.measure.DecodedMeter;
import io.imageloop.engine.measure.DecodedReport;
import io.imageloop.engine.measure.SeamMeter;
import io.imageloop.engine.measure.SeamReport;
import io.imageloop.engine.source.PhotoLoader;

import java.nio.file.Path;

/**
 * Photo (or clip) in, loop file out: source → motion → composite → encode, with rendering and
 * encoding overlapped by a {@link FramePump}. The seam is measured on the way.
 */
public final class LoopRenderer {

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
            // Measured on the finished file, as a player decodes it, before it is handed over.
            DecodedReport decoded = DecodedMeter.measure(file.temporary(), loop.cameraPath().isPresent());
            file.commit();
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new LoopResult(file.target(), settings.format(), loop.size(), loop.timing().frames(), loop.timing().fps(),
                    loop.describe(), seam, decoded, millis, sheetFile);
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
        EncodeSettings encode = new EncodeSettings(settings.format(), loop.size(), loop.timing().fps(), settings.quality(), n);
        encode = encode.withKeyframes(encode.keyframes().guarded(settings.recipe().camera() == null));
        try (FrameSink sink = Encoders.open(target, encode);
             SeamMeter meter = new SeamMeter();
             ContactSheet sheet = sheetFile == null ? null : new ContactSheet(n, loop.size().width(), loop.size().height())) {
            FramePump.run(n, loop::render, (t, frame) -> {
                sink.write(frame);
                meter.add(frame);
                if (sheet != null) sheet.offer(t, frame);
                progress.onFrame(t + 1, n);
            });
            sink.finish();
            if (sheet != null) sheet.write(sheetFile);
            return meter.report();
        }
    }
}
