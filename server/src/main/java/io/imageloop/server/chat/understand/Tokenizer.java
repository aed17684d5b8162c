package io.imageloop.server.chat.understand;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Cuts a message into {@link Token}s in one pass: quoted texts first (kept as written), then
 * English words (phrases of up to four words matched longest first, numbers in words, typos
 * corrected), Chinese runs (lexicon words longest first, numerals such as 十五 or 两), digits,
 * aspect ratios (16:9, 9 x 16, 16比9) and separators. Work per character is bounded, so a long
 * message costs time in proportion to its length.
 */
final class Tokenizer {

    private static final int MAX_QUOTE = 300;
    private static final Fuzzy FUZZY = new Fuzzy(Lexicon.INSTANCE.vocabulary(), w -> Lexicon.INSTANCE.english(w) != null);

    private final Set<String> protectedWords;
    private final Map<String, String> corrections = new HashMap<>();

    /** @param protectedWords words never corrected as typos (parts of the session's file names) */
    Tokenizer(Set<String> protectedWords) {
        this.protectedWords = protectedWords;
    }

    static String normalise(String message) {
        String s = Normalizer.normalize(message == null ? "" : message, Normalizer.Form.NFKC);
        return s.replace('’', '\'').replace('‘', '\'');
    }

    static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    List<Token> tokens(String text) {
        List<Token> raw = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int close = quoteEnd(text, i);
            if (close > 0) {
                String inside = text.substring(i + 1, close).strip();
                raw.add(new Token(Token.Type.QUOTE, inside, inside, Set.of(), null, 0, null, i, close + 1));
                i = close + 1;
            } else if (Character.isWhitespace(c)) {
                if (c == '\n') raw.add(punct("\n", i));
                i++;
            } else if (Character.isDigit(c)) {
                i = number(text, i, raw);
            } else if (Character.isLetter(c) && !isHan(c)) {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(text.charAt(j)) && !isHan(text.charAt(j)) || text.charAt(j) == '\''
                        && j + 1 < n && Character.isLetter(text.charAt(j + 1)))) j++;
                String w = text.substring(i, j);
                raw.add(new Token(Token.Type.WORD, w, w.toLowerCase(Locale.ROOT), Set.of(), null, 0, null, i, j));
                i = j;
            } else if (isHan(c)) {
                int j = i;
                while (j < n && isHan(text.charAt(j))) j++;
                han(text, i, j, raw);
                i = j;
            } else {
                String p = String.valueOf(c);
                if (",.;!?\u3002\uff0c\uff1b\uff01\uff1f\u2026\u3001".indexOf(c) >= 0 || (c == ':' && !(i > 0 && Character.isDigit(text.charAt(i - 1))))) {
                    raw.add(punct(c == '\uff1f' ? "?" : p, i));
                } else if (c == '%') {
                    raw.add(new Token(Token.Type.WORD, p, p, EnumSet.of(Cue.PERCENT), null, 0, null, i, i + 1));
                } else if (c == '-' || c == '\u2013' || c == '~' || c == '\u2014') {
                    raw.add(new Token(Token.Type.WORD, p, "-", EnumSet.of(Cue.TO), null, 0, null, i, i + 1));
                } else if (c == '&' || c == '+') {
                    raw.add(new Token(Token.Type.WORD, p, "and", EnumSet.of(Cue.AND), null, 0, null, i, i + 1));
                } else if (c == '#') {
                    raw.add(new Token(Token.Type.WORD, p, "#", Set.of(), null, 0, null, i, i + 1));
                } else if (c == '\u00d7') {
                    raw.add(new Token(Token.Type.WORD, p, "x", EnumSet.of(Cue.TIMES), null, 0, null, i, i + 1));
                }
                i++;
            }
        }
        return invertExcess(english(raw));
    }

    /** "too fast" asks for slower, "太长" for shorter: the word after "too" turns into its opposite. */
    private static List<Token> invertExcess(List<Token> in) {
        List<Token> out = new ArrayList<>(in);
        for (int i = 0; i + 1 < out.size(); i++) {
            if (!out.get(i).is(Cue.EXCESS)) continue;
            Token next = out.get(i + 1);
            Set<Cue> flipped = EnumSet.noneOf(Cue.class);
            boolean any = false;
            for (Cue q : next.cues()) {
                Cue o = OPPOSITE.get(q);
                flipped.add(o == null ? q : o);
                any |= o != null;
            }
            if (!any) continue;
            out.set(i, out.get(i).withCues(Set.of()));
            out.set(i + 1, next.withCues(flipped));
        }
        return out;
    }

    private static final Map<Cue, Cue> OPPOSITE = Map.of(Cue.FASTER, Cue.SLOWER, Cue.SLOWER, Cue.FASTER, Cue.LONGER, Cue.SHORTER,
            Cue.SHORTER, Cue.LONGER, Cue.LOUDER, Cue.QUIETER, Cue.QUIETER, Cue.LOUDER, Cue.BIGGER, Cue.SMALLER, Cue.SMALLER, Cue.BIGGER,
            Cue.STRONGER, Cue.WEAKER, Cue.WEAKER, Cue.STRONGER);

    private static Token punct(String p, int at) {
        return new Token(Token.Type.PUNCT, p, p, Set.of(), null, 0, null, at, at + 1);
    }

    /** The index of the quote that closes one opening at {@code i}, or -1. */
    private static int quoteEnd(String text, int i) {
        char c = text.charAt(i);
        String closers = switch (c) {
            case '"' -> "\"\u201d";
            case '\u201c' -> "\u201d\"";
            case '\u300c' -> "\u300d";
            case '\u300e' -> "\u300f";
            case '\'' -> "'";
            default -> null;
        };
        if (closers == null) return -1;
        if (c == '\'' && i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) return -1; // don't, it's
        int limit = Math.min(text.length(), i + 1 + MAX_QUOTE);
        for (int j = i + 1; j < limit; j++) {
            if (closers.indexOf(text.charAt(j)) < 0) continue;
            if (c == '\'' && j + 1 < text.length() && Character.isLetter(text.charAt(j + 1))) continue;
            return text.substring(i + 1, j).isBlank() ? -1 : j;
        }
        return -1;
    }

    private static int number(String text, int i, List<Token> out) {
        int n = text.length();
        int j = i;
        while (j < n && Character.isDigit(text.charAt(j))) j++;
        if (j + 1 < n && text.charAt(j) == '.' && Character.isDigit(text.charAt(j + 1))) {
            j++;
            while (j < n && Character.isDigit(text.charAt(j))) j++;
        }
        String digits = text.substring(i, j);
        // An aspect ratio: 16:9, 9 x 16, 16比9, 4/5.
        int k = j;
        while (k < n && text.charAt(k) == ' ') k++;
        if (k < n && ":x×/比X".indexOf(text.charAt(k)) >= 0) {
            int m = k + 1;
            while (m < n && text.charAt(m) == ' ') m++;
            int e = m;
            while (e < n && Character.isDigit(text.charAt(e))) e++;
            if (e > m && !digits.contains(".") && (e >= n || !Character.isLetter(text.charAt(e)) || isHan(text.charAt(e)))) {
                String ratio = digits + ":" + text.substring(m, e);
                out.add(new Token(Token.Type.ASPECT, text.substring(i, e), ratio, Set.of(), ratio, 0, null, i, e));
                return e;
            }
        }
        double v;
        try {
            v = Double.parseDouble(digits);
        } catch (NumberFormatException ex) {
            v = 0;
        }
        // 1st, 2nd, 3rd, 4th
        if (j + 1 < n && text.substring(j, Math.min(n, j + 2)).toLowerCase(Locale.ROOT).matches("st|nd|rd|th")
                && (j + 2 >= n || !Character.isLetter(text.charAt(j + 2)))) {
            out.add(new Token(Token.Type.ORDINAL, text.substring(i, j + 2), digits, Set.of(), null, v, (int) v, i, j + 2));
            return j + 2;
        }
        out.add(new Token(Token.Type.NUMBER, digits, digits, Set.of(), null, v, null, i, j));
        return j;
    }

    /** A run of Chinese: lexicon words longest first, numerals, 第 + number as an ordinal, other characters alone. */
    private static void han(String text, int from, int to, List<Token> out) {
        int i = from;
        while (i < to) {
            if (text.charAt(i) == '第' && i + 1 < to && Numbers.hanNumeral(text.charAt(i + 1))) {
                int j = i + 1;
                while (j < to && Numbers.hanNumeral(text.charAt(j)) && text.charAt(j) != '半') j++;
                int v = (int) Numbers.han(text.substring(i + 1, j));
                out.add(new Token(Token.Type.ORDINAL, text.substring(i, j), text.substring(i, j), Set.of(), null, v, v, i, j));
                i = j;
                continue;
            }
            if (text.charAt(i) == '第' && i + 1 == to && to < text.length() && Character.isDigit(text.charAt(to))) {
                out.add(new Token(Token.Type.HAN, "第", "第", EnumSet.of(Cue.AT), "ordinal", 0, null, i, i + 1));
                i++;
                continue;
            }
            int len = Math.min(Lexicon.MAX_HAN, to - i);
            Lexicon.Entry e = null;
            for (; len > 0; len--) {
                e = Lexicon.INSTANCE.chinese(text.substring(i, i + len));
                if (e != null) break;
            }
            if (e != null && !(len == 1 && Numbers.hanNumeral(text.charAt(i)) && i + 1 < to && Numbers.hanNumeral(text.charAt(i + 1)))) {
                String w = text.substring(i, i + len);
                out.add(new Token(Token.Type.HAN, w, w, e.cues(), e.value(), 0, null, i, i + len));
                i += len;
            } else if (Numbers.hanNumeral(text.charAt(i))) {
                int j = i;
                while (j < to && Numbers.hanNumeral(text.charAt(j))) j++;
                String w = text.substring(i, j);
                out.add(new Token(Token.Type.NUMBER, w, w, Set.of(), null, Numbers.han(w), null, i, j));
                i = j;
            } else {
                String w = text.substring(i, i + 1);
                out.add(new Token(Token.Type.HAN, w, w, Set.of(), null, 0, null, i, i + 1));
                i++;
            }
        }
    }

    /** English words: phrases longest first, numbers and ordinals in words, typos corrected. */
    private List<Token> english(List<Token> in) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < in.size()) {
            Token t = in.get(i);
            if (t.type() != Token.Type.WORD) {
                out.add(t);
                i++;
                continue;
            }
            int merged = phrase(in, i, out);
            if (merged > 0) {
                i += merged;
                continue;
            }
            out.add(word(t));
            i++;
        }
        return compoundNumbers(out);
    }

    private int phrase(List<Token> in, int i, List<Token> out) {
        for (int len = Lexicon.MAX_PHRASE; len >= 2; len--) {
            if (i + len > in.size()) continue;
            // As written first, then with typos corrected ("zooom in").
            for (boolean fix : new boolean[] {false, true}) {
                StringBuilder sb = new StringBuilder();
                boolean words = true;
                for (int k = 0; k < len; k++) {
                    Token t = in.get(i + k);
                    if (t.type() != Token.Type.WORD) {
                        words = false;
                        break;
                    }
                    if (k > 0) sb.append(' ');
                    sb.append(fix ? corrected(t.word()) : t.word());
                }
                if (!words) break;
                Lexicon.Entry e = Lexicon.INSTANCE.english(sb.toString());
                if (e == null) continue;
                Token first = in.get(i);
                Token last = in.get(i + len - 1);
                out.add(new Token(Token.Type.WORD, first.raw(), sb.toString(), e.cues(), e.value(), 0, null, first.start(), last.end()));
                return len;
            }
        }
        return 0;
    }

    private Token word(Token t) {
        String w = t.word();
        Lexicon lex = Lexicon.INSTANCE;
        Lexicon.Entry e = lex.english(w);
        if (e == null && !lex.stopWord(w) && !Numbers.WORDS.containsKey(w) && !Numbers.ORDINALS.containsKey(w)) {
            String fixed = corrected(w);
            if (!fixed.equals(w)) {
                w = fixed;
                e = lex.english(w);
            }
        }
        Integer ord = Numbers.ORDINALS.get(w);
        Set<Cue> cues = e == null ? Set.of() : e.cues();
        if (Numbers.WORDS.containsKey(w)) {
            return new Token(Token.Type.NUMBER, t.raw(), w, cues, null, Numbers.WORDS.get(w), null, t.start(), t.end());
        }
        if (ord != null) return new Token(Token.Type.ORDINAL, t.raw(), w, cues, null, ord, ord, t.start(), t.end());
        return new Token(Token.Type.WORD, t.raw(), w, cues, e == null ? null : e.value(), 0, null, t.start(), t.end());
    }

    private String corrected(String w) {
        if (protectedWords.contains(w) || Lexicon.INSTANCE.english(w) != null || Lexicon.INSTANCE.stopWord(w)
                || Numbers.WORDS.containsKey(w) || Numbers.ORDINALS.containsKey(w) || !w.chars().allMatch(Character::isLetter)) return w;
        return corrections.computeIfAbsent(w, x -> {
            String c = FUZZY.correct(x);
            return c == null ? x : c;
        });
    }

    /** twenty five = 25, two and a half = 2.5, a half = 0.5. */
    private static List<Token> compoundNumbers(List<Token> in) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Token t = in.get(i);
            if (t.isNumber() && !out.isEmpty()) {
                Token prev = out.get(out.size() - 1);
                if (prev.isNumber() && prev.number() >= 20 && prev.number() % 10 == 0 && t.number() < 10 && prev.type() == Token.Type.NUMBER
                        && !Character.isDigit(prev.raw().charAt(0))) {
                    out.set(out.size() - 1, new Token(Token.Type.NUMBER, prev.raw(), prev.word(), Set.of(), null, prev.number() + t.number(),
                            null, prev.start(), t.end()));
                    continue;
                }
            }
            // twenty-five
            if (t.word().equals("-") && !out.isEmpty() && i + 1 < in.size() && in.get(i + 1).isNumber()) {
                Token prev = out.get(out.size() - 1);
                Token next = in.get(i + 1);
                if (prev.isNumber() && prev.number() >= 20 && prev.number() % 10 == 0 && next.number() < 10 && !Character.isDigit(prev.raw().charAt(0))) {
                    out.set(out.size() - 1, new Token(Token.Type.NUMBER, prev.raw(), prev.word(), Set.of(), null, prev.number() + next.number(),
                            null, prev.start(), next.end()));
                    i++;
                    continue;
                }
            }
            // N and a half
            if (t.isNumber() && i + 3 < in.size() && in.get(i + 1).is(Cue.AND) && in.get(i + 2).word().equals("a") && in.get(i + 3).is(Cue.HALF)) {
                out.add(new Token(Token.Type.NUMBER, t.raw(), t.word(), Set.of(), null, t.number() + 0.5, null, t.start(), in.get(i + 3).end()));
                i += 3;
                continue;
            }
            out.add(t);
        }
        return out;
    }
}
