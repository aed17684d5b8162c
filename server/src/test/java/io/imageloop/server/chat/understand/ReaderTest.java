package io.imageloop.server.chat.understand;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageloop.server.chat.reply.Say;
import io.imageloop.server.chat.tools.Focus;
import io.imageloop.server.chat.tools.Outcome;
import io.imageloop.server.chat.tools.ToolCall;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in understanding on its own: which tools a message calls with which slots. */
class ReaderTest {

    static final Reader.Context TWO_PHOTOS = new Reader.Context(List.of("lake.jpg", "rocket-launch.jpg"),
            List.of("lake.jpg", "rocket-launch.jpg"), List.of("lofi.mp3"), List.of(), true, 2, Focus.NONE, false);

    static List<ToolCall> calls(String message) {
        return new Reader().read(message, TWO_PHOTOS).calls();
    }

    static ToolCall only(String message) {
        List<ToolCall> c = calls(message);
        assertThat(c).as(message).hasSize(1);
        return c.get(0);
    }

    static String names(String message) {
        return calls(message).stream().map(ToolCall::name).collect(Collectors.joining(","));
    }

    @Test
    void aSlotBelongsToTheClauseItWasSaidIn() {
        ToolCall title = only("put 'Urban Dreams' at the top for the first 3 seconds");
        assertThat(title.name()).isEqualTo("add_text");
        assertThat(title.args().path("text").asText()).isEqualTo("Urban Dreams");
        assertThat(title.args().path("position").asText()).isEqualTo("top");
        assertThat(title.args().path("start").asDouble()).isZero();
        assertThat(title.args().path("duration").asDouble()).isEqualTo(3);
        assertThat(only("fade in the music 2 seconds").args().path("fade_in").asDouble()).isEqualTo(2);
        assertThat(only("start the song from 10 seconds in").args().path("offset").asDouble()).isEqualTo(10);
        ToolCall zh = new Reader().read("标题只显示前三秒", contextWithText("城市之梦")).calls().get(0);
        assertThat(zh.name()).isEqualTo("retime_text");
        assertThat(zh.args().path("duration").asDouble()).isEqualTo(3);
        assertThat(names("make it 8 seconds and add the title \"Hi\" for 2 seconds")).isEqualTo("set_loop_length,add_text");
    }

    @Test
    void numbersInWordsUnitsAndRelativeChanges() {
        assertThat(only("make it eight seconds").args().path("seconds").asDouble()).isEqualTo(8);
        assertThat(only("twenty-five second loop").args().path("seconds").asDouble()).isEqualTo(25);
        assertThat(only("half a minute").args().path("seconds").asDouble()).isEqualTo(30);
        assertThat(only("two and a half seconds").args().path("seconds").asDouble()).isEqualTo(2.5);
        assertThat(only("改成十五秒").args().path("seconds").asDouble()).isEqualTo(15);
        assertThat(only("两秒").args().path("seconds").asDouble()).isEqualTo(2);
        assertThat(only("做成十分钟的").args().path("seconds").asDouble()).isEqualTo(600);
        assertThat(only("a bit longer").args().path("add_seconds").asDouble()).isEqualTo(1);
        assertThat(only("再长一点").args().path("add_seconds").asDouble()).isEqualTo(1);
        assertThat(only("twice as long").args().path("factor").asDouble()).isEqualTo(2);
        assertThat(only("twice as fast").args().path("speed_factor").asDouble()).isEqualTo(2);
        assertThat(only("再慢一点").args().path("speed_factor").asDouble()).isEqualTo(0.8);
        assertThat(only("速度快两倍").args().path("speed_factor").asDouble()).isEqualTo(2);
        List<ToolCall> quieter = calls("make it quieter, like 20 percent");
        assertThat(quieter.get(quieter.size() - 1).args().path("volume").asDouble()).isEqualTo(0.2);
        assertThat(new Reader().read("make it 5 to 8 seconds", TWO_PHOTOS).notes()).singleElement()
                .satisfies(o -> assertThat(o.kind()).isEqualTo(Outcome.Kind.ASK));
    }

    @Test
    void negationTyposAndTargets() {
        List<ToolCall> c = calls("no camera movement, just let the sky drift");
        assertThat(c.get(0).args().path("camera").asText()).isEqualTo("none");
        assertThat(c.get(1).args().path("move").get(0).asText()).isEqualTo("sky");
        assertThat(c.get(1).args().path("only").asBoolean()).isTrue();
        assertThat(only("keep the sky still").args().path("hold").get(0).asText()).isEqualTo("sky");
        assertThat(only("天空不要动").args().path("hold").get(0).asText()).isEqualTo("sky");
        assertThat(only("no music").name()).isEqualTo("remove_music");
        assertThat(only("zooom in slowly").args().path("camera").asText()).isEqualTo("in");
        assertThat(only("add snwo").args().path("particles").asText()).isEqualTo("snow");
        assertThat(only("mkae it 9 secnds").args().path("seconds").asDouble()).isEqualTo(9);
        JsonNode second = only("make the second photo zoom in slowly").args();
        assertThat(second.path("photos").get(0).asInt()).isEqualTo(2);
        assertThat(second.path("camera_speed_factor").asDouble()).isLessThan(1);
        assertThat(only("第二张图镜头慢慢推进").args().path("photos").get(0).asInt()).isEqualTo(2);
        assertThat(only("make the rocket photo sway").args().path("photos").get(0).asText()).isEqualTo("rocket");
        assertThat(only("make the photo with the clouds drift left").args().path("photos").get(0).asText()).isEqualTo("clouds");
        assertThat(only("make every loop 4 seconds").args().path("photos").get(0).asText()).isEqualTo("all");
        assertThat(only("每张都改成五秒").args().path("photos").get(0).asText()).isEqualTo("all");
        assertThat(only("remove the third photo").name()).isEqualTo("remove_photos");
        assertThat(only("只保留第一张").name()).isEqualTo("keep_photos");
        assertThat(only("undo that").name()).isEqualTo("undo");
        assertThat(only("撤销").name()).isEqualTo("undo");
    }

