package io.imageloop.server.chat.understand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typo correction: an unknown word becomes the one known word within a Damerau-Levenshtein
 * distance of 1 (2 for words of 8 letters or more), when exactly one word is that close. Words
 * are compared only with known words of about their length, so the cost per word is small
 * and fixed, and a message costs time in proportion to its length.
 */
final class Fuzzy {

    private final Map<Integer, List<String>> byLength = new HashMap<>();
    private final java.util.function.Predicate<String> meaningful;

    Fuzzy(Set<String> vocabulary, java.util.function.Predicate<String> meaningful) {
        this.meaningful = meaningful;
        for (String w : vocabulary) byLength.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w);
    }

    /**
     * The correction of a word, or null when it has none. Between equally close words, one that
     * starts with the same letter wins (typos rarely hit the first letter); otherwise none.
     */
    String correct(String w) {
        if (w.length() == 3) return three(w);
        if (w.length() < 4 || w.length() > 20) return null;
        int max = w.length() >= 8 ? 2 : 1;
        int bestDistance = Integer.MAX_VALUE;
        List<String> best = new ArrayList<>();
        for (int len = w.length() - max; len <= w.length() + max; len++) {
            for (String v : byLength.getOrDefault(len, List.of())) {
                int d = distance(w, v, max);
                if (d > max || d > bestDistance) continue;
                if (d < bestDistance) {
                    best.clear();
                    bestDistance = d;
                }
                if (!best.contains(v)) best.add(v);
            }
        }
        if (best.size() == 1) return best.get(0);
        // Prefer a word that means something to one that does not, then one with the same first letter.
        List<String> meaning = best.stream().filter(meaningful).toList();
        if (meaning.size() == 1) return meaning.get(0);
        List<String> pool = meaning.isEmpty() ? best : meaning;
        List<String> sameStart = pool.stream().filter(v -> v.charAt(0) == w.charAt(0)).toList();
        return sameStart.size() == 1 ? sameStart.get(0) : null;
    }

    /** A three-letter word: only a missing letter of a four-letter word starting the same way ("zom" for zoom). */
    private String three(String w) {
        List<String> fit = byLength.getOrDefault(4, List.of()).stream()
                .filter(v -> v.startsWith(w.substring(0, 2)) && distance(w, v, 1) == 1 && meaningful.test(v)).toList();
        return fit.size() == 1 ? fit.get(0) : null;
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
