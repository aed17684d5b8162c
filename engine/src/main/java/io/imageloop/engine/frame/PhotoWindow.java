package io.imageloop.engine.frame;

/**
 * The part of the photo a framed picture shows, in fractions of the photo (0..1 from its top
 * left): what turns photo coordinates, in which guidance is drawn, into picture coordinates, in
 * which frames are rendered. A cover crop of a landscape photo to 9:16 shows a narrow window; a
 * fit shows all of it.
 */
public record PhotoWindow(double x, double y, double w, double h) {

    public static final PhotoWindow WHOLE = new PhotoWindow(0, 0, 1, 1);

    public PhotoWindow {
        if (!(w > 0 && h > 0)) throw new IllegalArgumentException("window " + w + "x" + h);
    }

    /**
     * The centred window of a photo of {@code photoW x photoH} that has the shape of {@code target}:
     * exactly the pixels {@link Framer#cover} crops.
     */
    public static PhotoWindow cover(int photoW, int photoH, FrameSize target) {
        int[] crop = Framer.coverCrop(photoW, photoH, target);
        return new PhotoWindow((double) crop[0] / photoW, (double) crop[1] / photoH, (double) crop[2] / photoW, (double) crop[3] / photoH);
    }

    /** This window's own centred sub-window of the given shape (a canvas inside a fitted region, say). */
    public PhotoWindow inner(PhotoWindow part) {
        return new PhotoWindow(x + part.x * w, y + part.y * h, part.w * w, part.h * h);
    }

    /** Photo x (fraction) → picture x (fraction of the window); outside 0..1 when off the picture. */
    public double toPictureX(double photoX) {
        return (photoX - x) / w;
    }

    public double toPictureY(double photoY) {
        return (photoY - y) / h;
    }

    /** Picture x (fraction of the window) → photo x (fraction of the photo). */
    public double toPhotoX(double pictureX) {
        return x + pictureX * w;
    }

    public double toPhotoY(double pictureY) {
        return y + pictureY * h;
    }
}
