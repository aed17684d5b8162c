package io.imageloop.cli;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.LoopResult;
import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.composite.Particles;
import io.imageloop.engine.encode.OutputFormat;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.frame.Fitting;
import io.imageloop.engine.media.MediaDoor;
import io.imageloop.engine.motion.Arrow;
import io.imageloop.engine.motion.Direction;
import io.imageloop.engine.motion.Freeze;
import io.imageloop.engine.motion.Point;
import io.imageloop.engine.motion.auto.AutoPlanner;
import io.imageloop.engine.motion.spec.MotionSpec;
import io.imageloop.engine.motion.spec.MotionSpecCodec;
import io.imageloop.engine.motion.Region;
import io.imageloop.engine.motion.Style;
import io.imageloop.engine.render.Leftovers;
import io.imageloop.engine.render.LoopRenderer;
import io.imageloop.engine.render.OutputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code imageloop make PHOTO...}: one seamless loop per photo or clip. */
@Command(name = "make", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Makes a seamlessly looping video from a photo or a short clip.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  imageloop make lake.jpg                                  # 6 s 1080p MP4; looks for sky, water, foliage",
                "  imageloop make lake.jpg --style flow --region lower --direction left -o water.mp4",
                "  imageloop make cup.jpg --style camera --aspect 9:16 --contact-sheet",
                "  imageloop make meadow.jpg --style sway --format gif",
                "  imageloop make lake.jpg --arrow 0.2,0.8:0.5,0.8 --freeze 0.3,0.5,0.4,0.3   # water flows right, boats stay",
                "  imageloop make lake.jpg --style auto             # finds sky and water; saves lake-loop.motion.json",
                "  imageloop make lake.jpg --motion lake-loop.motion.json   # render an edited plan",
                "  imageloop make street.jpg --style parallax --depth street-depth.png",
                "  imageloop make lake.jpg --region upper --camera-move zoom    # drifting sky under a slow zoom",
                "  imageloop make a.jpg b.jpg c.jpg -o loops/              # one loop each",
                "  imageloop make plaza.mp4                                 # a clip: best loop points, blended seam",
                "  imageloop make street.jpg --style camera --particles snow",
                "",
                "Exit codes: 0 done, 2 bad option, 3 bad photo, 4 output not writable, 5 encoding failed."})
