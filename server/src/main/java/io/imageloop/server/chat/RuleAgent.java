package io.imageloop.server.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.engine.LoopException;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.frame.Fitting;
import io.imageloop.engine.recipe.Region;
import io.imageloop.engine.recipe.Style;
import io.imageloop.engine.Engine;
import io.imageloop.engine.plan.PlanHints;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.engine.source.PhotoProbe;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftCodec;
import io.imageloop.timeline.DraftMeta;
import io.imageloop.timeline.DraftSummary;
import io.imageloop.timeline.Placement;
import io.imageloop.timeline.TrackType;
import io.imageloop.timeline.VideoLoop;
import io.imageloop.timeline.edit.DraftEdits;
import io.imageloop.timeline.edit.LoopChange;
import io.imageloop.server.http.Json;
import io.imageloop.server.store.Ids;
import io.imageloop.server.store.MediaStore.MediaRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rule-based editing agent: understands the requests of {@link IntentParser} and applies
 * them to the session's draft as one new version per turn, reporting each edit as a
 * functionCall / functionResponse pair and answering in the user's language.
 */
public final class RuleAgent implements ChatAgent {

    private static final Logger LOG = LoggerFactory.getLogger(RuleAgent.class);

    private final IntentParser parser = new IntentParser();

    @Override
    public Turn handle(SessionContext session, String message, EventSink events) {
        IntentParser.Intents in = parser.parse(message);
        Replies say = new Replies(in.chinese() || (session.chinese() && !message.matches("(?s).*[A-Za-z]{3,}.*")));
        List<String> notes = new ArrayList<>();
        if (in.badLength() != null) notes.add(say.badLength());
        boolean generate = in.generate() || (session.draft() == null && in.hasLoopEdit());
        if (generate || in.hasEdit()) {
            if (session.draft() == null && session.images().isEmpty()) {
                return reply(events, say.uploadFirst(), null);
            }
            Integer version = edit(session, in, generate, say, notes, events);
            if (version == null) return reply(events, join(notes, say.nothingChanged()), null);
            return reply(events, join(notes, null), version);
        }
        List<String> answers = new ArrayList<>();
        if (in.askTimeline()) answers.add(session.draft() == null ? say.noDraft(session.images().size()) : DraftSummary.of(DraftCodec.read(session.draft())));
        if (in.askExport()) answers.add(session.draft() == null ? say.noDraft(session.images().size())
                : say.export(session.price().applyAsInt(session.draft()), session.balance().available()));
        if (in.askCredits()) answers.add(say.credits(session.balance().available(), session.balance().frozen(), session.balance().total()));
        if (in.askUpload()) answers.add(say.upload());
        if (answers.isEmpty()) answers.add(say.help(session.images().size()));
        notes.addAll(answers);
        return reply(events, String.join("\n", notes), null);
    }

