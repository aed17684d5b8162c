package io.imageloop.cli;

import io.imageloop.server.ImageloopServer;
import io.imageloop.server.chat.ChatAgent;
import io.imageloop.server.chat.ChatAgents;
import io.imageloop.server.chat.llm.LlmConfig;
import io.imageloop.server.RunningServer;
import io.imageloop.server.ServerConfig;
import io.imageloop.server.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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
                "  imageloop serve --llm-url http://localhost:11434/v1 --llm-model qwen2.5:7b",
                "  IMAGELOOP_JDBC_URL=jdbc:postgresql://db/imageloop imageloop serve --workers 0 --storage s3://media/imageloop"})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions options;

    @Option(names = "--llm-url", paramLabel = "URL",
            description = "An OpenAI-compatible model server (Ollama, llama.cpp, vLLM, hosted) that drives the chat agent's tools (IMAGELOOP_LLM_URL). Default: the built-in understanding, no network.")
    String llmUrl;

    @Option(names = "--llm-model", paramLabel = "NAME", description = "The model name on that server (IMAGELOOP_LLM_MODEL).")
    String llmModel;

    @Option(names = "--llm-key", paramLabel = "KEY", description = "Its API key, if it needs one (IMAGELOOP_LLM_KEY).")
    String llmKey;

    @Override
    public Integer call() {
        ServerConfig config;
        try {
            config = options.toConfig();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("imageloop: " + e.getMessage());
            return Main.USAGE;
        }
        ChatAgent agent;
        try {
            java.util.Map<String, String> env = System.getenv();
            agent = ChatAgents.create(LlmConfig.of(llmUrl != null ? llmUrl : env.get("IMAGELOOP_LLM_URL"),
                    llmModel != null ? llmModel : env.get("IMAGELOOP_LLM_MODEL"), llmKey != null ? llmKey : env.get("IMAGELOOP_LLM_KEY")));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("imageloop: " + e.getMessage());
            return Main.USAGE;
        }
        RunningServer server;
        try {
            server = ImageloopServer.start(config, agent);
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
