package io.imageloop.timeline.render;

import org.bytedeco.opencv.opencv_core.Mat;

/** Full frames for one video segment, by frame index counted from the segment's start. */
interface SegmentSource extends AutoCloseable {

    /** Renders the segment's frame {@code local} (0 = its first) into dst, 8-bit BGR at output size. */
    void render(int local, Mat dst);

    @Override
    void close();
}
