package io.imageloop.server.chat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntentParserTest {

    private final IntentParser parser = new IntentParser();

    @Test
    void theProductsOwnPhrasesMeanGenerate() {
        IntentParser.Intents en = parser.parse("turn this image into a seamlessly looping video clip");
        assertThat(en.generate()).isTrue();
        assertThat(en.hasEdit()).isFalse();
        assertThat(en.chinese()).isFalse();
        IntentParser.Intents zh = parser.parse("把这张图片变成无缝循环视频");
        assertThat(zh.generate()).isTrue();
        assertThat(zh.chinese()).isTrue();
        assertThat(parser.parse("convert my still images").generate()).isTrue();
    }

    @Test
    void lengthsStylesDirectionsRegionsAndAspects() {
        IntentParser.Intents i = parser.parse("make it a 12 second loop, camera zoom in, 1:1");
        assertThat(i.loopMs()).isEqualTo(12000);
        assertThat(i.style()).isEqualTo("camera");
        assertThat(i.direction()).isEqualTo("in");
        assertThat(i.aspect()).isEqualTo("1:1");
        assertThat(parser.parse("gentle sway").style()).isEqualTo("sway");
        assertThat(parser.parse("gentle sway").strengthFactor()).isLessThan(1);
        assertThat(parser.parse("let the water flow and keep the sky still").region()).isEqualTo("lower");
        assertThat(parser.parse("the whole picture should move").region()).isEqualTo("whole");
        assertThat(parser.parse("vertical for tiktok").aspect()).isEqualTo("9:16");
        assertThat(parser.parse("八秒循环").loopMs()).isEqualTo(8000);
        assertThat(parser.parse("十二秒").loopMs()).isEqualTo(12000);
        assertThat(parser.parse("向上流动，天空不动").direction()).isEqualTo("up");
        assertThat(parser.parse("向上流动，天空不动").region()).isEqualTo("lower");
        assertThat(parser.parse("make it 500 seconds").loopMs()).isNull();
        assertThat(parser.parse("make it 500 seconds").badLength()).isNotNull();
    }

    @Test
    void titleWordsDoNotLeakIntoOtherSettings() {
        IntentParser.Intents i = parser.parse("add text 'Turn left' at the bottom from 1 to 4 seconds");
        assertThat(i.text().text()).isEqualTo("Turn left");
        assertThat(i.text().startMs()).isEqualTo(1000);
        assertThat(i.text().durationMs()).isEqualTo(3000);
        assertThat(i.text().position()).isEqualTo("bottom");
        assertThat(i.direction()).isNull();
        assertThat(i.loopMs()).isNull();
        assertThat(i.region()).isNull();
    }

    @Test
    void musicVolumesAndFades() {
        IntentParser.Intents i = parser.parse("add some lo-fi music at 35% volume, fade out over 2 seconds");
        assertThat(i.music().add()).isTrue();
        assertThat(i.music().volume()).isEqualTo(0.35);
        assertThat(i.music().fadeOutMs()).isEqualTo(2000);
        assertThat(i.loopMs()).isNull();
        assertThat(parser.parse("turn the music up").direction()).isNull();
        assertThat(parser.parse("remove the music").removeMusic()).isTrue();
        assertThat(parser.parse("音量50%").music().volume()).isEqualTo(0.5);
    }

    @Test
    void questionsAreNotEdits() {
        assertThat(parser.parse("what's on the timeline?").askTimeline()).isTrue();
        assertThat(parser.parse("export 1080p MP4").askExport()).isTrue();
        assertThat(parser.parse("export 1080p MP4").hasEdit()).isFalse();
        assertThat(parser.parse("余额还有多少").askCredits()).isTrue();
        assertThat(parser.parse("hello there").hasEdit()).isFalse();
    }
}
