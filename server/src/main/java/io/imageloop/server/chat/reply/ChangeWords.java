package io.imageloop.server.chat.reply;

import io.imageloop.engine.plan.Subject;
import io.imageloop.engine.recipe.CameraMove;
import io.imageloop.engine.recipe.Layer;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.engine.recipe.Particles;
import io.imageloop.timeline.AudioClip;
import io.imageloop.timeline.DraftSummary;
import io.imageloop.timeline.TextClip;
import io.imageloop.timeline.VideoContent;
import io.imageloop.timeline.VideoLoop;
import io.imageloop.timeline.edit.Change;
import io.imageloop.timeline.edit.Subjects;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What changed, said from the differences between the draft before and after a turn
 * ({@code DraftDiff}): never what was meant, only what the saved draft shows.
 */
public final class ChangeWords {

    private ChangeWords() {
    }

    public static List<String> of(List<Change> changes, Say say) {
        boolean zh = say.chinese();
        List<String> out = new ArrayList<>();
        List<Change.SegmentAdded> added = changes.stream().filter(Change.SegmentAdded.class::isInstance).map(Change.SegmentAdded.class::cast).toList();
        if (!added.isEmpty()) out.add(added(added, say));
        for (Change c : changes) {
            if (c instanceof Change.SegmentAdded) continue;
            String line = line(c, say, zh);
            if (line != null && !out.contains(line)) out.add(line);
        }
        return out;
    }

    private static String added(List<Change.SegmentAdded> added, Say say) {
        List<String> parts = new ArrayList<>();
        for (Change.SegmentAdded a : added) {
            String what = a.content() instanceof VideoLoop l && l.recipe() != null ? Words.motion(l.recipe(), say.chinese()) : "";
            long ms = a.content() instanceof VideoLoop l ? l.loopMs() : 0;
            parts.add(say.s(a.position() + ". " + label(a.content()) + " (" + Words.seconds(ms) + " s: " + what + ")",
                    a.position() + ". " + label(a.content()) + "（" + Words.seconds(ms) + " 秒：" + what + "）"));
        }
        String head = added.size() == 1 ? say.s("Made a seamless loop: ", "已生成无缝循环：")
                : say.s("Made " + added.size() + " seamless loops: ", "已生成 " + added.size() + " 个无缝循环：");
        return head + String.join(say.s("; ", "；"), parts) + say.s(".", "。");
    }

    private static String line(Change c, Say say, boolean zh) {
        if (c instanceof Change.AspectChanged a) return say.s("The aspect ratio is now " + a.to().label() + ".", "画面比例已改为 " + a.to().label() + "。");
        if (c instanceof Change.SegmentRemoved r) return say.s("Removed photo " + r.position() + " (" + label(r.content()) + ").",
                "已删除第 " + r.position() + " 张（" + label(r.content()) + "）。");
        if (c instanceof Change.OrderChanged o) return say.s("New order: " + String.join(", ", o.after()) + ".", "新的顺序：" + String.join("、", o.after()) + "。");
        if (c instanceof Change.LengthChanged l) return say.s(photo(l.position(), l.content(), say) + "now loops every " + Words.seconds(l.toMs()) + " s (was "
                + Words.seconds(l.fromMs()) + " s).", photo(l.position(), l.content(), say) + "循环时长改为 " + Words.seconds(l.toMs()) + " 秒（原为 " + Words.seconds(l.fromMs()) + " 秒）。");
        if (c instanceof Change.RepeatsChanged r) return say.s(photo(r.position(), r.content(), say) + "now plays its loop " + r.to() + (r.to() == 1 ? " time." : " times."),
                photo(r.position(), r.content(), say) + "循环播放 " + r.to() + " 次。");
        if (c instanceof Change.FitChanged f) return say.s(photo(f.position(), f.content(), say) + (f.to() == io.imageloop.engine.frame.Fitting.FIT
                ? "now shows the whole photo over a blurred background." : "now fills the frame."), photo(f.position(), f.content(), say)
                + (f.to() == io.imageloop.engine.frame.Fitting.FIT ? "改为完整显示（模糊背景）。" : "改为铺满画面。"));
        if (c instanceof Change.MotionChanged m) return photo(m.position(), m.content(), say) + motion(m.from(), m.to(), zh) + say.s(".", "。");
        if (c instanceof Change.TextAdded t) return say.s("Added the text " + q(t.clip().text(), zh) + " (" + Words.position(t.clip().placement(), false) + ", "
                + Words.seconds(t.startMs()) + "-" + Words.seconds(t.endMs()) + " s).", "已添加文字" + q(t.clip().text(), zh) + "（"
                + Words.position(t.clip().placement(), true) + "，" + Words.seconds(t.startMs()) + "-" + Words.seconds(t.endMs()) + " 秒）。");
        if (c instanceof Change.TextRemoved t) return say.s("Removed the text " + q(t.clip().text(), zh) + ".", "已删除文字" + q(t.clip().text(), zh) + "。");
        if (c instanceof Change.TextChanged t) return text(t, say, zh);
        if (c instanceof Change.MusicAdded m) return say.s("Added " + name(m.clip()) + " as background music at " + Words.percent(m.clip().volume()) + " volume"
                + musicExtras(m.clip(), say) + ".", "已添加背景音乐 " + name(m.clip()) + "，音量 " + Words.percent(m.clip().volume()) + musicExtras(m.clip(), say) + "。");
        if (c instanceof Change.MusicRemoved m) return say.s("Removed the background music (" + name(m.clip()) + ").", "已删除背景音乐（" + name(m.clip()) + "）。");
        if (c instanceof Change.MusicChanged m) return music(m, say);
        return null;
    }

