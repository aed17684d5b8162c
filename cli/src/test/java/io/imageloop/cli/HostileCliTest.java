package io.imageloop.cli;

import io.imageloop.engine.media.HostileMedia;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line against hostile input: damaged, mislabelled and declared-huge files, options
 * out of range, drafts built to exhaust memory. Every case ends with a usage, input or output
 * exit code and one plain line: no crash (exit 70), no stack trace, no file left behind, and the
 * heap no larger at the end than a render needs.
 */
class HostileCliTest {

    @TempDir
    static Path work;
    static Path photo;
    static long heapBefore;

    @BeforeAll
    static void prepare() throws Exception {
        photo = Files.copy(MakeCommandTest.LAKE, work.resolve("p.jpg"));
        heapBefore = usedHeap();
    }

    @AfterAll
    static void heapIsBounded() {
        assertThat(usedHeap() - heapBefore).as("heap kept after all hostile cases").isLessThan(96L << 20);
    }

    static Stream<Arguments> refusedFiles() {
        return HostileMedia.refused().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "make {0}")
    @MethodSource("refusedFiles")
    void hostileFilesAreRefusedAsBadInput(String name, byte[] content) throws Exception {
        Path dir = Files.createDirectories(work.resolve("f-" + name));
        Files.write(dir.resolve(name), content);
        MakeCommandTest.Run run = MakeCommandTest.run("make", dir.resolve(name).toString(), "-o", dir.resolve("out.mp4").toString());
        assertClean(run, Main.BAD_INPUT);
        assertThat(listing(dir)).containsExactly(name);
    }

    static Stream<Arguments> refusedMasks() {
        return HostileMedia.refused().entrySet().stream().filter(e -> e.getKey().matches("(declared|corrupt|bad|cut-50|text|empty|scan).*"))
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "--freeze-mask {0}")
    @MethodSource("refusedMasks")
    void hostileFreezeMasksAreRefusedBeforeRendering(String name, byte[] content) throws Exception {
        Path dir = Files.createDirectories(work.resolve("m-" + name));
        Files.write(dir.resolve(name), content);
        MakeCommandTest.Run run = MakeCommandTest.run("make", photo.toString(), "-o", dir.resolve("out.mp4").toString(),
                "--freeze-mask", dir.resolve(name).toString());
        assertClean(run, Main.BAD_INPUT);
        assertThat(listing(dir)).containsExactly(name);
    }

    static Stream<Arguments> oddFiles() {
        return HostileMedia.odd().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "make {0}")
    @MethodSource("oddFiles")
    void oddFilesEitherLoopOrAreRefusedCleanly(String name, byte[] content) throws Exception {
        Path dir = Files.createDirectories(work.resolve("o-" + name));
        Files.write(dir.resolve(name), content);
        MakeCommandTest.Run run = MakeCommandTest.run("make", dir.resolve(name).toString(), "-o", dir.resolve("out.mp4").toString(),
                "--resolution", "144", "--duration", "1", "--fps", "10", "--style", "camera", "-q");
        assertNoCrash(run);
        if (run.code() == 0) assertThat(listing(dir)).containsExactlyInAnyOrder(name, "out.mp4");
        else assertThat(listing(dir)).containsExactly(name);
    }

    static Stream<Arguments> badOptions() {
        List<String[]> cases = new ArrayList<>();
        for (String v : List.of("1e9", "-1", "0", "NaN", "abc", "Infinity")) cases.add(new String[] {"--strength", v});
        for (String v : List.of("0", "-1", "1e9", "NaN", "1000", "x")) cases.add(new String[] {"--fps", v});
        for (String v : List.of("0", "-5", "1e9", "NaN", "100000", "6s")) cases.add(new String[] {"--duration", v});
        for (String v : List.of("0", "-1", "100000", "2147483647", "abc")) cases.add(new String[] {"--resolution", v});
        for (String v : List.of("0:0", "1:0", "abc", "99999:1", "-16:9")) cases.add(new String[] {"--aspect", v});
        for (String v : List.of("bad", "2,2:3,3", "NaN,0:0,0", "", "0.1,0.1:0.1,0.1:0.2,0.2")) cases.add(new String[] {"--arrow", v});
        for (String v : List.of("0,0,2,2", "-1,0,0.5,0.5", "a,b,c,d", "0,0,0,0", "0.5")) cases.add(new String[] {"--freeze", v});
        for (String v : List.of("exe", "mov", "")) cases.add(new String[] {"--format", v});
        cases.add(new String[] {"--style", "bogus"});
        cases.add(new String[] {"--direction", "sideways"});
        cases.add(new String[] {"--region", "middle"});
        cases.add(new String[] {"--camera-move", "spin"});
        cases.add(new String[] {"--particles", "fire"});
        cases.add(new String[] {"--quality", "ultra"});
        cases.add(new String[] {"--seed", "abc"});
        cases.add(new String[] {"--depth", "/nonexistent/depth.png", "--style", "parallax"});
        cases.add(new String[] {"--motion", "/nonexistent/spec.json"});
        cases.add(new String[] {"--freeze-mask", "/nonexistent/mask.png"});
        cases.add(new String[] {"--save-motion", "/nonexistent/dir/spec.json"});
        cases.add(new String[] {"--no-such-option"});
        return cases.stream().map(a -> Arguments.of(String.join(" ", a), a));
    }

