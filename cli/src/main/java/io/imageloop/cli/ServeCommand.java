package io.imageloop.cli;

import io.imageloop.server.ImageloopServer;
import io.imageloop.server.chat.ChatAgent;
import io.imageloop.server.chat.ChatAgents;
import io.imageloop.server.chat.llm.LlmConfig;
import io.imageloop.server.RunningServer;
import io.imageloop.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code imageloop serve}: the HTTP service, embedded database and render workers in one process. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the imageloop HTTP service (API, chat stream, uploads, credits, exports).",
                "Defaults are embedded: an H2 database and files under --data-dir; point --jdbc-url at PostgreSQL to scale out.",
                "Options (each also an IMAGELOOP_* environment variable):"},
        footerHeading = "%nExamples:%n",
        footer = {"  imageloop serve --port 8080 --data-dir ./imageloop-data",
                "  imageloop serve --llm-url http://localhost:11434/v1 --llm-model qwen2.5:7b",
                "  IMAGELOOP_JDBC_URL=jdbc:postgresql://db/imageloop imageloop serve --workers 2"})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> options = new ArrayList<>();

    @Option(names = "--llm-url", paramLabel = "URL",
            description = "An OpenAI-compatible model server (Ollama, llama.cpp, vLLM, hosted) that drives the chat agent's tools (IMAGELOOP_LLM_URL). Default: the built-in understanding, no network.")
    String llmUrl;

    @Option(names = "--llm-model", paramLabel = "NAME", description = "The model name on that server (IMAGELOOP_LLM_MODEL).")
    String llmModel;

    @Option(names = "--llm-key", paramLabel = "KEY", description = "Its API key, if it needs one (IMAGELOOP_LLM_KEY).")
    String llmKey;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config;
        try {
            config = ServerConfig.parse(options.toArray(String[]::new), System.getenv());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("imageloop: " + e.getMessage());
            spec.commandLine().getErr().println("Try 'imageloop serve --help' for the options:\n" + ServerConfig.usage());
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
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("imageloop: cannot start the server: " + e.getMessage());
            return Main.FAILED;
        }
        spec.commandLine().getOut().println("imageloop serving " + server.baseUrl() + " (data in " + config.dataDir().toAbsolutePath() + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "imageloop-shutdown"));
        stopped.await();
        return Main.OK;
    }
}