    /** Applies every edit of the turn to the draft and saves it as a new version; null when nothing changed. */
    private Integer edit(SessionContext session, IntentParser.Intents in, boolean generate, Replies say, List<String> notes,
                         EventSink events) {
        Draft draft = session.draft() != null ? DraftCodec.read(session.draft())
                : DraftEdits.empty(in.aspect() != null ? Aspect.parse(in.aspect()) : Aspect.LANDSCAPE, DraftMeta.DEFAULT_FPS);
        ObjectNode args = Json.MAPPER.createObjectNode();
        List<String> done = new ArrayList<>();
        String tool = generate ? "generate_loop" : "update_draft";
        LoopChange change = loopChange(in, draft);
        if (generate) {
            List<DraftEdits.Photo> photos = usableImages(session.images(), events, notes, say, draft.meta().aspect());
            if (photos.isEmpty()) return null;
            // Regenerating (e.g. after another upload) keeps the motion the user already chose.
            draft = DraftEdits.setLoops(draft, photos, LoopChange.of(draft).overlay(change));
            args.set("media", Json.MAPPER.valueToTree(photos.stream().map(DraftEdits.Photo::media).toList()));
            done.add(say.loopsMade(photos.size(), loopSeconds(draft)));
        } else if (in.hasLoopEdit()) {
            if (DraftEdits.firstLoop(draft).isEmpty()) {
                notes.add(say.noLoopYet());
            } else {
                draft = DraftEdits.changeLoops(draft, change);
                done.add(say.motionChanged());
            }
        }
        putOptions(args, change);
        if (in.aspect() != null) {
            draft = DraftEdits.setAspect(draft, Aspect.parse(in.aspect()));
            args.put("aspect", in.aspect());
            done.add(say.aspect(in.aspect()));
        }
        if (in.removeText() && DraftEdits.has(draft, TrackType.TEXT)) {
            draft = DraftEdits.removeTracks(draft, TrackType.TEXT);
            args.put("remove_text", true);
            done.add(say.textRemoved());
        }
        if (in.text() != null) {
            IntentParser.TextOverlay t = in.text();
            Placement.Position position = t.position() == null ? null : Placement.Position.parse(t.position());
            draft = DraftEdits.addText(draft, t.text(), t.startMs(), t.durationMs(),
                    new Placement.Anchored(position == null ? Placement.Position.CENTER : position));
            args.set("text", Json.MAPPER.valueToTree(t));
            done.add(say.textAdded(t.text()));
        }
        if (in.removeMusic() && DraftEdits.has(draft, TrackType.AUDIO)) {
            draft = DraftEdits.removeTracks(draft, TrackType.AUDIO);
            args.put("remove_music", true);
            done.add(say.musicRemoved());
        }
        if (in.music() != null) draft = music(session, in.music(), draft, args, done, notes, say);
        if (done.isEmpty()) return null;
        draft = DraftEdits.relayout(draft);

        String callId = Ids.random("call", 8);
        events.functionCall(callId, tool, args);
        ObjectNode json = DraftCodec.toJson(draft);
        int version = session.drafts().save(json, tool + " " + Json.stringify(args));
        String summary = DraftSummary.of(draft);
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("status", "ok");
        response.put("draft_version", version);
        response.put("duration_ms", draft.durationMs());
        response.put("summary", summary);
        response.set("draft", json);
        events.functionResponse(callId, tool, response);
        LOG.info("session {}: {} saved draft v{} ({})", session.sessionId(), tool, version, summary);
        notes.add(0, String.join(" ", done));
        notes.add(summary);
        notes.add(say.next(session.price().applyAsInt(json)));
        return version;
    }

    /** The motion the user asked for; a relative strength ("stronger") scales the current one. */
    private static LoopChange loopChange(IntentParser.Intents in, Draft draft) {
        Double strength = null;
        if (in.strength() != null || in.strengthFactor() != null) {
            double s = in.strength() != null ? in.strength()
                    : DraftEdits.firstLoop(draft).map(RuleAgent::strength).orElse(1.0) * in.strengthFactor();
            strength = Math.max(0.1, Math.min(5, s));
        }
        return new LoopChange(in.style() == null ? null : Style.parse(in.style()), in.direction(),
                in.region() == null ? null : Region.parse(in.region()), strength, in.loopMs(),
                in.fit() == null ? null : in.fit().equalsIgnoreCase("fit") ? Fitting.FIT : Fitting.COVER);
    }

    private static double strength(VideoLoop loop) {
        if (loop.recipe() == null) return 1.0;
        return loop.recipe().layers().isEmpty() ? loop.recipe().camera().strength() : loop.recipe().layers().get(0).strength();
    }

