package io.imageloop.timeline.text;

import io.imageloop.engine.frame.FrameSize;
import io.imageloop.timeline.Placement;
import io.imageloop.timeline.TextClip;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link TextClip} for a frame size into a {@link TextSprite} with Java2D: wrapped,
 * centred lines, an optional outline and soft shadow. Every length is a fraction of the font
 * size, and the font size a fraction of the frame height, so a draft looks the same at every
 * resolution and shape: on narrow (9:16) frames long titles wrap rather than run off the edge.
 */
public final class TextRasterizer {

    /** Lines wrap at this fraction of the frame width. */
    static final double MAX_WIDTH = 0.9;
    /** Distance of the top and bottom positions from the frame's edge, as a fraction of its height. */
    static final double TOP_MARGIN = 0.08;
    static final double BOTTOM_MARGIN = 0.10;
    static final double OUTLINE = 0.08;
    static final double SHADOW_OFFSET = 0.05;
    static final double SHADOW_BLUR = 0.06;
    static final double SHADOW_OPACITY = 0.65;

    private final FontBook fonts;

    public TextRasterizer(FontBook fonts) {
        this.fonts = fonts;
    }

    public TextSprite render(TextClip clip, FrameSize frame) {
        float fontPx = (float) Math.max(4, clip.size() * frame.height());
        Font font = fonts.fontFor(clip.text(), fontPx);
        FontRenderContext frc = new FontRenderContext(null, true, true);
        float wrap = (float) (MAX_WIDTH * frame.width());
        List<TextLayout> lines = layout(clip.text(), font, frc, wrap);

        double blockW = 0;
        double blockH = 0;
        for (TextLayout l : lines) {
            blockW = Math.max(blockW, l.getVisibleAdvance());
            blockH += lineHeight(l);
        }
        double outline = clip.outline() == null ? 0 : Math.max(1, OUTLINE * fontPx);
        double shadowOffset = clip.shadow() ? SHADOW_OFFSET * fontPx : 0;
        double blur = clip.shadow() ? Math.max(1, SHADOW_BLUR * fontPx) : 0;
        int pad = (int) Math.ceil(outline + shadowOffset + 2 * blur + 2);
        int w = (int) Math.ceil(blockW) + 2 * pad;
        int h = (int) Math.ceil(blockH) + 2 * pad;

        if ((long) w * h > 4L * frame.width() * frame.height()) {
            // DraftLimits refuses such text before rendering; this keeps a draft built in code from costing gigabytes.
            throw new io.imageloop.engine.LoopException(io.imageloop.engine.LoopException.Kind.INVALID_PARAMETER,
                    "a text overlay is too large to draw: " + lines.size() + " lines at size " + clip.size());
        }
        Shape glyphs = outlines(lines, pad, blockW);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            BasicStroke stroke = new BasicStroke((float) (2 * outline), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
            if (clip.shadow()) {
                BufferedImage shadow = Shadow.of(glyphs, outline > 0 ? stroke : null, w, h, blur, SHADOW_OPACITY);
                g.drawImage(shadow, (int) Math.round(shadowOffset * 0.6), (int) Math.round(shadowOffset), null);
            }
            if (outline > 0) {
                // The stroke is centred on the glyph edge: twice the width leaves `outline` pixels outside it.
                g.setColor(clip.outline().toAwt());
                g.setStroke(stroke);
                g.draw(glyphs);
            }
            g.setColor(clip.color().toAwt());
            g.fill(glyphs);
        } finally {
            g.dispose();
        }
        double[] centre = centre(clip.placement(), frame, blockW, blockH);
        int x = (int) Math.round(centre[0] - blockW / 2) - pad;
        int y = (int) Math.round(centre[1] - blockH / 2) - pad;
        return new TextSprite(x, y, image);
    }

    /** Paragraphs split at line breaks, each wrapped at word (or, for CJK, character) boundaries. */
    private static List<TextLayout> layout(String text, Font font, FontRenderContext frc, float wrap) {
        List<TextLayout> lines = new ArrayList<>();
        for (String paragraph : text.strip().split("\\R", -1)) {
            String p = paragraph.strip();
            if (p.isEmpty()) {
                lines.add(new TextLayout(" ", font, frc));
                continue;
            }
            AttributedString s = new AttributedString(p);
            s.addAttribute(TextAttribute.FONT, font);
            LineBreakMeasurer measurer = new LineBreakMeasurer(s.getIterator(), frc);
            while (measurer.getPosition() < p.length()) {
                lines.add(measurer.nextLayout(wrap));
            }
        }
        return lines;
    }

    private static double lineHeight(TextLayout l) {
        return l.getAscent() + l.getDescent() + l.getLeading();
    }

    /** All lines as one shape, each centred horizontally in the block. */
    private static Shape outlines(List<TextLayout> lines, int pad, double blockW) {
        Path2D.Double all = new Path2D.Double();
        double top = pad;
        for (TextLayout l : lines) {
            // Visible advance: a wrapped line keeps its trailing space, which must not push it off centre.
            double x = pad + (blockW - l.getVisibleAdvance()) / 2;
            double baseline = top + l.getAscent();
            all.append(l.getOutline(AffineTransform.getTranslateInstance(x, baseline)), false);
            top += lineHeight(l);
        }
        return all;
    }

    /**
     * The text block's centre in frame pixels. Named positions keep the block inside the frame;
     * explicit points are the block's centre, moved inwards when the block would leave the frame.
     */
    static double[] centre(Placement placement, FrameSize frame, double blockW, double blockH) {
        double fw = frame.width();
        double fh = frame.height();
        double cx = fw / 2;
        double cy;
        if (placement instanceof Placement.At at) {
            cx = at.x() * fw;
            cy = at.y() * fh;
        } else {
            cy = switch (((Placement.Anchored) placement).position()) {
                case TOP -> TOP_MARGIN * fh + blockH / 2;
                case CENTER -> fh / 2;
                case BOTTOM -> (1 - BOTTOM_MARGIN) * fh - blockH / 2;
            };
        }
        return new double[] {inside(cx, blockW, fw), inside(cy, blockH, fh)};
    }

    private static double inside(double centre, double size, double frame) {
        if (size >= frame) return frame / 2;
        return Math.max(size / 2, Math.min(frame - size / 2, centre));
    }
}
