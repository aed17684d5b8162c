package io.imageloop.engine.clip;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Clips that cannot be looped are refused with a message a person can act on. */
class BadClipTest {

    static final LoopSettings SETTINGS = LoopSettings.defaults().withResolution(240).withSeconds(1.5);

    @TempDir
    Path dir;

    @Test
    void truncatedMp4IsRefused() throws Exception {
        byte[] whole = Files.readAllBytes(Samples.path("pedestrians-plaza.mp4"));
        Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(whole, whole.length * 2 / 5));
        assertRefused(cut, Kind.CORRUPT_INPUT, "cut.mp4 is truncated");
    }

    @Test
    void truncatedAnimatedGifIsRefused() throws Exception {
        Path gif = SyntheticClip.gif(dir.resolve("anim.gif"), 20, 40, k -> SyntheticClip.periodic(k, 20));
        byte[] whole = Files.readAllBytes(gif);
        Path cut = Files.write(dir.resolve("cut.gif"), Arrays.copyOf(whole, whole.length * 3 / 5));
        assertRefused(cut, Kind.CORRUPT_INPUT, "cut.gif is truncated");
    }

    @Test
    void garbageBehindAVideoHeaderIsRefused() throws Exception {
        byte[] bytes = new byte[4096];
        byte[] head = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
        System.arraycopy(head, 0, bytes, 0, head.length);
        for (int i = head.length; i < bytes.length; i++) bytes[i] = (byte) (i * 31);
        Path file = Files.write(dir.resolve("junk.mp4"), bytes);
        assertRefused(file, Kind.CORRUPT_INPUT, "junk.mp4 is truncated or damaged");
    }

    @Test
    void clipWithoutFramesIsRefused() throws Exception {
        Path empty = SyntheticClip.mp4(dir.resolve("empty.mp4"), 10, 0, SyntheticClip::marked, 0);
        assertRefused(empty, Kind.CORRUPT_INPUT, "empty.mp4 cannot be read as a video");
        // the plaza clip keeps its index in front: cut where the pictures begin
        byte[] whole = Files.readAllBytes(Samples.path("pedestrians-plaza.mp4"));
        Path indexOnly = Files.write(dir.resolve("index-only.mp4"), Arrays.copyOf(whole, mdatOffset(whole) + 16));
        assertRefused(indexOnly, Kind.CORRUPT_INPUT, "index-only.mp4 is truncated or damaged: its 'mdat' box runs past the end");
    }

    private static int mdatOffset(byte[] mp4) {
        ByteBuffer b = ByteBuffer.wrap(mp4);
        int pos = 0;
        while (pos + 8 <= mp4.length) {
            int size = b.getInt(pos);
            if (mp4[pos + 4] == 'm' && mp4[pos + 5] == 'd' && mp4[pos + 6] == 'a' && mp4[pos + 7] == 't') return pos;
            pos += size;
        }
        throw new IllegalStateException("no mdat box");
    }

    @Test
    void soundWithoutPictureIsRefused() throws Exception {
        Path sound = SyntheticClip.soundOnly(dir.resolve("sound.m4a"));
        assertRefused(sound, Kind.UNSUPPORTED_FORMAT, "sound.m4a has no video stream");
    }

    @Test
    void clipTooShortToLoopIsRefused() throws Exception {
        Path clip = SyntheticClip.mkv(dir.resolve("short.mkv"), 24, 12, k -> SyntheticClip.periodic(k, 7));
        assertRefused(clip, Kind.UNSUPPORTED_FORMAT, "short.mkv is too short to loop: 0.5 s of video");
    }

    private static void assertRefused(Path file, Kind kind, String message) {
        assertThatThrownBy(() -> ClipLoop.of(file, SETTINGS).close())
                .isInstanceOfSatisfying(LoopException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.getMessage()).startsWith(message);
                });
    }
}
