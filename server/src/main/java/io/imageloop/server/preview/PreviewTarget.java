package io.imageloop.server.preview;

import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.recipe.RecipeCodec;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftMeta;
import io.imageloop.timeline.Segment;
import io.imageloop.timeline.Track;
import io.imageloop.timeline.TrackType;
import io.imageloop.timeline.VideoLoop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One photo loop of a draft as its preview shows it: the loop alone (no titles, no music) at the
 * draft's aspect, one cycle long. Its {@link #key()} hashes everything that changes the pixels
 * (media, recipe, aspect, loop length, fit, size, frame rate) and nothing else, so an edit that
 * leaves the loop alone (a title, music) finds its preview already made.
 *
 * @param segment the loop's place among the draft's video segments, from 0
 */
public record PreviewTarget(int segment, VideoLoop loop, Aspect aspect, double fps, long durationMs, int resolution, String key) {

    /** Bumped when previews of the same inputs would come out differently. */
    private static final String FORMAT = "preview-1";

    /** The photo loops of a draft, in timeline order. */
    public static List<PreviewTarget> of(Draft draft, PreviewSettings settings) {
        List<PreviewTarget> out = new ArrayList<>();
        int index = 0;
        double fps = Math.min(PreviewSettings.MAX_FPS, settings.fps() > 0 ? settings.fps() : draft.meta().fps());
        for (Track t : draft.tracks()) {
            if (t.type() != TrackType.VIDEO) continue;
            for (Segment s : t.segments()) {
                if (s.content() instanceof VideoLoop loop) {
                    long ms = loop.loopMs();
                    if (settings.maxSeconds() > 0) ms = Math.min(ms, Math.round(settings.maxSeconds() * 1000));
                    out.add(new PreviewTarget(index, loop, draft.meta().aspect(), fps, ms, settings.resolution(),
                            key(loop, draft.meta().aspect(), fps, ms, settings.resolution())));
                }
                index++;
            }
        }
        return out;
    }

    /** The one-segment draft that renders this preview. */
    public Draft draft() {
        Segment s = new Segment(0, durationMs, loop);
        return new Draft(durationMs, new DraftMeta(aspect, fps, null), List.of(new Track(TrackType.VIDEO, "Video", List.of(s))));
    }

    static String key(VideoLoop loop, Aspect aspect, double fps, long ms, int resolution) {
        // Notes explain a recipe and never change a pixel: they stay out of the key.
        String recipe = loop.recipe() == null ? "planned"
                : RecipeCodec.toJson(loop.recipe().withNotes(List.of()), RecipeCodec.MaskWriter.INLINE).toString();
        String text = String.join("|", FORMAT, loop.media(), recipe, aspect.label(), Long.toString(loop.loopMs()), Long.toString(ms),
                loop.fitting().toString(), String.format(Locale.ROOT, "%.3f", fps), Integer.toString(resolution));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
