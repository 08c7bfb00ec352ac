package dev.healdesk.core.playbook;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the playbooks may do to the target under test beyond commands: the sandbox answers these itself (it is its
 * own backend); a target file's target answers with what its {@code playbooks:} settings configure.
 */
public interface TargetControl {

    String name();

    Optional<URI> baseUrl();

    /** Restarts the backend in-process (the sandbox); empty when the target has no such handle. */
    default Optional<Runnable> restartHandle() {
        return Optional.empty();
    }

    /**
     * Forgets every session the backend holds, in-process (the sandbox); empty when the target has no such handle
     * (then {@code clear-session} deletes the stored browser state instead).
     */
    default Optional<Runnable> clearSessionsHandle() {
        return Optional.empty();
    }

    /** The stored browser state the suites log in with (e.g. {@code .auth/user.json}), if the target keeps one. */
    default Optional<Path> storageState() {
        return Optional.empty();
    }

    /**
     * Logs in again and stores the new state (the target's auth set-up); empty when the target has none.
     * The handle throws {@link IllegalStateException} with the reason when the login fails.
     */
    default Optional<Runnable> reloginHandle() {
        return Optional.empty();
    }

    /** The target's git repository, for class B proposals; empty when none is configured. */
    default Optional<Path> repository() {
        return Optional.empty();
    }

    /**
     * The settings of one playbook for this target: the target file's {@code playbooks: <name>: {...}} (a command, a
     * webhook, a storage-state path). Empty when none are given.
     */
    default Map<String, Object> settings(String playbook) {
        return Map.of();
    }

    /** The guardrails for runs on this target: {@code defaults} with what its target file sets over them. */
    default Guardrails guardrails(Guardrails defaults) {
        return defaults;
    }

    /**
     * A playbook the target carries itself, which the executor prefers to the registry's of the same name: the
     * sandbox is its own database, so it answers {@code kill-idle-db-connections} in-process, where a real target
     * gets the registry's playbook that talks to PostgreSQL. Empty for most names and most targets.
     */
    default Optional<Playbook> ownPlaybook(String name) {
        return Optional.empty();
    }

    static TargetControl none(String name) {
        return new TargetControl() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<URI> baseUrl() {
                return Optional.empty();
            }
        };
    }
}
