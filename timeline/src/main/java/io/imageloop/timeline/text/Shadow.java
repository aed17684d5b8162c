package io.imageloop.timeline.text;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.image.BufferedImage;

/**
 * A soft drop shadow: the text's coverage blurred and darkened. Three box blurs approximate a
 * Gaussian closely enough for a shadow and cost the same at any radius.
 */
final class Shadow {

    private Shadow() {
    }

    /**
     * @param stroke the outline stroke when the text is outlined (the shadow follows the outline), or null
     * @param sigma  blur in pixels
     */
    static BufferedImage of(Shape glyphs, BasicStroke stroke, int w, int h, double sigma, double opacity) {
        BufferedImage mask = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = mask.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fill(glyphs);
            if (stroke != null) {
                g.setStroke(stroke);
                g.draw(glyphs);
            }
        } finally {
            g.dispose();
        }
        int[] a = new int[w * h];
        mask.getRaster().getPixels(0, 0, w, h, a);
        // Box width for three passes that together match a Gaussian of this sigma.
        int r = Math.max(1, (int) Math.round((Math.sqrt(4 * sigma * sigma + 1) - 1) / 2));
        int[] tmp = new int[a.length];
        for (int pass = 0; pass < 3; pass++) {
            boxBlur(a, tmp, w, h, r, true);
            boxBlur(tmp, a, w, h, r, false);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] argb = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            int alpha = (int) Math.round(Math.min(255, a[i]) * opacity);
            argb[i] = alpha << 24;
        }
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    /** Running-sum box blur of radius r along rows (horizontal) or columns, edges clamped to zero. */
    private static void boxBlur(int[] src, int[] dst, int w, int h, int r, boolean horizontal) {
        int n = horizontal ? w : h;
        int lines = horizontal ? h : w;
        int stride = horizontal ? 1 : w;
        int div = 2 * r + 1;
        for (int line = 0; line < lines; line++) {
            int base = horizontal ? line * w : line;
            int sum = 0;
            for (int i = 0; i <= r && i < n; i++) sum += src[base + i * stride];
            for (int i = 0; i < n; i++) {
                dst[base + i * stride] = sum / div;
                int add = i + r + 1;
                int remove = i - r;
                if (add < n) sum += src[base + add * stride];
                if (remove >= 0) sum -= src[base + remove * stride];
            }
        }
    }
}
