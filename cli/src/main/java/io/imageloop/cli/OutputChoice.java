package io.imageloop.cli;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.encode.OutputFormat;

import java.nio.file.Files;
import java.nio.file.Path;

/** How commands pick the output format: --format, else the output's extension, else MP4. */
final class OutputChoice {

    private OutputChoice() {
    }

    /** A contradiction (out.gif with --format webm) is an error rather than a silent choice. */
    static OutputFormat format(Path output, String format) {
        OutputFormat fromName = output == null || Files.isDirectory(output) ? null : OutputFormat.ofFileName(output);
        if (format == null) return fromName == null ? OutputFormat.MP4 : fromName;
        OutputFormat asked = OutputFormat.parse(format);
        if (fromName != null && fromName != asked) {
            throw new LoopException(Kind.INVALID_PARAMETER, "the output name ends in ." + fromName + " but --format is " + asked);
        }
        return asked;
    }
}
