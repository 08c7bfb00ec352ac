package dev.healdesk.core.playbook;

import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;

import java.util.List;
import java.util.Set;

/**
 * A fix Healdesk can propose. Only the {@code PlaybookExecutor} calls these, in the order preflight → plan → (the
 * operator's or the policy's decision) → apply → the executor's re-run of the failing tests → verify → rollback
 * where it made things worse. Commands go through {@link PlaybookContext#commands()} as argument vectors; values
 * taken from failures pass {@link SafeValues} first.
 */
public interface Playbook {

    /** The name patterns and diagnoses refer to, e.g. {@code restart-backend}. */
    String name();

    String description();

    FixClass fixClass();

    Risk risk();

    Set<Category> categories();

    /**
     * The names this playbook would touch here (a container, a namespace, a table, the target), checked against the
     * protected list before anything runs. Default: the target itself.
     */
    default List<String> subjects(PlaybookContext context) {
        return List.of(context.target().name());
    }

    default boolean isApplicable(FailureGroup group) {
        return categories().contains(group.category());
    }

    /** What is missing for this playbook to run here (tools, credentials, settings), each with what to do. */
    default List<String> preflight(PlaybookContext context) {
        return List.of();
    }

    /**
     * The dry run: exactly what {@link #apply} would do, with the real commands or requests. Changes nothing. What
     * its steps do (their {@link PlanStep#effects()}: read from each command, named by each request or action) is
     * what the executor's per-session limits count before anything runs; every command apply runs is counted again
     * as it runs, so a playbook cannot restart a container or touch a database past a limit, planned or not.
     */
    Plan plan(PlaybookContext context);

    Outcome apply(PlaybookContext context, Plan plan) throws PlaybookException;

    /**
     * A playbook's own check after apply (the executor re-runs the failing tests itself); e.g. the container is
     * running again. Default: nothing more to check.
     */
    default boolean verify(PlaybookContext context, Outcome applied) {
        return true;
    }

    /** Undoes {@code applied}; the default says it cannot, and the executor records that. */
    default Outcome rollback(PlaybookContext context, Outcome applied) throws PlaybookException {
        return Outcome.failed(name() + " cannot be rolled back", "");
    }
}
