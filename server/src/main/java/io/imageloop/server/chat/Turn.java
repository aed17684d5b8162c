package io.imageloop.server.chat;

/**
 * The outcome of a turn.
 *
 * @param reply        the text shown to the user (also streamed as an event)
 * @param draftVersion the draft version the turn saved, or null when it changed nothing
 */
public record Turn(String reply, Integer draftVersion) {
}
