package io.imageloop.timeline.text;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The fonts text overlays are drawn with, loaded from their files so that output does not depend
 * on what the JDK's logical fonts happen to map to on a machine. A text gets the first font that
 * has a glyph for every character: a Latin font first (crisper), then CJK fonts, which also cover
 * Latin. When no file covers a text, the logical SansSerif font is used and a warning says which
 * package to install, because missing glyphs would show as empty boxes.
 *
 * <p>Extra font files can be put first with the {@code imageloop.fonts} system property or the
 * {@code IMAGELOOP_FONTS} environment variable (paths separated by {@code :}).
 */
public final class FontBook {

    private static final System.Logger LOG = System.getLogger(FontBook.class.getName());

    /** Bold sans fonts for Latin text, in order of preference (Debian paths). */
    static final List<String> LATIN = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
            "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
            "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf");

    /** Fonts with Chinese (and Japanese kana) glyphs; fonts-wqy-microhei is what .ci/install-fonts.sh installs. */
    static final List<String> CJK = List.of(
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/arphic/uming.ttc");

    private static volatile FontBook system;

    private final List<Font> fonts;
    private final Set<String> warned = new LinkedHashSet<>();

    /** The fonts of the given files that load, in order; unreadable files are skipped with a warning. */
    public FontBook(List<Path> files) {
        List<Font> loaded = new ArrayList<>();
        for (Path file : files) {
            Font f = load(file);
            if (f != null) loaded.add(f);
        }
        this.fonts = List.copyOf(loaded);
    }

    /** The fonts installed on this machine (plus any configured ones), loaded once. */
    public static FontBook system() {
        FontBook b = system;
        if (b == null) {
            synchronized (FontBook.class) {
                if (system == null) system = new FontBook(systemFiles());
                b = system;
            }
        }
        return b;
    }

    static List<Path> systemFiles() {
        List<Path> files = new ArrayList<>();
        for (String configured : new String[] {System.getProperty("imageloop.fonts"), System.getenv("IMAGELOOP_FONTS")}) {
            if (configured == null || configured.isBlank()) continue;
            for (String p : configured.split(File.pathSeparator)) {
                if (!p.isBlank()) files.add(Path.of(p.trim()));
            }
        }
        for (String p : LATIN) if (Files.isRegularFile(Path.of(p))) files.add(Path.of(p));
        for (String p : CJK) if (Files.isRegularFile(Path.of(p))) files.add(Path.of(p));
        return files;
    }

    /** The loaded fonts' family names, in the order they are tried. */
    public List<String> families() {
        return fonts.stream().map(f -> f.getFamily(Locale.ROOT)).toList();
    }

    /** Whether a loaded font has a glyph for every character of the text. */
    public boolean covers(String text) {
        return fonts.stream().anyMatch(f -> f.canDisplayUpTo(text) == -1);
    }

    /**
     * The font to draw {@code text} with at {@code sizePx} pixels: the first loaded font with every
     * glyph; else the logical SansSerif font, with a warning (once per text).
     */
    public Font fontFor(String text, float sizePx) {
        for (Font f : fonts) {
            if (f.canDisplayUpTo(text) == -1) return style(f).deriveFont(sizePx);
        }
        warnOnce(text);
        return new Font(Font.SANS_SERIF, Font.BOLD, 1).deriveFont(sizePx);
    }

    /** Bold reads better over moving pictures; fonts without a bold face get a synthetic one. */
    private static Font style(Font f) {
        return f.isBold() || f.getFontName(Locale.ROOT).toLowerCase(Locale.ROOT).contains("bold") ? f : f.deriveFont(Font.BOLD);
    }

    private void warnOnce(String text) {
        synchronized (warned) {
            if (!warned.add(text)) return;
        }
        String missing = missing(text);
        LOG.log(System.Logger.Level.WARNING, "no font file has glyphs for " + missing + " (fonts tried: "
                + (fonts.isEmpty() ? "none found" : String.join(", ", families()))
                + "); falling back to the logical SansSerif font, which may draw boxes. "
                + "Install fonts-dejavu-core and fonts-wqy-microhei or fonts-noto-cjk (see .ci/install-fonts.sh).");
    }

    private String missing(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(cp -> !Character.isWhitespace(cp) && fonts.stream().noneMatch(f -> f.canDisplay(cp)))
                .distinct().limit(8).forEach(cp -> out.appendCodePoint(cp));
        return "'" + out + "'";
    }

    /**
     * The first face of a font file; for CJK collections the Simplified Chinese face, since the
     * product's CJK users are mostly Chinese (the faces differ only in regional glyph forms).
     */
    private static Font load(Path file) {
        try {
            Font[] faces = Font.createFonts(file.toFile());
            Font chosen = faces[0];
            for (Font f : faces) {
                String name = f.getFontName(Locale.ROOT);
                if (name.contains(" SC") || name.endsWith("SC")) {
                    chosen = f;
                    break;
                }
            }
            return chosen;
        } catch (FontFormatException | IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot load the font " + file + ": " + e.getMessage());
            return null;
        }
    }
}
