package io.imageloop.server.chat.understand;

import java.util.EnumSet;
import java.util.Set;

/**
 * One piece of a message: a word (English, after typo correction), a Chinese word, a number,
 * an ordinal, an aspect ratio, a quoted text or a separator; with the cues it carries.
 *
 * @param raw     the piece as written (original case), for names and unquoted titles
 * @param word    the normalised word (lower case, corrected), or the quote's content
 * @param value   a lexicon value (a colour) or the aspect ratio ("16:9")
 * @param ordinal 1-based ordinal (-1 = last), or null
 * @param start   offset in the normalised message, for cutting out unquoted titles
 */
record Token(Type type, String raw, String word, Set<Cue> cues, String value, double number, Integer ordinal, int start, int end) {

    enum Type { WORD, HAN, NUMBER, ORDINAL, ASPECT, QUOTE, PUNCT }

    Token {
        cues = cues == null || cues.isEmpty() ? Set.of() : EnumSet.copyOf(cues);
    }

    boolean is(Cue c) {
        return cues.contains(c);
    }

    boolean isNumber() {
        return type == Type.NUMBER;
    }

    boolean separator() {
        return type == Type.PUNCT && !raw.equals("、") && !raw.equals(":");
    }

    /** top, bottom, middle. */
    boolean position() {
        return cues.stream().anyMatch(Cue::position);
    }

    Token withCues(Set<Cue> c) {
        return new Token(type, raw, word, c, value, number, ordinal, start, end);
    }

    @Override
    public String toString() {
        return type == Type.NUMBER ? "#" + number : type == Type.ORDINAL ? "ord" + ordinal : word + (cues.isEmpty() ? "" : cues.toString());
    }
}