    @ParameterizedTest(name = "make p.jpg {0}")
    @MethodSource("badOptions")
    void optionsOutOfRangeAreRefusedBeforeAnyWork(String label, String[] option) throws Exception {
        Path dir = Files.createDirectories(work.resolve("opt-" + Integer.toHexString(label.hashCode())));
        List<String> args = new ArrayList<>(List.of("make", photo.toString(), "-o", dir.resolve("out.mp4").toString()));
        args.addAll(Arrays.asList(option));
        long start = System.nanoTime();
        MakeCommandTest.Run run = MakeCommandTest.run(args.toArray(String[]::new));
        assertThat(run.code()).as(label + ": " + run.err()).isIn(Main.USAGE, Main.BAD_INPUT, Main.BAD_OUTPUT);
        assertNoCrash(run);
        assertThat(System.nanoTime() - start).as("refused before rendering").isLessThan(5_000_000_000L);
        assertThat(listing(dir)).isEmpty();
    }

    static Stream<Arguments> badInvocations() {
        Path missing = Path.of("/nonexistent/p.jpg");
        return Stream.of(
                Arguments.of("no photo", new String[] {"make"}),
                Arguments.of("missing photo", new String[] {"make", missing.toString()}),
                Arguments.of("a folder", new String[] {"make", "%WORK%"}),
                Arguments.of("output is the input", new String[] {"make", "%PHOTO%", "-o", "%PHOTO%"}),
                Arguments.of("several photos, one file", new String[] {"make", "%PHOTO%", "%PHOTO%", "-o", "%DIR%/x.mp4"}),
                Arguments.of("output in a missing folder", new String[] {"make", "%PHOTO%", "-o", "/nonexistent/dir/out.mp4"}),
                Arguments.of("spec onto the photo", new String[] {"make", "%PHOTO%", "-o", "%DIR%/o.mp4", "--save-motion", "%PHOTO%"}),
                Arguments.of("unknown command", new String[] {"explode"}),
                Arguments.of("render a missing draft", new String[] {"render", "/nonexistent/draft.json"}),
                Arguments.of("render onto the draft", new String[] {"render", "%DRAFT%", "-o", "%DRAFT%"}),
                Arguments.of("credits without amount", new String[] {"credits", "grant", "someone", "--data-dir", "%DIR%"}),
                Arguments.of("credits of nobody", new String[] {"credits", "balance", "nobody", "--data-dir", "%DIR%"}),
                Arguments.of("credits negative", new String[] {"credits", "grant", "someone", "-5", "--data-dir", "%DIR%"}),
                Arguments.of("serve bad port", new String[] {"serve", "--port", "99999"}),
                Arguments.of("serve bad workers", new String[] {"serve", "--workers", "-3"}),
                Arguments.of("serve bad storage", new String[] {"serve", "--storage", "ftp://nowhere"}),
                Arguments.of("worker on H2", new String[] {"worker", "--data-dir", "%DIR%"}),
                Arguments.of("serve without workers on H2", new String[] {"serve", "--workers", "0", "--port", "0", "--data-dir", "%DIR%"}),
                Arguments.of("worker with no workers", new String[] {"worker", "--workers", "0", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInvocations")
    void badInvocationsAreRefusedWithOneLine(String label, String[] template) throws Exception {
        Path dir = Files.createDirectories(work.resolve("inv-" + Integer.toHexString(label.hashCode())));
        Path draft = Files.writeString(dir.resolve("d.json"), "{\"v\":1,\"d\":1000,\"t\":[{\"tt\":0,\"sg\":[{\"s\":0,\"d\":1000,\"m\":{\"media\":\"../p.jpg\"}}]}]}");
        String[] args = Arrays.stream(template).map(a -> a.replace("%PHOTO%", photo.toString()).replace("%WORK%", work.toString())
                .replace("%DIR%", dir.toString()).replace("%DRAFT%", draft.toString())).toArray(String[]::new);
        MakeCommandTest.Run run = MakeCommandTest.run(args);
        assertThat(run.code()).as(label + ": " + run.err()).isIn(Main.USAGE, Main.BAD_INPUT, Main.BAD_OUTPUT, Main.FAILED);
        assertNoCrash(run);
        assertThat(listing(dir)).as(label).containsExactly("d.json");
        assertThat(Files.readAllBytes(photo)).isEqualTo(Files.readAllBytes(MakeCommandTest.LAKE));
    }

    static Stream<Arguments> hostileDrafts() {
        String seg = "{\"s\":0,\"d\":1000,\"m\":{\"media\":\"p.jpg\"}}";
        java.util.Map<String, String> d = new java.util.LinkedHashMap<>();
        d.put("not JSON", "this is not json");
        d.put("an array", "[]");
        d.put("null", "null");
        d.put("a cut-off object", "{\"v\":1,\"t\":[");
        d.put("deep nesting", "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000));
        d.put("deep arrays", "[".repeat(200_000));
        d.put("a million segments", DraftLimitsFixtures.segments(1_000_000));
        d.put("600 segments", DraftLimitsFixtures.segments(600));
        d.put("400 overlapping segments", DraftLimitsFixtures.overlapping(400));
        d.put("60 tracks", "{\"v\":1,\"t\":[" + String.join(",", java.util.Collections.nCopies(60, "{\"tt\":7,\"sg\":[]}")) + "]}");
        d.put("a megabyte of text", DraftLimitsFixtures.text("x".repeat(1 << 20)));
        d.put("600 characters of text", DraftLimitsFixtures.text("y".repeat(600)));
        d.put("500 lines of text", DraftLimitsFixtures.text("a\\n".repeat(240)));
        d.put("emoji text", DraftLimitsFixtures.text("\uD83D\uDE00".repeat(501)));
        d.put("unknown track type", "{\"v\":1,\"t\":[{\"tt\":99,\"sg\":[" + seg + "]}]}");
        d.put("version 99", "{\"v\":99,\"t\":[{\"tt\":0,\"sg\":[" + seg + "]}]}");
        d.put("negative start", "{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[{\"s\":-5,\"d\":1000,\"m\":{\"media\":\"p.jpg\"}}]}]}");
        d.put("negative duration", "{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[{\"s\":0,\"d\":-1000,\"m\":{\"media\":\"p.jpg\"}}]}]}");
        d.put("endless duration", "{\"v\":1,\"d\":1e15,\"t\":[{\"tt\":0,\"sg\":[{\"s\":0,\"d\":1e15,\"m\":{\"media\":\"p.jpg\"}}]}]}");
        d.put("number too big", "{\"v\":1,\"d\":1e400,\"t\":[]}");
        d.put("duration as text", "{\"v\":1,\"d\":\"6000\",\"t\":[{\"tt\":0,\"sg\":[" + seg + "]}]}");
        d.put("fps zero", "{\"v\":1,\"m\":{\"fps\":0},\"t\":[{\"tt\":0,\"sg\":[" + seg + "]}]}");
        d.put("fps huge", "{\"v\":1,\"m\":{\"fps\":100000},\"t\":[{\"tt\":0,\"sg\":[" + seg + "]}]}");
        d.put("aspect zero", "{\"v\":1,\"m\":{\"aspect\":\"0:0\"},\"t\":[{\"tt\":0,\"sg\":[" + seg + "]}]}");
        d.put("media escaping the folder", media("../../../../../../etc/passwd"));
        d.put("media a device", media("/dev/zero"));
        d.put("media a folder", media("/etc"));
        d.put("media missing", media("missing.jpg"));
        d.put("media declared huge", media("huge.png"));
        d.put("media corrupt", media("corrupt.png"));
        d.put("media empty", media(""));
        d.put("strength 1e9", "{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[{\"s\":0,\"d\":1000,\"m\":{\"media\":\"p.jpg\",\"strength\":1e9}}]}]}");
        d.put("loop of a trillion ms", "{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[{\"s\":0,\"d\":1000,\"m\":{\"media\":\"p.jpg\",\"loop_ms\":1e12}}]}]}");
        d.put("volume 1e9", "{\"v\":1,\"t\":[{\"tt\":1,\"sg\":[{\"s\":0,\"d\":1000,\"m\":{\"media\":\"p.jpg\",\"volume\":1e9}}]}]}");
        d.put("text size 99", "{\"v\":1,\"d\":1000,\"t\":[{\"tt\":7,\"sg\":[{\"s\":0,\"d\":1000,\"m\":{\"text\":\"hi\",\"size\":99}}]}]}");
        d.put("text outside", "{\"v\":1,\"d\":1000,\"t\":[{\"tt\":7,\"sg\":[{\"s\":0,\"d\":1000,\"m\":{\"text\":\"hi\",\"x\":5,\"y\":-3}}]}]}");
        d.put("bad colour", "{\"v\":1,\"d\":1000,\"t\":[{\"tt\":7,\"sg\":[{\"s\":0,\"d\":1000,\"m\":{\"text\":\"hi\",\"color\":\"#zzzzzz\"}}]}]}");
        d.put("unknown kind", "{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[{\"s\":0,\"d\":1000,\"m\":{\"media\":\"p.jpg\",\"kind\":\"bomb\"}}]}]}");
        d.put("segment a number", "{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[42]}]}");
        d.put("tracks an object", "{\"v\":1,\"t\":{}}");
        d.put("nothing to render", "{\"v\":1,\"d\":0,\"t\":[]}");
        return d.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static String media(String ref) {
        return "{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[{\"s\":0,\"d\":1000,\"m\":{\"media\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(ref) + "}}]}]}";
    }

