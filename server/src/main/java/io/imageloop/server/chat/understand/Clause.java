package io.imageloop.server.chat.understand;

import java.util.ArrayList;
import java.util.List;

/**
 * One clause of a message: the tokens between separators. Slots found in a clause belong to
 * it: "for the first 3 seconds" in a title clause is the title's time, never the loop's length.
 * Tokens a reading has used are marked, so later readings of the same clause skip them.
 */
final class Clause {

    final List<Token> tokens;
    final boolean question;
    private final boolean[] used;
    /** How many unused tokens carry each cue, so that has() costs nothing however long the clause. */
    private final int[] unused = new int[Cue.values().length];

    Clause(List<Token> tokens, boolean question) {
        this.tokens = List.copyOf(tokens);
        this.question = question;
        this.used = new boolean[this.tokens.size()];
        for (Token t : this.tokens) for (Cue c : t.cues()) unused[c.ordinal()]++;
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
        return unused[c.ordinal()] > 0;
    }

    boolean any(Cue... cues) {
        for (Cue c : cues) if (has(c)) return true;
        return false;
    }

    int find(Cue c) {
        return find(c, 0);
    }

    int find(Cue c, int from) {
        if (unused[c.ordinal()] == 0) return -1;
        for (int i = Math.max(0, from); i < tokens.size(); i++) if (!used[i] && tokens.get(i).is(c)) return i;
        return -1;
    }

    /** The first token with this cue, used or not (cached: a clause's tokens do not change). */
    int first(Cue c) {
        if (firsts == null) {
            firsts = new int[Cue.values().length];
            java.util.Arrays.fill(firsts, -1);
            for (int i = tokens.size() - 1; i >= 0; i--) for (Cue q : tokens.get(i).cues()) firsts[q.ordinal()] = i;
        }
        return firsts[c.ordinal()];
    }

    private int[] firsts;

    int count(Cue c) {
        int n = 0;
        return unused[c.ordinal()];
    }

    void use(int i) {
        if (i < 0 || i >= used.length || used[i]) return;
        used[i] = true;
        for (Cue c : tokens.get(i).cues()) unused[c.ordinal()]--;
    }

    void use(int from, int to) {
        for (int i = from; i < to; i++) use(i);
    }

    boolean used(int i) {
        return used[i];
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
