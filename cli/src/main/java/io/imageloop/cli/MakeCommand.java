package io.imageloop.cli;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.LoopResult;
import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.encode.OutputFormat;
import io.imageloop.engine.encode.Quality;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.frame.Fitting;
import io.imageloop.engine.motion.Direction;
import io.imageloop.engine.motion.Region;
import io.imageloop.engine.motion.Style;
import io.imageloop.engine.render.LoopRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code imageloop make PHOTO...}: one seamless loop per photo. */
@Command(name = "make", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Makes a seamlessly looping video from a photo.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  imageloop make lake.jpg                                  # 6 s 1080p MP4, sky drifting right",
                "  imageloop make lake.jpg --style flow --region lower --direction left -o water.mp4",
                "  imageloop make cup.jpg --style camera --aspect 9:16 --contact-sheet",
                "  imageloop make meadow.jpg --style sway --format gif",
                "  imageloop make a.jpg b.jpg c.jpg -o loops/              # one loop each",
                "",
                "Exit codes: 0 done, 2 bad option, 3 bad photo, 4 output not writable, 5 encoding failed."})
public final class MakeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PHOTO", description = "JPEG, PNG, WebP, BMP, GIF (first frame) or HEIC.")
    List<Path> photos;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|DIR",
            description = "Output file, or a folder for several photos (default: PHOTO-loop.FORMAT here).")
    Path output;

    @Option(names = "--style", paramLabel = "STYLE", defaultValue = "flow",
            description = "flow, camera or sway (default: ${DEFAULT-VALUE}).")
    String style;

    @Option(names = "--direction", paramLabel = "DIR",
            description = "flow: left, right, up, down or degrees (0 = right, 90 = down); "
                    + "camera: zoom, orbit, left, right, up, down; sway: the still edge, bottom, top, left or right.")
    String direction;

    @Option(names = "--region", paramLabel = "REGION", description = "flow: where it moves, upper (default), lower or whole.")
    String region;

    @Option(names = "--strength", paramLabel = "X", defaultValue = "1.0", description = "Amount of motion, 1 is gentle (default: ${DEFAULT-VALUE}).")
    double strength;

    @Option(names = "--aspect", paramLabel = "RATIO", defaultValue = "16:9", description = "16:9, 9:16, 1:1 or 4:5 (default: ${DEFAULT-VALUE}).")
    String aspect;

    @Option(names = "--fit", description = "Show the whole photo on blurred bars instead of cropping it.")
    boolean fit;

    @Option(names = "--resolution", paramLabel = "PX", defaultValue = "1080", description = "Short side in pixels (default: ${DEFAULT-VALUE}).")
    int resolution;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "6", description = "Loop length (default: ${DEFAULT-VALUE}).")
    double duration;

    @Option(names = "--fps", defaultValue = "30", description = "Frames per second (default: ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--format", paramLabel = "FORMAT", description = "mp4, webm or gif (default: from the output name, else mp4).")
    String format;

    @Option(names = "--quality", paramLabel = "Q", defaultValue = "standard", description = "draft, standard or high (default: ${DEFAULT-VALUE}).")
    String quality;

    @Option(names = "--contact-sheet", description = "Also write 12 frames in a grid as NAME.sheet.png beside the output.")
    boolean contactSheet;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Override
    public Integer call() {
        boolean many = photos.size() > 1;
        if (many && output != null && !Files.isDirectory(output)) {
            throw new LoopException(Kind.OUTPUT_NOT_WRITABLE, "with several photos, -o must be an existing folder: " + output);
        }
        OutputFormat chosen = chooseFormat();
        LoopSettings settings = LoopSettings.defaults()
                .withStyle(Style.parse(style))
                .withDirection(direction == null ? null : Direction.parse(direction))
                .withRegion(region == null ? null : Region.parse(region))
                .withStrength(strength)
                .withAspect(Aspect.parse(aspect))
                .withFitting(fit ? Fitting.FIT : Fitting.COVER)
                .withResolution(resolution)
                .withSeconds(duration)
                .withFps(fps)
                .withFormat(chosen)
                .withQuality(Quality.parse(quality))
                .withContactSheet(contactSheet);
        settings.motion(); // validates style options before any photo is read
        settings.timing();
        settings.frameSize();
        List<Path> targets = new ArrayList<>();
        for (Path photo : photos) targets.add(target(photo, chosen));
        LoopRenderer renderer = new LoopRenderer();
        for (int i = 0; i < photos.size(); i++) {
            try (Progress progress = Progress.start(quiet, photos.get(i).getFileName().toString(), settings.timing().frames())) {
                LoopResult result = renderer.render(photos.get(i), targets.get(i), settings, progress);
                progress.close();
                if (!quiet) spec.commandLine().getOut().println(result.summary());
            }
        }
        return Main.OK;
    }

    private OutputFormat chooseFormat() {
        OutputFormat fromName = output == null || Files.isDirectory(output) ? null : OutputFormat.ofFileName(output);
        if (format == null) return fromName == null ? OutputFormat.MP4 : fromName;
        OutputFormat asked = OutputFormat.parse(format);
        if (fromName != null && fromName != asked) {
            throw new LoopException(Kind.INVALID_PARAMETER, "the output name ends in ." + fromName + " but --format is " + asked);
        }
        return asked;
    }

    private Path target(Path photo, OutputFormat format) {
        String base = photo.getFileName().toString().replaceFirst("\\.[^.]+$", "") + "-loop." + format.extension();
        if (output == null) return Path.of(base);
        if (Files.isDirectory(output)) return output.resolve(base);
        return output;
    }
}
