package io.imageloop.cli;

import io.imageloop.engine.LoopResult;
import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.ProgressListener;
import io.imageloop.engine.encode.EncodeSettings;
import io.imageloop.engine.encode.Encoders;
import io.imageloop.engine.encode.FrameSink;
import io.imageloop.engine.recipe.Style;
import io.imageloop.engine.render.LoopRenderer;
import io.imageloop.engine.render.PreparedLoop;
import io.imageloop.engine.source.PhotoLoader;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code imageloop bench}: the speed and memory figures of the README. For each style it times
 * whole renders (photo to finished MP4), then the encoder alone on the same frames held in
 * memory: the floor no renderer can beat. All figures are medians of several runs in one process.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures render speed against the encode-only floor, and memory.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "PHOTO", description = "Photo to render (default: the largest bundled photo).")
    Path photo;

    @Option(names = "--runs", defaultValue = "3", description = "Runs per measurement (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--styles", split = ",", defaultValue = "flow,camera,sway", description = "Styles to measure (default: ${DEFAULT-VALUE}).")
    List<String> styles;

    @Option(names = "--resolution", defaultValue = "1080", description = "Short side (default: ${DEFAULT-VALUE}).")
    int resolution;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path input = photo != null ? photo : largestBundledPhoto();
        Path dir = Files.createTempDirectory("imageloop-bench");
        out.printf(Locale.ROOT, "photo %s, 6 s at 30 fps, %dp, %d runs each, %d cores%n", input, resolution, runs,
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "%-8s %10s %10s %10s %10s %8s%n", "style", "end-to-end", "frames/s", "encode", "render", "ratio");
        try {
            // Whole renders first, so the peak RSS read after them is a render's own, not the
            // floor measurement's (which holds every frame in memory on purpose).
            double[] totals = new double[styles.size()];
            for (int i = 0; i < styles.size(); i++) {
                String name = styles.get(i);
                LoopSettings settings = settings(name);
                totals[i] = median(runs, () -> new LoopRenderer().render(input, dir.resolve(name + ".mp4"), settings, ProgressListener.NONE)
                        .millis() / 1000.0);
            }
            double renderRss = peakRssMb();
            for (int i = 0; i < styles.size(); i++) {
                String name = styles.get(i);
                LoopSettings settings = settings(name);
                double[] split = renderThenEncode(input, settings, dir.resolve(name + "-floor.mp4"));
                int frames = settings.timing().frames();
                out.printf(Locale.ROOT, "%-8s %9.2fs %10.1f %9.2fs %9.2fs %7.2fx%n", name, totals[i], frames / totals[i], split[1], split[0],
                        totals[i] / split[1]);
                out.flush();
            }
            out.printf(Locale.ROOT, "peak heap %.0f MB (max %.0f MB), peak RSS during renders %.0f MB%n", peakHeapMb(),
                    Runtime.getRuntime().maxMemory() / 1048576.0, renderRss);
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
        out.printf(Locale.ROOT, "end-to-end: photo to finished file; encode: x264 alone on the same frames (the floor);%n"
                + "render: frames alone, no encoding; ratio: end-to-end / encode.%n");
        return Main.OK;
    }

    private LoopSettings settings(String style) {
        return LoopSettings.defaults().withRecipe(Style.parse(style).recipe(null, null, 1.0)).withResolution(resolution);
    }

    /** Median seconds of rendering all frames into memory, and of encoding them: {render, encode}. */
    private double[] renderThenEncode(Path input, LoopSettings settings, Path target) {
        List<Mat> frames = new ArrayList<>();
        try (PreparedLoop loop = PreparedLoop.of(input, settings, new PhotoLoader())) {
            int n = loop.timing().frames();
            for (int t = 0; t < n; t++) frames.add(new Mat());
            double render = median(runs, () -> {
                long start = System.nanoTime();
                for (int t = 0; t < n; t++) loop.render(t, frames.get(t));
                return (System.nanoTime() - start) / 1e9;
            });
            EncodeSettings encode = new EncodeSettings(settings.format(), loop.size(), loop.timing().fps(), settings.quality(), loop.timing().frames());
            double encodeOnly = median(runs, () -> {
                long start = System.nanoTime();
                try (FrameSink sink = Encoders.open(target, encode)) {
                    for (Mat f : frames) sink.write(f);
                    sink.finish();
                }
                return (System.nanoTime() - start) / 1e9;
            });
            return new double[] {render, encodeOnly};
        } finally {
            frames.forEach(Mat::close);
        }
    }

    private static double median(int runs, java.util.function.DoubleSupplier run) {
        double[] v = new double[Math.max(1, runs)];
        for (int i = 0; i < v.length; i++) v[i] = run.getAsDouble();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static Path largestBundledPhoto() throws IOException {
        Path samples = Path.of(System.getProperty("imageloop.home", "."), "samples");
        try (var files = Files.list(samples)) {
            return files.filter(f -> f.toString().endsWith(".jpg")).max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length()))
                    .orElseThrow(() -> new IOException("no photos in " + samples));
        }
    }

    private static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum / 1048576.0;
    }

    /** VmHWM: the most resident memory this process ever had, native buffers included. */
    private static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        } catch (IOException | NumberFormatException ignored) {
            // not Linux: no figure
        }
        return Double.NaN;
    }
}
