package io.imageloop.server.chat.understand;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.server.chat.reply.Say;
import io.imageloop.server.chat.tools.Focus;
import io.imageloop.server.chat.tools.Outcome;
import io.imageloop.server.chat.tools.ToolCall;
import io.imageloop.server.http.Json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The built-in understanding: a message in English, Chinese or both becomes tool calls. The
 * message is cut into clauses (at punctuation, "and", "then", 然后...); each clause is about one
 * kind of thing (a text, the music, or the photos and their loops) and its slots belong to it.
 * A clause that says nothing on its own ("and out") is read together with the one before. What
 * cannot be done or is unclear becomes a refusal or one question back instead of a call.
 * Everything is a single pass over the tokens: the cost grows with the message's length only.
 */
public final class Reader {

    /** What the agent knows when reading: the session's photos, audio, texts and the conversation's focus. */
    public record Context(List<String> photos, List<String> uploads, List<String> audio, List<String> texts, boolean hasMusic,
                          int loops, Focus focus, boolean sessionChinese, Set<String> photoWords, List<String> hanNames) {

        public Context(List<String> photos, List<String> uploads, List<String> audio, List<String> texts, boolean hasMusic,
                       int loops, Focus focus, boolean sessionChinese) {
            this(photos, uploads, audio, texts, hasMusic, loops, focus, sessionChinese, words(photos, uploads), han(photos, uploads));
        }

        /** Parts of the photos' file names, lower case ("rocket" of "rocket-launch.jpg"). */
        private static Set<String> words(List<String> photos, List<String> uploads) {
            Set<String> out = new HashSet<>();
            for (String n : concat(photos, uploads)) {
                String base = n.toLowerCase(Locale.ROOT).replaceFirst("\\.[a-z0-9]{2,5}$", "");
                out.add(base);
                for (String p : base.split("[^\\p{L}\\p{N}]+")) if (p.length() >= 3) out.add(p);
            }
            return Set.copyOf(out);
        }

        /** Chinese file names (without extension). */
        private static List<String> han(List<String> photos, List<String> uploads) {
            return concat(photos, uploads).stream().map(n -> n.replaceFirst("\\.[A-Za-z0-9]{2,5}$", ""))
                    .filter(n -> n.codePoints().anyMatch(Tokenizer::isHan)).distinct().toList();
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> out = new ArrayList<>(a);
            out.addAll(b);
            return out;
        }
    }

    /** The tool calls of a message, in order, and what to say instead where nothing can be called. */
    public record Reading(List<ToolCall> calls, List<Outcome> notes, boolean chinese) {
    }

    enum Domain { TEXT, MUSIC, LOOP }

    private static final Set<String> WH = Set.of("what", "whats", "what's", "how", "which", "why", "where", "when", "is there", "are there",
            "什么", "多少", "怎么", "几", "哪", "哪些", "怎样", "多长", "多久", "有没有");

    /** What carries from one clause to the next within a message. */
    static final class State {
        final Context ctx;
        final String text;
        Domain domain;
        ArrayNode photos;
        Cue subject;
        Cue subjectInMessage;

        State(Context ctx, String text) {
            this.ctx = ctx;
            this.text = text;
        }

        State copy() {
            State s = new State(ctx, text);
            s.domain = domain;
            s.photos = photos == null ? null : photos.deepCopy();
            s.subject = subject;
            s.subjectInMessage = subjectInMessage;
            return s;
        }
    }

    /** What one clause came to. */
    static final class Result {
        final List<ToolCall> calls = new ArrayList<>();
        final List<Outcome> notes = new ArrayList<>();

        void call(String name, ObjectNode args) {
            calls.add(new ToolCall(name, args));
        }

        void callFirst(int at, String name, ObjectNode args) {
            calls.add(Math.min(at, calls.size()), new ToolCall(name, args));
        }

        int size() {
            return calls.size();
        }

        boolean hasNotes() {
            return !notes.isEmpty();
        }

        boolean empty() {
            return calls.isEmpty() && notes.isEmpty();
        }

        void ask(Function<Say, String> q) {
            notes.add(Outcome.ask(q));
        }

        void refuse(Function<Say, String> why) {
            notes.add(Outcome.refused(why));
        }

        void answer(Function<Say, String> text) {
            notes.add(Outcome.answer(text));
        }
    }

    public Reading read(String message, Context ctx) {
        String text = Tokenizer.normalise(message);
        boolean chinese = chinese(text, ctx.sessionChinese());
        List<Token> tokens = new Tokenizer(ctx.photoWords()).tokens(text);
        List<Clause> clauses = Clauses.split(tokens);
        State st = new State(ctx, text);
        List<Result> results = new ArrayList<>();
        List<State> before = new ArrayList<>();
        List<Clause> read = new ArrayList<>();
        for (Clause c : clauses) {
            State snapshot = st.copy();
            // A clause of words that mean nothing alone ("out", "too") is never read on its own.
            Result r = c.meaningful() ? interpret(c, st) : new Result();
            if (r.empty() && !read.isEmpty() && !results.get(results.size() - 1).empty()) {
                // A clause that says nothing alone ("and out", "like 20 percent") belongs with the one before.
                Clause joined = Clause.join(read.get(read.size() - 1), c);
                State again = before.get(before.size() - 1).copy();
                Result r2 = interpret(joined, again);
                if (!r2.empty()) {
                    results.set(results.size() - 1, r2);
                    read.set(read.size() - 1, joined);
                    st = again;
                    continue;
                }
            }
            results.add(r);
            before.add(snapshot);
            read.add(c);
            if (st.subject != null) st.subjectInMessage = st.subject;
        }
        List<ToolCall> calls = new ArrayList<>();
        List<Outcome> notes = new ArrayList<>();
        Set<String> said = new HashSet<>();
        for (Result r : results) {
            calls.addAll(r.calls);
            for (Outcome o : r.notes) if (said.add(o.kind() + o.in(Say.EN))) notes.add(o);
        }
        if (calls.isEmpty() && notes.isEmpty()) {
            int images = ctx.uploads().size();
            boolean question = clauses.stream().anyMatch(c -> c.question);
            notes.add(Outcome.answer(say -> question ? say.outsideProduct(images) : say.help(images)));
        }
        return new Reading(calls, notes, chinese);
    }

