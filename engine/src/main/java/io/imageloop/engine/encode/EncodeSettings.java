package io.imageloop.engine.encode;

import io.imageloop.engine.frame.FrameSize;

/** What the encoder needs to know about the frames it will receive. */
public record EncodeSettings(OutputFormat format, FrameSize size, double fps, Quality quality) {
}
