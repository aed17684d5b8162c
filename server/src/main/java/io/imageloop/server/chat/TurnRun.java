package io.imageloop.server.chat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.engine.media.LimitExceeded;
import io.imageloop.server.chat.reply.ChangeWords;
import io.imageloop.server.chat.reply.Say;
import io.imageloop.server.chat.tools.Focus;
import io.imageloop.server.chat.tools.History;
import io.imageloop.server.chat.tools.Outcome;
import io.imageloop.server.chat.tools.ToolCall;
import io.imageloop.server.chat.tools.Toolbox;
import io.imageloop.server.chat.tools.Workspace;
import io.imageloop.server.http.Json;
import io.imageloop.server.store.Ids;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftCodec;
import io.imageloop.timeline.DraftProblem;
import io.imageloop.timeline.DraftSummary;
import io.imageloop.timeline.DraftValidator;
import io.imageloop.timeline.edit.Change;
import io.imageloop.timeline.edit.DraftDiff;
import io.imageloop.timeline.edit.LoopPlanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * One turn, whoever decides the calls (the built-in understanding or a language model): runs
 * tool calls on a working copy of the draft, then saves at most one new version, only when the
 * draft differs, streams a functionCall / functionResponse pair per call, and answers from
 * what actually changed, in the user's language.
 */
public final class TurnRun {

    private static final Logger LOG = LoggerFactory.getLogger(TurnRun.class);

    private record Done(String id, ToolCall call, Outcome outcome, List<Change> changes) {
    }

    private final SessionContext session;
    private final Workspace ws;
    private final Toolbox tools;
    private final EventSink events;
    private final List<Done> done = new ArrayList<>();
    private Say say = Say.EN;

    public TurnRun(SessionContext session, LoopPlanner planner, Toolbox tools, Focus focus, EventSink events) {
        this.session = session;
        this.ws = new Workspace(session, planner, focus);
        this.tools = tools;
        this.events = events;
        ws.onPlanning((i, n) -> events.progress("analyzing", (i - 1) / (double) n, say.analyzing(i, n)));
    }

    public Workspace workspace() {
        return ws;
    }

    public void language(Say say) {
        this.say = say;
    }

    /** Runs one call on the working draft; nothing is saved yet. */
    public Outcome call(ToolCall call) {
        Draft before = ws.draft();
        Outcome o = tools.run(call, ws);
        List<Change> changes = DraftDiff.of(before, ws.draft());
        done.add(new Done(Ids.random("call", 8), call, o, changes));
        return o;
    }

    /** What a call did, in English, as a tool result for a model. */
    public ObjectNode result(Outcome o) {
        Done d = done.get(done.size() - 1);
        ObjectNode r = response(d, null, false);
        r.put("summary", DraftSummary.of(ws.draft()));
        return r;
    }

    /** Whether no call so far changed the draft or had anything to say. */
    boolean quiet() {
        return done.stream().allMatch(d -> d.changes().isEmpty() && d.outcome().text() == null);
    }

    /** Saves the turn's draft if it changed, streams the calls, and answers. */
    Turn finish(List<Outcome> notes, Memory memory) {
        Draft after = ws.draft();
        List<Change> changes = DraftDiff.of(ws.start(), after);
        Integer version = null;
        if (!changes.isEmpty()) {
            List<DraftProblem> problems;
            try {
                problems = DraftValidator.problems(after, null);
            } catch (LimitExceeded e) {
                // E.g. one message asking for hundreds of titles: a draft past the limits is never stored.
                String text = say.s("That would make the draft too big (" + e.getMessage() + "); nothing was changed.",
                        "这样草稿会超出上限（" + e.getMessage() + "），没有任何改动。");
                events.text(text);
                return new Turn(text, null);
            }
            if (!problems.isEmpty()) {
                // Every edit keeps the timeline's rules; a draft that breaks them is never stored.
                LOG.error("session {}: edited draft does not validate: {}", session.sessionId(), problems);
                String text = say.s("That edit could not be applied; nothing was changed.", "无法完成这次修改，没有任何改动。");
                events.text(text);
                return new Turn(text, null);
            }
            ObjectNode json = DraftCodec.toJson(after);
            version = session.drafts().save(json, History.note(done.stream().map(d -> d.call().name()).toList(), ws));
            LOG.info("session {}: saved draft v{} ({})", session.sessionId(), version, DraftSummary.of(after));
        }
        // Each edit is one functionCall / functionResponse pair; answers and refusals are said in the text.
        List<Done> edits = done.stream().filter(d -> !d.changes().isEmpty()).toList();
        for (int i = 0; i < edits.size(); i++) {
            Done d = edits.get(i);
            events.functionCall(d.id(), d.call().name(), d.call().args());
            events.functionResponse(d.id(), d.call().name(), response(d, version, i == edits.size() - 1 && version != null));
        }
        String reply = reply(changes, notes);
        memory.put(session.sessionId(), version != null ? version : session.draftVersion(), ws.focusAfter());
        events.text(reply);
        return new Turn(reply, version);
    }

    private String reply(List<Change> changes, List<Outcome> notes) {
        List<String> lines = new ArrayList<>();
        if (!changes.isEmpty() && !ws.editedAfterHistory()) {
            if (!ws.undone().isEmpty()) lines.add(say.undone());
            else if (ws.redone() != null) lines.add(say.redone());
        }
        lines.addAll(ChangeWords.of(changes, say));
        List<Outcome> all = new ArrayList<>();
        done.forEach(d -> all.add(d.outcome()));
        all.addAll(notes);
        // When the turn did change something, "that part was already so" only muddles what it did.
        if (!changes.isEmpty()) all.removeIf(o -> o.kind() == Outcome.Kind.UNCHANGED);
        java.util.Set<String> said = new java.util.HashSet<>(lines);
        for (Outcome o : all) {
            String t = o.in(say);
            if (t != null && said.add(t)) lines.add(t);
        }
        if (lines.isEmpty()) lines.add(say.nothingChanged());
        if (!changes.isEmpty()) lines.add(say.summary(ws.draft()));
        return String.join("\n", lines);
    }

    private ObjectNode response(Done d, Integer version, boolean withDraft) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("status", switch (d.outcome().kind()) {
            case EDITED -> d.changes().isEmpty() ? "unchanged" : "ok";
            case UNCHANGED -> "unchanged";
            case ANSWER -> "answered";
            case ASK -> "asked";
            case REFUSED -> "refused";
        });
        ArrayNode changes = r.putArray("changes");
        ChangeWords.of(d.changes(), Say.EN).forEach(changes::add);
        String message = d.outcome().in(Say.EN);
        if (message != null) r.put("message", message);
        int v = version != null ? version : session.draftVersion();
        r.put("draft_version", v);
        if (version != null) {
            r.put("duration_ms", ws.draft().durationMs());
            r.put("summary", DraftSummary.of(ws.draft()));
        }
        if (withDraft) r.set("draft", DraftCodec.toJson(ws.draft()));
        return r;
    }
}
