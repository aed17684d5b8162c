package io.imageloop.cli;

import io.imageloop.server.ImageloopServer;
import io.imageloop.server.RunningServer;
import io.imageloop.server.ServerConfig;
import io.imageloop.server.WorkerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code imageloop worker}: renders exports from the shared queue; no HTTP. */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a render worker: takes exports from the queue in the shared PostgreSQL database, renders them "
                + "and stores the result where every server reads it (the shared --data-dir or --storage s3://...).",
                "Run one per core (e.g. taskset -c 1 imageloop worker --workers 1). A worker that dies mid-render has its "
                        + "export finished by another, charged once.",
                "Every option's default is its IMAGELOOP_* environment variable."},
        footerHeading = "%nExample:%n",
        footer = {"  IMAGELOOP_JDBC_URL=jdbc:postgresql://db/imageloop imageloop worker --workers 1 --data-dir /mnt/shared/imageloop"})
public final class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkerOptions options;

    @Override
    public Integer call() {
        ServerConfig config;
        try {
            config = options.toConfig();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("imageloop: " + e.getMessage());
            return Main.USAGE;
        }
        RunningServer worker;
        try {
            worker = ImageloopServer.startWorker(config);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("imageloop: " + e.getMessage());
            return Main.USAGE;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("imageloop: cannot start the worker: " + Main.oneLine(e));
            return Main.FAILED;
        }
        spec.commandLine().getOut().println("imageloop worker rendering exports (" + config.workers() + " at a time)");
        worker.awaitShutdown();
        return Main.OK;
    }
}
