/**
 * Exporting a draft: the schedule of segments on the output's frame clock, the compositor that
 * builds each frame (video segment, then texts above it), and the renderer that feeds frames and
 * mixed audio to the engine's encoders. Entry point: {@link io.imageloop.timeline.render.DraftRenderer}.
 */
package io.imageloop.timeline.render;
