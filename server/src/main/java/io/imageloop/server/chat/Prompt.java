package io.imageloop.server.chat;

import io.imageloop.server.chat.tools.Focus;
import io.imageloop.server.chat.tools.Workspace;
import io.imageloop.server.store.MediaStore.MediaRecord;
import io.imageloop.timeline.AudioClip;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftSummary;
import io.imageloop.timeline.Segment;
import io.imageloop.timeline.VideoContent;
import io.imageloop.timeline.VideoLoop;
import io.imageloop.timeline.edit.DraftEdits;
import io.imageloop.timeline.edit.Music;
import io.imageloop.timeline.edit.Texts;

import java.util.ArrayList;
import java.util.List;

/** The system prompt a language model gets: what the product is, the rules, and the session as it stands. */
final class Prompt {

    private Prompt() {
    }

    static String system(SessionContext session, Workspace ws, Focus focus) {
        Draft d = ws.draft();
        List<String> lines = new ArrayList<>();
        lines.add("You edit a short looping video (a \"living photo\") for the user by calling the tools. Every change must be a tool call;"
                + " never say you changed something a tool did not change. Photos are named by their 1-based place on the timeline."
                + " Loops are 1 to 60 seconds. Aspect ratios: 16:9, 9:16, 1:1, 4:5. Particles: snow, rain, sparkles, bokeh."
                + " Faces and people always hold still. If the request is unclear, ask one short question with options."
                + " Answer in the user's language (Chinese if they write Chinese).");
        lines.add("Aspect ratio: " + d.meta().aspect().label() + ". Length: " + d.durationMs() / 1000.0 + " s.");
        List<Segment> video = DraftEdits.video(d);
        if (video.isEmpty()) lines.add("The timeline has no loops yet.");
        for (int i = 0; i < video.size(); i++) {
            VideoContent v = (VideoContent) video.get(i).content();
            String what = v instanceof VideoLoop l && l.recipe() != null ? l.loopMs() / 1000.0 + " s loop: " + l.recipe().describe() : "a video clip";
            lines.add("Photo " + (i + 1) + ": " + DraftSummary.label(v.name(), v.media()) + " (" + what + ")");
        }
        List<Texts.Item> texts = Texts.list(d);
        for (int i = 0; i < texts.size(); i++) {
            Texts.Item t = texts.get(i);
            lines.add("Text " + (i + 1) + ": \"" + t.clip().text() + "\" (" + t.startMs() / 1000.0 + "-" + t.endMs() / 1000.0 + " s)");
        }
        Music.of(d).ifPresent(m -> {
            AudioClip a = (AudioClip) m.content();
            lines.add("Music: " + DraftSummary.label(a.name(), a.media()) + " at " + Math.round(a.volume() * 100) + "%");
        });
        lines.add("Uploaded photos: " + names(session.images()) + ". Uploaded audio: " + names(session.audio()) + ".");
        if (!focus.photos().isEmpty() || focus.text() != null) {
            lines.add("Last talked about: " + (focus.text() != null ? "the text \"" + focus.text() + "\"" : "photos " + focus.photos()) + ".");
        }
        return String.join("\n", lines);
    }

    private static String names(List<MediaRecord> media) {
        if (media.isEmpty()) return "none";
        List<String> out = new ArrayList<>();
        for (int i = 0; i < media.size(); i++) out.add((i + 1) + ". " + (media.get(i).originalName() == null ? media.get(i).id() : media.get(i).originalName()));
        return String.join(", ", out);
    }
}