    /** Images whose headers read fine, with a progress event per image. */
    private static List<DraftEdits.Photo> usableImages(List<MediaRecord> images, EventSink events, List<String> notes, Replies say,
                                                       Aspect aspect) {
        List<DraftEdits.Photo> ids = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            MediaRecord m = images.get(i);
            events.progress("analyzing", (double) i / images.size(), say.analyzing(i + 1, images.size()));
            try {
                PhotoProbe.of(Path.of(m.path()));
                ids.add(new DraftEdits.Photo(m.id(), m.originalName(), plan(Path.of(m.path()), aspect)));
            } catch (LoopException e) {
                notes.add(say.skipped(m.originalName() == null ? m.id() : m.originalName(), e.getMessage()));
            }
        }
        events.progress("analyzing", 1.0, say.analyzing(images.size(), images.size()));
        return ids;
    }

    private static final Engine ENGINE = new Engine();

    /**
     * The planner's recipe for the photo at the draft's aspect, the same the CLI makes; a photo
     * that cannot be analysed gets none and is planned when the draft renders.
     */
    private static MotionRecipe plan(Path photo, Aspect aspect) {
        try {
            return ENGINE.plan(photo, PlanHints.NONE, aspect, VideoLoop.DEFAULT_LOOP_MS / 1000.0);
        } catch (LoopException e) {
            LOG.warn("could not analyse {}: {}", photo.getFileName(), e.getMessage());
            return null;
        }
    }

    private static Draft music(SessionContext session, IntentParser.Music music, Draft draft, ObjectNode args,
                               List<String> done, List<String> notes, Replies say) {
        boolean hasTrack = DraftEdits.has(draft, TrackType.AUDIO);
        if (music.add() && !hasTrack) {
            List<MediaRecord> audio = session.audio();
            if (audio.isEmpty()) {
                notes.add(say.uploadAudio());
                return draft;
            }
            MediaRecord track = audio.get(audio.size() - 1);
            double volume = music.volume() != null ? music.volume() : 0.35;
            args.put("music", track.id());
            args.put("volume", volume);
            done.add(say.musicAdded(track.originalName() == null ? track.id() : track.originalName(), volume));
            return DraftEdits.setMusic(draft, track.id(), track.originalName(), volume, music.fadeInMs(), music.fadeOutMs());
        }
        if (hasTrack) {
            if (music.volume() != null) args.put("volume", music.volume());
            if (music.fadeInMs() != null) args.put("fade_in_ms", music.fadeInMs());
            if (music.fadeOutMs() != null) args.put("fade_out_ms", music.fadeOutMs());
            done.add(say.musicAdjusted());
            return DraftEdits.adjustMusic(draft, music.volume(), music.fadeInMs(), music.fadeOutMs());
        }
        notes.add(session.audio().isEmpty() ? say.uploadAudio() : say.noMusicYet());
        return draft;
    }

    private static void putOptions(ObjectNode args, LoopChange o) {
        if (o.style() != null) args.put("style", o.style().toString());
        if (o.direction() != null) args.put("direction", o.direction());
        if (o.region() != null) args.put("region", o.region().toString());
        if (o.strength() != null) args.put("strength", o.strength());
        if (o.loopMs() != null) args.put("loop_ms", o.loopMs());
        if (o.fit() != null) args.put("fit", o.fit().name().toLowerCase(Locale.ROOT));
    }

    private static double loopSeconds(Draft draft) {
        return DraftEdits.firstLoop(draft).map(l -> l.loopMs() / 1000.0).orElse(6.0);
    }

    private static Turn reply(EventSink events, String text, Integer version) {
        events.text(text);
        return new Turn(text, version);
    }

    private static String join(List<String> notes, String fallback) {
        if (notes.isEmpty()) return fallback;
        return String.join("\n", notes);
    }

    /** The agent's sentences in English and Chinese. */
    static final class Replies {
        private final boolean zh;

        Replies(boolean zh) {
            this.zh = zh;
        }

        private String s(String en, String cn) {
            return zh ? cn : en;
        }

        String uploadFirst() {
            return s("Upload a photo first (JPG, PNG, WEBP or HEIC), then ask me to turn it into a seamless loop.",
                    "请先上传一张图片（JPG、PNG、WEBP 或 HEIC），然后让我把它变成无缝循环视频。");
        }

        String loopsMade(int n, double seconds) {
            String sec = trim(seconds);
            return n == 1 ? s("Your " + sec + "-second seamless loop is ready on the timeline.", "已生成 " + sec + " 秒的无缝循环视频。")
                    : s(n + " seamless loops of " + sec + " seconds each are on the timeline.", "已为 " + n + " 张图片各生成 " + sec + " 秒的无缝循环。");
        }

        String motionChanged() {
            return s("Motion updated.", "已更新动态效果。");
        }

        String aspect(String a) {
            return s("Aspect ratio set to " + a + ".", "画面比例已设为 " + a + "。");
        }

        String textAdded(String t) {
            return s("Added the text \"" + t + "\".", "已添加文字“" + t + "”。");
        }

        String textRemoved() {
            return s("Removed the text overlay.", "已删除文字。");
        }

        String musicAdded(String name, double volume) {
            return s("Added " + name + " as background music at " + Math.round(volume * 100) + "% volume.",
                    "已添加背景音乐 " + name + "，音量 " + Math.round(volume * 100) + "%。");
        }

        String musicAdjusted() {
            return s("Music updated.", "已调整背景音乐。");
        }

        String musicRemoved() {
            return s("Removed the background music.", "已删除背景音乐。");
        }

        String uploadAudio() {
            return s("Upload an audio file (MP3, WAV, M4A, AAC or OGG) and I will add it as background music.",
                    "请先上传一个音频文件（MP3、WAV、M4A、AAC 或 OGG），我再把它添加为背景音乐。");
        }

        String noMusicYet() {
            return s("There is no music on the timeline yet; ask me to add music first.", "时间线上还没有背景音乐，请先让我添加音乐。");
        }

        String noLoopYet() {
            return s("There is no loop on the timeline yet; ask me to turn your photo into a loop first.",
                    "时间线上还没有循环视频，请先让我把图片变成循环视频。");
        }

        String nothingChanged() {
            return s("Nothing changed. Tell me what to adjust: loop length, motion style or direction, aspect ratio, text or music.",
                    "没有改动。可以告诉我要调整的内容：循环时长、动态风格或方向、画面比例、文字或音乐。");
        }

        String badLength() {
            return s("Loops can be 1 to 60 seconds long; I kept the current length.", "循环时长需在 1 到 60 秒之间，已保留当前时长。");
        }

        String analyzing(int i, int n) {
            return s("Analyzing image " + i + " of " + n, "正在分析第 " + i + "/" + n + " 张图片");
        }

        String skipped(String name, String why) {
            return s("Skipped " + name + ": " + why, "已跳过 " + name + "：" + why);
        }

        String next(int price) {
            return s("Say \"export\" to render the 1080p MP4 (" + price + " credit" + (price == 1 ? "" : "s") + ").",
                    "说“导出”即可渲染 1080p MP4（" + price + " 积分）。");
        }

        String noDraft(int images) {
            return images == 0 ? uploadFirst()
                    : s("The timeline is empty. Ask me to \"turn this image into a seamlessly looping video clip\".",
                    "时间线是空的。可以说“把这张图片变成无缝循环视频”。");
        }

        String export(int price, int available) {
            return s("Exporting this draft as a 1080p MP4 costs " + price + " credit(s); you have " + available
                            + " available. Use the export button to start it.",
                    "将此草稿导出为 1080p MP4 需要 " + price + " 积分，您目前可用 " + available + " 积分。请点击导出开始渲染。");
        }

        String credits(int available, int frozen, int total) {
            return s("You have " + available + " credits available (" + frozen + " reserved for running exports, " + total + " in total).",
                    "您有 " + available + " 可用积分（" + frozen + " 积分被进行中的导出占用，共 " + total + " 积分）。");
        }

        String upload() {
            return s("Send photos, videos or audio with the upload button: JPG, PNG, WEBP, HEIC, GIF, MP4, MOV, WEBM, MKV, AVI, MP3, WAV, M4A, AAC (up to 200 MB each).",
                    "请用上传按钮发送图片、视频或音频：JPG、PNG、WEBP、HEIC、GIF、MP4、MOV、WEBM、MKV、AVI、MP3、WAV、M4A、AAC（单个文件最大 200 MB）。");
        }

        String help(int images) {
            String start = images == 0 ? s("Upload a photo, then ", "先上传一张图片，然后") : "";
            return s(start + "try \"turn this image into a seamlessly looping video clip\". I can also set the loop length "
                            + "(\"make it 8 seconds\"), motion (\"flow left\", \"camera zoom in\", \"gentle sway\"), what moves "
                            + "(\"only the sky moves\"), the aspect ratio (16:9, 9:16, 1:1, 4:5), text (add title \"Hello\" at the top "
                            + "for 3 seconds), background music (\"add music at 30%\"), and tell you what is on the timeline.",
                    start + "可以说“把这张图片变成无缝循环视频”。我还可以设置循环时长（“改成 8 秒”）、动态效果（“向左流动”、“镜头推进”、"
                            + "“轻微摇摆”）、运动区域（“只让天空动”）、画面比例（16:9、9:16、1:1、4:5）、文字（添加标题“你好”在顶部显示 3 秒）、"
                            + "背景音乐（“添加音乐，音量 30%”），以及查看时间线内容。");
        }

        private static String trim(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
        }
    }
}
