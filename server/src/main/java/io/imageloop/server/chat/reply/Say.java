package io.imageloop.server.chat.reply;

import io.imageloop.engine.frame.Fitting;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.VideoLoop;
import io.imageloop.timeline.edit.EditException;

import java.util.ArrayList;
import java.util.List;


/**
 * Everything the agent says, in English or Chinese (the user's language). What changed is
 * said by {@link ChangeWords} from the draft itself; these are the answers, questions back and
 * refusals, each naming the nearest thing the product can do.
 */
public final class Say {

    public static final Say EN = new Say(false);
    public static final Say ZH = new Say(true);

    private final boolean zh;

    private Say(boolean zh) {
        this.zh = zh;
    }

    public static Say of(boolean chinese) {
        return chinese ? ZH : EN;
    }

    public boolean chinese() {
        return zh;
    }

    public String s(String en, String cn) {
        return zh ? cn : en;
    }

    private String list(List<String> items) {
        return String.join(zh ? "、" : ", ", items);
    }

    private String numbered(List<String> names) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) out.add((i + 1) + ". " + names.get(i));
        return String.join(zh ? "；" : "; ", out);
    }

    private String quoted(String t) {
        return zh ? "“" + t + "”" : "\"" + t + "\"";
    }

    // --- nothing to work on ---

    public String uploadFirst() {
        return s("Upload a photo first (JPG, PNG, WEBP or HEIC), then ask me to turn it into a seamless loop.",
                "请先上传一张图片（JPG、PNG、WEBP 或 HEIC），然后让我把它变成无缝循环视频。");
    }

    public String noLoopsYet() {
        return s("There is no loop on the timeline yet; ask me to turn your photo into a loop first.",
                "时间线上还没有循环视频，请先让我把图片变成循环视频。");
    }

    public String noDraft(int images) {
        return images == 0 ? uploadFirst() : s("The timeline is empty. Ask me to \"turn this image into a seamlessly looping video clip\".",
                "时间线是空的。可以说“把这张图片变成无缝循环视频”。");
    }

    public String cannotRead(List<String> why) {
        return s("I could not use ", "无法使用：") + String.join("; ", why);
    }

    // --- photos ---

    public String noPhotoNamed(String name, List<String> names) {
        return s("I can't find a photo called \"" + name + "\". The photos are: " + numbered(names) + ".",
                "找不到名为“" + name + "”的图片。现有图片：" + numbered(names) + "。");
    }

    public String whichPhoto(List<String> names) {
        return s("Which photo do you mean: " + numbered(names) + ", or all of them?",
                "您指的是哪一张：" + numbered(names) + "，还是全部？");
    }

    public String noSuchPhoto(int n, int count) {
        return s("There is no photo " + n + ": the timeline has " + count + (count == 1 ? " photo." : " photos."),
                "没有第 " + n + " 张：时间线上只有 " + count + " 张。");
    }

    public String notAPhoto() {
        return s("That is a video clip; it plays as it is, so it has no loop motion or length to change.",
                "这是一段视频，按原样播放，没有可调整的循环动态或时长。");
    }

    public String alreadyLoops(int n) {
        return s(n == 1 ? "That photo is already a seamless loop on the timeline; nothing changed." : "Those photos are already loops on the timeline; nothing changed.",
                "这些图片已经是时间线上的无缝循环了，没有改动。");
    }

    public String howLong() {
        return s("How long should each loop be? Loops can be 1 to 60 seconds.", "每个循环要多长？可以是 1 到 60 秒。");
    }

    public String lengthOrLength(String a, String b) {
        return s("Should the loop be " + a + " or " + b + " seconds long?", "循环要 " + a + " 秒还是 " + b + " 秒？");
    }

    public String alreadyLength(long ms) {
        return s("The loop is already " + Words.seconds(ms) + " seconds long; nothing changed.", "循环已经是 " + Words.seconds(ms) + " 秒，没有改动。");
    }

    public String howManyTimes() {
        return s("How many times should the loop play (1 to 10)?", "循环要播放几次（1 到 10 次）？");
    }

    public String alreadyRepeats(int n) {
        return s("It already plays " + n + (n == 1 ? " time" : " times") + "; nothing changed.", "已经是播放 " + n + " 次，没有改动。");
    }

    public String alreadyFit(Fitting f) {
        return f == Fitting.FIT ? s("The whole photo is already shown; nothing changed.", "已经是完整显示，没有改动。")
                : s("The photo already fills the frame; nothing changed.", "图片已经铺满画面，没有改动。");
    }

    public String badAspect(String a) {
        return s("I can't make " + (a == null ? "that shape" : a) + ". The aspect ratios are 16:9 (landscape), 9:16 (vertical), 1:1 (square) and 4:5.",
                "不支持" + (a == null ? "这个比例" : " " + a + " ") + "。可选的画面比例有 16:9（横屏）、9:16（竖屏）、1:1（方形）和 4:5。");
    }

    public String alreadyAspect(String a) {
        return s("The video is already " + a + "; nothing changed.", "画面比例已经是 " + a + "，没有改动。");
    }

    public String onlyOnePhoto() {
        return s("There is only one photo on the timeline, so there is no order to change.", "时间线上只有一张图片，无需调整顺序。");
    }

    public String orderAlready() {
        return s("The timeline is already like that; nothing changed.", "时间线已经是这样了，没有改动。");
    }

    // --- motion ---

    public String whatMotion() {
        return s("How should it move: flow, camera zoom, sway, parallax, slower or faster, or snow, rain, sparkles or bokeh?",
                "想要怎样的动态：流动、镜头推拉、摇曳、视差，更慢或更快，还是加雪、雨、闪光或光斑？");
    }

    public String motionAlready() {
        return s("The motion is already like that; nothing changed.", "动态效果已经是这样了，没有改动。");
    }

    public String cannotAdd(String thing) {
        return s("I can't add " + (thing == null ? "that" : thing) + " to a photo loop. I can add snow, rain, sparkles or bokeh, "
                        + "make the sky, water, grass, leaves or lights move, or add a camera move.",
                "无法添加" + (thing == null ? "这个" : "“" + thing + "”") + "。我可以加雪、雨、闪光或光斑，让天空、水面、草、树叶或灯光动起来，或者加镜头运动。");
    }

    public String cannotAnimate(String thing) {
        return s("I can't make " + thing + " move: a loop animates the sky, water, grass, leaves and lights, or moves the camera. "
                        + "I can also add snow, rain, sparkles or bokeh.",
                "无法让“" + thing + "”动起来：循环视频可以让天空、水面、草、树叶和灯光动起来，或者移动镜头，也可以加雪、雨、闪光或光斑。");
    }

    public String noFilters() {
        return s("I can't change the photo's colours (no filters or black and white). I can change the motion, add snow, rain, "
                        + "sparkles or bokeh, texts and music.",
                "无法改变图片的颜色（没有滤镜或黑白效果）。可以调整动态效果，加雪、雨、闪光或光斑，添加文字和音乐。");
    }

    public String nothingStill() {
        return s("A loop needs something that moves, so I can't hold everything still. I can make the motion very gentle instead (\"much slower\").",
                "循环视频需要有东西在动，无法全部静止。可以改成非常轻微的动态（“慢很多”）。");
    }

    // --- texts ---

    public String whatText() {
        return s("What should the text say? For example: add the title \"Summer\" at the top.", "文字内容是什么？例如：在顶部添加标题“夏天”。");
    }

    public String textAlready(String t) {
        return s("The text " + quoted(t) + " is already like that; nothing changed.", "文字" + quoted(t) + "已经是这样了，没有改动。");
    }

    public String noTextYet() {
        return s("There is no text on the timeline yet. Add one with: add the title \"Hello\".", "时间线上还没有文字。可以说：添加标题“你好”。");
    }

    public String noSuchText(List<String> texts) {
        return s("I can't find that text. The texts are: " + numbered(texts.stream().map(this::quoted).toList()) + ".",
                "找不到这段文字。现有文字：" + numbered(texts.stream().map(this::quoted).toList()) + "。");
    }

    public String whichText(List<String> texts) {
        return s("Which text do you mean: " + numbered(texts.stream().map(this::quoted).toList()) + "?",
                "您指的是哪段文字：" + numbered(texts.stream().map(this::quoted).toList()) + "？");
    }

    // --- music ---

    public String uploadAudio() {
        return s("Upload an audio file (MP3, WAV, M4A, AAC or OGG) and I will add it as background music.",
                "请先上传一个音频文件（MP3、WAV、M4A、AAC 或 OGG），我再把它添加为背景音乐。");
    }

    public String noMusicYet() {
        return s("There is no music on the timeline yet; say \"add music\" to add your audio file.", "时间线上还没有背景音乐，可以说“添加音乐”。");
    }

    public String noMusicToRemove() {
        return s("There is no music on the timeline, so nothing was removed.", "时间线上没有背景音乐，没有需要删除的。");
    }

    public String volumeRange() {
        return s("Volume goes from 0 to 200%.", "音量范围是 0 到 200%。");
    }

    public String loudest() {
        return s("The music is already as loud as it goes (200%).", "音乐已经是最大音量（200%）。");
    }

    public String quietest() {
        return s("The music is already silent; say \"remove the music\" to take it off.", "音乐已经是静音了；可以说“删除音乐”。");
    }

    public String musicAlready() {
        return s("The music is already like that; nothing changed.", "背景音乐已经是这样了，没有改动。");
    }

    public String offsetPastEnd(long lengthMs) {
        return s("The song is only " + Words.seconds(lengthMs) + " seconds long; pick a start point before that.",
                "这首歌只有 " + Words.seconds(lengthMs) + " 秒，请选择更早的开始位置。");
    }

    // --- history ---

    public String nothingToUndo() {
        return s("There is nothing to undo.", "没有可以撤销的操作。");
    }

    public String nothingToRedo() {
        return s("There is nothing to redo.", "没有可以重做的操作。");
    }

    public String undidOnly(int n) {
        return s("Only " + n + (n == 1 ? " change" : " changes") + " could be undone.", "只能撤销 " + n + " 步。");
    }

    public String undone() {
        return s("Undone.", "已撤销。");
    }

    public String redone() {
        return s("Redone.", "已重做。");
    }

    // --- answers ---

    public String credits(int available, int frozen, int total) {
        return s("You have " + available + " credits available (" + frozen + " reserved for running exports, " + total + " in total).",
                "您有 " + available + " 可用积分（" + frozen + " 积分被进行中的导出占用，共 " + total + " 积分）。");
    }

    public String export(int price, int available) {
        return s("Exporting this draft as a 1080p MP4 costs " + price + " credit" + (price == 1 ? "" : "s") + "; you have " + available
                        + " available. Use the export button to start it (MP4, WebM or GIF).",
                "将此草稿导出为 1080p MP4 需要 " + price + " 积分，您目前可用 " + available + " 积分。请点击导出开始渲染（MP4、WebM 或 GIF）。");
    }

    public String upload() {
        return s("Send photos, videos or audio with the upload button: JPG, PNG, WEBP, HEIC, GIF, MP4, MOV, WEBM, MKV, AVI, MP3, WAV, M4A, AAC (up to 200 MB each).",
                "请用上传按钮发送图片、视频或音频：JPG、PNG、WEBP、HEIC、GIF、MP4、MOV、WEBM、MKV、AVI、MP3、WAV、M4A、AAC（单个文件最大 200 MB）。");
    }

    public String help(int images) {
        String start = images == 0 ? s("Upload a photo, then try ", "先上传一张图片，然后") : s("Try ", "");
        return s(start + "\"turn this image into a seamlessly looping video clip\". I can also set the loop length (\"make it 8 seconds\"), "
                        + "the motion (\"slower clouds\", \"make the water move\", \"zoom in slowly\", \"add snow\", \"no camera movement\"), "
                        + "one photo (\"make the second photo sway\"), the aspect ratio (16:9, 9:16, 1:1, 4:5), texts (add the title \"Hello\" "
                        + "at the top for 3 seconds), background music (\"add music at 30%\", \"fade in 2 seconds\"), reorder or remove photos, "
                        + "undo and redo, and tell you what is on the timeline.",
                start + "可以说“把这张图片变成无缝循环视频”。我还可以设置循环时长（“改成 8 秒”）、动态效果（“云慢一点”、“让水动起来”、“镜头慢慢推进”、"
                        + "“加雪”、“不要镜头运动”）、单张图片（“第二张摇曳”）、画面比例（16:9、9:16、1:1、4:5）、文字（在顶部添加标题“你好”显示前 3 秒）、"
                        + "背景音乐（“添加音乐，音量 30%”、“淡入 2 秒”）、调整顺序或删除图片、撤销和重做，以及查看时间线内容。");
    }

    public String greeting(int images) {
        return s("Hi! ", "你好！") + help(images);
    }

    public String thanks() {
        return s("You're welcome! Say \"export\" when you are ready for the video.", "不客气！准备好后说“导出”即可生成视频。");
    }

    public String outsideProduct(int images) {
        return s("I can only work on your loop video. ", "我只能编辑您的循环视频。") + help(images);
    }

    public String whatToChange() {
        return s("What should I change: the loop length, the motion (speed, direction, camera, snow or rain), the aspect ratio, a text or the music?",
                "要改什么：循环时长、动态效果（速度、方向、镜头、雪或雨）、画面比例、文字还是音乐？");
    }

    public String noMusicOnTimeline() {
        return s("There is no music on this video yet (no music on the timeline).", "这个视频还没有背景音乐。");
    }

    public String musicIs(String name, double volume, long start, long end) {
        return s("Yes: " + name + " plays as background music at " + Words.percent(volume) + " (" + Words.seconds(start) + "-" + Words.seconds(end) + " s).",
                "有：背景音乐 " + name + "，音量 " + Words.percent(volume) + "（" + Words.seconds(start) + "-" + Words.seconds(end) + " 秒）。");
    }

    public String noTextOnTimeline() {
        return s("There is no text on the timeline.", "时间线上没有文字。");
    }

    public String textsAre(List<String> texts) {
        return s("Texts on the timeline: ", "时间线上的文字：") + numbered(texts.stream().map(this::quoted).toList()) + s(".", "。");
    }

    public String lengthIs(long ms, int segments) {
        return s("The video is " + Words.seconds(ms) + " seconds long (" + segments + (segments == 1 ? " segment)." : " segments)."),
                "视频总长 " + Words.seconds(ms) + " 秒（" + segments + " 段）。");
    }

    public String photosAre(List<String> names, int uploaded) {
        return s("There " + (names.size() == 1 ? "is 1 photo" : "are " + names.size() + " photos") + " on the timeline: " + numbered(names)
                        + " (" + uploaded + " uploaded).",
                "时间线上有 " + names.size() + " 张：" + numbered(names) + "（已上传 " + uploaded + " 张）。");
    }

    /** What one loop does, for explain_motion. */
    public record LoopInfo(int position, String name, VideoLoop loop, long segmentMs) {
    }

    public String explain(List<LoopInfo> loops) {
        return Summaries.explain(this, loops);
    }

    /** The timeline in one line, in the user's language (English: the clients' own format). */
    public String summary(Draft d) {
        return Summaries.summary(this, d);
    }

    public String analyzing(int i, int n) {
        return s("Analyzing image " + i + " of " + n, "正在分析第 " + i + "/" + n + " 张图片");
    }

    public String nothingChanged() {
        return s("Nothing changed. ", "没有改动。") + whatToChange();
    }

    public String unknownTool(String name) {
        return s("I don't have a tool called " + name + ".", "没有名为 " + name + " 的功能。");
    }

    public String engineProblem(String message) {
        return s("That can't be done: " + message + ".", "无法完成：" + message + "。");
    }

    /** A refused edit, explained with what can be done. */
    public String problem(EditException e) {
        return Problems.explain(this, e, null);
    }

    /** A refused edit on one of several photos. */
    public String problemOn(EditException e, String photo) {
        return Problems.explain(this, e, photo);
    }
}
