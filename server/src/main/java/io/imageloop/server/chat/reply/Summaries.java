package io.imageloop.server.chat.reply;

import io.imageloop.timeline.AudioClip;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftSummary;
import io.imageloop.timeline.Segment;
import io.imageloop.timeline.TextClip;
import io.imageloop.timeline.Track;
import io.imageloop.timeline.VideoContent;

import java.util.ArrayList;
import java.util.List;

/** The timeline in one line and what each loop does, in English or Chinese. */
final class Summaries {

    private Summaries() {
    }

    static String explain(Say say, List<Say.LoopInfo> loops) {
        boolean zh = say.chinese();
        List<String> out = new ArrayList<>();
        for (Say.LoopInfo i : loops) {
            String head = say.s("Photo " + i.position() + " (" + i.name() + "): ", "第 " + i.position() + " 张（" + i.name() + "）：");
            if (i.loop() == null) {
                out.add(head + say.s("a video clip, played as it is.", "一段视频，按原样播放。"));
                continue;
            }
            String what = i.loop().recipe() == null ? say.s("planned when it renders", "渲染时自动规划")
                    : Words.motion(i.loop().recipe(), zh);
            String seen = i.loop().recipe() == null || i.loop().recipe().notes().isEmpty() || zh ? ""
                    : " (the planner saw: " + String.join("; ", i.loop().recipe().notes()) + ")";
            out.add(head + what + say.s(", a " + Words.seconds(i.loop().loopMs()) + " s seamless loop", "，" + Words.seconds(i.loop().loopMs()) + " 秒无缝循环")
                    + seen + say.s(".", "。"));
        }
        return String.join("\n", out);
    }

    static String summary(Say say, Draft d) {
        if (!say.chinese()) return DraftSummary.of(d);
        StringBuilder s = new StringBuilder("时间线（" + d.tracks().size() + " 条轨道）：");
        for (int i = 0; i < d.tracks().size(); i++) {
            Track t = d.tracks().get(i);
            String kind = switch (t.type()) {
                case VIDEO -> "视频";
                case AUDIO -> "背景音乐";
                case TEXT -> "文字";
            };
            List<String> parts = new ArrayList<>();
            for (Segment seg : t.segments()) {
                String range = Words.seconds(seg.startMs()) + "-" + Words.seconds(seg.endMs()) + " 秒";
                if (seg.content() instanceof VideoContent v) parts.add(DraftSummary.label(v.name(), v.media()) + "（" + range + "）");
                else if (seg.content() instanceof AudioClip a) parts.add(DraftSummary.label(a.name(), a.media()) + "（" + range + "，" + Words.percent(a.volume()) + "）");
                else parts.add("“" + ((TextClip) seg.content()).text() + "”（" + range + "）");
            }
            s.append(' ').append(i + 1).append(". ").append(kind).append("：").append(parts.isEmpty() ? "（空）" : String.join("，", parts));
        }
        return s.toString();
    }
}