    @ParameterizedTest(name = "render a draft with {0}")
    @MethodSource("hostileDrafts")
    void hostileDraftsAreRefusedWithOneShortLine(String label, String json) throws Exception {
        Path dir = Files.createDirectories(work.resolve("d-" + Integer.toHexString(label.hashCode())));
        Files.copy(photo, dir.resolve("p.jpg"));
        Files.write(dir.resolve("huge.png"), HostileMedia.pngDeclaring(60000, 60000));
        Files.write(dir.resolve("corrupt.png"), HostileMedia.pngCorruptData(32, 32));
        Path draft = Files.writeString(dir.resolve("draft.json"), json);
        long start = System.nanoTime();
        MakeCommandTest.Run run = MakeCommandTest.run("render", draft.toString(), "-o", dir.resolve("out.mp4").toString(), "--resolution", "144");
        assertThat(run.code()).as(label + ": " + run.err()).isIn(Main.USAGE, Main.BAD_INPUT, Main.BAD_OUTPUT);
        assertNoCrash(run);
        assertThat(run.err().length()).as("a short message").isLessThan(1200);
        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
        assertThat(listing(dir)).containsExactlyInAnyOrder("p.jpg", "huge.png", "corrupt.png", "draft.json");
    }

    static void assertClean(MakeCommandTest.Run run, int code) {
        assertThat(run.code()).as(run.err()).isEqualTo(code);
        assertNoCrash(run);
        assertThat(run.err().lines().toList()).hasSize(1);
    }

