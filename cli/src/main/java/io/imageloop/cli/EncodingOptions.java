package io.imageloop.cli;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.encode.OutputFormat;
import io.imageloop.engine.encode.Quality;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** The options every rendering command shares: what to encode, how big, and how quietly. */
final class EncodingOptions {

    @Option(names = "--format", paramLabel = "FORMAT", description = "mp4, webm or gif (default: from the output name, else mp4).")
    String format;

    @Option(names = "--resolution", paramLabel = "PX", defaultValue = "1080", description = "Short side in pixels (default: ${DEFAULT-VALUE}).")
    int resolution;

    @Option(names = "--quality", paramLabel = "Q", defaultValue = "standard", description = "draft, standard or high (default: ${DEFAULT-VALUE}).")
    String quality;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    Quality quality() {
        return Quality.parse(quality);
    }

    /**
     * --format, else the output's extension, else MP4. A contradiction (out.gif with --format
     * webm) is an error rather than a silent choice.
     */
    OutputFormat format(Path output) {
        OutputFormat fromName = output == null || Files.isDirectory(output) ? null : OutputFormat.ofFileName(output);
        if (format == null) return fromName == null ? OutputFormat.MP4 : fromName;
        OutputFormat asked = OutputFormat.parse(format);
        if (fromName != null && fromName != asked) {
            throw new LoopException(Kind.INVALID_PARAMETER, "the output name ends in ." + fromName + " but --format is " + asked);
        }
        return asked;
    }
}
