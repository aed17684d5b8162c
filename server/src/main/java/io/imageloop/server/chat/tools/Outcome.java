package io.imageloop.server.chat.tools;

import io.imageloop.server.chat.reply.Say;

import java.util.function.Function;

/**
 * What a tool call came to. An edit's own changes are read from the draft afterwards (the
 * reply says what the saved draft shows); the text here is what the draft cannot say: why
 * nothing changed, an answer, a question back, or why the request cannot be done and what can.
 *
 * @param text the words for the user in their language, or null
 */
public record Outcome(Kind kind, Function<Say, String> text) {

    public enum Kind {
        /** The draft was edited (it may still be equal, e.g. "make it 6 s" when it is). */
        EDITED,
        /** Nothing to change; the text says why. */
        UNCHANGED,
        /** A question answered; nothing to change. */
        ANSWER,
        /** The request is ambiguous; the text is one short question with options. */
        ASK,
        /** The request cannot be done; the text says why and what can. */
        REFUSED
    }

    public static Outcome edited() {
        return new Outcome(Kind.EDITED, null);
    }

    public static Outcome edited(Function<Say, String> note) {
        return new Outcome(Kind.EDITED, note);
    }

    public static Outcome unchanged(Function<Say, String> why) {
        return new Outcome(Kind.UNCHANGED, why);
    }

    public static Outcome answer(Function<Say, String> text) {
        return new Outcome(Kind.ANSWER, text);
    }

    public static Outcome ask(Function<Say, String> question) {
        return new Outcome(Kind.ASK, question);
    }

    public static Outcome refused(Function<Say, String> why) {
        return new Outcome(Kind.REFUSED, why);
    }

    /** The words in one language, or null. */
    public String in(Say say) {
        return text == null ? null : text.apply(say);
    }
}
