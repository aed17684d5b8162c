package io.imageloop.server.chat.understand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of {@code lexicon.txt}: English words and phrases (up to four words) and Chinese
 * words, each with the cues it carries and, for some, a value ("red"). Loaded once.
 */
final class Lexicon {

    record Entry(Set<Cue> cues, String value) {
    }

    static final Lexicon INSTANCE = load();
    /** The longest English phrase in words and the longest Chinese word in characters. */
    static final int MAX_PHRASE = 4;
    static final int MAX_HAN = 6;

    private final Map<String, Entry> english = new HashMap<>();
    private final Map<String, Entry> chinese = new HashMap<>();
    private final Set<String> stopWords = new HashSet<>();
    private final Set<String> vocabulary = new HashSet<>();

    private Lexicon() {
    }

    Entry english(String phrase) {
        return english.get(phrase);
    }

    Entry chinese(String word) {
        return chinese.get(word);
    }

    boolean stopWord(String w) {
        return stopWords.contains(w);
    }

    Set<String> stopWords() {
        return stopWords;
    }

    /** Single words a typo may be corrected to. */
    Set<String> vocabulary() {
        return vocabulary;
    }

    private static Lexicon load() {
        Lexicon lex = new Lexicon();
        try (InputStream in = Lexicon.class.getResourceAsStream("lexicon.txt")) {
            if (in == null) throw new IllegalStateException("lexicon.txt is missing from the build");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                int colon = line.indexOf(':');
                Cue cue = Cue.valueOf(line.substring(0, colon).trim());
                for (String item : line.substring(colon + 1).split(",")) {
                    String w = item.strip().toLowerCase(Locale.ROOT);
                    if (w.isEmpty()) continue;
                    String value = null;
                    int eq = w.indexOf('=');
                    if (eq > 0) {
                        value = w.substring(eq + 1).strip();
                        w = w.substring(0, eq).strip();
                    }
                    lex.add(cue, w, value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lex.vocabulary.addAll(Numbers.WORDS.keySet());
        lex.vocabulary.addAll(Numbers.ORDINALS.keySet());
        return lex;
    }

    private void add(Cue cue, String w, String value) {
        if (cue == Cue.STOP_WORDS) {
            stopWords.add(w);
            vocabulary.add(w);
            return;
        }
        boolean han = w.codePoints().anyMatch(Tokenizer::isHan);
        Map<String, Entry> table = han ? chinese : english;
        Entry old = table.get(w);
        Set<Cue> cues = old == null ? EnumSet.noneOf(Cue.class) : EnumSet.copyOf(old.cues());
        cues.add(cue);
        table.put(w, new Entry(cues, value != null ? value : old == null ? null : old.value()));
        if (!han && !w.contains(" ") && w.chars().allMatch(Character::isLetter) && w.length() >= 3) vocabulary.add(w);
    }

    static List<String> words(String phrase) {
        return List.of(phrase.split(" "));
    }
}
