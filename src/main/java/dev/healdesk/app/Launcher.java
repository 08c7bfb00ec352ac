package dev.healdesk.app;

import dev.healdesk.cli.Cli;

/**
 * The main class. Not an {@code Application}: command-line arguments are handled before JavaFX
 * starts, so the headless commands never need a display. No arguments opens the console.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            HealdeskApp.launchConsole(args);
        } else {
            System.exit(Cli.execute(args));
        }
    }
}
