package io.imageloop.server.chat;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a user wants from one chat message, in English or Chinese: make a loop, its
 * length, motion style, direction and region, aspect ratio, text overlays, background music,
 * and questions about the timeline, export, credits or uploads. Pieces that are consumed (a
 * quoted title, "for 3 seconds" of a title, "fade in 2s") are blanked out before later rules
 * run, so "add title 'Go left' for 3s" does not also mean "flow left, 3-second loop".
 */
public final class IntentParser {

    /** A text overlay request. {@code durationMs} null means "until the end". */
    public record TextOverlay(String text, long startMs, Long durationMs, String position) {
    }

    /** A music request: {@code add} when the user asks for music, else only adjustments. */
    public record Music(boolean add, Double volume, Long fadeInMs, Long fadeOutMs) {
    }

    /** Everything found in one message; null or false when not mentioned. */
    public record Intents(boolean chinese, boolean generate, Long loopMs, String badLength, String style, String direction,
                          String region, Double strength, Double strengthFactor, String aspect, String fit, TextOverlay text,
                          boolean removeText, Music music, boolean removeMusic, boolean askTimeline, boolean askExport,
                          boolean askCredits, boolean askUpload) {

        public boolean hasLoopEdit() {
            return loopMs != null || style != null || direction != null || region != null || strength != null
                    || strengthFactor != null || fit != null;
        }

        public boolean hasEdit() {
            return hasLoopEdit() || aspect != null || text != null || removeText || music != null || removeMusic;
        }
    }

    private static final String NUM = "(\\d+(?:\\.\\d+)?)";
    private static final String SEC = "\\s*(?:seconds|second|secs|sec|s|秒钟|秒)";

