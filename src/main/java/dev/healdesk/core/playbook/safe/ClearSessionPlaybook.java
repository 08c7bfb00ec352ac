package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.triage.Category;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code clear-session}: an expired or mismatched session is stale state, so it is thrown away and the next sign-in
 * starts clean. It deletes the stored browser state the suites log in with ({@code playbooks: clear-session:
 * {storageState: .auth/user.json}}, or the target's own) and, where the target has one, calls its in-process handle
 * that forgets the backend's sessions (the sandbox). A stale session has nothing worth restoring, so there is no
 * rollback.
 */
public final class ClearSessionPlaybook extends SafePlaybook {

    public static final String NAME = "clear-session";

    public ClearSessionPlaybook() {
        super(NAME, "Delete the stored session state (e.g. .auth/user.json) and forget the backend's sessions",
                Risk.LOW, Set.of(Category.AUTH));
    }






    @Override
    public Plan plan(PlaybookContext context) {
        List<PlanStep> steps = new ArrayList<>();
        storageState(context).ifPresent(file -> steps.add(Files.exists(file)
                ? PlanStep.note("Delete the stored browser state " + file)
                : PlanStep.note("The stored browser state " + file + " is already absent; nothing to delete")));
        if (context.target().clearSessionsHandle().isPresent()) {
            steps.add(PlanStep.note("Forget every session " + context.target().name() + " holds (in-process)"));
        }
        List<String> missing = steps.isEmpty() ? List.of("nothing to clear on " + context.target().name()
                + ": give playbooks." + NAME + ".storageState (the stored browser state, e.g. .auth/user.json) in"
                + " the target file") : List.of();
        return new Plan(NAME, steps, missing, false);
    }

    @Override
    public Outcome apply(PlaybookContext context, Plan plan) throws PlaybookException {
        List<String> done = new ArrayList<>();
        Optional<Path> file = storageState(context);
        if (file.isPresent()) {
            try {
                if (Files.deleteIfExists(file.get())) {
                    done.add("deleted " + file.get());
                }
            } catch (IOException e) {
                throw new PlaybookException("cannot delete " + file.get() + ": " + e.getMessage(), e);
            }
        }
        Optional<Runnable> handle = context.target().clearSessionsHandle();
        if (handle.isPresent()) {
            handle.get().run();
            done.add(context.target().name() + " forgot its sessions");
        }
        return Outcome.ok(done.isEmpty() ? "no stored session was left to clear" : String.join("; ", done), "");
    }

    private static Optional<Path> storageState(PlaybookContext context) {
        String configured = context.setting("storageState");
        return configured != null ? Optional.of(Path.of(configured)) : context.target().storageState();
    }
}
