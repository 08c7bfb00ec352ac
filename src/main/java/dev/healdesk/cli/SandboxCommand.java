package dev.healdesk.cli;

import dev.healdesk.core.sandbox.Fault;
import dev.healdesk.core.sandbox.SandboxServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code healdesk sandbox}: serve the demo target to play with in a browser, until Ctrl-C. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Serve the built-in sandbox on 127.0.0.1 until interrupted (Ctrl-C).",
                "Its demo login is generated at each start and printed here."})
final class SandboxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--fault", paramLabel = "NAME", description = "Switch a fault on (repeatable).")
    List<String> faults = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        List<Fault> wanted = new ArrayList<>();
        for (String name : faults) {
            wanted.add(Fault.fromId(name).orElseThrow(() -> new Cli.UsageException("--fault: unknown fault '" + name
                    + "'. Known faults: " + String.join(", ", new RunCommand.FaultNames()) + ".")));
        }
        SandboxServer server = SandboxServer.start();
        wanted.forEach(f -> server.setFault(f, true));
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }, "healdesk-sandbox-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Sandbox at " + server.baseUrl() + "/login  (demo user " + server.username() + ", password "
                + server.password() + ")");
        out.println("Faults on: " + (server.activeFaults().isEmpty() ? "none" : server.activeFaults()));
        out.println("Ctrl-C stops it.");
        out.flush();
        stop.await();
        return Cli.HEALTHY;
    }
}
