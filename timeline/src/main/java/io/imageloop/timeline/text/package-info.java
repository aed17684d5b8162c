/**
 * Titles and captions: fonts loaded from their files (Latin, then CJK), text laid out and drawn
 * once per distinct text with Java2D, and blended over frames with a fade factor.
 */
package io.imageloop.timeline.text;
