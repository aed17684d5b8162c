package io.imageloop.server;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code imageloop serve} (and of the stand-alone {@link ImageloopServer#main}):
 * a worker's options plus the HTTP side. Every option's default is its {@code IMAGELOOP_*}
 * environment variable, then the built-in default; a flag overrides both.
 */
public final class ServerOptions {

    @Mixin
    public WorkerOptions worker = new WorkerOptions();

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "${env:IMAGELOOP_HOST:-0.0.0.0}",
            description = "Interface to bind (IMAGELOOP_HOST, default ${DEFAULT-VALUE}).")
    public String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "${env:IMAGELOOP_PORT:-8080}",
            description = "HTTP port, 0 for any free port (IMAGELOOP_PORT, default ${DEFAULT-VALUE}).")
    public int port;

    @Option(names = "--upload-limit", paramLabel = "SIZE", defaultValue = "${env:IMAGELOOP_UPLOAD_LIMIT:-200MB}",
            description = "Largest upload, per file and for URL fetches (IMAGELOOP_UPLOAD_LIMIT, default ${DEFAULT-VALUE}).")
    public String uploadLimit;

    @Option(names = "--credits-per-token", paramLabel = "N", defaultValue = "${env:IMAGELOOP_CREDITS_PER_TOKEN:-100}",
            description = "Free credits with each anonymous token (IMAGELOOP_CREDITS_PER_TOKEN, default ${DEFAULT-VALUE}).")
    public int creditsPerToken;

    @Option(names = "--allow-private-urls", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            defaultValue = "${env:IMAGELOOP_ALLOW_PRIVATE_URLS:-false}",
            description = "Let URL uploads reach loopback, private and link-local hosts (IMAGELOOP_ALLOW_PRIVATE_URLS, default ${DEFAULT-VALUE}).")
    public boolean allowPrivateUrls;

    @Option(names = "--operator-port", paramLabel = "N", defaultValue = "${env:IMAGELOOP_OPERATOR_PORT:-0}",
            description = "Loopback port of the operator endpoint that 'imageloop credits' uses while the server runs; "
                    + "0 any free port, -1 none (IMAGELOOP_OPERATOR_PORT, default ${DEFAULT-VALUE}).")
    public int operatorPort;

    public ServerConfig toConfig() {
        return worker.toConfig().withHost(host).withPort(port).withUploadLimit(ServerConfig.parseSize(uploadLimit))
                .withCreditsPerToken(creditsPerToken).withAllowPrivateUrls(allowPrivateUrls).withOperatorPort(operatorPort);
    }

    /** Parses flags (environment variables are the defaults); throws picocli's or IllegalArgumentException on mistakes. */
    public static ServerConfig parse(String... args) {
        Holder holder = new Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.options.toConfig();
    }

    @Command(name = "imageloop-server", mixinStandardHelpOptions = true, description = "The imageloop HTTP service.")
    static final class Holder {
        @Mixin
        ServerOptions options = new ServerOptions();
    }
}