    private static final Pattern QUOTED = Pattern.compile("[\"“”「『‘'](.+?)[\"”“」』’']");
    private static final Pattern TEXT_WORD = Pattern.compile(
            "\\b(text|title|caption|subtitle|words|overlay|headline|label|heading)s?\\b|文字|标题|字幕|文案|文本");
    private static final Pattern TEXT_AFTER_COLON = Pattern.compile(
            "(?:text|title|caption|subtitle|headline|文字|标题|字幕|文案)\\s*[:：]\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE = Pattern.compile("(?:from\\s+|从第?\\s*)?" + NUM + "\\s*(?:s|sec|secs|seconds?|秒)?\\s*(?:to|until|-|–|到|至)\\s*" + NUM + SEC);
    private static final Pattern FOR_FIRST = Pattern.compile("(?:for|during)\\s+(?:the\\s+)?(?:first\\s+)?" + NUM + SEC + "|前\\s*" + NUM + "\\s*秒");
    private static final Pattern STARTING = Pattern.compile("(?:at|after|starting at|starting from|from)\\s+" + NUM + SEC + "|" + NUM + "\\s*秒(?:后|之后|开始)");
    private static final Pattern REMOVE_TEXT = Pattern.compile(
            "\\b(remove|delete|drop|clear|get rid of|hide)\\b[^.,;]*\\b(text|title|caption|subtitle|overlay)s?\\b|(删除|去掉|移除|删掉|去除|不要)(文字|标题|字幕)");
    private static final Pattern MUSIC_WORD = Pattern.compile(
            "\\b(music|bgm|soundtrack|song|audio|background track|tune)\\b|音乐|配乐|背景乐|歌曲|bgm");
    private static final Pattern REMOVE_MUSIC = Pattern.compile(
            "\\b(remove|delete|drop|no|without|stop|turn off)\\b[^.,;]*\\b(music|bgm|soundtrack|song|audio)\\b|\\bmute\\b|(删除|去掉|移除|不要|关掉|关闭)(背景)?(音乐|配乐)|静音");
    private static final Pattern VOLUME = Pattern.compile("(\\d{1,3})\\s*%|\\bvolume\\s*(?:to|at|of)?\\s*(0?\\.\\d+|1(?:\\.0)?)\\b|音量\\s*(\\d{1,3})");
    private static final Pattern FADE_IN = Pattern.compile("fade[ -]?in(?:\\s+(?:over|of|for))?(?:\\s+" + NUM + SEC + ")?|淡入(?:\\s*" + NUM + "\\s*秒)?");
    private static final Pattern FADE_OUT = Pattern.compile("fade[ -]?out(?:\\s+(?:over|of|for))?(?:\\s+" + NUM + SEC + ")?|淡出(?:\\s*" + NUM + "\\s*秒)?");
    private static final Pattern LENGTH = Pattern.compile(NUM + "\\s*-?\\s*(?:s|sec|secs|second|seconds)\\b|" + NUM + "\\s*秒|([一二两三四五六七八九十]{1,2})\\s*秒");
    private static final Pattern ASPECT = Pattern.compile("\\b(16|9|1|4)\\s*[:：x×/]\\s*(9|16|1|5)\\b");
    private static final Pattern GENERATE = Pattern.compile(
            "\\bloop(s|ing|ed)?\\b|seamless|cinemagraph|\\banimat|bring\\b.*\\bto life|\\bturn\\b.*\\binto\\b|\\bconvert\\b|"
                    + "make (it|this|them|the (image|photo|picture)s?) (move|alive)|\\b(make|create|generate)\\b.*\\b(video|clip|loop)|"
                    + "living photo|循环|无缝|动起来|变成|转换成|转成|做成|生成|制作");
    private static final Pattern EXPORT = Pattern.compile(
            "\\bexport|\\bdownload|\\brender\\b|send me the (video|file|clip)|save the video|导出|下载|渲染|发给我");
    private static final Pattern TIMELINE = Pattern.compile(
            "timeline|\\btracks?\\b|what('s| is) (on|in) (the |my )?(draft|project|timeline)|what do (i|we) have|\\bstatus\\b|"
                    + "\\bsummar|current (draft|state)|时间线|轨道|现在有什么|当前|状态|进度");
    private static final Pattern CREDITS = Pattern.compile("\\bcredits?\\b|\\bbalance\\b|how much does|\\bcost\\b|\\bprice\\b|积分|余额|费用|多少钱");
    private static final Pattern UPLOAD = Pattern.compile("\\bupload|\\battach|上传");
    private static final Pattern STILL = Pattern.compile("\\b(still|static|frozen|freeze|fixed|not move|don't move|doesn't move|unmoving)\\b|不动|静止|固定|别动");
    private static final Pattern CLAUSES = Pattern.compile("[,.;!?，。；！？]|\\band\\b|\\bbut\\b|\\bwhile\\b|但是|但|而|并且|同时");

    private static final String CN_DIGITS = "零一二三四五六七八九十";

    public Intents parse(String message) {
        String original = message == null ? "" : message.trim();
        boolean chinese = original.codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF);
        StringBuilder rest = new StringBuilder(original.toLowerCase(Locale.ROOT));

        boolean removeText = find(REMOVE_TEXT, rest);
        TextOverlay text = removeText ? null : textOverlay(original, rest);
        boolean removeMusic = find(REMOVE_MUSIC, rest);
        Music music = removeMusic ? null : music(rest);

        boolean generate = find(GENERATE, rest);
        String aspect = aspect(rest);
        String fit = fit(rest);
        String style = style(rest);
        String direction = direction(rest, style, music != null);
        String region = region(rest, text != null);
        Double strength = strengthValue(rest);
        Double strengthFactor = strength == null ? strengthFactor(rest) : null;
        Long loopMs = null;
        String badLength = null;
        Matcher len = LENGTH.matcher(rest);
        if (len.find()) {
            double seconds = len.group(1) != null ? Double.parseDouble(len.group(1))
                    : len.group(2) != null ? Double.parseDouble(len.group(2)) : chineseNumber(len.group(3));
            if (seconds >= 1 && seconds <= 60) loopMs = Math.round(seconds * 1000);
            else badLength = len.group();
        }
        boolean edits = loopMs != null || style != null || direction != null || region != null || strength != null
                || strengthFactor != null || aspect != null || fit != null || text != null || removeText || music != null || removeMusic;
        return new Intents(chinese, generate, loopMs, badLength, style, direction, region, strength, strengthFactor, aspect, fit, text,
                removeText, music, removeMusic, !edits && !generate && find(TIMELINE, rest), find(EXPORT, rest),
                find(CREDITS, rest), find(UPLOAD, rest));
    }

