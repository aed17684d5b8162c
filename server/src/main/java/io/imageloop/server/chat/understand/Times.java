package io.imageloop.server.chat.understand;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * When a text shows, from the clause it was said in: "for the first 3 seconds" (0-3), "from 1
 * to 4 seconds", "1-4s", "between 1 and 4 s", "前三秒", "最后两秒" (the last 2), "at 2 seconds",
 * "2秒后", "until 5 s", "for 4 seconds", "the whole time". Written into the tool's arguments
 * (start, end, duration, from_end, whole, all in seconds).
 */
final class Times {

    private Times() {
    }

    /** @return whether the clause said when */
    static boolean read(Clause c, ObjectNode args) {
        int whole = c.find(Cue.WHOLE);
        if (whole >= 0) {
            c.use(whole);
            args.put("whole", true);
            return true;
        }
        List<Slots.Duration> ds = Slots.durations(c);
        // A range: a number or duration, "to"/"-"/"and" (after "between"), then a duration.
        for (Slots.Duration d : ds) {
            int k = d.from() - 1;
            if (k >= 1 && (c.at(k).is(Cue.TO) || c.at(k).is(Cue.AND) || c.at(k).is(Cue.SHOW) && k >= 2 && c.at(k - 1).is(Cue.TO))) {
                int j = c.at(k).is(Cue.SHOW) ? k - 2 : k - 1;
                // "从第2秒显示到第5秒": a duration before the "to"
                Slots.Duration before = ds.stream().filter(x -> x.to() <= k && x != d).reduce((a, b) -> b).orElse(null);
                if (before != null && before.to() >= j - 1) {
                    put(c, args, before.seconds(), d.seconds(), before.from(), d.to());
                    return true;
                }
                if (j >= 0 && c.at(j).isNumber() && !c.used(j)) {
                    put(c, args, c.at(j).number(), d.seconds(), j, d.to());
                    return true;
                }
            }
        }
        if (ds.isEmpty()) return false;
        Slots.Duration d = ds.get(0);
        c.use(d.from(), d.to());
        Cue before = cueBefore(c, d.from());
        Cue after = d.to() < c.size() ? first(c.at(d.to()), Cue.AT, Cue.START, Cue.LAST) : null;
        if (before == Cue.FIRST) {
            args.put("start", 0);
            args.put("duration", d.seconds());
        } else if (before == Cue.LAST) {
            args.put("from_end", d.seconds());
        } else if (before == Cue.TO) {
            args.put("end", d.seconds());
        } else if (before == Cue.AT || before == Cue.FROM || before == Cue.START || after == Cue.AT || after == Cue.START || after == Cue.LAST) {
            args.put("start", d.seconds());
        } else {
            args.put("duration", d.seconds());
        }
        return true;
    }

    private static void put(Clause c, ObjectNode args, double from, double to, int i, int j) {
        args.put("start", Math.min(from, to));
        args.put("end", Math.max(from, to));
        c.use(i, j);
    }

    /** The time word just before a duration (skipping "the", "of"), if any. */
    private static Cue cueBefore(Clause c, int i) {
        for (int k = i - 1, seen = 0; k >= 0 && seen < 3; k--, seen++) {
            Token t = c.at(k);
            Cue found = first(t, Cue.FIRST, Cue.LAST, Cue.TO, Cue.AT, Cue.FROM, Cue.START);
            if (found != null) return found;
            if (!(t.word().equals("the") || t.word().equals("of") || t.is(Cue.FOR) || t.is(Cue.ONLY) || t.is(Cue.SHOW) || t.raw().equals("第"))) break;
        }
        return null;
    }

    private static Cue first(Token t, Cue... cues) {
        for (Cue q : cues) if (t.is(q)) return q;
        if (t.type() == Token.Type.ORDINAL && t.ordinal() != null && t.ordinal() == 1 && t.word().equals("first")) return Cue.FIRST;
        if (t.type() == Token.Type.ORDINAL && t.ordinal() != null && t.ordinal() == -1) return Cue.LAST;
        return null;
    }
}
