package io.imageloop.engine.motion;

/**
 * The virtual camera's sampled path: window centre (in output pixels) and zoom per frame.
 * Jitter is the RMS of the second difference of the centre, taken around the loop (so the wrap
 * from the last frame to the first counts like any other step). A smooth sub-pixel path scores
 * near 0; integer-rounded crops (ffmpeg zoompan) score about 0.45 px/frame².
 */
public record CameraPath(double[] x, double[] y, double[] zoom) {

    public int frames() {
        return x.length;
    }

    public double jitterRms() {
        int n = x.length;
        double sum = 0;
        for (int t = 0; t < n; t++) {
            int prev = (t - 1 + n) % n;
            int next = (t + 1) % n;
            double ax = x[next] - 2 * x[t] + x[prev];
            double ay = y[next] - 2 * y[t] + y[prev];
            sum += ax * ax + ay * ay;
        }
        return Math.sqrt(sum / n);
    }

    /** The same path as an integer-pixel crop would sample it: what this engine avoids. */
    public CameraPath rounded() {
        double[] rx = x.clone();
        double[] ry = y.clone();
        for (int i = 0; i < rx.length; i++) {
            rx[i] = Math.round(rx[i]);
            ry[i] = Math.round(ry[i]);
        }
        return new CameraPath(rx, ry, zoom);
    }
}
