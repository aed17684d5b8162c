package io.imageloop.cli;

import io.imageloop.engine.encode.OutputFormat;
import io.imageloop.engine.render.OutputFile;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftCodec;
import io.imageloop.timeline.DraftSummary;
import io.imageloop.timeline.DraftValidator;
import io.imageloop.timeline.MediaResolver;
import io.imageloop.timeline.render.DraftRenderer;
import io.imageloop.timeline.render.RenderOptions;
import io.imageloop.timeline.render.RenderResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code imageloop render draft.json}: exports a timeline with its loops, text and music. */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Renders a draft (timeline JSON): loops, clips, titles and background music in one file.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  imageloop render examples/lake-title-music.json -o lake.mp4",
                "  imageloop render examples/lake-title-music.json --dry-run     # validate and summarise only",
                "",
                "Media in the draft are file paths relative to the draft file."})
public final class RenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DRAFT", description = "The draft JSON (short keys: t, tt, sg, d, m).")
    Path draftFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: DRAFT name with the format's extension, here).")
    Path output;

    @Option(names = "--dry-run", description = "Check the draft and its media and print its summary; render nothing.")
    boolean dryRun;

    @Mixin
    EncodingOptions encoding;

    @Override
    public Integer call() {
        Draft draft = DraftCodec.read(draftFile);
        Path dir = draftFile.toAbsolutePath().getParent();
        MediaResolver media = MediaResolver.relativeTo(dir);
        if (dryRun) {
            DraftValidator.check(draft, media);
            spec.commandLine().getOut().println(DraftSummary.of(draft));
            return Main.OK;
        }
        OutputFormat chosen = encoding.format(output);
        Path target = output != null ? output
                : Path.of(draftFile.getFileName().toString().replaceFirst("\\.[^.]+$", "") + "." + chosen.extension());
        OutputFile.checkWritable(target);
        List<Path> inputs = new ArrayList<>(DraftValidator.mediaFiles(draft, media));
        inputs.add(draftFile);
        OutputFile.checkNotInput(target, inputs); // a draft's own photo is never the output
        RenderOptions options = RenderOptions.of(chosen).withQuality(encoding.quality()).withResolution(encoding.resolution);
        int frames = (int) Math.round(draft.durationMs() / 1000.0 * draft.meta().fps());
        try (Progress progress = Progress.start(encoding.quiet, draftFile.getFileName().toString(), frames)) {
            RenderResult result = new DraftRenderer().render(draft, media, target, options, progress);
            progress.close();
            if (!encoding.quiet) {
                spec.commandLine().getOut().println(DraftSummary.of(draft));
                spec.commandLine().getOut().println(result.summary());
            }
        }
        return Main.OK;
    }

}
