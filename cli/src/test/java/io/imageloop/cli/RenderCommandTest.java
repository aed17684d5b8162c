package io.imageloop.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RenderCommandTest {

    static final Path EXAMPLE = MakeCommandTest.sample("../examples/lake-title-music.json").normalize();

    @TempDir
    Path dir;

    @Test
    void dryRunValidatesAndSummarises() {
        MakeCommandTest.Run run = MakeCommandTest.run("render", EXAMPLE.toString(), "--dry-run");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Timeline (3 tracks): 1. Video: lake (0-12s) 2. BGM: Frozen-Bubble intro (0-12s, 80%)");
    }

    @Test
    void rendersTheExampleDraft() {
        Path out = dir.resolve("lake.mp4");
        MakeCommandTest.Run run = MakeCommandTest.run("render", EXAMPLE.toString(), "-o", out.toString(), "--resolution", "144", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(out).isRegularFile();
    }

    @Test
    void aBrokenDraftNamesTheField() throws Exception {
        Path draft = dir.resolve("bad.json");
        Files.writeString(draft, "{\"v\":1,\"d\":3000,\"m\":{\"aspect\":\"16:9\",\"fps\":30},\"t\":[{\"tt\":7,\"sg\":[{\"s\":0,\"d\":-5,\"m\":{\"text\":\"Hi\"}}]}]}");
        MakeCommandTest.Run run = MakeCommandTest.run("render", draft.toString(), "--dry-run");
        assertThat(run.code()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("t[0].sg[0].d");
    }
}
