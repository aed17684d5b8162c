package io.imageloop.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a user meets it: exit codes, one-line errors, nothing half-written. */
class MakeCommandTest {

    static final Path LAKE = sample("lake-boats-sunset-clouds.jpg");

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void makesALoopAndPrintsTheLoopReport() {
        Path out = dir.resolve("lake.mp4");
        Run run = run("make", LAKE.toString(), "-o", out.toString(), "--resolution", "240", "--duration", "1", "--contact-sheet");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(out).isRegularFile();
        assertThat(dir.resolve("lake.sheet.png")).isRegularFile();
        assertThat(run.out()).contains("seam ratio").contains("30 frames");
    }

    @Test
    void withoutMotionOptionsTheMotionFollowsThePhoto() {
        Run cup = run("make", sample("coffee-cup.jpg").toString(), "-o", dir.resolve("cup.mp4").toString(), "--resolution", "144",
                "--duration", "1");
        assertThat(cup.code()).as(cup.err()).isZero();
        assertThat(cup.out()).contains("nothing that flows or sways").contains("camera zoom");
        Run drift = run("make", LAKE.toString(), "--region", "lower", "-o", dir.resolve("drift.mp4").toString(), "--resolution", "144",
                "--duration", "1");
        assertThat(drift.out()).as("any motion option means the user chose").contains("drift right in the lower part");
    }

    @Test
    void severalPhotosGoToAFolder() {
        Run run = run("make", LAKE.toString(), sample("coffee-cup.jpg").toString(), "-o", dir.toString(),
                "--resolution", "144", "--duration", "1", "--fps", "10", "--style", "camera", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(dir.resolve("lake-boats-sunset-clouds-loop.mp4")).isRegularFile();
        assertThat(dir.resolve("coffee-cup-loop.mp4")).isRegularFile();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void autoSavesAnEditablePlanThatRendersAgain() {
        Path out = dir.resolve("auto.mp4");
        Run run = run("make", LAKE.toString(), "--style", "auto", "-o", out.toString(), "--resolution", "240", "--duration", "1");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("sky ").contains("drifts right").contains("motion spec:");
        Path spec = dir.resolve("auto.motion.json");
        assertThat(spec).isRegularFile();
        assertThat(dir.resolve("auto.sky.png")).as("the sky the plan found, as an editable mask").isRegularFile();
        Run again = run("make", LAKE.toString(), "--motion", spec.toString(), "-o", dir.resolve("again.mp4").toString(),
                "--resolution", "240", "--duration", "1");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("drift right in sky");
    }

    @Test
    void arrowsAndFreezeAreasFromFlags() {
        Run run = run("make", LAKE.toString(), "--arrow", "0.1,0.75:0.5,0.75", "--anchor", "0.5,0.5", "--freeze", "0.3,0.6,0.3,0.3",
                "-o", dir.resolve("arrows.mp4").toString(), "--resolution", "240", "--duration", "1");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 arrow, 1 anchor").contains("holding 1 rectangle still");
        assertFails(2, "arrow", "make", LAKE.toString(), "--arrow", "0.1,0.2");
        assertFails(2, "fractions", "make", LAKE.toString(), "--freeze", "0.5,0.5,0.9,0.9");
        assertFails(2, "camera move alone", "make", LAKE.toString(), "--style", "camera", "--freeze", "0.1,0.1,0.2,0.2");
    }

    @Test
    void clipsAndParticles() {
        Path out = dir.resolve("plaza.mp4");
        Run clip = run("make", sample("pedestrians-plaza.mp4").toString(), "-o", out.toString(), "--resolution", "144", "--duration", "2", "-q");
        assertThat(clip.code()).as(clip.err()).isZero();
        assertThat(out).isRegularFile();
        Run snow = run("make", LAKE.toString(), "--style", "camera", "--particles", "snow", "-o", dir.resolve("snow.mp4").toString(),
                "--resolution", "144", "--duration", "1");
        assertThat(snow.code()).as(snow.err()).isZero();
        assertThat(snow.out()).contains("snow");
        assertFails(2, "unknown particles", "make", LAKE.toString(), "--particles", "confetti");
    }

    @Test
    void missingFile() {
        assertFails(3, "no such file", "make", dir.resolve("nope.jpg").toString(), "-o", dir.resolve("x.mp4").toString());
    }

    @Test
    void notAnImageEvenWithAPhotoName() throws IOException {
        Path fake = dir.resolve("holiday.jpg");
        Files.writeString(fake, "this is a text file, not a photo");
        assertFails(3, "neither a photo", "make", fake.toString(), "-o", dir.resolve("x.mp4").toString());
    }

    @Test
    void truncatedJpeg() throws IOException {
        byte[] bytes = Files.readAllBytes(LAKE);
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertFails(3, "truncated", "make", cut.toString(), "-o", dir.resolve("x.mp4").toString());
    }

    @Test
    void decompressionBombIsRefusedBeforeDecoding() throws IOException {
        Path bomb = dir.resolve("bomb.png");
        Files.write(bomb, pngHeader(40_000, 40_000));
        assertFails(3, "limit is 120 MP", "make", bomb.toString(), "-o", dir.resolve("x.mp4").toString());
    }

    @Test
    void badOptionValues() {
        assertFails(2, "unknown style", "make", LAKE.toString(), "--style", "wobble");
        assertFails(2, "aspect ratio", "make", LAKE.toString(), "--aspect", "3:2");
        assertFails(2, "duration", "make", LAKE.toString(), "--duration", "-1");
        assertFails(2, "Invalid value", "make", LAKE.toString(), "--fps", "fast");
        assertFails(2, "--format is", "make", LAKE.toString(), "--format", "webm", "-o", dir.resolve("a.gif").toString());
    }

    @Test
    void outputFolderNotWritable() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (Files.isWritable(locked)) return; // running as root: permissions do not bind
            assertFails(4, "not writable", "make", LAKE.toString(), "-o", locked.resolve("x.mp4").toString());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void outputFolderMissing() {
        assertFails(4, "does not exist", "make", LAKE.toString(), "-o", dir.resolve("no/such/dir/x.mp4").toString());
    }

    @Test
    void aFailedRenderLeavesNoPartialFileAndKeepsTheOldOne() throws IOException {
        Path out = dir.resolve("keep.mp4");
        Files.writeString(out, "an earlier result");
        byte[] bytes = Files.readAllBytes(LAKE);
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, Arrays.copyOf(bytes, 5000));
        run("make", cut.toString(), "-o", out.toString());
        assertThat(Files.readString(out)).isEqualTo("an earlier result");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
        }
    }

    @Test
    void helpHasExamples() {
        Run run = run("make", "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Examples:").contains("--style");
    }

    private static void assertFails(int code, String message, String... args) {
        Run run = run(args);
        assertThat(run.code()).as(run.err()).isEqualTo(code);
        assertThat(run.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().lines().filter(l -> l.startsWith("imageloop:")).count()).isEqualTo(1);
    }

    /** A valid PNG signature, IHDR and IEND claiming a huge size: no pixel data at all. */
    static byte[] pngHeader(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes()).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        b.putInt(13).put(ihdr.array()).putInt(crc(ihdr.array()));
        b.putInt(0).put("IEND".getBytes()).putInt(crc("IEND".getBytes()));
        return b.array();
    }

    private static int crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return (int) crc.getValue();
    }

    static Path sample(String name) {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("samples"))) d = d.getParent();
        return d.resolve("samples").resolve(name);
    }
}
