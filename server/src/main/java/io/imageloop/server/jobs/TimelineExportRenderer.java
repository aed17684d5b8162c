package io.imageloop.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.encode.OutputFormat;
import io.imageloop.engine.encode.Quality;
import io.imageloop.engine.media.LimitExceeded;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftCodec;
import io.imageloop.timeline.DraftProblem;
import io.imageloop.timeline.DraftValidator;
import io.imageloop.timeline.MediaResolver;
import io.imageloop.timeline.TrackType;
import io.imageloop.timeline.render.DraftRenderer;
import io.imageloop.timeline.render.RenderOptions;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * Exports a draft with the timeline compositor: every video segment (photo loops and clips),
 * text overlays and mixed background music, at the draft's aspect ratio. The same renderer the
 * CLI's {@code render} command uses, so a draft exports the same from either.
 */
public final class TimelineExportRenderer implements ExportRenderer {

    private final int resolution;
    private final double maxSeconds;
    private final double fps;
    private final Quality quality;

    /**
     * @param resolution short side in pixels (1080 in production)
     * @param maxSeconds caps the export length (tests), 0 for no cap
     * @param fps        frame rate, 0 for the draft's own
     */
    public TimelineExportRenderer(int resolution, double maxSeconds, double fps) {
        this(resolution, maxSeconds, fps, Quality.HIGH);
    }

    private TimelineExportRenderer(int resolution, double maxSeconds, double fps, Quality quality) {
        this.resolution = resolution;
        this.maxSeconds = maxSeconds;
        this.fps = fps;
        this.quality = quality;
    }

    @Override
    public ExportRenderer withQuality(String name) {
        Quality q = switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "draft", "low", "preview" -> Quality.DRAFT;
            case "standard", "medium", "normal" -> Quality.STANDARD;
            default -> Quality.HIGH;
        };
        return new TimelineExportRenderer(resolution, maxSeconds, fps, q);
    }

    @Override
    public Path render(JsonNode json, MediaLookup media, Path output, String format, DoubleConsumer progress) {
        Draft draft = prepared(json);
        OutputFormat chosen;
        try {
            chosen = OutputFormat.parse(format);
        } catch (LoopException e) {
            throw new DraftException(e.getMessage());
        }
        check(draft, resolver(media));
        RenderOptions options = RenderOptions.of(chosen).withQuality(quality).withResolution(resolution);
        return new DraftRenderer().render(draft, resolver(media), output, options,
                (done, total) -> progress.accept(total == 0 ? 1.0 : (double) done / total)).output();
    }

    @Override
    public void validate(JsonNode json, MediaLookup media) {
        check(prepared(json), resolver(media));
    }

    @Override
    public RenderBudget budget(JsonNode json) {
        Draft draft = prepared(json);
        long frames = (long) Math.ceil(draft.durationMs() / 1000.0 * draft.meta().fps());
        var size = draft.meta().aspect().size(resolution);
        return new RenderBudget(frames, (long) size.width() * size.height());
    }

    @Override
    public long outputMillis(JsonNode json) {
        return prepared(json).durationMs();
    }

    /** The stored draft as the export will render it: test caps on length and frame rate applied. */
    private Draft prepared(JsonNode json) {
        if (json == null || !json.isObject()) throw new DraftException("the draft must be a JSON object");
        Draft draft;
        try {
            draft = DraftCodec.read(json);
        } catch (LimitExceeded e) {
            throw e; // a limit has a code of its own
        } catch (LoopException e) {
            throw new DraftException(e.getMessage());
        }
        if (maxSeconds > 0) draft = draft.truncatedTo(Math.round(maxSeconds * 1000));
        if (fps > 0) draft = draft.withMeta(draft.meta().withFps(fps));
        return draft;
    }

    private static void check(Draft draft, MediaResolver media) {
        boolean hasPicture = draft.tracks().stream().anyMatch(t -> t.type() == TrackType.VIDEO && !t.segments().isEmpty());
        if (!hasPicture) {
            // A valid but empty timeline would export seconds of black: say what is missing instead.
            throw new DraftException("the draft has no video yet; upload a photo and ask for a loop first");
        }
        List<DraftProblem> problems = DraftValidator.problems(draft, media);
        // One short line however many problems there are: the first few, then how many more.
        if (!problems.isEmpty()) throw new DraftException(DraftProblem.toException(problems).getMessage());
    }

    /** Media references in a server draft are media ids of the session. */
    private static MediaResolver resolver(MediaLookup media) {
        return ref -> media.find(ref).map(MediaLookup.MediaFile::path)
                .orElseThrow(() -> new LoopException(Kind.INPUT_NOT_FOUND, "the draft uses media " + ref + ", which is not part of this session"));
    }
}
