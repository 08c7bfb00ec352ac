package dev.healdesk.core.playbook;

import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.triage.FailureGroup;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a playbook may use for one failure group: the group (its message is data, never a command), the
 * model's diagnosis if any, the playbook's settings from the target file, the environment (where secrets come
 * from), the one {@link CommandRunner}, the run folder (patches, issues) and the target's handles.
 */
public record PlaybookContext(String runId, FailureGroup group, Optional<Diagnosis> diagnosis,
                              Map<String, Object> settings, Map<String, String> env, CommandRunner commands,
                              Path runFolder, TargetControl target, Clock clock) {
    public PlaybookContext {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    /** A setting as text, or null. */
    public String setting(String key) {
        Object v = settings.get(key);
        return v == null ? null : v.toString();
    }
}