    /** Whether a message is Chinese (so the reply is): Chinese outside its quotes, and not many more English words. */
    public static boolean chinese(String message, boolean session) {
        String text = Tokenizer.normalise(message);
        String outside = text.replaceAll("[\"“”「」『』][^\"“”「」『』]*[\"“”「」『』]", " ");
        long han = outside.codePoints().filter(Tokenizer::isHan).count();
        long latin = outside.split("[^A-Za-z]+").length == 0 ? 0
                : java.util.Arrays.stream(outside.split("[^A-Za-z]+")).filter(w -> w.length() >= 2).count();
        if (han == 0 && latin == 0) return session;
        return han > 0 && latin <= han;
    }

    private Result interpret(Clause c, State st) {
        Result r = new Result();
        if (c.has(Cue.UNDO) && !c.negated(c.find(Cue.UNDO))) {
            ObjectNode a = Json.MAPPER.createObjectNode();
            Double n = c.has(Cue.TWICE) ? Double.valueOf(2) : Slots.bareNumber(c);
            if (n != null && n >= 1 && n <= 20) a.put("steps", n);
            r.call("undo", a);
            return r;
        }
        if (c.has(Cue.REDO)) {
            r.call("redo", Json.MAPPER.createObjectNode());
            return r;
        }
        boolean request = c.has(Cue.REQUEST);
        // A yes/no question that names a change ("could the text be a bit smaller?") is a request.
        boolean wh = c.tokens.stream().anyMatch(t -> t.is(Cue.QUESTION) && WH.contains(t.word()));
        boolean question = (c.question || c.has(Cue.QUESTION)) && !request && (wh || !Meta.edits(c));
        if (question && Meta.question(c, st, r)) return r;
        if (!Meta.edits(c) && Meta.plain(c, st, r)) return r;
        if (c.has(Cue.FILTER)) {
            r.refuse(say -> say.noFilters());
            return r;
        }
        Domain d = domain(c, st);
        st.domain = d;
        switch (d) {
            case TEXT -> TextReading.read(c, st, r);
            case MUSIC -> MusicReading.read(c, st, r);
            default -> LoopReading.read(c, st, r);
        }
        return r;
    }

    /** Which kind of thing a clause is about. */
    static Domain domain(Clause c, State st) {
        Context ctx = st.ctx;
        boolean textNoun = c.any(Cue.TEXT, Cue.TITLE, Cue.CAPTION);
        boolean text = textNoun || c.any(Cue.FONT, Cue.OUTLINE, Cue.SHADOW, Cue.COLOR) || !c.quotes().isEmpty();
        boolean music = c.any(Cue.MUSIC, Cue.VOLUME, Cue.MUTE, Cue.LOUDER, Cue.QUIETER) || MusicReading.audioName(c, ctx) != null;
        boolean camera = c.has(Cue.CAMERA) || c.tokens.stream().anyMatch(t -> t.cues().stream().anyMatch(Cue::cameraMove));
        boolean subjects = c.tokens.stream().anyMatch(t -> t.cues().stream().anyMatch(Cue::subject));
        boolean texts = !ctx.texts().isEmpty();
        String last = ctx.focus().last();
        if (music && !textNoun && !(c.has(Cue.LOUDER) && camera)) return Domain.MUSIC;
        if (text) return Domain.TEXT;
        if (c.any(Cue.FADE, Cue.FADE_IN, Cue.FADE_OUT)) {
            if (st.domain == Domain.TEXT || st.domain == Domain.MUSIC) return st.domain;
            if ("text".equals(last) && texts) return Domain.TEXT;
            if ("music".equals(last) || ctx.hasMusic() || !ctx.audio().isEmpty()) return Domain.MUSIC;
            return texts ? Domain.TEXT : Domain.MUSIC;
        }
        if (c.any(Cue.BIGGER, Cue.SMALLER, Cue.SIZE_NOUN) && !camera && !subjects && texts && !c.any(Cue.PHOTO, Cue.SPEED, Cue.SWAY, Cue.FLOW, Cue.MOTION)) {
            return Domain.TEXT;
        }
        boolean position = c.tokens.stream().anyMatch(Token::position);
        if (position && !subjects && !camera && (c.has(Cue.IT) || c.has(Cue.MOVE)) && texts
                && ("text".equals(last) || st.domain == Domain.TEXT)) return Domain.TEXT;
        if (c.has(Cue.SHOW) && !Slots.durations(c).isEmpty() && !c.has(Cue.LENGTH) && (texts || st.domain == Domain.TEXT)) return Domain.TEXT;
        if (!Meta.loopCues(c) && st.domain != null) return st.domain;
        return Domain.LOOP;
    }

    /** The message as written between two tokens (original case and spacing), for unquoted titles. */
    static String original(State st, Token from, Token to) {
        return st.text.substring(from.start(), to.end()).strip();
    }
}
