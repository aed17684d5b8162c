package io.imageloop.cli;

import io.imageloop.server.ImageloopServer;
import io.imageloop.server.RunningServer;
import io.imageloop.server.ServerConfig;
import io.imageloop.server.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code imageloop serve}: the HTTP service, with render workers unless {@code --workers 0}. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the imageloop HTTP service (API, chat stream, uploads, credits, exports).",
                "Defaults are embedded: an H2 database and files under --data-dir. To scale out, point every process at one "
                        + "PostgreSQL (--jdbc-url) and one storage (a shared --data-dir or --storage s3://...), run "
                        + "'serve --workers 0' for HTTP and 'imageloop worker' per render core.",
                "Every option's default is its IMAGELOOP_* environment variable."},
        footerHeading = "%nExamples:%n",
        footer = {"  imageloop serve --port 8080 --data-dir ./imageloop-data",
                "  IMAGELOOP_JDBC_URL=jdbc:postgresql://db/imageloop imageloop serve --workers 0 --storage s3://media/imageloop"})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions options;

    @Override
    public Integer call() {
        ServerConfig config;
        try {
            config = options.toConfig();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("imageloop: " + e.getMessage());
            return Main.USAGE;
        }
        RunningServer server;
        try {
            server = ImageloopServer.start(config);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("imageloop: " + e.getMessage());
            return Main.USAGE;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("imageloop: cannot start the server: " + Main.oneLine(e));
            return Main.FAILED;
        }
        spec.commandLine().getOut().println("imageloop serving " + server.baseUrl() + " (data in " + config.dataDir().toAbsolutePath() + ")");
        server.awaitShutdown();
        return Main.OK;
    }
}