    private TextOverlay textOverlay(String original, StringBuilder rest) {
        if (!TEXT_WORD.matcher(rest).find()) return null;
        String content = null;
        Matcher q = QUOTED.matcher(original);
        if (q.find()) {
            content = q.group(1).trim();
            blank(rest, q.start(), q.end());
        } else {
            Matcher colon = TEXT_AFTER_COLON.matcher(original);
            if (colon.find()) {
                content = colon.group(1).trim();
                blank(rest, colon.start(1), colon.end(1));
            }
        }
        if (content == null || content.isEmpty()) return null;
        long start = 0;
        Long duration = null;
        Matcher m;
        if ((m = RANGE.matcher(rest)).find()) {
            start = ms(m.group(1));
            duration = Math.max(500, ms(m.group(2)) - start);
            blank(rest, m.start(), m.end());
        } else if ((m = FOR_FIRST.matcher(rest)).find()) {
            duration = ms(m.group(1) != null ? m.group(1) : m.group(2));
            blank(rest, m.start(), m.end());
        }
        if ((m = STARTING.matcher(rest)).find()) {
            start = ms(m.group(1) != null ? m.group(1) : m.group(2));
            blank(rest, m.start(), m.end());
        }
        String position = null;
        if ((m = Pattern.compile("\\b(top|upper)\\b|顶部|上方|顶端|上面").matcher(rest)).find()) position = "top";
        else if ((m = Pattern.compile("\\b(bottom|lower)\\b|底部|下方|底端|下面").matcher(rest)).find()) position = "bottom";
        else if ((m = Pattern.compile("\\b(center|centre|middle)\\b|中间|居中|中央").matcher(rest)).find()) position = "center";
        if (position != null) blank(rest, m.start(), m.end());
        return new TextOverlay(content, start, duration, position);
    }

    private Music music(StringBuilder rest) {
        boolean mentioned = MUSIC_WORD.matcher(rest).find();
        Double volume = null;
        Matcher v = VOLUME.matcher(rest);
        boolean volumeWord = rest.indexOf("volume") >= 0 || rest.indexOf("音量") >= 0;
        if (v.find() && (mentioned || volumeWord)) {
            if (v.group(1) != null) volume = Integer.parseInt(v.group(1)) / 100.0;
            else if (v.group(2) != null) volume = Double.parseDouble(v.group(2));
            else volume = Integer.parseInt(v.group(3)) / 100.0;
            volume = Math.max(0, Math.min(1, volume));
            blank(rest, v.start(), v.end());
        } else if (mentioned || volumeWord) {
            if (Pattern.compile("\\b(quieter|softer|lower)\\b|小声|小一点|轻一点").matcher(rest).find()) volume = 0.2;
            else if (Pattern.compile("\\b(louder|higher)\\b|大声|大一点|响一点").matcher(rest).find()) volume = 0.8;
        }
        Long fadeIn = fade(FADE_IN, rest);
        Long fadeOut = fade(FADE_OUT, rest);
        if (!mentioned && volume == null && fadeIn == null && fadeOut == null) return null;
        return new Music(mentioned, volume, fadeIn, fadeOut);
    }

    private static Long fade(Pattern p, StringBuilder rest) {
        Matcher m = p.matcher(rest);
        if (!m.find()) return null;
        String n = m.group(1) != null ? m.group(1) : m.group(2);
        blank(rest, m.start(), m.end());
        return n == null ? 1000L : Math.min(10_000L, ms(n));
    }

    private static String aspect(StringBuilder rest) {
        Matcher m = ASPECT.matcher(rest);
        while (m.find()) {
            String a = m.group(1) + ":" + m.group(2);
            if (a.equals("16:9") || a.equals("9:16") || a.equals("1:1") || a.equals("4:5")) {
                blank(rest, m.start(), m.end());
                return a;
            }
        }
        if (has(rest, "\\b(vertical|portrait|tiktok|reels?|shorts|stor(y|ies))\\b|竖屏|竖版|竖向|抖音")) return "9:16";
        if (has(rest, "\\bsquare\\b|方形|正方形|方图")) return "1:1";
        if (has(rest, "\\b(landscape|widescreen|horizontal|youtube)\\b|横屏|横版|宽屏")) return "16:9";
        return null;
    }

    private static String fit(StringBuilder rest) {
        if (has(rest, "\\bletterbox|\\b(no|don't|do not|without)\\s+crop|uncropped|\\bfit\\b (the )?(whole|entire|full)|完整显示|不裁剪|不要裁剪")) return "fit";
        if (has(rest, "\\bcrop to fill\\b|\\bfill the (frame|screen)|铺满|填满")) return "cover";
        return null;
    }

