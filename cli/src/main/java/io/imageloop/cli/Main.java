package io.imageloop.cli;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.render.Leftovers;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code imageloop} command: makes loops locally, no server and no account. */
@Command(name = "imageloop", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Turns photos into seamlessly looping videos.",
        subcommands = {MakeCommand.class, RenderCommand.class, ServeCommand.class, WorkerCommand.class, CreditsCommand.class, BenchCommand.class,
                ScaleBenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit codes, stable for scripts. */
    public static final int OK = 0;
    public static final int USAGE = 2;
    public static final int BAD_INPUT = 3;
    public static final int BAD_OUTPUT = 4;
    public static final int FAILED = 5;
    public static final int INTERNAL = 70;
    public static final int CANCELLED = 130;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        Leftovers.deleteOnShutdown(); // Ctrl-C or SIGTERM mid-render leaves no hidden temporaries
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        // Examples carry comments; at 80 columns they would wrap mid-line.
        cli.setUsageHelpWidth(120);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            err.println("imageloop: " + ex.getMessage());
            CommandLine sub = ex.getCommandLine();
            err.println("Try '" + sub.getCommandSpec().qualifiedName() + " --help' for usage.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof LoopException le) {
                err.println("imageloop: " + le.getMessage());
                return exitCode(le.kind());
            }
            err.println("imageloop: internal error: " + ex + " (run with IMAGELOOP_DEBUG=1 for details)");
            if (System.getenv("IMAGELOOP_DEBUG") != null) ex.printStackTrace(err);
            return INTERNAL;
        });
        return cli.execute(args);
    }

    /** An exception's message and its causes', on one line (no stack trace for the user). */
    static String oneLine(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) sb.append(": ").append(c.getMessage());
        }
        return sb.toString().replaceAll("\\s+", " ").trim();
    }

    static int exitCode(LoopException.Kind kind) {
        return switch (kind) {
            case INVALID_PARAMETER -> USAGE;
            case INPUT_NOT_FOUND, UNSUPPORTED_FORMAT, CORRUPT_INPUT, INPUT_TOO_LARGE -> BAD_INPUT;
            case OUTPUT_NOT_WRITABLE -> BAD_OUTPUT;
            case ENCODE_FAILED -> FAILED;
            case CANCELLED -> CANCELLED;
        };
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"imageloop " + (v == null ? "development build" : v)};
        }
    }
}
