package dev.healdesk.cli;

import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.redact.Redactor;

import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * Set-up that a short command will need and that does not depend on what its main thread is doing, started on a
 * second thread at the command's start (or two: {@code history} and {@code report} load SQLite's library on one and
 * build its connection settings on the other, which took as long again in turn and was the wait the main thread met
 * at its first connection): the main thread then finds it done, or waits for it on the class's or the library's own
 * lock, instead of doing it in turn. On a two-core machine that hides it behind the main thread's own set-up (the
 * settings' layers, the history opened, the catalog read) in the time the process takes; the CPU is the same.
 *
 * <p>A step does what the main thread would do a moment later, nothing more, so no output changes: a step that fails
 * is dropped here, and the main thread meets the failure itself and tells it as before. So a step initialises only
 * classes whose initialisers read nothing from outside the application and its runtime (an initialiser that failed
 * here would reach the main thread as a bare {@code NoClassDefFoundError}); sqlite-jdbc's native library is loaded
 * early only where the image ships it ({@link HistoryStore#prepareSqlite}). The thread is a
 * daemon: a command that ends first does not wait for it. Named steps rather than lambdas: a lambda's class is spun
 * at run time where no class-data archive holds it (the plain jar).
 */
final class Prewarm extends Thread {

    /** What a command may start early. */
    enum Step {
        /** A SQLite history's driver: its native library and classes. */
        SQLITE,
        /** A SQLite history's connection settings (their date format: the JDK's locale data). */
        SQLITE_SETTINGS,
        /** The redactor every report's text goes through ({@code RedactedRun}): its rule table and detectors. */
        REDACTOR,
        /** The JDK's security providers, which the first SHA-256 of a fingerprint sets up. */
        DIGEST,
        /**
         * The regular-expression engine's node classes and character predicates (lambdas, each a call site to link)
         * that triage's catalog compiles to, ~100 case-insensitive patterns: loaded, linked and initialised by one
         * sample with their constructs while the main thread reads and parses the catalog, which then compiles them.
         */
        REGEX
    }

    /**
     * The constructs of the built-in catalog's patterns (alternatives, groups, word bounds, look-behind and
     * look-ahead, classes and their negations, counted and lazy repeats, \d \s \w and a dot), for {@link Step#REGEX}.
     */
    static final String REGEX_SAMPLE = "(?<![\\w.])(?<=\\s|^)\\b(?:ab|c[d-f]+?)[^x\\d]{1,3}\\s*\\d+\\.\\w*(?!z).*$";

    private final Step[] steps;

    private Prewarm(Step[] steps) {
        super("healdesk-prewarm");
        this.steps = steps;
        setDaemon(true);
    }

    /** Starts {@code steps}, in turn, on one daemon thread; returns it (a test joins it). */
    static Thread start(Step... steps) {
        Thread t = new Prewarm(steps.clone());
        t.start();
        return t;
    }

    @Override
    public void run() {
        for (Step step : steps) {
            try {
                switch (step) {
                    case SQLITE -> HistoryStore.prepareSqlite();
                    case SQLITE_SETTINGS -> HistoryStore.prepareSqliteSettings();
                    case REDACTOR -> Redactor.standard();
                    case DIGEST -> MessageDigest.getInstance("SHA-256").digest(new byte[1]);
                    case REGEX -> Pattern.compile(REGEX_SAMPLE, Pattern.CASE_INSENSITIVE)
                            .matcher(" ab- 12.x ok").find();
                    default -> throw new IllegalArgumentException(step.name());
                }
            } catch (Exception | LinkageError dropped) {
                // the main thread meets it again, and says what it is
            }
        }
    }
}