    @Test
    void impossibleOrUnclearRequestsGetAnAnswerNotACall() {
        Reader.Reading dragon = new Reader().read("add a dragon flying through the sky", TWO_PHOTOS);
        assertThat(dragon.calls()).isEmpty();
        assertThat(dragon.notes().get(0).in(Say.EN)).contains("snow, rain, sparkles or bokeh");
        Reader.Reading vague = new Reader().read("change it", TWO_PHOTOS);
        assertThat(vague.calls()).isEmpty();
        assertThat(vague.notes().get(0).kind()).isEqualTo(Outcome.Kind.ASK);
        assertThat(new Reader().read("加一条龙在天上飞", TWO_PHOTOS).chinese()).isTrue();
        assertThat(new Reader().read("what's the weather in Paris?", TWO_PHOTOS).notes().get(0).in(Say.EN)).contains("only work on your loop");
    }

    /** Every example of the product's routing table, in English and Chinese. */
    @Test
    void theRoutingTableInBothLanguages() {
        for (String m : List.of("export", "导出", "download", "下载", "send me the video", "把视频发给我", "export 1080p MP4", "导出1080p MP4")) {
            assertThat(names(m)).as(m).isEqualTo("export_info");
        }
        for (String m : List.of("credits", "积分", "balance", "余额")) assertThat(names(m)).as(m).isEqualTo("get_credits");
        for (String m : List.of("status", "状态", "show tracks", "显示轨道")) assertThat(names(m)).as(m).isEqualTo("show_timeline");
        for (String m : List.of("upload", "上传")) assertThat(names(m)).as(m).isEqualTo("upload_info");
        for (String m : List.of("add BGM", "加背景音乐", "添加BGM")) assertThat(names(m)).as(m).isEqualTo("add_music");
        for (String m : List.of("convert my still images", "把我的静态图片转换成视频", "turn this image into a seamlessly",
                "turn this image into a seamlessly looping video clip", "把这张图片变成无缝循环视频片段", "generate a loop", "生成循环视频")) {
            assertThat(names(m)).as(m).isEqualTo("make_loops");
        }
    }

    /** Cost grows with the message's length, never faster: an 8,000-character message takes milliseconds. */
    @Test
    void longMessagesAreReadInLinearTime() {
        Random rnd = new Random(7);
        StringBuilder words = new StringBuilder();
        while (words.length() < 8000) {
            int len = 4 + rnd.nextInt(8);
            for (int i = 0; i < len; i++) words.append((char) ('a' + rnd.nextInt(26)));
            words.append(rnd.nextInt(10) == 0 ? ", " : " ");
        }
        String mixed = ("make the second photo zoom in slowly and add 'Hi' at the top for 3 seconds, 再慢一点，标题只显示前三秒 \"").repeat(120);
        String quotes = "'a' \"b\" “c” 「d」 it's don't 16:9 1-4s ".repeat(250);
        List<String> messages = List.of(words.toString(), mixed.substring(0, 8000), quotes.substring(0, 8000), "第".repeat(8000), "'".repeat(8000),
                "first photo ".repeat(700).substring(0, 8000), "一二三四五六七八九十".repeat(800),
                "move the second photo to the first place and ".repeat(200).substring(0, 8000));
        for (String message : messages) {
            String eighth = message.substring(0, 1000);
            for (int i = 0; i < 3; i++) new Reader().read(message, TWO_PHOTOS); // warm up
            long full = Long.MAX_VALUE;
            long halfTime = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                new Reader().read(eighth, TWO_PHOTOS);
                halfTime = Math.min(halfTime, System.nanoTime() - t0);
                t0 = System.nanoTime();
                new Reader().read(message, TWO_PHOTOS);
                full = Math.min(full, System.nanoTime() - t0);
            }
            assertThat(full / 1e6).as("ms for 8,000 characters").isLessThan(500);
            // Linear reading takes about 8 times as long for 8 times the text; quadratic would take 64 times.
            assertThat(full).as("8x the text, not much more than 8x the time").isLessThan(24 * Math.max(halfTime, 500_000L));
        }
    }

    private static Reader.Context contextWithText(String text) {
        return new Reader.Context(List.of("湖.jpg"), List.of("湖.jpg"), List.of(), List.of(text), false, 1, Focus.NONE.withText(text), true);
    }
}
