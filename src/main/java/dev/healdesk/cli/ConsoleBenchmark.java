package dev.healdesk.cli;

import java.io.PrintWriter;

/**
 * A figure only the console's own classes can take (a streamed token's way onto the JavaFX thread). The launcher,
 * which knows both front ends, hands it in: the CLI never imports the console.
 */
@FunctionalInterface
public interface ConsoleBenchmark {
    void run(PrintWriter out) throws Exception;
}
