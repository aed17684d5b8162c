package io.imageloop.engine.recipe;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.frame.PhotoWindow;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;

class RecipeCodecTest {

    @TempDir
    Path dir;

    @Test
    void everyLayerKindRoundTripsThroughAFileAndInline() throws Exception {
        Mask sky;
        try (Mat m = new Mat(40, 64, CV_8UC1, Scalar.all(0)); org.bytedeco.opencv.opencv_core.Rect top = new org.bytedeco.opencv.opencv_core.Rect(0, 0, 64, 15);
             Mat v = m.apply(top)) {
            v.put(Scalar.all(255));
            sky = Mask.of(m, "sky");
        }
        MotionRecipe recipe = new MotionRecipe(List.of(
                new Layer.Drift(Area.of(sky), Direction.parse("left"), 1.2),
                new Layer.Flow(List.of(new Arrow(0.1, 0.8, 0.4, 0.8)), List.of(new Point(0.5, 0.5)), 0.7),
                new Layer.Ripple(Area.band(Region.LOWER), 1.0),
                new Layer.Drift(Area.WHOLE, Direction.parse("60"), 0.5),
                new Layer.Sway(new Area(null, List.of(new Area.Rect(0, 0.6, 1, 0.4)), List.of(), null), Direction.parse("bottom"), 0.8),
                new Layer.Glow(new Area(null, List.of(), List.of(List.of(new Point(0.1, 0.1), new Point(0.2, 0.1), new Point(0.15, 0.2))), null), 1)),
                Area.of(List.of(new Area.Rect(0.3, 0.5, 0.2, 0.2))), new CameraMove(Direction.parse("zoom"), 0.5), Particles.SNOW, 7,
                List.of("hand-made"));
        Path file = dir.resolve("spec.motion.json");
        RecipeCodec.write(recipe, file);
        assertThat(dir.resolve("spec.sky.png")).exists();
        MotionRecipe back = RecipeCodec.read(file, null);
        assertThat(back.layers()).hasSize(6);
        assertThat(((Layer.Drift) back.layers().get(3)).direction()).as("an angle reads back as written")
                .isEqualTo(((Layer.Drift) recipe.layers().get(3)).direction());
        assertThat(back.camera()).isEqualTo(recipe.camera());
        assertThat(back.particles()).isEqualTo(Particles.SNOW);
        assertThat(back.seed()).isEqualTo(7);
        assertThat(back.freeze().rects()).isEqualTo(recipe.freeze().rects());
        assertThat(((Layer.Drift) back.layers().get(0)).area().mask().label()).isEqualTo("sky");
        // Inline (as in drafts): the same recipe, masks as data URLs.
        MotionRecipe inline = RecipeCodec.parse(RecipeCodec.toJson(recipe, RecipeCodec.MaskWriter.INLINE), RecipeCodec.Context.INLINE);
        assertThat(inline).isEqualTo(recipe);
    }

    @Test
    void version1FilesAreConvertedFromFramedToPhotoCoordinates() throws Exception {
        Path file = dir.resolve("old.json");
        Files.writeString(file, """
                {"version": 1, "style": "flow", "strength": 1.5,
                 "arrows": [{"from": [0.0, 0.5], "to": [1.0, 0.5]}],
                 "freeze": {"rects": [[0.5, 0.0, 0.5, 1.0]]}}
                """);
        // Made at 9:16 from a 16:9 photo: the picture showed the middle 31.6% of the photo's width.
        PhotoWindow window = new PhotoWindow(0.342, 0, 0.316, 1);
        MotionRecipe r = RecipeCodec.read(file, () -> window);
        Layer.Flow flow = r.first(Layer.Flow.class).orElseThrow();
        assertThat(flow.arrows().get(0).x1()).isCloseTo(0.342, within(1e-9));
        assertThat(flow.arrows().get(0).x2()).isCloseTo(0.658, within(1e-9));
        assertThat(flow.strength()).isEqualTo(1.5);
        Area.Rect rect = r.freeze().rects().get(0);
        assertThat(rect.x()).isCloseTo(0.5, within(1e-9));
        assertThat(rect.w()).isCloseTo(0.158, within(1e-9));
        assertThatThrownBy(() -> RecipeCodec.read(file, null)).hasMessageContaining("version 1");
    }

    @Test
    void version1MasksLandWhereTheirPictureWasInThePhoto() throws Exception {
        try (Mat m = new Mat(100, 50, CV_8UC1, Scalar.all(255))) {
            org.bytedeco.opencv.global.opencv_imgcodecs.imwrite(dir.resolve("still.png").toString(), m);
        }
        Path file = dir.resolve("old.json");
        Files.writeString(file, "{\"version\": 1, \"freeze\": {\"mask\": \"still.png\"}}");
        MotionRecipe r = RecipeCodec.read(file, () -> new PhotoWindow(0.25, 0, 0.5, 1));
        try (Mat photoMask = r.freeze().mask().decode()) {
            assertThat(photoMask.cols()).isEqualTo(100);
            assertThat(countNonZero(photoMask)).isBetween(100 * 100 / 2 - 200, 100 * 100 / 2 + 200);
        }
    }

    @Test
    void badFieldsAreNamed() throws Exception {
        assertBad("{\"version\": 3}", "version");
        assertBad("{\"version\": 2, \"layers\": [{\"kind\": \"wobble\"}]}", "layers[0].kind");
        assertBad("{\"version\": 2, \"layers\": [{\"kind\": \"drift\", \"strength\": \"fast\"}]}", "layers[0].strength");
        assertBad("{\"version\": 2, \"layers\": [{\"kind\": \"drift\", \"strength\": 9}]}", "strength");
        assertBad("{\"version\": 2, \"layers\": [{\"kind\": \"flow\", \"arrows\": [{\"from\": [0.1], \"to\": [0.2, 0.2]}]}]}", "layers[0].arrows[0].from");
        assertBad("{\"version\": 2, \"layers\": [{\"kind\": \"sway\", \"speed\": 3}]}", "layers[0].speed");
        assertBad("{\"version\": 2, \"layers\": [], \"camera\": {\"move\": \"zoom\"}, \"freeze\": {\"rects\": [[0.1, 0.1, 0.2, 0.2]]}}", "camera move alone");
        assertBad("{\"version\": 2, \"layers\": [{\"kind\": \"ripple\", \"area\": {\"rects\": [[0.5, 0.5, 0.9, 0.1]]}}]}", "layers[0].area.rects[0]");
        assertBad("{\"version\": 2, \"layers\": []}", "nothing moves");
        assertBad("{not json", "not valid JSON");
        assertThatThrownBy(() -> RecipeCodec.parse(RecipeCodec.JSON.readTree(
                "{\"version\": 2, \"layers\": [{\"kind\": \"ripple\", \"area\": {\"mask\": \"/etc/passwd\"}}]}"), RecipeCodec.Context.INLINE))
                .hasMessageContaining("inline");
    }

    @Test
    void aMaskDeclaringAHugePictureIsRefusedBeforeDecoding() {
        byte[] png = new byte[64];
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, (byte) 0xEA, 0x60, 0, 0, (byte) 0xEA, 0x60};
        System.arraycopy(head, 0, png, 0, head.length);
        assertThatThrownBy(() -> new Mask(png, null, null).decode()).isInstanceOf(LoopException.class).hasMessageContaining("60000x60000");
    }

    private void assertBad(String json, String mentions) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json);
        assertThatThrownBy(() -> RecipeCodec.read(file, null)).isInstanceOf(LoopException.class).hasMessageContaining(mentions);
    }
}
