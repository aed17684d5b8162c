package io.imageloop.server.chat.reply;

import io.imageloop.timeline.edit.EditException;

import java.util.Map;

/** Why an edit was refused, in the user's language, with the nearest thing the product can do. */
final class Problems {

    private Problems() {
    }

    static String explain(Say say, EditException e, String photo) {
        Map<String, Object> d = e.details();
        String on = photo == null ? "" : say.s(photo + ": ", photo + "：");
        return on + switch (e.problem()) {
            case NO_LOOPS -> say.noLoopsYet();
            case NO_SUCH_SEGMENT -> say.noSuchPhoto(((Number) d.getOrDefault("asked", 0)).intValue(), ((Number) d.getOrDefault("count", 0)).intValue());
            case LENGTH_OUT_OF_RANGE -> say.s("Loops are 1 to 60 seconds long, so I can't make one " + number(d.get("asked"))
                            + " seconds long. For a longer video, I can repeat the loop (\"play it 3 times\") or add more photos.",
                    "循环时长只能是 1 到 60 秒，无法设为 " + number(d.get("asked")) + " 秒。想要更长的视频，可以让循环重复播放（“重复播放三次”）或添加更多图片。");
            case REPEATS_OUT_OF_RANGE -> say.s("A loop can play 1 to 10 times in a row.", "一个循环可以连续播放 1 到 10 次。");
            case STRENGTH_LIMIT -> ((Number) d.getOrDefault("limit", 5)).doubleValue() > 1
                    ? say.s("That is already as fast as it goes.", "已经是最快了。") : say.s("That is already as slow as it goes.", "已经是最慢了。");
            case WOULD_EMPTY_TIMELINE -> say.s("That would leave nothing to play, so I kept it. Upload another photo first if you want to replace it.",
                    "这样时间线就空了，所以保留了它。想替换的话请先上传新图片。");
            case NOTHING_WOULD_MOVE -> say.s("Then nothing in the picture would move, and a loop needs motion. I can make it very gentle, add snow or rain, or use a camera move.",
                    "那样画面就完全不动了，循环视频需要动态。可以改成非常轻微的动态、加雪或雨，或者使用镜头运动。");
            case NOTHING_FLOWS -> "camera".equals(d.get("subject")) ? say.s("There is no camera move in this loop; say \"add a slow zoom\" to add one.",
                    "这个循环没有镜头运动；可以说“加一个缓慢推进的镜头”。")
                    : d.containsKey("subject") ? say.s("The " + d.get("subject") + " does not move in this loop; say \"make the "
                            + d.get("subject") + " move\" first.", "这个循环里" + subjectZh(String.valueOf(d.get("subject"))) + "没有在动；可以先说“让"
                            + subjectZh(String.valueOf(d.get("subject"))) + "动起来”。")
                    : say.s("Nothing drifts in this loop, so there is no direction to change. Say \"make it flow left\" to let the sky drift.",
                    "这个循环里没有流动的部分，无法改方向。可以说“向左流动”让天空飘动。");
            case PEOPLE_HOLD_STILL -> say.s("Faces and people always hold still in a loop, so I can't animate them. I can move the sky, water, grass, leaves or lights around them.",
                    "人物和面部在循环中始终保持静止，无法让他们动。可以让周围的天空、水面、草、树叶或灯光动起来。");
            case NOT_A_PHOTO -> say.notAPhoto();
            case NO_TEXT -> say.noTextYet();
            case BAD_TEXT -> say.s("A text can be 1 to 200 characters.", "文字长度需在 1 到 200 个字符之间。");
            case TIME_OUT_OF_RANGE -> say.s("The video is only " + number(d.get("length")) + " seconds long, so that time is outside it.",
                    "视频只有 " + number(d.get("length")) + " 秒，这个时间超出了范围。");
            case NO_MUSIC -> say.noMusicYet();
            case VOLUME_OUT_OF_RANGE -> say.volumeRange();
            case FADE_TOO_LONG -> say.s("A fade can't be longer than the video (" + number(d.get("length")) + " s).",
                    "淡入淡出不能超过视频长度（" + number(d.get("length")) + " 秒）。");
        };
    }

    private static String subjectZh(String subject) {
        try {
            return Words.subject(io.imageloop.engine.plan.Subject.valueOf(subject.toUpperCase(java.util.Locale.ROOT)), true);
        } catch (IllegalArgumentException e) {
            return subject.equals("camera") ? "镜头" : subject;
        }
    }

    private static String number(Object v) {
        if (!(v instanceof Number n)) return String.valueOf(v);
        double x = n.doubleValue();
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
