package dev.healdesk;

import dev.healdesk.app.HealdeskApp;
import dev.healdesk.app.TokenLatencyBenchmark;
import dev.healdesk.cli.Cli;
import dev.healdesk.cli.ConsoleBenchmark;
import dev.healdesk.core.redact.DeferredLogback;

import java.io.PrintWriter;

/**
 * The one entry point, and the one class that knows both front ends: no arguments open the console, a command runs
 * headless. It is not an {@code Application}, so the CLI's flags are handled before JavaFX starts.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // Logback starts on the first line logged, not when a library first asks for a logger (DeferredLogback)
        DeferredLogback.install();
        if (args.length == 0) {
            HealdeskApp.launchConsole(args);
        } else {
            System.exit(Cli.execute(new TokenLatency(), args));
        }
    }

    /**
     * The console's figure for {@code bench --only=tokens}. A class rather than a method reference: a CLI command
     * then loads neither the console's benchmark (nor what it links to) nor the lambda machinery to hand it in.
     */
    private static final class TokenLatency implements ConsoleBenchmark {
        @Override
        public void run(PrintWriter out) throws Exception {
            TokenLatencyBenchmark.run(out);
        }
    }
}
