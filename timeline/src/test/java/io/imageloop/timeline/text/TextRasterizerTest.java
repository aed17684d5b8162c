package io.imageloop.timeline.text;

import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.timeline.Placement;
import io.imageloop.timeline.Rgb;
import io.imageloop.timeline.TextClip;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

class TextRasterizerTest {

    private static final FontBook FONTS = FontBook.system();
    private static final TextRasterizer TEXT = new TextRasterizer(FONTS);

    private static TextClip clip(String text, Placement where, double size) {
        return new TextClip(text, where, size, Rgb.WHITE, null, false, 0, 0, Map.of());
    }

    /** Coverage of the sprite's box as 0/1 ink, for comparing glyph shapes. */
    private static boolean[] ink(TextSprite s) {
        boolean[] out = new boolean[s.width() * s.height()];
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) out[y * s.width() + x] = s.alphaAt(x, y) > 127;
        }
        return out;
    }

    private static int count(boolean[] ink) {
        int n = 0;
        for (boolean b : ink) if (b) n++;
        return n;
    }

    @Test
    void cjkTextRendersAsDistinctGlyphsNotBoxes() {
        assertThat(FONTS.covers("山水城市之梦"))
                .as("a CJK font must be installed (.ci/install-fonts.sh); fonts found: %s", FONTS.families())
                .isTrue();
        FrameSize frame = new FrameSize(400, 400);
        TextSprite mountain = TEXT.render(clip("山", Placement.CENTER, 0.3), frame);
        TextSprite water = TEXT.render(clip("水", Placement.CENTER, 0.3), frame);
        assertThat(mountain.width()).isEqualTo(water.width());
        boolean[] a = ink(mountain);
        boolean[] b = ink(water);
        int differing = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) if (a[i] != b[i]) differing++;
        // Missing glyphs would both be the same empty box; real glyphs differ in much of their ink.
        assertThat(count(a)).isGreaterThan(500);
        assertThat(count(b)).isGreaterThan(500);
        assertThat(differing).isGreaterThan(Math.min(count(a), count(b)) / 3);
    }

    @Test
    void latinAndCjkMixInOneLine() {
        TextSprite mixed = TEXT.render(clip("Lake 湖 2025", Placement.CENTER, 0.1), new FrameSize(640, 360));
        assertThat(count(ink(mixed))).isGreaterThan(300);
    }

    @Test
    void sizeIsRelativeToTheFrameSoResolutionDoesNotChangeTheLook() {
        TextClip title = clip("Urban Dreams", Placement.TOP, 0.08);
        TextSprite small = TEXT.render(title, Aspect.LANDSCAPE.size(360));
        TextSprite large = TEXT.render(title, Aspect.LANDSCAPE.size(1080));
        assertThat(large.width() / (double) small.width()).isCloseTo(3.0, offset(0.15));
        assertThat(large.y() / 1080.0).isCloseTo(small.y() / 360.0, offset(0.01));
    }

    @Test
    void portraitAndLandscapePlaceTextAlike() {
        TextClip title = clip("Hi", Placement.TOP, 0.08);
        FrameSize landscape = Aspect.LANDSCAPE.size(360);
        FrameSize portrait = Aspect.PORTRAIT.size(360);
        TextSprite wide = TEXT.render(title, landscape);
        TextSprite tall = TEXT.render(title, portrait);
        int[] a = inkBox(wide);
        int[] b = inkBox(tall);
        // Same height and top edge as fractions of the frame height, centred in both.
        assertThat((b[3] - b[1]) / (double) portrait.height()).isCloseTo((a[3] - a[1]) / (double) landscape.height(), offset(0.005));
        assertThat((tall.y() + b[1]) / (double) portrait.height()).isCloseTo((wide.y() + a[1]) / (double) landscape.height(), offset(0.01));
        assertThat((tall.x() + (b[0] + b[2]) / 2.0) / portrait.width()).isCloseTo(0.5, offset(0.01));
        assertThat((wide.x() + (a[0] + a[2]) / 2.0) / landscape.width()).isCloseTo(0.5, offset(0.01));
    }

    @Test
    void withoutFontFilesTheLogicalFontStillDraws() {
        FontBook none = new FontBook(java.util.List.of());
        assertThat(none.families()).isEmpty();
        assertThat(none.covers("Lake")).isFalse();
        TextSprite s = new TextRasterizer(none).render(clip("Lake", Placement.CENTER, 0.2), new FrameSize(320, 180));
        assertThat(count(ink(s))).isGreaterThan(100);
    }

    @Test
    void longTitlesWrapInsideNarrowFrames() {
        TextClip title = clip("Urban Dreams over the quiet lake", Placement.BOTTOM, 0.08);
        FrameSize portrait = Aspect.PORTRAIT.size(360);
        TextSprite s = TEXT.render(title, portrait);
        assertThat(s.x()).isGreaterThanOrEqualTo(-s.height()); // the padding may reach out, the ink not
        int[] box = inkBox(s);
        assertThat(s.x() + box[0]).isGreaterThanOrEqualTo(0);
        assertThat(s.x() + box[2]).isLessThanOrEqualTo(portrait.width());
        assertThat(s.y() + box[3]).isLessThanOrEqualTo(portrait.height());
        assertThat(box[3] - box[1]).as("wrapped onto several lines").isGreaterThan((int) (2 * 0.08 * portrait.height()));
    }

    @Test
    void explicitPointsNearTheEdgeStayInsideTheFrame() {
        FrameSize frame = new FrameSize(640, 360);
        TextSprite s = TEXT.render(clip("Corner", new Placement.At(1.0, 1.0), 0.1), frame);
        int[] box = inkBox(s);
        assertThat(s.x() + box[2]).isLessThanOrEqualTo(frame.width());
        assertThat(s.y() + box[3]).isLessThanOrEqualTo(frame.height());
    }

    @Test
    void blendsWithOpacityOnlyInsideItsBox() {
        FrameSize frame = new FrameSize(320, 180);
        TextSprite s = TEXT.render(new TextClip("Hi", Placement.CENTER, 0.3, Rgb.WHITE, Rgb.BLACK, true, 0, 0, Map.of()), frame);
        try (Scalar grey = Scalar.all(100); Mat full = new Mat(180, 320, CV_8UC3, grey); Mat half = new Mat(180, 320, CV_8UC3, grey)) {
            s.blendOnto(full, 1.0);
            s.blendOnto(half, 0.5);
            int[] box = inkBox(s);
            int cx = s.x() + (box[0] + box[2]) / 2;
            // Somewhere on the glyphs the full text is white and the half-faded one half way there.
            int whiteX = -1;
            int whiteY = -1;
            for (int y = s.y() + box[1]; y < s.y() + box[3] && whiteX < 0; y++) {
                for (int x = s.x() + box[0]; x < s.x() + box[2]; x++) {
                    if ((full.ptr(y, x).get(0) & 0xFF) == 255) {
                        whiteX = x;
                        whiteY = y;
                        break;
                    }
                }
            }
            assertThat(whiteX).isNotNegative();
            assertThat(half.ptr(whiteY, whiteX).get(0) & 0xFF).isBetween(170, 185);
            assertThat(full.ptr(2, 2).get(0) & 0xFF).as("outside the text box").isEqualTo(100);
            assertThat(cx).isBetween(140, 180);
        }
    }

    /** {minX, minY, maxX, maxY} of the sprite's ink, in sprite coordinates. */
    private static int[] inkBox(TextSprite s) {
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                if (s.alphaAt(x, y) > 32) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x + 1);
                    maxY = Math.max(maxY, y + 1);
                }
            }
        }
        return new int[] {minX, minY, maxX, maxY};
    }
}
