package io.imageloop.cli;

import io.imageloop.engine.media.HostileMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing the user has is destroyed, and nothing is left behind by a run that fails or is stopped. */
class NothingLostTest {

    @TempDir
    Path dir;

    @Test
    void anOutputThatIsTheInputPhotoIsRefusedBeforeAnyWork() throws Exception {
        Path photo = Files.copy(MakeCommandTest.LAKE, dir.resolve("p.jpg"));
        byte[] before = Files.readAllBytes(photo);
        MakeCommandTest.Run same = MakeCommandTest.run("make", photo.toString(), "-o", photo.toString());
        assertThat(same.code()).isEqualTo(Main.BAD_OUTPUT);
        assertThat(same.err().strip()).startsWith("imageloop: the output").contains("is the input").doesNotContain("\n");
        Path relative = dir.resolve("sub");
        Files.createDirectories(relative);
        MakeCommandTest.Run dotted2 = MakeCommandTest.run("make", photo.toString(), "-o", relative.resolve("../p.jpg").toString());
        assertThat(dotted2.code()).isEqualTo(Main.BAD_OUTPUT);
        Path hard = Files.createLink(dir.resolve("hard.mp4"), photo);
        MakeCommandTest.Run linked = MakeCommandTest.run("make", photo.toString(), "-o", hard.toString());
        assertThat(linked.code()).isEqualTo(Main.BAD_OUTPUT);
        assertThat(linked.err()).contains("is the input");
        Path soft = Files.createSymbolicLink(dir.resolve("soft.mp4"), photo);
        assertThat(MakeCommandTest.run("make", photo.toString(), "-o", soft.toString()).code()).isEqualTo(Main.BAD_OUTPUT);
        assertThat(Files.readAllBytes(photo)).isEqualTo(before);
        assertThat(listing()).containsExactlyInAnyOrder("p.jpg", "sub", "hard.mp4", "soft.mp4");
    }