    static void assertNoCrash(MakeCommandTest.Run run) {
        assertThat(run.code()).as(run.err()).isNotEqualTo(Main.INTERNAL);
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("Error:");
        List<String> lines = run.err().lines().toList();
        assertThat(lines.size()).as(run.err()).isLessThanOrEqualTo(2);
        if (!lines.isEmpty()) assertThat(lines.get(0)).startsWith("imageloop: ");
        if (lines.size() == 2) assertThat(lines.get(1)).startsWith("Try '");
    }

    static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    static long usedHeap() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Draft texts shared with the timeline tests' shapes. */
    static final class DraftLimitsFixtures {
        static String segments(int n) {
            StringBuilder sb = new StringBuilder(40 * n + 64).append("{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[");
            for (int i = 0; i < n; i++) sb.append(i > 0 ? "," : "").append("{\"s\":").append(i * 10).append(",\"d\":10,\"m\":{\"media\":\"p.jpg\"}}");
            return sb.append("]}]}").toString();
        }

        static String overlapping(int n) {
            StringBuilder sb = new StringBuilder("{\"v\":1,\"d\":1000,\"t\":[{\"tt\":0,\"sg\":[");
            for (int i = 0; i < n; i++) sb.append(i > 0 ? "," : "").append("{\"s\":0,\"d\":1000,\"m\":{\"media\":\"p.jpg\"}}");
            return sb.append("]}]}").toString();
        }

        static String text(String t) {
            return "{\"v\":1,\"d\":1000,\"t\":[{\"tt\":0,\"sg\":[{\"s\":0,\"d\":1000,\"m\":{\"media\":\"p.jpg\"}}]},{\"tt\":7,\"sg\":[{\"s\":0,\"d\":1000,\"m\":{\"text\":"
                    + com.fasterxml.jackson.databind.node.TextNode.valueOf(t) + "}}]}]}";
        }
    }

    static Map<String, String> env() {
        return Map.of();
    }
}
