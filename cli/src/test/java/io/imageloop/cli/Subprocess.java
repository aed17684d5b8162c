package io.imageloop.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The CLI in a JVM of its own, as a user starts it: what it prints on its real stderr (native
 * libraries' lines included) and what a signal does to it.
 */
final class Subprocess {

    record Result(int code, String out, String err) {
    }

    private Subprocess() {
    }

    /** A started {@code imageloop ARGS} with the test classpath; stdout and stderr go to files in {@code dir}. */
    static Process start(Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-cp", classpath(), "io.imageloop.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve(".stdout").toFile()).redirectError(dir.resolve(".stderr").toFile());
        pb.environment().remove("OPENCV_LOG_LEVEL"); // as on a terminal without the launcher: nothing hides native logs
        pb.environment().putAll(env);
        return pb.start();
    }

    static Result run(Path dir, String... args) throws IOException, InterruptedException {
        Process p = start(dir, Map.of(), args);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("imageloop " + String.join(" ", args) + " did not finish");
        }
        return finished(dir, p);
    }

    static Result finished(Path dir, Process p) throws IOException {
        Result r = new Result(p.exitValue(), Files.readString(dir.resolve(".stdout"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve(".stderr"), StandardCharsets.UTF_8));
        Files.deleteIfExists(dir.resolve(".stdout"));
        Files.deleteIfExists(dir.resolve(".stderr"));
        return r;
    }

    static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) cp = System.getProperty("java.class.path");
        return cp;
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String pathSeparator() {
        return File.pathSeparator;
    }
}
