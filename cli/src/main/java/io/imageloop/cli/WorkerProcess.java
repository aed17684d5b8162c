package io.imageloop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An {@code imageloop worker} in a process of its own, pinned to one core with taskset, logging to a file. */
final class WorkerProcess implements AutoCloseable {

    final int core;
    final Process process;
    final Path log;

    private WorkerProcess(int core, Process process, Path log) {
        this.core = core;
        this.process = process;
        this.log = log;
    }

    static WorkerProcess start(int core, Path logDir, List<String> workerArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of("taskset", "-c", Integer.toString(core),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "worker"));
        command.addAll(workerArgs);
        Path log = logDir.resolve("worker-core" + core + "-" + System.nanoTime() + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OPENCV_LOG_LEVEL", "ERROR");
        return new WorkerProcess(core, pb.start(), log);
    }

    /** Whether this worker's log says it started the render. */
    boolean rendering(String renderId) throws IOException {
        return Files.readString(log).contains("render " + renderId + " (session");
    }

    /** How many renders this worker finished, and their render times in ms, from its log. */
    java.util.List<Long> renderMillis() throws IOException {
        java.util.List<Long> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("render \\S+ done in (\\d+) ms").matcher(Files.readString(log));
        while (m.find()) out.add(Long.parseLong(m.group(1)));
        return out;
    }

    /** CPU seconds this worker has used (user + system), or 0 when it is gone. */
    double cpuSeconds() {
        return CpuClock.processSeconds(process.pid());
    }

    /** Peak resident memory of the worker so far, in MB (Linux), or -1. */
    long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return -1;
    }

    /** kill -9: no shutdown hook, no grace, as a crash or an OOM kill. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) kill();
    }
}
