package io.imageloop.cli;

import io.imageloop.server.DatabaseOptions;
import io.imageloop.server.Operator;
import io.imageloop.server.OperatorClient;
import io.imageloop.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code imageloop credits}: operator commands on the service's credit ledger. */
@Command(name = "credits", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Grants credits or shows a balance, by token or client id.",
                "While a server runs on this machine with this --data-dir, the command goes through its loopback operator "
                        + "endpoint (announced in DATA_DIR/operator.json, readable by its owner only); otherwise it opens the "
                        + "database itself (the embedded one, or --jdbc-url).",
                "Every option's default is its IMAGELOOP_* environment variable."},
        footerHeading = "%nExamples:%n",
        footer = {"  imageloop credits grant 5f0c…-client-id 50 --data-dir ./imageloop-data",
                "  imageloop credits balance 5f0c…-client-id --data-dir ./imageloop-data"})
public final class CreditsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "grant or balance")
    String action;

    @Parameters(index = "1", paramLabel = "WHO", description = "a token or the client id it was issued to")
    String who;

    @Parameters(index = "2", arity = "0..1", paramLabel = "AMOUNT", description = "credits to add (grant)")
    Integer amount;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws InterruptedException {
        try {
            if (!action.equals("grant") && !action.equals("balance")) {
                throw new IllegalArgumentException("unknown action '" + action + "'; use grant or balance");
            }
            if (action.equals("grant") && amount == null) throw new IllegalArgumentException("grant needs an AMOUNT");
            ServerConfig config = database.toConfig();
            Operator.Grant result = throughServer(config).orElseGet(() -> action.equals("grant")
                    ? Operator.grantCredits(config, who, amount) : Operator.balance(config, who));
            spec.commandLine().getOut().printf("client %s: %s credits available, %s frozen, %s in total%s%n",
                    result.clientId(), result.balance().available(), result.balance().frozen(), result.balance().total(),
                    result.granted() > 0 ? " (granted " + result.granted() + ")" : "");
            return Main.OK;
        } catch (IllegalArgumentException | IllegalStateException e) {
            spec.commandLine().getErr().println("imageloop: " + e.getMessage());
            return Main.USAGE;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("imageloop: the database cannot be reached: " + Main.oneLine(e));
            return Main.FAILED;
        }
    }

    /** The running server's answer, when one has announced itself under the data directory. */
    private Optional<Operator.Grant> throughServer(ServerConfig config) throws InterruptedException {
        Optional<OperatorClient> client = OperatorClient.find(config.dataDir());
        if (client.isEmpty()) return Optional.empty();
        try {
            return action.equals("grant") ? client.get().grant(who, amount) : client.get().balance(who);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
