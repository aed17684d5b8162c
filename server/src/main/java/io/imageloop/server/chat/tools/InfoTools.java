package io.imageloop.server.chat.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.server.chat.reply.Say;
import io.imageloop.timeline.AudioClip;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftCodec;
import io.imageloop.timeline.DraftSummary;
import io.imageloop.timeline.Segment;
import io.imageloop.timeline.VideoContent;
import io.imageloop.timeline.VideoLoop;
import io.imageloop.timeline.edit.DraftEdits;
import io.imageloop.timeline.edit.Music;
import io.imageloop.timeline.edit.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers: show_timeline, explain_motion, get_credits, export_info, upload_info, help. None changes the draft. */
final class InfoTools {

    private InfoTools() {
    }

    static void register(Map<String, Toolbox.Tool> tools) {
        tools.put("show_timeline", InfoTools::timeline);
        tools.put("explain_motion", InfoTools::explain);
        tools.put("get_credits", (a, ws) -> {
            var b = ws.session().balance();
            return Outcome.answer(say -> say.credits(b.available(), b.frozen(), b.total()));
        });
        tools.put("export_info", (a, ws) -> {
            if (DraftEdits.video(ws.draft()).isEmpty()) return Outcome.answer(say -> say.noDraft(ws.images().size()));
            int price = ws.session().price().applyAsInt(DraftCodec.toJson(ws.draft()));
            int available = ws.session().balance().available();
            return Outcome.answer(say -> say.export(price, available));
        });
        tools.put("upload_info", (a, ws) -> Outcome.answer(Say::upload));
        tools.put("help", (a, ws) -> {
            int images = ws.images().size();
            return Outcome.answer(say -> say.help(images));
        });
    }

    private static Outcome timeline(ObjectNode a, Workspace ws) {
        Draft d = ws.draft();
        String topic = Args.word(a, "topic");
        if (topic == null) topic = "all";
        switch (topic) {
            case "music" -> {
                Optional<Segment> m = Music.of(d);
                if (m.isEmpty()) return Outcome.answer(Say::noMusicOnTimeline);
                AudioClip c = (AudioClip) m.get().content();
                String name = DraftSummary.label(c.name(), c.media());
                return Outcome.answer(say -> say.musicIs(name, c.volume(), m.get().startMs(), m.get().endMs()));
            }
            case "texts", "text" -> {
                List<String> texts = Texts.list(d).stream().map(i -> i.clip().text()).toList();
                return Outcome.answer(say -> texts.isEmpty() ? say.noTextOnTimeline() : say.textsAre(texts));
            }
            case "length", "duration" -> {
                if (DraftEdits.video(d).isEmpty()) return Outcome.answer(say -> say.noDraft(ws.images().size()));
                long ms = d.durationMs();
                int n = DraftEdits.video(d).size();
                return Outcome.answer(say -> say.lengthIs(ms, n));
            }
            case "photos", "count" -> {
                List<String> names = Targets.labels(DraftEdits.video(d));
                int uploaded = ws.images().size();
                return Outcome.answer(say -> say.photosAre(names, uploaded));
            }
            default -> {
                if (d.tracks().stream().allMatch(t -> t.segments().isEmpty())) return Outcome.answer(say -> say.noDraft(ws.images().size()));
                return Outcome.answer(say -> say.summary(d));
            }
        }
    }

    private static Outcome explain(ObjectNode a, Workspace ws) {
        if (DraftEdits.video(ws.draft()).isEmpty()) return Outcome.answer(say -> say.noDraft(ws.images().size()));
        Targets.Resolved t = Targets.photos(a.get("photos"), ws);
        if (t.problem() != null) return t.problem();
        List<Segment> video = DraftEdits.video(ws.draft());
        List<Say.LoopInfo> infos = new ArrayList<>();
        for (int p : t.positions()) {
            VideoContent v = (VideoContent) video.get(p).content();
            infos.add(new Say.LoopInfo(p + 1, DraftSummary.label(v.name(), v.media()), v instanceof VideoLoop l ? l : null,
                    video.get(p).durationMs()));
        }
        ws.focusPhotos(t.positions(), t.all());
        return Outcome.answer(say -> say.explain(infos));
    }
}