    @Test
    void sideFilesMayNotOverwriteInputsEither() throws Exception {
        Path photo = Files.copy(MakeCommandTest.LAKE, dir.resolve("lake.jpg"));
        // A mask named like the one the plan writes for the sky is an input: the plan's goes elsewhere.
        byte[] painted = HostileMedia.png(32, 18);
        Path mask = Files.write(dir.resolve("out.sky.png"), painted);
        MakeCommandTest.Run run = MakeCommandTest.run("make", photo.toString(), "-o", dir.resolve("out.mp4").toString(),
                "--style", "auto", "--freeze-mask", mask.toString(), "--resolution", "144", "--duration", "1");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Files.readAllBytes(mask)).as("the input mask").isEqualTo(painted);
        MakeCommandTest.Run onSpec = MakeCommandTest.run("make", photo.toString(), "-o", dir.resolve("y.mp4").toString(),
                "--style", "auto", "--motion", dir.resolve("y.motion.json").toString());
        assertThat(onSpec.code()).as("an input spec is not overwritten by the plan's").isNotZero();
        MakeCommandTest.Run spec = MakeCommandTest.run("make", photo.toString(), "-o", dir.resolve("x.mp4").toString(),
                "--save-motion", photo.toString());
        assertThat(spec.code()).isEqualTo(Main.BAD_OUTPUT);
        assertThat(Files.readAllBytes(photo)).isEqualTo(Files.readAllBytes(MakeCommandTest.LAKE));
    }

    @Test
    void renderOntoTheDraftsOwnPhotoIsRefused() throws Exception {
        Path photo = Files.copy(MakeCommandTest.LAKE, dir.resolve("lake.jpg"));
        Path draft = Files.writeString(dir.resolve("draft.json"),
                "{\"v\":1,\"d\":2000,\"t\":[{\"tt\":0,\"sg\":[{\"s\":0,\"d\":2000,\"m\":{\"media\":\"lake.jpg\"}}]}]}");
        MakeCommandTest.Run run = MakeCommandTest.run("render", draft.toString(), "-o", photo.toString());
        assertThat(run.code()).isEqualTo(Main.BAD_OUTPUT);
        assertThat(run.err()).contains("is the input");
        MakeCommandTest.Run onDraft = MakeCommandTest.run("render", draft.toString(), "-o", draft.toString(), "--format", "mp4");
        assertThat(onDraft.code()).isNotZero();
        assertThat(Files.readAllBytes(photo)).isEqualTo(Files.readAllBytes(MakeCommandTest.LAKE));
        assertThat(Files.readString(draft)).startsWith("{\"v\":1");
    }

    @Test
    void strengthOutsideItsRangeIsRefusedNotClamped() {
        for (String s : new String[] {"1e9", "0", "-1", "5.01", "NaN", "Infinity"}) {
            MakeCommandTest.Run run = MakeCommandTest.run("make", MakeCommandTest.LAKE.toString(), "-o", dir.resolve("s.mp4").toString(),
                    "--strength", s);
            assertThat(run.code()).as(s).isEqualTo(Main.USAGE);
            assertThat(run.err()).as(s).contains("--strength must be above 0 and at most 5");
        }
        assertThat(dir.resolve("s.mp4")).doesNotExist();
    }

    @Test
    void saveMotionIntoAMissingFolderFailsBeforeRendering() throws Exception {
        long start = System.nanoTime();
        MakeCommandTest.Run run = MakeCommandTest.run("make", MakeCommandTest.LAKE.toString(), "-o", dir.resolve("out.mp4").toString(),
                "--save-motion", dir.resolve("missing/spec.json").toString());
        assertThat(run.code()).isEqualTo(Main.BAD_OUTPUT);
        assertThat(run.err()).contains("does not exist");
        assertThat(System.nanoTime() - start).as("refused before any work").isLessThan(5_000_000_000L);
        assertThat(listing()).isEmpty();
    }

    @Test
    void aHugeFreezeMaskIsRefusedWithOurOwnLine() throws Exception {
        Path mask = Files.write(dir.resolve("mask.png"), HostileMedia.pngDeclaring(60000, 60000));
        MakeCommandTest.Run run = MakeCommandTest.run("make", MakeCommandTest.LAKE.toString(), "-o", dir.resolve("out.mp4").toString(),
                "--freeze-mask", mask.toString());
        assertThat(run.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("imageloop: mask.png is too large: it is 60000x60000 (3600 MP); the limit is 120 MP");
    }

    /** The native libraries print nothing ahead of our line, even without the launcher's OPENCV_LOG_LEVEL. */
    @Test
    void damagedInputGivesOneLineAndNoNativeLogs() throws Exception {
        Files.write(dir.resolve("corrupt.png"), HostileMedia.pngCorruptData(64, 64));
        Files.write(dir.resolve("cut.jpg"), HostileMedia.truncated(HostileMedia.jpeg(64, 64), 0.5));
        Files.write(dir.resolve("big.png"), HostileMedia.pngDeclaring(60000, 60000));
        Files.write(dir.resolve("junk.mp4"), HostileMedia.isoJunk("isom"));
        Files.write(dir.resolve("cut.gif"), HostileMedia.truncated(HostileMedia.gif(64, 64), 0.6));
        for (String input : new String[] {"corrupt.png", "cut.jpg", "big.png", "junk.mp4", "cut.gif"}) {
            Subprocess.Result r = Subprocess.run(dir, "make", input, "-o", "out.mp4");
            assertThat(r.code()).as(input).isEqualTo(Main.BAD_INPUT);
            assertThat(r.err().lines().toList()).as(input + ": " + r.err()).hasSize(1);
            assertThat(r.err()).startsWith("imageloop: " + input);
        }
        assertThat(listing()).containsExactlyInAnyOrder("corrupt.png", "cut.jpg", "big.png", "junk.mp4", "cut.gif");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalMidRenderLeavesNothingBehind(String signal) throws Exception {
        Path photo = Files.copy(MakeCommandTest.LAKE, dir.resolve("lake.jpg"));
        Process p = Subprocess.start(dir, Map.of(), "make", photo.getFileName().toString(), "-o", "out.mp4", "--resolution", "720",
                "--duration", "10", "--style", "auto", "-q");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (p.isAlive() && partials().isEmpty() && System.nanoTime() < end) Thread.sleep(20);
        assertThat(partials()).as("the render got to encoding").isNotEmpty();
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Subprocess.finished(dir, p);
        assertThat(listing()).containsExactly("lake.jpg");
    }

    private java.util.List<String> partials() throws Exception {
        return listing().stream().filter(n -> n.endsWith(".partial")).toList();
    }

    private java.util.List<String> listing() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> !n.equals(".stdout") && !n.equals(".stderr")).toList();
        }
    }
}
