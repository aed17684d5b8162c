package io.imageloop.server.chat;

import io.imageloop.server.chat.tools.Focus;
import io.imageloop.server.chat.tools.History;
import io.imageloop.server.store.DraftStore.VersionNote;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each conversation is about (its {@link Focus}), between turns. Saved versions carry
 * it in their note, so it survives restarts and works across servers; turns that save nothing
 * (a question about one photo) are remembered here, for as long as the draft is unchanged.
 */
final class Memory {

    private record Entry(int version, Focus focus) {
    }

    private final Map<String, Entry> recent = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > 10_000;
        }
    });

    Focus get(SessionContext session) {
        Entry e = recent.get(session.sessionId());
        if (e != null && e.version() == session.draftVersion()) return e.focus();
        List<VersionNote> notes = session.history().notes();
        if (notes.isEmpty()) return Focus.NONE;
        return Focus.of(History.parse(notes.get(notes.size() - 1).note()).get("focus"));
    }

    void put(String sessionId, int version, Focus focus) {
        recent.put(sessionId, new Entry(version, focus));
    }
}
