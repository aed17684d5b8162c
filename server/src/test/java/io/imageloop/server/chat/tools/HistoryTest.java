package io.imageloop.server.chat.tools;

import io.imageloop.server.chat.llm.ToolSpecs;
import io.imageloop.server.store.DraftStore.VersionNote;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryTest {

    @Test
    void undoAndRedoReplayFromTheNotes() {
        List<VersionNote> v = List.of(
                new VersionNote(1, "{\"tools\":[\"make_loops\"]}"),
                new VersionNote(2, "{\"tools\":[\"set_loop_length\"]}"),
                new VersionNote(3, "generate_loop {} (an older note: an edit)"),
                new VersionNote(4, "{\"tools\":[\"undo\"],\"undo\":[3]}"),
                new VersionNote(5, "{\"tools\":[\"undo\"],\"undo\":[2]}"),
                new VersionNote(6, "{\"tools\":[\"redo\"],\"redo\":2}"));
        History.Stacks s = History.replay(v);
        assertThat(s.done()).containsExactly(2, 1);
        assertThat(s.undone()).containsExactly(3);
        List<VersionNote> branched = new java.util.ArrayList<>(v);
        branched.add(new VersionNote(7, "{\"tools\":[\"add_text\"]}"));
        History.Stacks b = History.replay(branched);
        assertThat(b.done()).containsExactly(7, 2, 1);
        assertThat(b.undone()).as("a new edit drops what could be redone").isEmpty();
    }

    @Test
    void everyToolAModelSeesIsATool() {
        Set<String> offered = new HashSet<>();
        ToolSpecs.tools().forEach(t -> {
            offered.add(t.path("function").path("name").asText());
            assertThat(t.toString()).as("references are expanded").doesNotContain("$ref");
        });
        assertThat(offered).isEqualTo(new Toolbox().names());
    }
}