    private static String style(StringBuilder rest) {
        if (has(rest, "\\b(camera|zoom(ing)?|pan(ning)?|orbit(ing)?|dolly|push[- ]in|ken burns|parallax)\\b|镜头|推进|拉远|缩放|环绕|平移|运镜")) return "camera";
        if (has(rest, "\\b(sway(ing|s)?|breeze|wind|windy|rustl\\w*|flutter\\w*|waving)\\b|摇摆|摇曳|摆动|微风|随风")) return "sway";
        if (has(rest, "\\b(flow(ing|s)?|drift(ing|s)?)\\b|流动|流淌|飘动")) return "flow";
        return null;
    }

    private static String direction(StringBuilder rest, String style, boolean musicContext) {
        if ("camera".equals(style)) {
            if (has(rest, "zoom(ing)? in|push[- ]in|推进|放大")) return "in";
            if (has(rest, "zoom(ing)? out|pull(ing)? (back|out)|拉远|缩小")) return "out";
            if (has(rest, "orbit|环绕")) return "orbit";
        }
        if (has(rest, "\\b(left|leftwards?|west)\\b|向左|往左|朝左|左移")) return "left";
        if (has(rest, "\\b(right|rightwards?|east)\\b|向右|往右|朝右|右移")) return "right";
        if (musicContext) return null; // "turn the music up" is not a direction
        if (has(rest, "\\b(upwards?|up|north)\\b|向上|往上|朝上|上升")) return "up";
        if (has(rest, "\\b(downwards?|down|south)\\b|向下|往下|朝下|下降")) return "down";
        return null;
    }

    /** Which band moves; a band said to stay still means the other one moves. */
    private static String region(StringBuilder rest, boolean textPositionsTaken) {
        String upper = "\\b(sky|skies|clouds?|upper (part|half)|top (part|half))\\b|天空|云|上半部分|上半";
        String lower = "\\b(water|lake|river|sea|ocean|waves|pond|waterfall|lower (part|half)|bottom (part|half))\\b|水|湖|河|海|下半部分|下半";
        if (!textPositionsTaken) {
            upper += "|\\bthe top\\b";
            lower += "|\\bthe bottom\\b";
        }
        String whole = "\\b(everything|whole|entire|all over)\\b|整个|整体|全部|全图";
        for (String clause : CLAUSES.split(rest)) {
            boolean still = STILL.matcher(clause).find();
            if (Pattern.compile(upper).matcher(clause).find()) return still ? "lower" : "upper";
            if (Pattern.compile(lower).matcher(clause).find()) return still ? "upper" : "lower";
            if (!still && Pattern.compile(whole).matcher(clause).find()) return "whole";
        }
        return null;
    }

    /** "strength 2": an absolute motion strength (the engine accepts above 0 up to 5). */
    private static Double strengthValue(StringBuilder rest) {
        Matcher m = Pattern.compile("\\b(?:strength|intensity)\\s*(?:to|of|=|:)?\\s*" + NUM + "|强度\\s*" + NUM).matcher(rest);
        if (!m.find()) return null;
        double v = Double.parseDouble(m.group(1) != null ? m.group(1) : m.group(2));
        blank(rest, m.start(), m.end());
        return Math.max(0.1, Math.min(5, v));
    }

    /** "stronger" / "subtler": a factor on the current strength. */
    private static Double strengthFactor(StringBuilder rest) {
        if (has(rest, "\\b(stronger|more (motion|movement)|faster|more dramatic|intense|bigger)\\b|更强|更明显|幅度大|快一点|更快")) return 1.5;
        if (has(rest, "\\b(subtle|gentle|gently|calmer|slower|less (motion|movement)|softer motion|smaller)\\b|更轻|轻微|柔和|慢一点|更慢|幅度小")) return 0.6;
        return null;
    }

    private static boolean find(Pattern p, CharSequence s) {
        return p.matcher(s).find();
    }

    private static boolean has(CharSequence s, String regex) {
        return Pattern.compile(regex).matcher(s).find();
    }

    private static void blank(StringBuilder s, int start, int end) {
        for (int i = start; i < end && i < s.length(); i++) s.setCharAt(i, ' ');
    }

    private static long ms(String seconds) {
        return Math.round(Double.parseDouble(seconds) * 1000);
    }

    /** 一 to 九十九 written with up to two characters: 八 = 8, 十二 = 12, 二十 = 20. */
    private static double chineseNumber(String s) {
        int first = digit(s.charAt(0));
        if (s.length() == 1) return first;
        int second = digit(s.charAt(1));
        if (first == 10) return 10 + second;
        return second == 10 ? first * 10 : first * 10 + second;
    }

    private static int digit(char c) {
        return c == '两' ? 2 : Math.max(0, CN_DIGITS.indexOf(c));
    }
}
