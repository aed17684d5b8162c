package io.imageloop.server.chat.understand;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a message's tokens into clauses: at punctuation and line breaks, at "then"/"然后", and
 * at "and"/"和" unless it joins numbers or ordinals ("photos 1 and 3", "between 1 and 4 s",
 * "第一张和第三张") or is "fade in and out".
 */
final class Clauses {

    private Clauses() {
    }

    static List<Clause> split(List<Token> tokens) {
        List<Clause> out = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        boolean question = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean cut = t.separator() || t.is(Cue.THEN) || t.is(Cue.AND) && splits(tokens, i);
            if (!cut) {
                current.add(t);
                continue;
            }
            if (t.raw().equals("?")) question = true;
            if (!current.isEmpty()) out.add(new Clause(current, question));
            current = new ArrayList<>();
            question = false;
        }
        if (!current.isEmpty()) out.add(new Clause(current, question));
        return out;
    }

    private static boolean splits(List<Token> tokens, int i) {
        Token prev = i > 0 ? tokens.get(i - 1) : null;
        Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        if (prev == null || next == null) return false;
        boolean numbers = (prev.isNumber() || prev.type() == Token.Type.ORDINAL || prev.is(Cue.PHOTO) && i >= 2 && tokens.get(i - 2).type() == Token.Type.ORDINAL)
                && (next.isNumber() || next.type() == Token.Type.ORDINAL || next.word().equals("a"));
        if (numbers) return false;
        if (prev.is(Cue.FADE_IN) && next.word().equals("out")) return false;
        if (prev.is(Cue.COLOR) && next.is(Cue.COLOR)) return false;
        for (int k = i - 1; k >= 0 && k >= i - 3; k--) if (tokens.get(k).is(Cue.BETWEEN)) return false;
        return true;
    }
}
