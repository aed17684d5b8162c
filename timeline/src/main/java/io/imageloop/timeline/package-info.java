/** The draft (timeline) model, its short-key JSON codec, and the compositor that renders it. */
package io.imageloop.timeline;
