package io.imageloop.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The draft's short-key JSON ({@code v}, {@code d}, {@code m}, {@code t}, {@code tt}, {@code sg},
 * {@code s}) to and from the typed model. Round-trip safe: reading what was written gives an
 * equal draft, and keys this build does not know are kept where they were.
 *
 * <p>Reading reports all problems of shape (wrong JSON types, unknown track types, unknown
 * words, bad colours) in one {@link LoopException}; range and consistency checks are
 * {@link DraftValidator}'s.
 */
public final class DraftCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DraftCodec() {
    }

    public static Draft read(String json) {
        DraftLimits.checkBytes(json);
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new LoopException(Kind.CORRUPT_INPUT, "the draft is not valid JSON: " + e.getOriginalMessage());
        }
        return read(root);
    }

    public static Draft read(Path file) {
        try {
            DraftLimits.checkBytes(Files.size(file)); // before reading: a 50 MB draft never reaches the parser
            return read(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new LoopException(Kind.INPUT_NOT_FOUND, "draft file not found: " + file);
        } catch (IOException e) {
            throw new LoopException(Kind.INPUT_NOT_FOUND, "cannot read the draft " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads an already parsed tree, e.g. the {@code draft} of a request body. */
    public static Draft read(JsonNode root) {
        DraftLimits.checkTree(root);
        DraftReader reader = new DraftReader();
        Draft draft = reader.read(root);
        List<DraftProblem> problems = reader.problems();
        if (!problems.isEmpty()) throw DraftProblem.toException(problems);
        return draft;
    }

    /** The shape problems of a tree, without throwing; empty when it reads as a draft. */
    public static List<DraftProblem> problems(JsonNode root) {
        DraftLimits.checkTree(root);
        DraftReader reader = new DraftReader();
        reader.read(root);
        return List.copyOf(reader.problems());
    }

    public static ObjectNode toJson(Draft draft) {
        return DraftWriter.write(draft);
    }

    /** Compact JSON. */
    public static String write(Draft draft) {
        return toJson(draft).toString();
    }

    /** Indented JSON, for files people read. */
    public static String writePretty(Draft draft) {
        try {
            return PRETTY.writeValueAsString(toJson(draft));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
