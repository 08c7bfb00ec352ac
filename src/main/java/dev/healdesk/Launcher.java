package dev.healdesk;

import dev.healdesk.app.HealdeskApp;
import dev.healdesk.app.TokenLatencyBenchmark;
import dev.healdesk.cli.Cli;

/**
 * The one entry point, and the one class that knows both front ends: no arguments open the console, a command runs
 * headless. It is not an {@code Application}, so the CLI's flags are handled before JavaFX starts.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            HealdeskApp.launchConsole(args);
        } else {
            System.exit(Cli.execute(TokenLatencyBenchmark::run, args));
        }
    }
}
