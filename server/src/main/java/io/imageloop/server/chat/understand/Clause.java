package io.imageloop.server.chat.understand;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One clause of a message: the tokens between separators. Slots found in a clause belong to
 * it: "for the first 3 seconds" in a title clause is the title's time, never the loop's length.
 * Tokens a reading has used are marked, so later readings of the same clause skip them.
 */
final class Clause {

    final List<Token> tokens;
    final boolean question;
    private final Set<Integer> used = new HashSet<>();

    Clause(List<Token> tokens, boolean question) {
        this.tokens = List.copyOf(tokens);
        this.question = question;
    }

    static Clause join(Clause a, Clause b) {
        List<Token> all = new ArrayList<>(a.tokens);
        all.addAll(b.tokens);
        return new Clause(all, a.question || b.question);
    }

    int size() {
        return tokens.size();
    }

    Token at(int i) {
        return tokens.get(i);
    }

    boolean has(Cue c) {
        return find(c, 0) >= 0;
    }

    boolean any(Cue... cues) {
        for (Cue c : cues) if (has(c)) return true;
        return false;
    }

    int find(Cue c) {
        return find(c, 0);
    }

    int find(Cue c, int from) {
        for (int i = Math.max(0, from); i < tokens.size(); i++) if (!used.contains(i) && tokens.get(i).is(c)) return i;
        return -1;
    }

    int count(Cue c) {
        int n = 0;
        for (int i = 0; i < tokens.size(); i++) if (!used.contains(i) && tokens.get(i).is(c)) n++;
        return n;
    }

    void use(int i) {
        if (i >= 0) used.add(i);
    }

    void use(int from, int to) {
        for (int i = from; i < to; i++) used.add(i);
    }

    boolean used(int i) {
        return used.contains(i);
    }

    /**
     * Whether the cue at {@code i} is negated: a negation up to three words before it ("no camera
     * movement", "don't move the sky"), or, in Chinese, right after the thing ("镜头不要动").
     */
    boolean negated(int i) {
        if (i < 0) return false;
        for (int k = i - 1, seen = 0; k >= 0 && seen < 3; k--) {
            Token t = tokens.get(k);
            if (t.is(Cue.NEG)) return true;
            if (t.separator()) break;
            seen++;
        }
        return false;
    }

    /** A negation anywhere in the clause. */
    boolean negative() {
        return has(Cue.NEG);
    }

    List<Token> quotes() {
        return tokens.stream().filter(t -> t.type() == Token.Type.QUOTE).toList();
    }

    /** Whether anything in the clause is a cue of the product at all. */
    boolean meaningful() {
        return tokens.stream().anyMatch(t -> !t.cues().isEmpty() || t.type() != Token.Type.WORD && t.type() != Token.Type.HAN
                && t.type() != Token.Type.PUNCT);
    }

    @Override
    public String toString() {
        return tokens.toString();
    }
}
