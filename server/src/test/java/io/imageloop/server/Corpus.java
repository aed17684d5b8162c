package io.imageloop.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The chat corpus files (server/src/test/resources/chat/README.md describes the format). */
final class Corpus {

    record Upload(String sample, String name) {
    }

    record Turn(int line, String message, List<String> tags, List<String> expectations, List<Upload> uploadsBefore) {
    }

    record Conversation(String id, String file, String language, List<Upload> photos, List<Upload> music, List<Turn> turns) {
    }

    private static final Pattern TAGS = Pattern.compile("\\s{2,}\\[([^\\]]*)]\\s*$");

    private Corpus() {
    }

    static List<Conversation> load(String resource) throws IOException {
        String text;
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing " + resource);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Conversation> out = new ArrayList<>();
        String id = null;
        String language = "en";
        List<Upload> photos = new ArrayList<>();
        List<Upload> music = new ArrayList<>();
        List<Turn> turns = new ArrayList<>();
        List<Upload> pending = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].stripTrailing();
            if (line.isBlank() || line.startsWith("#")) continue;
            if (line.startsWith("=== ")) {
                if (id != null) out.add(new Conversation(id, resource, language, photos, music, turns));
                id = line.substring(4).trim();
                language = "en";
                photos = new ArrayList<>();
                music = new ArrayList<>();
                turns = new ArrayList<>();
            } else if (line.startsWith("photos:")) {
                photos.addAll(uploads(line.substring(7)));
            } else if (line.startsWith("music:")) {
                music.addAll(uploads(line.substring(6)));
            } else if (line.startsWith("language:")) {
                language = line.substring(9).trim();
            } else if (line.startsWith("+ upload ")) {
                pending.addAll(uploads(line.substring(9)));
            } else if (line.startsWith("> ")) {
                String m = line.substring(2);
                List<String> tags = new ArrayList<>();
                Matcher t = TAGS.matcher(m);
                if (t.find()) {
                    for (String tag : t.group(1).split(",")) if (!tag.isBlank()) tags.add(tag.trim());
                    m = m.substring(0, t.start());
                }
                turns.add(new Turn(n + 1, m.trim(), tags, new ArrayList<>(), List.copyOf(pending)));
                pending.clear();
            } else if (line.startsWith("  ")) {
                if (turns.isEmpty()) throw new IOException(resource + ":" + (n + 1) + ": expectation before any turn");
                turns.get(turns.size() - 1).expectations().add(line.trim());
            } else {
                throw new IOException(resource + ":" + (n + 1) + ": cannot read '" + line + "'");
            }
        }
        if (id != null) out.add(new Conversation(id, resource, language, photos, music, turns));
        return out;
    }

    private static List<Upload> uploads(String list) {
        List<Upload> out = new ArrayList<>();
        for (String item : list.split(",")) {
            String[] p = item.trim().split("\\s+as\\s+");
            out.add(new Upload(p[0].trim(), p.length > 1 ? p[1].trim() : p[0].trim()));
        }
        return out;
    }
}