    private static String photo(int position, VideoContent v, Say say) {
        return say.s("Photo " + position + " (" + label(v) + "): ", "第 " + position + " 张（" + label(v) + "）：");
    }

    /** What changed in the motion, in words; the whole new motion when it changed shape. */
    static String motion(MotionRecipe a, MotionRecipe b, boolean zh) {
        List<String> parts = new ArrayList<>();
        String sep = zh ? "，" : ", ";
        boolean sameShape = a != null && kinds(a).equals(kinds(b)) && subjects(a).equals(subjects(b));
        if (!sameShape) {
            parts.add((zh ? "现在" : "now ") + Words.motion(b, zh));
            return String.join(sep, parts);
        }
        for (int i = 0; i < b.layers().size(); i++) {
            Layer lb = b.layers().get(i);
            Layer la = a.layers().get(i);
            if (lb instanceof Layer.Drift db && la instanceof Layer.Drift da && !db.direction().equals(da.direction())) {
                parts.add(zh ? Words.thing(lb, true) + "改为" + Words.direction(db.direction().word(), true) + "飘动"
                        : Words.thing(lb, false) + " now drifts " + Words.direction(db.direction().word(), false));
            }
            if (Math.abs(lb.strength() - la.strength()) > 1e-9) parts.add(speed(Words.thing(lb, zh), la.strength(), lb.strength(), zh));
        }
        CameraMove ca = a.camera();
        CameraMove cb = b.camera();
        if (ca == null && cb != null) parts.add((zh ? "加上" : "added ") + Words.camera(cb, !b.layers().isEmpty(), zh).replaceFirst("^under ", ""));
        else if (ca != null && cb == null) parts.add(zh ? "不再有镜头运动" : "no camera movement now");
        else if (ca != null) {
            if (!ca.move().equals(cb.move())) parts.add(zh ? "镜头改为" + Words.cameraMove(cb.move().word(), true).replaceFirst("^镜头", "")
                    : "the camera now " + Words.cameraVerb(cb.move().word(), false));
            if (Math.abs(ca.strength() - cb.strength()) > 1e-9) parts.add(speed(zh ? "镜头" : "the camera", ca.strength(), cb.strength(), zh));
        }
        if (a.particles() != b.particles()) {
            parts.add(b.particles() == Particles.NONE ? (zh ? "去掉了" + Words.particles(a.particles(), true) : "no more " + a.particles())
                    : (zh ? "加上了" + Words.particles(b.particles(), true) : "now with " + b.particles()));
        }
        if (!Objects.equals(a.freeze(), b.freeze())) parts.add(zh ? "静止区域已调整" : "the still areas changed");
        if (parts.isEmpty()) parts.add((zh ? "现在" : "now ") + Words.motion(b, zh));
        return String.join(sep, parts);
    }

    private static String speed(String who, double from, double to, boolean zh) {
        String ratio = String.format(Locale.ROOT, "×%.2f", to / from).replaceAll("0+$", "").replaceAll("\\.$", "");
        if (zh) return who + (to > from ? "更快了" : "更慢了") + "（" + ratio + "）";
        return who + " " + Words.verb(who, "move") + " " + (to > from ? "faster" : "slower") + " (" + ratio + ")";
    }

    private static List<Layer.Type> kinds(MotionRecipe r) {
        return r.layers().stream().map(Layer::type).toList();
    }

    private static List<Set<Subject>> subjects(MotionRecipe r) {
        return r.layers().stream().map(l -> (Set<Subject>) EnumSet.copyOf(Subjects.of(l).isEmpty() ? EnumSet.noneOf(Subject.class) : Subjects.of(l))).toList();
    }

