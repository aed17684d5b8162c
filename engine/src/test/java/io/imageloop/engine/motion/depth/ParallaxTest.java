package io.imageloop.engine.motion.depth;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopResult;
import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.ProgressListener;
import io.imageloop.engine.Samples;
import io.imageloop.engine.recipe.Layer;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.engine.recipe.Style;
import io.imageloop.engine.render.LoopRenderer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.mean;

class ParallaxTest {

    static final Path LAKE = Samples.path("lake-boats-sunset-clouds.jpg");

    @TempDir
    Path dir;

    @Test
    void anOnnxModelsOutputBecomesTheDepth() throws Exception {
        Path model = dir.resolve("tiny-depth.onnx");
        Files.write(model, TinyOnnx.brightnessModel(64));
        try (Mat picture = new Mat(120, 200, CV_8UC3, Scalar.all(30));
             Rect left = new Rect(0, 0, 100, 120); Mat bright = picture.apply(left)) {
            bright.put(Scalar.all(220));
            try (Mat near = new OnnxDepth(model).nearness(picture);
                 Rect l = new Rect(10, 10, 60, 100); Rect r = new Rect(130, 10, 60, 100);
                 Mat nl = near.apply(l); Mat nr = near.apply(r)) {
                assertThat(near.cols()).isEqualTo(200);
                assertThat(mean(nl).get(0)).isGreaterThan(0.9);
                assertThat(mean(nr).get(0)).isLessThan(0.1);
            }
        }
    }

    @Test
    void parallaxLoopsSeamlesslyWithEveryDepthSource() throws Exception {
        Path model = dir.resolve("tiny-depth.onnx");
        Files.write(model, TinyOnnx.brightnessModel(64));
        for (String depth : new String[] {"cues", model.toString(), LAKE.toString()}) {
            LoopSettings settings = LoopSettings.defaults().withRecipe(MotionRecipe.of(new Layer.Parallax(depth, 1.0)))
                    .withResolution(240).withSeconds(2);
            LoopResult result = new LoopRenderer().render(LAKE, dir.resolve("p.mp4"), settings, ProgressListener.NONE);
            assertThat(result.rendered().moves()).as(depth).isTrue();
            assertThat(result.rendered().seamRatio()).as(depth).isLessThanOrEqualTo(1.05);
            assertThat(result.decoded().moving()).as(depth).isGreaterThan(0.3);
        }
    }

    @Test
    void aBrokenModelIsAClearError() throws Exception {
        Path model = dir.resolve("broken.onnx");
        Files.write(model, new byte[] {1, 2, 3, 4, 5});
        try (Mat picture = new Mat(60, 80, CV_8UC3, Scalar.all(100))) {
            assertThatThrownBy(() -> new OnnxDepth(model).nearness(picture))
                    .isInstanceOf(LoopException.class).hasMessageContaining("broken.onnx");
        }
    }
}
