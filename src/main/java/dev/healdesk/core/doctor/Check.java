package dev.healdesk.core.doctor;

import java.util.List;
import java.util.Objects;

/**
 * One part of the setup as the doctor found it.
 *
 * @param id        stable key: {@code gpu}, {@code ollama}, {@code model}, {@code browser}, {@code node},
 *                  {@code database}, {@code results}
 * @param title     for people: "GPU", "Ollama", …
 * @param finding   one line: what is there (or not)
 * @param details   further facts, one line each (each GPU, the probes' notes, installed models); never null
 * @param advice    what to do, in one or two sentences; null when there is nothing to do
 * @param commands  the exact commands the advice refers to, one per line, to copy into a terminal; never null
 * @param elapsedMs how long the check took
 */
public record Check(String id, String title, CheckStatus status, String finding, List<String> details, String advice,
                    List<String> commands, long elapsedMs) {

    public Check {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(finding, "finding");
        details = List.copyOf(details);
        commands = List.copyOf(commands);
    }

    public static Check of(String id, String title, CheckStatus status, String finding) {
        return new Check(id, title, status, finding, List.of(), null, List.of(), 0);
    }

    public Check withDetails(List<String> lines) {
        return new Check(id, title, status, finding, lines, advice, commands, elapsedMs);
    }

    public Check withAdvice(String text, String... exact) {
        return new Check(id, title, status, finding, details, text, List.of(exact), elapsedMs);
    }

    public Check withElapsed(long ms) {
        return new Check(id, title, status, finding, details, advice, commands, ms);
    }

    public boolean ok() {
        return status == CheckStatus.OK;
    }
}