    private static String text(Change.TextChanged t, Say say, boolean zh) {
        TextClip a = t.from();
        TextClip b = t.to();
        List<String> parts = new ArrayList<>();
        if (!a.text().equals(b.text())) parts.add(say.s("now reads " + q(b.text(), false), "改为" + q(b.text(), true)));
        if (!a.placement().equals(b.placement())) parts.add(say.s("moved to the " + Words.position(b.placement(), false), "移到" + Words.position(b.placement(), true)));
        if (t.fromStart() != t.toStart() || t.fromEnd() != t.toEnd()) parts.add(say.s("shows " + Words.seconds(t.toStart()) + "-" + Words.seconds(t.toEnd()) + " s",
                "显示时间改为 " + Words.seconds(t.toStart()) + "-" + Words.seconds(t.toEnd()) + " 秒"));
        if (!a.color().equals(b.color())) parts.add(say.s("now " + Words.colour(b.color(), false), "颜色改为" + Words.colour(b.color(), true)));
        if (!Objects.equals(a.outline(), b.outline())) parts.add(b.outline() == null ? say.s("no outline now", "去掉描边")
                : say.s("now has a " + Words.colour(b.outline(), false) + " outline", "加上" + Words.colour(b.outline(), true) + "描边"));
        if (a.size() != b.size()) parts.add(say.s(b.size() > a.size() ? "bigger" : "smaller", b.size() > a.size() ? "字号变大" : "字号变小"));
        if (a.shadow() != b.shadow()) parts.add(say.s(b.shadow() ? "now has a shadow" : "no shadow now", b.shadow() ? "加上阴影" : "去掉阴影"));
        if (a.fadeInMs() != b.fadeInMs()) parts.add(say.s("fades in over " + Words.seconds(b.fadeInMs()) + " s", "淡入 " + Words.seconds(b.fadeInMs()) + " 秒"));
        if (a.fadeOutMs() != b.fadeOutMs()) parts.add(say.s("fades out over " + Words.seconds(b.fadeOutMs()) + " s", "淡出 " + Words.seconds(b.fadeOutMs()) + " 秒"));
        return say.s("The text " + q(a.text(), false) + ": ", "文字" + q(a.text(), true) + "：") + String.join(say.s("; ", "，"), parts) + say.s(".", "。");
    }

    private static String music(Change.MusicChanged m, Say say) {
        AudioClip a = m.from();
        AudioClip b = m.to();
        List<String> parts = new ArrayList<>();
        if (a.volume() != b.volume()) parts.add(say.s("volume " + Words.percent(a.volume()) + " → " + Words.percent(b.volume()),
                "音量 " + Words.percent(a.volume()) + " → " + Words.percent(b.volume())));
        if (a.fadeInMs() != b.fadeInMs()) parts.add(say.s("fades in over " + Words.seconds(b.fadeInMs()) + " s", "淡入 " + Words.seconds(b.fadeInMs()) + " 秒"));
        if (a.fadeOutMs() != b.fadeOutMs()) parts.add(say.s("fades out over " + Words.seconds(b.fadeOutMs()) + " s", "淡出 " + Words.seconds(b.fadeOutMs()) + " 秒"));
        if (a.offsetMs() != b.offsetMs()) parts.add(say.s("starts " + Words.seconds(b.offsetMs()) + " s into the song", "从歌曲第 " + Words.seconds(b.offsetMs()) + " 秒开始"));
        if (m.fromEnd() != m.toEnd()) parts.add(m.toEnd() < 0 ? say.s("plays to the end", "播放到结尾")
                : say.s("stops at " + Words.seconds(m.toEnd()) + " s", "在第 " + Words.seconds(m.toEnd()) + " 秒停止"));
        return say.s("Music (" + name(b) + "): ", "背景音乐（" + name(b) + "）：") + String.join(say.s(", ", "，"), parts) + say.s(".", "。");
    }

    private static String musicExtras(AudioClip c, Say say) {
        StringBuilder s = new StringBuilder();
        if (c.fadeInMs() > 0) s.append(say.s(", fading in over " + Words.seconds(c.fadeInMs()) + " s", "，淡入 " + Words.seconds(c.fadeInMs()) + " 秒"));
        if (c.fadeOutMs() > 0) s.append(say.s(", fading out over " + Words.seconds(c.fadeOutMs()) + " s", "，淡出 " + Words.seconds(c.fadeOutMs()) + " 秒"));
        if (c.offsetMs() > 0) s.append(say.s(", from " + Words.seconds(c.offsetMs()) + " s into the song", "，从歌曲第 " + Words.seconds(c.offsetMs()) + " 秒开始"));
        return s.toString();
    }

    private static String label(VideoContent v) {
        return DraftSummary.label(v.name(), v.media());
    }

    private static String name(AudioClip a) {
        return DraftSummary.label(a.name(), a.media());
    }

    private static String q(String t, boolean zh) {
        return zh ? "“" + t + "”" : "\"" + t + "\"";
    }
}
