package dev.healdesk.core.playbook;

import java.net.URI;
import java.nio.file.Path;
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
