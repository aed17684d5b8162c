package io.imageloop.server.chat.tools;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.server.chat.SessionContext;
import io.imageloop.server.chat.reply.Say;
import io.imageloop.server.store.MediaStore.MediaRecord;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftCodec;
import io.imageloop.timeline.DraftMeta;
import io.imageloop.timeline.Segment;
import io.imageloop.timeline.VideoLoop;
import io.imageloop.timeline.edit.DraftEdits;
import io.imageloop.timeline.edit.LoopPlanner;
import io.imageloop.timeline.edit.Loops;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One turn's working state: the draft as the tools have left it so far, the session's media,
 * the planner, and what the conversation is about. Tools read and replace the draft; nothing
 * is saved until the turn ends, so a turn saves at most one version.
 */
public final class Workspace {

    private final SessionContext session;
    private final LoopPlanner planner;
    private final Draft start;
    private Draft draft;
    private Focus focus;
    private boolean photosTouched;
    /** Versions this turn undid (newest first), or the version it redid; saved in the note. */
    final List<Integer> undone = new ArrayList<>();
    Integer redone;
    /** Whether the turn edited after any undo or redo (a new branch: redo is gone). */
    boolean editedAfterHistory;
    /** Told before each photo is planned: (photo number from 1, count). */
    private java.util.function.BiConsumer<Integer, Integer> planning = (i, n) -> { };

    public Workspace(SessionContext session, LoopPlanner planner, Focus focus) {
        this.session = session;
        this.planner = planner;
        this.start = session.draft() == null ? DraftEdits.empty(Aspect.LANDSCAPE, DraftMeta.DEFAULT_FPS) : DraftCodec.read(session.draft());
        this.draft = start;
        this.focus = focus;
    }

    public void onPlanning(java.util.function.BiConsumer<Integer, Integer> listener) {
        this.planning = listener;
    }

    public SessionContext session() {
        return session;
    }

    public LoopPlanner planner() {
        return planner;
    }

    public Draft start() {
        return start;
    }

    public Draft draft() {
        return draft;
    }

    void draft(Draft d) {
        this.draft = d;
        if (!undone.isEmpty() || redone != null) editedAfterHistory = true;
    }

    /** The draft restored from history (undo, redo): not an edit of its own. */
    void restore(Draft d) {
        this.draft = d;
    }

    public Focus focus() {
        return focus;
    }

    /** What the turn leaves as the conversation's focus: photos only if the turn spoke of photos. */
    public Focus focusAfter() {
        return photosTouched ? focus : new Focus(List.of(), focus.text(), focus.last());
    }

    void focusPhotos(List<Integer> positions, boolean all) {
        photosTouched = true;
        List<Segment> video = DraftEdits.video(draft);
        focus = focus.withPhotos(all ? List.of() : positions.stream().filter(p -> p < video.size())
                .map(p -> ((io.imageloop.timeline.VideoContent) video.get(p).content()).media()).distinct().toList());
    }

    void focusText(String text) {
        focus = focus.withText(text);
    }

    void focusMusic() {
        focus = focus.withLast("music");
    }

    public List<Integer> undone() {
        return undone;
    }

    public Integer redone() {
        return redone;
    }

    public boolean editedAfterHistory() {
        return editedAfterHistory;
    }

    List<MediaRecord> images() {
        return session.images();
    }

    List<MediaRecord> audio() {
        return session.audio();
    }

    Optional<MediaRecord> media(String id) {
        return session.media().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Positions of the photo loops on the video track. */
    List<Integer> loopPositions() {
        List<Segment> video = DraftEdits.video(draft);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < video.size(); i++) if (video.get(i).content() instanceof VideoLoop) out.add(i);
        return out;
    }

    /**
     * Makes sure there is something to edit: with no loop yet, every uploaded photo becomes one
     * (as "turn this image into a loop" would). Returns a refusal when there is no photo at all.
     */
    Outcome ensureLoops(List<String> notes) {
        if (!loopPositions().isEmpty()) return null;
        if (images().isEmpty()) return Outcome.refused(Say::uploadFirst);
        return makeLoops(images(), notes);
    }

    /** Makes loops of these uploads (those not on the timeline yet); a photo the planner cannot read is skipped with a note. */
    Outcome makeLoops(List<MediaRecord> photos, List<String> notes) {
        Draft d = draft;
        int made = 0;
        for (int i = 0; i < photos.size(); i++) {
            MediaRecord m = photos.get(i);
            planning.accept(i + 1, photos.size());
            try {
                Draft next = Loops.make(d, List.of(new Loops.Photo(m.id(), m.originalName())), planner);
                if (DraftEdits.video(next).size() > DraftEdits.video(d).size()) made++;
                d = next;
            } catch (LoopException e) {
                notes.add((m.originalName() == null ? m.id() : m.originalName()) + ": " + e.getMessage());
            }
        }
        if (made == 0 && !notes.isEmpty()) {
            List<String> why = List.copyOf(notes);
            return Outcome.refused(say -> say.cannotRead(why));
        }
        draft(d);
        return null;
    }
}
