package io.imageloop.cli;

import io.imageloop.engine.Engine;
import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.LoopResult;
import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.encode.OutputFormat;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.frame.Fitting;
import io.imageloop.engine.media.MediaDoor;
import io.imageloop.engine.plan.PlanHints;
import io.imageloop.engine.plan.Subject;
import io.imageloop.engine.recipe.Area;
import io.imageloop.engine.recipe.Arrow;
import io.imageloop.engine.recipe.CameraMove;
import io.imageloop.engine.recipe.Direction;
import io.imageloop.engine.recipe.Layer;
import io.imageloop.engine.recipe.Mask;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.engine.recipe.Particles;
import io.imageloop.engine.recipe.Point;
import io.imageloop.engine.recipe.Region;
import io.imageloop.engine.recipe.Style;
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

    @Option(names = "--move", paramLabel = "THING", split = ",",
            description = "auto: what should move, e.g. sky, water, grass, foliage or lights (default: what auto finds).")
    List<String> move = new ArrayList<>();

    @Option(names = "--hold", paramLabel = "THING", split = ",",
            description = "auto: what must hold still, e.g. sky, water, grass, foliage or lights.")
    List<String> hold = new ArrayList<>();

    @Option(names = "--no-camera", description = "auto: never add a camera move.")
    boolean noCamera;

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
        boolean many = photos.size() > 1;
        if (many && output != null && !Files.isDirectory(output)) {
            throw new LoopException(Kind.OUTPUT_NOT_WRITABLE, "with several photos, -o must be an existing folder: " + output);
        }
        if (many && saveMotion != null) {
            throw new LoopException(Kind.INVALID_PARAMETER, "--save-motion takes one photo; auto plans are saved beside each output");
        }
        if (strength != null && !(strength > 0 && strength <= 5)) {
            throw new LoopException(Kind.INVALID_PARAMETER, "--strength must be above 0 and at most 5, got " + strength);
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
                .withContactSheet(contactSheet);
        base.timing(); // validates before any photo is read
        base.frameSize();
        // With no word on motion at all, look at the photo rather than drift whatever is on top.
        boolean guided = motionSpec != null || !arrows.isEmpty() || !anchors.isEmpty() || !freezes.isEmpty() || freezeMask != null
                || direction != null || region != null || depth != null;
        boolean auto = style == null ? !guided : "auto".equalsIgnoreCase(style.trim());
        PlanHints hints = hints();
        Particles overlay = Particles.parse(particles);
        List<Path> targets = new ArrayList<>();
        for (Path photo : photos) targets.add(target(photo, chosen));
        targets.forEach(OutputFile::checkWritable); // before any photo is read or any plan is saved
        if (saveMotion != null) OutputFile.checkWritable(saveMotion);
        for (Path target : targets) for (Path written : written(target, auto)) OutputFile.checkNotInput(written, inputs());
        Engine engine = new Engine();
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < photos.size(); i++) {
            Path photo = photos.get(i);
            // Clips bring their own motion: only photos are planned.
            boolean plan = auto && !MediaDoor.isClip(photo);
            MotionRecipe recipe = plan ? engine.plan(photo, hints, base.aspect(), duration) : manualRecipe(engine, photo, base);
            recipe = finish(recipe, plan);
            if (plan && !encoding.quiet) out.println(photo.getFileName() + ": " + String.join("; ", recipe.notes()));
            Path specFile = saveMotion != null ? saveMotion : plan ? siblingPath(targets.get(i), ".motion.json") : null;
            LoopSettings settings = base.withRecipe(recipe.withParticles(overlay).withSeed(seed));
            try (Progress progress = Progress.start(encoding.quiet, photo.getFileName().toString(), settings.timing().frames())) {
                LoopResult result = engine.make(photo, targets.get(i), settings, progress);
                progress.close();
                if (specFile != null) engine.writeRecipe(settings.recipe(), specFile);
                if (!encoding.quiet) {
                    out.println(result.summary());
                    if (specFile != null) out.println("motion spec: " + specFile);
                }
            }
        }
        return Main.OK;
    }

    /** Every file a run may write for this output: the loop, its contact sheet and its motion spec. */
    private List<Path> written(Path target, boolean auto) {
        List<Path> files = new ArrayList<>(List.of(target));
        if (contactSheet) files.add(LoopRenderer.contactSheetPath(target.toAbsolutePath()));
        if (saveMotion != null) files.add(saveMotion);
        if (auto) files.add(siblingPath(target, ".motion.json"));
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

    /** --move, --hold, --direction, --strength and the camera options, as hints for auto. */
    private PlanHints hints() {
        return new PlanHints(subjects(move), subjects(hold), direction == null ? null : Direction.parse(direction), strength,
                noCamera ? Boolean.FALSE : cameraMove != null ? Boolean.TRUE : null,
                cameraMove == null ? null : Direction.parse(cameraMove));
    }

    private static java.util.Set<Subject> subjects(List<String> names) {
        java.util.Set<Subject> out = java.util.EnumSet.noneOf(Subject.class);
        for (String n : names) {
            try {
                out.add(Subject.valueOf(n.trim().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new LoopException(Kind.INVALID_PARAMETER, "unknown thing '" + n + "'; use sky, water, grass, foliage, lights or people");
            }
        }
        return out;
    }

    /** Freeze areas, arrows and the camera move from the flags, on top of whatever the recipe is. */
    private MotionRecipe finish(MotionRecipe recipe, boolean planned) {
        MotionRecipe r = recipe;
        if (!freezes.isEmpty() || freezeMask != null) {
            List<Area.Rect> rects = freezes.stream().map(Area.Rect::parse).toList();
            Area extra = new Area(null, rects, List.of(), freezeMask == null ? null : Mask.read(freezeMask));
            r = r.withFreeze(r.freeze().plus(extra));
        }
        if (planned && cameraMove != null && r.camera() == null) {
            r = r.withCamera(new CameraMove(Direction.parse(cameraMove), CameraMove.ACCOMPANYING * (strength == null ? 1 : strength)));
        }
        return r;
    }

    /**
     * The motion from --motion, --style and the guidance flags: a spec file as it is (version 1
     * files converted for this photo and framing), or the style's classic recipe; arrows then
     * draw a flow that replaces the style's drift, as in the apps.
     */
    private MotionRecipe manualRecipe(Engine engine, Path photo, LoopSettings base) {
        MotionRecipe recipe;
        if (motionSpec != null) {
            recipe = engine.readRecipe(motionSpec, photo, base.aspect(), base.fitting());
            if (style != null && !"auto".equalsIgnoreCase(style)) {
                MotionRecipe classic = classic();
                recipe = classic.withFreeze(recipe.freeze()).withCamera(recipe.camera() != null ? recipe.camera() : classic.camera());
            } else if (strength != null) {
                recipe = recipe.scaled(strength);
            }
        } else {
            recipe = classic();
        }
        List<Arrow> drawn = arrows.stream().map(Arrow::parse).toList();
        List<Point> pins = anchors.stream().map(Point::parse).toList();
        if (!drawn.isEmpty() || !pins.isEmpty()) {
            if (recipe.style() != Style.FLOW && style != null) {
                throw new LoopException(Kind.INVALID_PARAMETER, "arrows and anchors shape a flow; use --style flow");
            }
            if (drawn.isEmpty() && recipe.first(Layer.Flow.class).isEmpty()) {
                throw new LoopException(Kind.INVALID_PARAMETER, "anchors pin a flow that arrows draw; add an --arrow");
            }
            Layer.Flow flow = recipe.first(Layer.Flow.class).map(f -> f.plus(drawn, pins))
                    .orElseGet(() -> new Layer.Flow(drawn, pins, strength == null ? 1.0 : strength));
            List<Layer> layers = new ArrayList<>();
            layers.add(flow);
            recipe.layers().stream().filter(l -> !(l instanceof Layer.Flow) && !(l instanceof Layer.Drift && motionSpec == null)).forEach(layers::add);
            recipe = recipe.withLayers(layers);
        }
        if (depth != null) {
            if (!recipe.has(Layer.Type.PARALLAX)) throw new LoopException(Kind.INVALID_PARAMETER, "--depth is for --style parallax");
            String source = depth;
            recipe = recipe.mapLayers(l -> l instanceof Layer.Parallax p ? new Layer.Parallax(source, p.strength()) : l);
        }
        if (cameraMove != null) {
            if (recipe.layers().isEmpty()) throw new LoopException(Kind.INVALID_PARAMETER, "a camera move goes on top of flow, sway or parallax, not on a camera loop");
            recipe = recipe.withCamera(new CameraMove(Direction.parse(cameraMove), CameraMove.ACCOMPANYING * (strength == null ? 1 : strength)));
        }
        return recipe;
    }

    /** --style with --direction, --region and --strength. */
    private MotionRecipe classic() {
        Style chosen = style == null || "auto".equalsIgnoreCase(style) ? Style.FLOW : Style.parse(style);
        return chosen.recipe(direction == null ? null : Direction.parse(direction), region == null ? null : Region.parse(region),
                strength == null ? 1.0 : strength);
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
