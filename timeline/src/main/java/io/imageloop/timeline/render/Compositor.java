package io.imageloop.timeline.render;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.Engine;
import io.imageloop.timeline.Fade;
import io.imageloop.timeline.MediaResolver;
import io.imageloop.timeline.TextClip;
import io.imageloop.timeline.TrackType;
import io.imageloop.timeline.VideoClip;
import io.imageloop.timeline.VideoContent;
import io.imageloop.timeline.VideoLoop;
import io.imageloop.timeline.render.Schedule.Layer;
import io.imageloop.timeline.render.Schedule.Slot;
import io.imageloop.timeline.text.TextRasterizer;
import io.imageloop.timeline.text.TextSprite;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/**
 * Builds output frame t from the schedule: the topmost video segment showing at t (black where
 * no video plays), then the texts of the tracks stacked above it. Video layers are opaque and fill
 * the frame, so anything below the topmost one is not drawn at all.
 *
 * <p>Video sources are opened when their segment first shows and closed as soon as it ends, so
 * only the loops in use hold native memory. Texts are rasterised once per distinct text when the
 * compositor is built and only blended per frame.
 */
final class Compositor implements AutoCloseable {

    private final Schedule schedule;
    private final FrameSize size;
    private final MediaResolver media;
    private final LoopSettings base;
    private final Engine engine;
    private final Map<TextClip, TextSprite> sprites = new HashMap<>();
    private final Map<Slot, SegmentSource> open = new LinkedHashMap<>();
    private final Scalar black = new Scalar(0, 0, 0, 0);

    /** @param base the output's aspect, resolution, frame rate and format, for photo loops */
    Compositor(Schedule schedule, FrameSize size, MediaResolver media, LoopSettings base, Engine engine, TextRasterizer text) {
        this.schedule = schedule;
        this.size = size;
        this.media = media;
        this.base = base;
        this.engine = engine;
        for (Layer layer : schedule.layers()) {
            if (layer.track().type() != TrackType.TEXT) continue;
            for (Slot slot : layer.slots()) {
                sprites.computeIfAbsent((TextClip) slot.segment().content(), clip -> text.render(clip, size));
            }
        }
    }

    void compose(int t, Mat dst) {
        List<Layer> layers = schedule.layers();
        int top = -1;
        Slot video = null;
        for (int i = layers.size() - 1; i >= 0 && video == null; i--) {
            if (layers.get(i).track().type() != TrackType.VIDEO) continue;
            video = layers.get(i).at(t);
            top = i;
        }
        if (video == null) {
            top = -1;
            dst.create(size.height(), size.width(), CV_8UC3);
            dst.put(black);
        } else {
            source(video).render(t - video.first(), dst);
        }
        for (int i = top + 1; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (layer.track().type() != TrackType.TEXT) continue;
            Slot slot = layer.at(t);
            if (slot != null) sprites.get((TextClip) slot.segment().content()).blendOnto(dst, opacity(slot, t));
        }
        closeEnded(t);
    }

    /** Text opacity at the middle of frame t, from the segment's fades. */
    private double opacity(Slot slot, int t) {
        TextClip text = (TextClip) slot.segment().content();
        double msPerFrame = 1000.0 / schedule.fps();
        return Fade.gain((t + 0.5 - slot.first()) * msPerFrame, (slot.end() - slot.first()) * msPerFrame, text.fadeInMs(), text.fadeOutMs());
    }

    private SegmentSource source(Slot slot) {
        SegmentSource s = open.get(slot);
        if (s != null) return s;
        VideoContent v = (VideoContent) slot.segment().content();
        try {
            s = v instanceof VideoLoop loop
                    ? LoopSource.open(loop, media.resolve(loop.media()), base, engine)
                    : ClipSource.open(media.resolve(((VideoClip) v).media()), size, v.fitting(), schedule.fps());
        } catch (LoopException e) {
            throw new LoopException(e.kind(), slot.path() + ": " + e.getMessage(), e);
        }
        open.put(slot, s);
        return s;
    }

    /** Frees the sources of segments that are over after frame t. */
    private void closeEnded(int t) {
        for (Iterator<Map.Entry<Slot, SegmentSource>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Slot, SegmentSource> e = it.next();
            if (e.getKey().end() <= t + 1) {
                e.getValue().close();
                it.remove();
            }
        }
    }

    /** How many video sources hold native memory right now. */
    int openSources() {
        return open.size();
    }

    @Override
    public void close() {
        for (SegmentSource s : open.values()) s.close();
        open.clear();
        black.close();
    }
}
