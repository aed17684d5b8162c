package io.imageloop.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageloop.server.credits.CreditLedger;
import io.imageloop.server.store.DraftStore.VersionNote;
import io.imageloop.server.store.MediaStore.MediaRecord;

import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * What an agent may see and change of one session.
 *
 * @param media        the session's uploads, in upload order
 * @param draft        the latest draft, or null before the first edit
 * @param draftVersion its version, 0 before the first edit
 * @param price        what exporting a draft costs, in credits (the export's own pricing)
 * @param history      the stored versions, for undo and redo
 */
public record SessionContext(String sessionId, String appName, String language, List<MediaRecord> media,
                             JsonNode draft, int draftVersion, CreditLedger.Balance balance, DraftWriter drafts,
                             ToIntFunction<JsonNode> price, DraftHistory history) {

    /** Saves a new draft version. */
    @FunctionalInterface
    public interface DraftWriter {
        /** @return the new version number */
        int save(JsonNode draft, String note);
    }

    /** The session's stored draft versions. */
    public interface DraftHistory {
        /** Every version's number and note, oldest first. */
        List<VersionNote> notes();

        /** The draft of one version. */
        Optional<JsonNode> draft(int version);

        DraftHistory NONE = new DraftHistory() {
            @Override
            public List<VersionNote> notes() {
                return List.of();
            }

            @Override
            public Optional<JsonNode> draft(int version) {
                return Optional.empty();
            }
        };
    }

    public List<MediaRecord> images() {
        return media.stream().filter(m -> m.kind().equals("image")).toList();
    }

    public List<MediaRecord> audio() {
        return media.stream().filter(m -> m.kind().equals("audio")).toList();
    }

    public boolean chinese() {
        return language != null && language.toLowerCase(java.util.Locale.ROOT).startsWith("zh");
    }
}
