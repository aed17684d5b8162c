package io.imageloop.engine.recipe;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

import java.util.List;

/**
 * A part of the photo: a band, rectangles, polygons and/or a painted mask, all in fractions of
 * the photo as it stands upright (EXIF orientation applied), 0..1 from its top left. The area is
 * the union of its parts. Because it is tied to the photo and not to the frame, it covers the
 * same content at every aspect ratio and framing.
 *
 * @param band a band of the photo (upper, lower, whole), or null
 * @param mask a grey image stretched over the whole photo (bright = inside), or null
 */
public record Area(Region band, List<Rect> rects, List<List<Point>> polygons, Mask mask) {

    /** The whole photo. */
    public static final Area WHOLE = new Area(Region.WHOLE, List.of(), List.of(), null);
    /** Nothing at all (e.g. no frozen areas). */
    public static final Area NONE = new Area(null, List.of(), List.of(), null);

    /** A rectangle in fractions of the photo: left, top, width, height. */
    public record Rect(double x, double y, double w, double h) {
        public Rect {
            if (!(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 1.0001 && y + h <= 1.0001)) {
                throw new LoopException(Kind.INVALID_PARAMETER,
                        "an area is x,y,w,h in fractions of the photo, inside 0..1, got " + x + "," + y + "," + w + "," + h);
            }
        }

        public static Rect parse(String text) {
            String[] p = text.split(",");
            if (p.length != 4) {
                throw new LoopException(Kind.INVALID_PARAMETER, "an area is x,y,w,h in fractions of the photo, got '" + text + "'");
            }
            try {
                return new Rect(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()),
                        Double.parseDouble(p[2].trim()), Double.parseDouble(p[3].trim()));
            } catch (NumberFormatException e) {
                throw new LoopException(Kind.INVALID_PARAMETER, "an area needs four numbers, got '" + text + "'");
            }
        }

        /** The rectangle as its four corners, clockwise from the top left. */
        public List<Point> corners() {
            double r = Math.min(1, x + w);
            double b = Math.min(1, y + h);
            return List.of(new Point(x, y), new Point(r, y), new Point(r, b), new Point(x, b));
        }
    }

    public Area {
        rects = List.copyOf(rects);
        polygons = polygons.stream().map(List::copyOf).toList();
        for (int i = 0; i < polygons.size(); i++) {
            if (polygons.get(i).size() < 3) {
                throw new LoopException(Kind.INVALID_PARAMETER, "polygon " + (i + 1) + " of an area needs at least 3 points");
            }
        }
    }

    public static Area band(Region band) {
        return new Area(band, List.of(), List.of(), null);
    }

    public static Area of(Mask mask) {
        return new Area(null, List.of(), List.of(), mask);
    }

    public static Area of(List<Rect> rects) {
        return new Area(null, rects, List.of(), null);
    }

    public boolean isEmpty() {
        return band == null && rects.isEmpty() && polygons.isEmpty() && mask == null;
    }

    public boolean isWhole() {
        return band == Region.WHOLE;
    }

    /** This area and that one together. */
    public Area plus(Area other) {
        if (other.isEmpty()) return this;
        if (isEmpty()) return other;
        if (mask != null && other.mask != null && !mask.equals(other.mask)) {
            throw new LoopException(Kind.INVALID_PARAMETER, "an area holds one mask; paint both into one image");
        }
        Region b = band == null ? other.band : other.band == null || other.band == band ? band : Region.WHOLE;
        return new Area(b, concat(rects, other.rects), concat(polygons, other.polygons), mask != null ? mask : other.mask);
    }

    public Area withMask(Mask m) {
        return new Area(band, rects, polygons, m);
    }

    /** A few words for reports: "the upper part", "2 rectangles and a mask". */
    public String describe() {
        if (isEmpty()) return "nothing";
        if (isWhole()) return "the whole picture";
        StringBuilder s = new StringBuilder();
        if (band != null) s.append("the ").append(band).append(" part");
        append(s, rects.size(), "rectangle");
        append(s, polygons.size(), "polygon");
        if (mask != null) s.append(s.length() == 0 ? "" : " and ").append(mask.label() == null ? "a mask" : mask.label());
        return s.toString();
    }

    private static void append(StringBuilder s, int n, String what) {
        if (n == 0) return;
        if (s.length() > 0) s.append(", ");
        s.append(n).append(' ').append(what).append(n == 1 ? "" : "s");
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        java.util.ArrayList<T> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
