package io.imageloop.server.chat.understand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Typo correction: an unknown word becomes the one known word within a Damerau-Levenshtein
 * distance of 1 (2 for words of 8 letters or more). Candidates come from an index of the known
 * words with one or two letters deleted (symmetric deletion), so a word costs a few dozen hash
 * lookups and distance checks, whatever the vocabulary's size, and a message costs time in
 * proportion to its length.
 */
final class Fuzzy {

    private final Map<String, List<String>> deletes = new HashMap<>();
    private final Predicate<String> meaningful;

    Fuzzy(Set<String> vocabulary, Predicate<String> meaningful) {
        this.meaningful = meaningful;
        for (String w : vocabulary) {
            for (String d : deletions(w, w.length() >= 6 ? 2 : 1)) deletes.computeIfAbsent(d, k -> new ArrayList<>()).add(w);
        }
    }

    /**
     * The correction of a word, or null when it has none. Between equally close words, one that
     * means something wins over one that does not, then one starting with the same letter
     * (typos rarely hit the first letter); otherwise none.
     */
    String correct(String w) {
        if (w.length() < 3 || w.length() > 20) return null;
        int max = w.length() >= 8 ? 2 : 1;
        Set<String> candidates = new HashSet<>();
        for (String d : deletions(w, max)) {
            List<String> words = deletes.get(d);
            if (words != null) candidates.addAll(words);
        }
        int bestDistance = Integer.MAX_VALUE;
        List<String> best = new ArrayList<>();
        for (String v : candidates) {
            if (w.length() == 3 && !(v.length() == 4 && v.startsWith(w.substring(0, 2)))) continue; // "zom" → zoom only
            int d = distance(w, v, max);
            if (d > max || d > bestDistance) continue;
            if (d < bestDistance) {
                best.clear();
                bestDistance = d;
            }
            best.add(v);
        }
        if (best.size() == 1) return w.length() == 3 && !meaningful.test(best.get(0)) ? null : best.get(0);
        List<String> meaning = best.stream().filter(meaningful).toList();
        if (meaning.size() == 1) return meaning.get(0);
        List<String> pool = meaning.isEmpty() ? best : meaning;
        List<String> sameStart = pool.stream().filter(v -> v.charAt(0) == w.charAt(0)).toList();
        return sameStart.size() == 1 ? sameStart.get(0) : null;
    }

    /** The word with up to {@code depth} letters deleted, itself included. */
    private static Set<String> deletions(String w, int depth) {
        Set<String> out = new HashSet<>();
        out.add(w);
        List<String> frontier = List.of(w);
        for (int level = 0; level < depth; level++) {
            List<String> next = new ArrayList<>();
            for (String s : frontier) {
                for (int i = 0; i < s.length(); i++) {
                    String d = s.substring(0, i) + s.substring(i + 1);
                    if (out.add(d)) next.add(d);
                }
            }
            frontier = next;
        }
        return out;
    }

    /** Optimal string alignment distance (adjacent transpositions count 1), capped at max + 1. */
    static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) return max + 1;
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) d[i][0] = i;
        for (int j = 0; j <= m; j++) d[0][j] = j;
        for (int i = 1; i <= n; i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) return max + 1;
        }
        return d[n][m];
    }
}
