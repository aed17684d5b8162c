package io.imageloop.server.chat.understand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Quantities in a clause: durations, percentages, factors; found once and marked used. */
final class Slots {

    /** A duration (or a point in time) and the tokens it spans. */
    record Duration(int from, int to, double seconds) {
    }

    private Slots() {
    }

    /** Every "N seconds", "N minutes", "half a minute", "second 5", "第10秒" in the clause, in order. */
    static List<Duration> durations(Clause c) {
        List<Duration> out = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            if (c.used(i)) continue;
            Token t = c.at(i);
            // "second 5", "sec 5": a point in time.
            if (t.is(Cue.SEC) && i + 1 < c.size() && c.at(i + 1).isNumber() && (i == 0 || !c.at(i - 1).isNumber())) {
                out.add(new Duration(i, i + 2, c.at(i + 1).number()));
                i++;
                continue;
            }
            Double amount = null;
            int from = i;
            if (t.isNumber()) amount = t.number();
            else if (t.type() == Token.Type.ORDINAL && t.raw().startsWith("第")) amount = (double) t.ordinal();
            else if (t.word().equals("a") || t.word().equals("an") || t.is(Cue.ONE) || t.word().equals("one")) amount = 1.0;
            else if (t.is(Cue.HALF)) amount = 0.5;
            if (amount == null) continue;
            int j = i + 1;
            if (j < c.size() && c.at(j).word().equals("-")) j++;
            // half a minute
            if (t.is(Cue.HALF) && j < c.size() && (c.at(j).word().equals("a") || c.at(j).word().equals("an"))) j++;
            if (j >= c.size()) continue;
            Token unit = c.at(j);
            double k;
            if (unit.is(Cue.HOUR)) k = 3600;
            else if (unit.is(Cue.MIN)) k = 60;
            else if (unit.is(Cue.SEC) && !(unit.type() == Token.Type.ORDINAL && j + 1 < c.size() && c.at(j + 1).is(Cue.PHOTO))) k = 1;
            else continue;
            double seconds = amount * k;
            if (from > 0 && c.at(from - 1).raw().equals("第")) from--; // 第10秒: a point in time
            out.add(new Duration(from, j + 1, seconds));
            i = j;
        }
        return out;
    }

    /** A percentage: "30%", "30 percent", "百分之三十". */
    static Double percent(Clause c) {
        for (int i = 0; i < c.size(); i++) {
            if (c.used(i)) continue;
            Token t = c.at(i);
            if (t.isNumber() && i + 1 < c.size() && c.at(i + 1).is(Cue.PERCENT)) {
                c.use(i, i + 2);
                return t.number();
            }
            if (t.is(Cue.PERCENT) && i + 1 < c.size() && c.at(i + 1).isNumber() && t.raw().startsWith("百")) {
                c.use(i, i + 2);
                return c.at(i + 1).number();
            }
        }
        return null;
    }

    /** "twice", "three times", "2x", "两倍", "half": a multiplying factor, or null. */
    static Double factor(Clause c) {
        for (int i = 0; i < c.size(); i++) {
            if (c.used(i)) continue;
            Token t = c.at(i);
            if (t.is(Cue.TWICE)) {
                c.use(i);
                return 2.0;
            }
            if (t.isNumber() && i + 1 < c.size() && c.at(i + 1).is(Cue.TIMES)) {
                c.use(i, i + 2);
                // "快一倍" is 100% more: twice as fast
                return c.at(i + 1).raw().equals("倍") && t.number() == 1 ? 2.0 : t.number();
            }
            if (t.type() == Token.Type.WORD && t.word().matches("\\d+(\\.\\d+)?x")) {
                c.use(i);
                return Double.parseDouble(t.word().substring(0, t.word().length() - 1));
            }
        }
        int h = c.find(Cue.HALF);
        if (h >= 0) {
            c.use(h);
            return 0.5;
        }
        return null;
    }

    /** A number not used by anything else, e.g. "make it fifteen", "volume 30". */
    static Double bareNumber(Clause c) {
        for (int i = 0; i < c.size(); i++) {
            boolean glued = i + 1 < c.size() && c.at(i + 1).start() == c.at(i).end() && c.at(i + 1).type() != Token.Type.PUNCT;
            if (!c.used(i) && c.at(i).isNumber() && !glued) {
                c.use(i);
                return c.at(i).number();
            }
        }
        return null;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
