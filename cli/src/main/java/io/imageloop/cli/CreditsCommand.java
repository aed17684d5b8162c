package io.imageloop.cli;

import io.imageloop.server.Operator;
import io.imageloop.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code imageloop credits}: operator commands on the service's credit ledger. */
@Command(name = "credits", mixinStandardHelpOptions = true,
        description = "Grants credits or shows a balance, by token or client id, in the server's database.",
        footerHeading = "%nExamples:%n",
        footer = {"  imageloop credits grant 5f0c…-client-id 50 --data-dir ./imageloop-data",
                "  imageloop credits balance 5f0c…-client-id --data-dir ./imageloop-data",
                "", "With the embedded database, stop the server first; with PostgreSQL it can run at any time."})
public final class CreditsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "grant or balance")
    String action;

    @Parameters(index = "1", paramLabel = "WHO", description = "a token or the client id it was issued to")
    String who;

    @Parameters(index = "2", arity = "0..1", paramLabel = "AMOUNT", description = "credits to add (grant)")
    Integer amount;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "The server's data folder (embedded database).")
    String dataDir;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "The server's database, e.g. jdbc:postgresql://db/imageloop.")
    String jdbcUrl;

    @Option(names = "--jdbc-user", paramLabel = "USER")
    String jdbcUser;

    @Option(names = "--jdbc-password", paramLabel = "PASSWORD", interactive = true, arity = "0..1")
    String jdbcPassword;

    @Override
    public Integer call() {
        try {
            List<String> args = new ArrayList<>();
            if (dataDir != null) args.addAll(List.of("--data-dir", dataDir));
            if (jdbcUrl != null) args.addAll(List.of("--jdbc-url", jdbcUrl));
            if (jdbcUser != null) args.addAll(List.of("--jdbc-user", jdbcUser));
            if (jdbcPassword != null) args.addAll(List.of("--jdbc-password", jdbcPassword));
            ServerConfig config = ServerConfig.parse(args.toArray(String[]::new), System.getenv());
            Operator.Grant result = switch (action) {
                case "grant" -> {
                    if (amount == null) throw new IllegalArgumentException("grant needs an AMOUNT");
                    yield Operator.grantCredits(config, who, amount);
                }
                case "balance" -> Operator.balance(config, who);
                default -> throw new IllegalArgumentException("unknown action '" + action + "'; use grant or balance");
            };
            spec.commandLine().getOut().printf("client %s: %s credits available, %s frozen, %s in total%s%n",
                    result.clientId(), result.balance().available(), result.balance().frozen(), result.balance().total(),
                    result.granted() > 0 ? " (granted " + result.granted() + ")" : "");
            return Main.OK;
        } catch (IllegalArgumentException | IllegalStateException e) {
            spec.commandLine().getErr().println("imageloop: " + e.getMessage());
            return Main.USAGE;
        }
    }
}
