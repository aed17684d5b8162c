package io.imageloop.engine.frame;

/** How a photo of another shape fills the frame. */
public enum Fitting {
    /** Crop to the frame's shape, centred: no bars. */
    COVER,
    /** Show the whole photo; the bars are a blurred, darkened copy of it. */
    FIT
}
