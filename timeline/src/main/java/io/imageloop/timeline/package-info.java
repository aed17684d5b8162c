/**
 * The draft (timeline) model, its short-key JSON codec, and the compositor that renders it.
 *
 * <p>A {@link io.imageloop.timeline.Draft} is tracks of segments on a millisecond clock, written
 * in the product's short-key JSON ({@code v}, {@code d}, {@code m}, {@code t}, {@code tt},
 * {@code sg}, {@code s}). Typical use:
 *
 * <pre>{@code
 * Draft draft = DraftCodec.read(json);                         // shape problems → LoopException
 * MediaResolver media = MediaResolver.relativeTo(draftFolder); // or ofIds(session uploads)
 * DraftValidator.check(draft, media);                          // range problems → LoopException
 * String line = draft.summary();                               // "Timeline (3 tracks): 1. Video: ..."
 * RenderResult r = new DraftRenderer().render(draft, media, out, OutputFormat.MP4, progress);
 * }</pre>
 *
 * <p>Problems are reported by JSON path ({@code t[2].sg[0].d: duration must be > 0}), all at once,
 * in one {@link io.imageloop.engine.LoopException} of kind {@code INVALID_PARAMETER} (or
 * {@code CORRUPT_INPUT} for text that is not JSON); {@link io.imageloop.timeline.DraftValidator#problems}
 * and {@link io.imageloop.timeline.DraftCodec#problems} give them as a list.
 */
package io.imageloop.timeline;
