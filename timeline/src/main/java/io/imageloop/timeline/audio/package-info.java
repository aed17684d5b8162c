/**
 * The draft's sound: audio segments decoded by FFmpeg at 48 kHz stereo, trimmed or repeated to
 * their segments, gained, faded and mixed, streamed in chunks to the encoder.
 */
package io.imageloop.timeline.audio;
