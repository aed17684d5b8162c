package io.imageloop.engine.source;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.Samples;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

class PhotoLoaderTest {

    @TempDir
    Path dir;

    @Test
    void exifQuarterTurnsSwapWidthAndHeight() {
        try (Mat stored = new Mat(20, 40, CV_8UC3); Mat upright = PhotoLoader.upright(stored.clone(), 6)) {
            assertThat(upright.cols()).isEqualTo(20);
            assertThat(upright.rows()).isEqualTo(40);
        }
        PhotoProbe probe = new PhotoProbe(io.imageloop.engine.media.MediaType.JPEG, 4000, 3000, 8);
        assertThat(probe.width()).isEqualTo(3000);
        assertThat(probe.height()).isEqualTo(4000);
    }

    @Test
    void bigJpegsAreDecodedReducedButStillCoverTheFrame() {
        Path lake = Samples.path("lake-boats-sunset-clouds.jpg"); // 2560x1600
        try (Photo photo = new PhotoLoader().load(lake, 640, 360)) {
            assertThat(photo.width()).isEqualTo(640); // libjpeg's 1/4 scale: 640x400 still covers 640x360
            assertThat(photo.height()).isEqualTo(400);
        }
        try (Photo photo = new PhotoLoader().load(lake, 1920, 1080)) {
            assertThat(photo.width()).isEqualTo(2560);
        }
    }

    @Test
    void everyStillFormatIsRecognisedByContent() throws Exception {
        try (Photo source = new PhotoLoader().load(Samples.path("coffee-cup.jpg"), 100, 100)) {
            for (String ext : new String[] {"png", "webp", "bmp"}) {
                Path file = dir.resolve("cup." + ext);
                imwrite(file.toString(), source.pixels());
                Path misnamed = dir.resolve("really-" + ext + ".jpg");
                Files.copy(file, misnamed);
                try (Photo photo = new PhotoLoader().load(misnamed, 100, 100)) {
                    assertThat(photo.probe().format().name()).isEqualToIgnoringCase(ext);
                    assertThat(photo.width()).isEqualTo(source.width());
                }
            }
        }
    }

    @Test
    void fakeHeicGivesAClearError() throws Exception {
        Path file = dir.resolve("photo.heic");
        byte[] head = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'};
        Files.write(file, head);
        assertThatThrownBy(() -> new PhotoLoader().load(file, 100, 100))
                .isInstanceOf(LoopException.class)
                .hasMessageContaining("photo.heic");
    }
}
