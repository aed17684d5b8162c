package io.imageloop.server.chat;

import io.imageloop.engine.Engine;
import io.imageloop.server.chat.reply.Say;
import io.imageloop.server.chat.tools.Focus;
import io.imageloop.server.chat.tools.Outcome;
import io.imageloop.server.chat.tools.ToolCall;
import io.imageloop.server.chat.tools.Toolbox;
import io.imageloop.server.chat.tools.Workspace;
import io.imageloop.server.chat.understand.Reader;
import io.imageloop.server.store.MediaStore.MediaRecord;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftSummary;
import io.imageloop.timeline.VideoContent;
import io.imageloop.timeline.VideoLoop;
import io.imageloop.timeline.edit.DraftEdits;
import io.imageloop.timeline.edit.Music;
import io.imageloop.timeline.edit.Texts;

import java.util.List;

/**
 * The built-in agent: needs no network. Its understanding ({@link Reader}) turns a message
 * into the same tool calls a language model would make, and {@link TurnRun} makes them.
 */
public final class RuleAgent implements ChatAgent {

    private final Reader reader = new Reader();
    private final Toolbox tools = new Toolbox();
    private final ChatPlanner planner;
    private final Memory memory = new Memory();

    public RuleAgent() {
        this(new ChatPlanner(new Engine()));
    }

    public RuleAgent(ChatPlanner planner) {
        this.planner = planner;
    }

    ChatPlanner planner() {
        return planner;
    }

    Memory memory() {
        return memory;
    }

    Toolbox tools() {
        return tools;
    }

    @Override
    public Turn handle(SessionContext session, String message, EventSink events) {
        Focus focus = memory.get(session);
        TurnRun run = new TurnRun(session, planner.forMedia(session.media()), tools, focus, events);
        Reader.Reading reading = reader.read(message, context(session, run.workspace(), focus));
        run.language(Say.of(reading.chinese()));
        for (ToolCall call : reading.calls()) run.call(call);
        // A greeting or help text next to real requests is noise.
        List<Outcome> notes = reading.calls().isEmpty() ? reading.notes()
                : reading.notes().stream().filter(o -> o.kind() != Outcome.Kind.ANSWER).toList();
        return run.finish(notes, memory);
    }

    static Reader.Context context(SessionContext session, Workspace ws, Focus focus) {
        Draft d = ws.draft();
        List<String> photos = DraftEdits.video(d).stream().map(s -> {
            VideoContent v = (VideoContent) s.content();
            return v.name() != null ? v.name() : DraftSummary.label(null, v.media());
        }).toList();
        List<String> uploads = session.images().stream().map(MediaRecord::originalName).filter(n -> n != null).toList();
        List<String> audio = session.audio().stream().map(MediaRecord::originalName).filter(n -> n != null).toList();
        List<String> texts = Texts.list(d).stream().map(i -> i.clip().text()).toList();
        int loops = (int) DraftEdits.video(d).stream().filter(s -> s.content() instanceof VideoLoop).count();
        return new Reader.Context(photos, uploads, audio, texts, Music.of(d).isPresent(), loops, focus, session.chinese());
    }
}