public final class MakeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PHOTO", description = "A photo (JPEG, PNG, WebP, BMP, GIF, HEIC) or a clip "
            + "(MP4, MOV, WebM, MKV, AVI, animated GIF), judged by content; clips loop at their best loop points.")
    List<Path> photos;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|DIR",
            description = "Output file, or a folder for several photos (default: PHOTO-loop.FORMAT here).")
    Path output;

    @Option(names = "--style", paramLabel = "STYLE",
            description = "flow, camera, sway, parallax, or auto to let imageloop choose from what is in the photo "
                    + "(default: auto, or flow when arrows, a region or another motion option is given).")
    String style;

    @Option(names = "--motion", paramLabel = "SPEC.json",
            description = "A motion spec: arrows, anchors, freeze areas and style in one file (see docs/motion-spec.md).")
    Path motionSpec;

    @Option(names = "--arrow", paramLabel = "X1,Y1:X2,Y2",
            description = "flow: content moves along this arrow (fractions of the picture); repeatable.")
    List<String> arrows = new ArrayList<>();

    @Option(names = "--anchor", paramLabel = "X,Y", description = "flow: pin this point still; repeatable.")
    List<String> anchors = new ArrayList<>();

    @Option(names = "--freeze", paramLabel = "X,Y,W,H", description = "Keep this area still (fractions of the picture); repeatable.")
    List<String> freezes = new ArrayList<>();

    @Option(names = "--freeze-mask", paramLabel = "PNG", description = "Keep the bright parts of this mask still.")
    Path freezeMask;

    @Option(names = "--depth", paramLabel = "SOURCE",
            description = "parallax: cues (default), a depth map image (bright = near) or an ONNX depth model.")
    String depth;

    @Option(names = "--camera-move", paramLabel = "MOVE",
            description = "Add a slow camera move on top of flow, sway or parallax: zoom, orbit, left, right, up or down.")
    String cameraMove;

    @Option(names = "--particles", paramLabel = "KIND", defaultValue = "none",
            description = "An overlay that loops too: none, snow, rain, sparkles or bokeh (default: ${DEFAULT-VALUE}).")
    String particles;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for anything random, e.g. particles (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--save-motion", paramLabel = "SPEC.json",
            description = "Write the motion used (e.g. what --style auto chose) as an editable spec.")
    Path saveMotion;

    @Option(names = "--direction", paramLabel = "DIR",
            description = "flow: left, right, up, down or degrees (0 = right, 90 = down); "
                    + "camera: zoom, orbit, left, right, up, down; sway: the still edge, bottom, top, left or right.")
    String direction;

    @Option(names = "--region", paramLabel = "REGION", description = "flow: where it moves, upper (default), lower or whole.")
    String region;

    @Option(names = "--strength", paramLabel = "X", description = "Amount of motion, 1 is gentle (default: 1).")
    Double strength;

    @Option(names = "--aspect", paramLabel = "RATIO", defaultValue = "16:9", description = "16:9, 9:16, 1:1 or 4:5 (default: ${DEFAULT-VALUE}).")
    String aspect;

    @Option(names = "--fit", description = "Show the whole photo on blurred bars instead of cropping it.")
    boolean fit;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "6", description = "Loop length (default: ${DEFAULT-VALUE}).")
    double duration;

    @Option(names = "--fps", defaultValue = "30", description = "Frames per second (default: ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--contact-sheet", description = "Also write 12 frames in a grid as NAME.sheet.png beside the output.")
    boolean contactSheet;

    @Mixin
    EncodingOptions encoding;

    @Override
    public Integer call() {
        if (strength != null && !(strength > 0 && strength <= 5)) {
            throw new LoopException(Kind.INVALID_PARAMETER, "--strength must be above 0 and at most 5, got " + strength);
        }
        boolean many = photos.size() > 1;
        if (many && output != null && !Files.isDirectory(output)) {
            throw new LoopException(Kind.OUTPUT_NOT_WRITABLE, "with several photos, -o must be an existing folder: " + output);
        }
        if (many && saveMotion != null) {
            throw new LoopException(Kind.INVALID_PARAMETER, "--save-motion takes one photo; auto plans are saved beside each output");
        }
        OutputFormat chosen = encoding.format(output);
        LoopSettings base = LoopSettings.defaults()
                .withAspect(Aspect.parse(aspect))
                .withFitting(fit ? Fitting.FIT : Fitting.COVER)
                .withResolution(encoding.resolution)
                .withSeconds(duration)
                .withFps(fps)
                .withFormat(chosen)
                .withQuality(encoding.quality())
                .withContactSheet(contactSheet)
                .withParticles(Particles.parse(particles))
                .withSeed(seed);
        base.timing(); // validates before any photo is read
        base.frameSize();
        // With no word on motion at all, look at the photo rather than drift whatever is on top.
        boolean guided = motionSpec != null || !arrows.isEmpty() || !anchors.isEmpty() || !freezes.isEmpty() || freezeMask != null
                || direction != null || region != null || depth != null || cameraMove != null;
        boolean auto = style == null ? !guided : "auto".equalsIgnoreCase(style.trim());
        MotionSpec manual = auto ? null : manualSpec();
        List<Path> targets = new ArrayList<>();
        for (Path photo : photos) targets.add(target(photo, chosen));
        targets.forEach(OutputFile::checkWritable); // before any photo is read or any plan is saved
        if (saveMotion != null) OutputFile.checkWritable(saveMotion);
        for (Path target : targets) for (Path written : written(target, auto)) OutputFile.checkNotInput(written, inputs());
        LoopRenderer renderer = new LoopRenderer();
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < photos.size(); i++) {
            // Clips bring their own motion: only photos are planned.
            boolean plan = auto && !MediaDoor.isClip(photos.get(i));
            // A still mask this run writes goes again if the run fails or is stopped.
            Path mask = plan && !Files.exists(siblingPath(targets.get(i), ".still.png")) ? siblingPath(targets.get(i), ".still.png") : null;
            if (mask != null) Leftovers.track(mask);
            try {
                makeOne(i, plan, manual, base, targets, renderer, out);
            } catch (RuntimeException e) {
                if (mask != null) Leftovers.discard(mask);
                throw e;
            }
            if (mask != null) Leftovers.release(mask);
        }
        return Main.OK;
    }

    private void makeOne(int i, boolean plan, MotionSpec manual, LoopSettings base, List<Path> targets, LoopRenderer renderer,
                         PrintWriter out) {
        MotionSpec motion = plan ? scaled(AutoPlanner.plan(photos.get(i), base, siblingPath(targets.get(i), ".still.png")))
                : manual != null ? manual : manualSpec();
        if (plan && !encoding.quiet) {
            out.println(photos.get(i).getFileName() + ": " + String.join("; ", motion.notes()));
        }
        Path specFile = saveMotion != null ? saveMotion : plan ? siblingPath(targets.get(i), ".motion.json") : null;
        LoopSettings settings = base.withStyle(motion.style()).withCustomMotion(motion.motion());
        try (Progress progress = Progress.start(encoding.quiet, photos.get(i).getFileName().toString(), settings.timing().frames())) {
            LoopResult result = renderer.render(photos.get(i), targets.get(i), settings, progress);
            progress.close();
            if (specFile != null) MotionSpecCodec.write(motion, specFile);
            if (!encoding.quiet) {
                out.println(result.summary());
                if (specFile != null) out.println("motion spec: " + specFile);
            }
        }
    }

    /** Every file a run may write for this output: the loop, its contact sheet, motion spec and still mask. */
    private List<Path> written(Path target, boolean auto) {
        List<Path> files = new ArrayList<>(List.of(target));
        if (contactSheet) files.add(LoopRenderer.contactSheetPath(target.toAbsolutePath()));
        if (saveMotion != null) files.add(saveMotion);
        if (auto) files.addAll(List.of(siblingPath(target, ".motion.json"), siblingPath(target, ".still.png")));
        return files;
    }

    /** Every file the run reads: photos, the motion spec, the freeze mask, a depth image. */
    private List<Path> inputs() {
        List<Path> files = new ArrayList<>(photos);
        if (motionSpec != null) files.add(motionSpec);
        if (freezeMask != null) files.add(freezeMask);
        if (depth != null && Files.isRegularFile(Path.of(depth))) files.add(Path.of(depth));
        return files;
    }

    /** An automatic plan with --strength applied on top of the strength it chose. */
    private MotionSpec scaled(MotionSpec plan) {
        if (strength == null) return plan;
        return new MotionSpec(plan.style(), plan.direction(), plan.region(), Math.min(5, plan.strength() * strength), plan.arrows(),
                plan.anchors(), plan.freeze(), plan.depth(), plan.cameraMove(), plan.notes());
    }

    /** The motion from --motion, --style and the arrow, anchor and freeze flags, checked up front. */
    private MotionSpec manualSpec() {
        MotionSpec base = motionSpec != null ? MotionSpecCodec.read(motionSpec) : MotionSpec.of(Style.FLOW);
        Style chosenStyle = style != null ? Style.parse(style) : base.style();
        MotionSpec spec = new MotionSpec(chosenStyle,
                direction != null ? Direction.parse(direction) : base.direction(),
                region != null ? Region.parse(region) : base.region(),
                strength != null ? strength : base.strength(),
                base.arrows(), base.anchors(), base.freeze(),
                depth != null ? depth : base.depth(),
                cameraMove != null ? Direction.parse(cameraMove) : base.cameraMove(),
                base.notes());
        spec = spec.withArrows(arrows.stream().map(Arrow::parse).toList(), anchors.stream().map(Point::parse).toList());
        if (!freezes.isEmpty() || freezeMask != null) {
            List<Freeze.Rect> rects = new ArrayList<>(spec.freeze().rects());
            freezes.forEach(f -> rects.add(Freeze.Rect.parse(f)));
            spec = spec.withFreeze(new Freeze(rects, spec.freeze().polygons(), freezeMask != null ? freezeMask : spec.freeze().mask()));
        }
        spec.motion(); // builds once to report bad combinations before rendering
        return spec;
    }

    /** {@code lake-loop.mp4} → {@code lake-loop.motion.json}, {@code lake-loop.still.png}. */
    static Path siblingPath(Path output, String suffix) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return output.toAbsolutePath().resolveSibling((dot > 0 ? name.substring(0, dot) : name) + suffix);
    }


    private Path target(Path photo, OutputFormat format) {
        String base = photo.getFileName().toString().replaceFirst("\\.[^.]+$", "") + "-loop." + format.extension();
        if (output == null) return Path.of(base);
        if (Files.isDirectory(output)) return output.resolve(base);
        return output;
    }
}
