package dev.healdesk.core.playbook.review;

import dev.healdesk.core.playbook.CommandRunner;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.PlaybookException;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One step of a proposal: what the plan shows and what apply does, made by the same call so that the two cannot
 * drift apart. Apply runs exactly the steps the operator saw, in order, and stops at the first that fails.
 */
record Step(PlanStep shown, Action action) {

    /** How long one git or gh call may take; a push over a slow link is the longest of them. */
    static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** What a step does; returns what it printed, for the audit trail. */
    @FunctionalInterface
    interface Action {
        String run() throws PlaybookException;
    }

    /** A program run as its argument vector, in {@code workdir} (null: wherever; git calls say {@code -C}). */
    static Step command(String description, List<String> argv, Path workdir, CommandRunner runner) {
        return new Step(PlanStep.command(description, argv), () -> {
            CommandRunner.Result r = runner.run(argv, TIMEOUT, workdir);
            if (!r.ok()) {
                throw new PlaybookException(description + " failed (" + (r.timedOut() ? "timed out"
                        : "exit " + r.exitCode()) + "): " + r.output());
            }
            return r.output();
        });
    }

    /** What a file step writes. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** A change Healdesk makes itself (a file edited), or a note that does nothing ({@code () -> ""}). */
    static Step local(String description, Action action) {
        return new Step(PlanStep.note(description), action);
    }

    /** A file Healdesk writes (a commit message, an issue, a description), its folder made first. */
    static Step file(String description, Path file, Content content) {
        return local(description, () -> {
            try {
                Files.createDirectories(file.getParent());
                try (Writer out = Files.newBufferedWriter(file)) {
                    content.writeTo(out);
                }
                return "";
            } catch (IOException e) {
                throw new PlaybookException("Cannot write " + file + ": " + e.getMessage(), e);
            }
        });
    }

    /** The argument vector as the plan shows it, for the log. */
    String display() {
        return shown.command().isEmpty() ? shown.description() : "$ " + String.join(" ", shown.command());
    }
}
