package io.imageloop.server.chat.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.server.chat.reply.Say;
import io.imageloop.server.store.MediaStore.MediaRecord;
import io.imageloop.timeline.AudioClip;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftValidator;
import io.imageloop.timeline.Segment;
import io.imageloop.timeline.edit.Music;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * add_music, adjust_music, trim_music, remove_music. Music is an uploaded audio file; volume
 * is a fraction (0.35 = 35%), up to 2; relative changes multiply it.
 */
final class MusicTools {

    static final double DEFAULT_VOLUME = 0.35;
    static final long DEFAULT_FADE_MS = 1000;

    private MusicTools() {
    }

    static void register(Map<String, Toolbox.Tool> tools) {
        tools.put("add_music", MusicTools::add);
        tools.put("adjust_music", MusicTools::adjust);
        tools.put("trim_music", MusicTools::trim);
        tools.put("remove_music", (a, ws) -> {
            if (Music.of(ws.draft()).isEmpty()) return Outcome.refused(Say::noMusicToRemove);
            ws.draft(Music.remove(ws.draft()));
            return Outcome.edited();
        });
    }

    private static Outcome add(ObjectNode a, Workspace ws) {
        ws.focusMusic();
        List<MediaRecord> audio = ws.audio();
        if (audio.isEmpty()) return Outcome.refused(Say::uploadAudio);
        MediaRecord track = choose(Args.text(a, "media"), audio);
        List<String> notes = new ArrayList<>();
        if (!ws.images().isEmpty()) {
            Outcome none = ws.ensureLoops(notes);
            if (none != null) return none;
        }
        Optional<Segment> there = Music.of(ws.draft());
        if (there.isPresent() && ((AudioClip) there.get().content()).media().equals(track.id())) return adjust(a, ws);
        Double v = volume(a, DEFAULT_VOLUME);
        if (v == null) return Outcome.refused(say -> say.volumeRange());
        AudioClip clip = new AudioClip(track.id(), track.originalName(), v, fade(a, "fade_in", 0), fade(a, "fade_out", 0),
                Math.max(0, Math.round(1000 * orZero(Args.number(a, "offset")))), Map.of());
        Outcome offset = checkOffset(clip, track);
        if (offset != null) return offset;
        ws.draft(Music.set(ws.draft(), clip));
        return Outcome.edited();
    }

    private static Outcome adjust(ObjectNode a, Workspace ws) {
        ws.focusMusic();
        Optional<Segment> there = Music.of(ws.draft());
        if (there.isEmpty()) return Outcome.refused(ws.audio().isEmpty() ? Say::uploadAudio : Say::noMusicYet);
        AudioClip c = (AudioClip) there.get().content();
        Double v = volume(a, c.volume());
        if (v == null) return Outcome.refused(say -> say.volumeRange());
        Double factor = Args.number(a, "volume_factor");
        if (factor != null) {
            double next = Math.round(Math.max(0, Math.min(DraftValidator.MAX_VOLUME, v * factor)) * 100) / 100.0;
            if (next == v) return Outcome.unchanged(say -> factor > 1 ? say.loudest() : say.quietest());
            v = next;
        }
        Double offsetS = Args.number(a, "offset");
        AudioClip changed = c.withVolume(v).withFades(fade(a, "fade_in", c.fadeInMs()), fade(a, "fade_out", c.fadeOutMs()));
        if (offsetS != null) changed = changed.withOffsetMs(Math.max(0, Math.round(offsetS * 1000)));
        MediaRecord track = ws.media(c.media()).orElse(null);
        Outcome offset = checkOffset(changed, track);
        if (offset != null) return offset;
        if (changed.equals(c)) return Outcome.unchanged(Say::musicAlready);
        AudioClip done = changed;
        ws.draft(Music.change(ws.draft(), x -> done));
        return Outcome.edited();
    }

    private static Outcome trim(ObjectNode a, Workspace ws) {
        ws.focusMusic();
        if (Music.of(ws.draft()).isEmpty()) return Outcome.refused(ws.audio().isEmpty() ? Say::uploadAudio : Say::noMusicYet);
        Draft before = ws.draft();
        if (a.hasNonNull("offset")) {
            Outcome o = adjust(a.deepCopy().retain("offset"), ws);
            if (o.kind() == Outcome.Kind.REFUSED) return o;
        }
        String end = Args.word(a, "end");
        if (end != null) {
            Long endMs = end.equals("whole") || end.equals("end") ? null : Args.millis(a, "end");
            ws.draft(Music.end(ws.draft(), endMs));
        }
        if (Music.of(ws.draft()).equals(Music.of(before))) return Outcome.unchanged(Say::musicAlready);
        return Outcome.edited();
    }

    private static Outcome checkOffset(AudioClip clip, MediaRecord track) {
        if (track != null && track.durationMs() != null && clip.offsetMs() >= track.durationMs()) {
            long len = track.durationMs();
            return Outcome.refused(say -> say.offsetPastEnd(len));
        }
        return null;
    }

    /** The volume asked for: "volume" as a fraction (0.3) or percent (30), else the current one; null when out of range. */
    private static Double volume(ObjectNode a, double current) {
        Double v = Args.number(a, "volume");
        if (v == null) return current;
        if (v > 2) v = v / 100.0;
        if (v < 0 || v > DraftValidator.MAX_VOLUME) return null;
        return Math.round(v * 100) / 100.0;
    }

    private static long fade(ObjectNode a, String key, long current) {
        if (!a.hasNonNull(key)) return current;
        if (a.get(key).isBoolean()) return a.get(key).asBoolean() ? DEFAULT_FADE_MS : 0;
        Long ms = Args.millis(a, key);
        return ms == null ? current : Math.max(0, ms);
    }

    private static MediaRecord choose(String name, List<MediaRecord> audio) {
        if (name != null) {
            for (MediaRecord m : audio) if (m.id().equals(name) || Targets.nameMatches(name.toLowerCase(java.util.Locale.ROOT), m.originalName())) return m;
        }
        return audio.get(audio.size() - 1);
    }

    private static double orZero(Double v) {
        return v == null ? 0 : v;
    }
}
