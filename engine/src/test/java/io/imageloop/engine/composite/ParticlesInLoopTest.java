package io.imageloop.engine.composite;

import io.imageloop.engine.DecodedVideo;
import io.imageloop.engine.LoopResult;
import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.recipe.Particles;
import io.imageloop.engine.ProgressListener;
import io.imageloop.engine.Samples;
import io.imageloop.engine.render.LoopRenderer;
import io.imageloop.engine.render.PreparedLoop;
import io.imageloop.engine.source.PhotoLoader;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;

/** Particles over a photo loop: drawn last, periodic with the loop, and only where they are. */
class ParticlesInLoopTest {

    static final Path LAKE = Samples.path("lake-boats-sunset-clouds.jpg");
    static final LoopSettings SETTINGS = LoopSettings.defaults().withResolution(240).withSeconds(1);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Particles.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everyKindRendersASeamlessLoop(Particles kind) throws Exception {
        Path out = dir.resolve(kind + ".mp4");
        LoopResult result = new LoopRenderer().render(LAKE, out, SETTINGS.withRecipe(SETTINGS.recipe().withParticles(kind)), ProgressListener.NONE);
        DecodedVideo video = DecodedVideo.of(out);
        assertThat(video.frames()).isEqualTo(30);
        assertThat(result.motion()).endsWith(", " + kind);
        assertThat(result.rendered().seamRatio()).as("seam ratio of the rendered frames").isBetween(0.8, 1.1);
    }

    @Test
    void frameNIsFrameZeroAndParticlesOnlyBrightenTheMotion() {
        PhotoLoader loader = new PhotoLoader();
        try (PreparedLoop plain = PreparedLoop.of(LAKE, SETTINGS, loader);
             PreparedLoop snowy = PreparedLoop.of(LAKE, SETTINGS.withRecipe(SETTINGS.recipe().withParticles(Particles.SNOW)), loader);
             Mat under = new Mat(); Mat over = new Mat(); Mat wrapped = new Mat()) {
            int n = snowy.timing().frames();
            snowy.render(0, over);
            snowy.render(n, wrapped);
            assertThat(equal(over, wrapped)).as("frame N equals frame 0").isTrue();

            plain.render(7, under);
            snowy.render(7, over);
            int changed = 0;
            int darker = 0;
            try (UByteIndexer a = under.createIndexer(); UByteIndexer b = over.createIndexer()) {
                for (int y = 0; y < under.rows(); y++) {
                    for (int x = 0; x < under.cols(); x++) {
                        boolean differs = false;
                        for (int c = 0; c < 3; c++) {
                            int before = a.get(y, x, c);
                            int after = b.get(y, x, c);
                            if (after < before) darker++;
                            differs |= after != before;
                        }
                        if (differs) changed++;
                    }
                }
            }
            assertThat(darker).as("snow never darkens").isZero();
            assertThat((double) changed / under.total()).as("share of pixels with snow").isBetween(0.005, 0.2);
        }
    }

    private static boolean equal(Mat a, Mat b) {
        try (Mat diff = new Mat(); Mat flat = new Mat()) {
            absdiff(a, b, diff);
            diff.reshape(1, 0).copyTo(flat);
            return countNonZero(flat) == 0;
        }
    }
}
