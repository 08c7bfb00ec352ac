package dev.healdesk.core.config;

import dev.healdesk.core.playbook.Guardrails;
import dev.healdesk.core.run.ApprovalPolicy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The settings in force, typed: what {@link Config} resolved from its layers (settings file &lt; .env &lt; environment),
 * read once, by section. Front ends take their defaults from here and put their flags over them; nothing below them
 * parses a setting's variable again. Secrets are not settings: they stay in the environment map, which the redactor
 * and the playbooks that need a password read.
 */
public record Settings(Target target, Run run, Playbooks playbooks, Guardrails guardrails) {

    /** @param file the target file runs use instead of the sandbox, if any */
    public record Target(Optional<Path> file, Optional<String> baseUrl, Set<String> projects) {
    }

    /**
     * A run's defaults: the Run screen starts from them; the CLI's flags go over them.
     *
     * @param failingBelow the health score under which a run with failing tests is failing rather than degraded
     */
    public record Run(boolean dryRun, boolean skipLlm, int maxFixes, Optional<Path> patterns, int failingBelow) {
    }

    /**
     * @param approve  the {@code playbooks.approve} value as set, resolved by {@link #approval(boolean)}
     * @param disabled playbooks never proposed
     */
    public record Playbooks(Optional<String> approve, Set<String> disabled) {
        /** The approval policy of a run, by the one rule of {@link ApprovalPolicy#resolve}. */
        public ApprovalPolicy approval(boolean dryRun) {
            return ApprovalPolicy.resolve(approve.orElse(null), dryRun);
        }
    }

    /**
     * The settings of {@code env}, the variables {@link Config} resolved (checked there: a value it refused is not in
     * the map, so the setting's default holds).
     */
    public static Settings of(Map<String, String> env) {
        return new Settings(
                new Target(path(env, Setting.TARGET_FILE), text(env, Setting.BASE_URL), names(env, Setting.PROJECTS)),
                new Run(bool(env, Setting.DRY_RUN), bool(env, Setting.SKIP_LLM), integer(env, Setting.MAX_FIXES),
                        path(env, Setting.PATTERNS), integer(env, Setting.FAILING_BELOW)),
                new Playbooks(text(env, Setting.APPROVE), names(env, Setting.DISABLED_PLAYBOOKS)),
                Config.guardrails(env));
    }

    private static Optional<String> text(Map<String, String> env, Setting s) {
        String v = env.get(s.variable().orElseThrow());
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    private static Optional<Path> path(Map<String, String> env, Setting s) {
        return text(env, s).map(Path::of);
    }

    /** The value as the setting checks it, else its default. */
    private static String checked(Map<String, String> env, Setting s) {
        Optional<String> v = text(env, s);
        if (v.isPresent()) {
            Setting.Result r = s.check(v.get());
            if (r.ok()) {
                return r.value();
            }
        }
        return s.defaultValue();
    }

    private static boolean bool(Map<String, String> env, Setting s) {
        return Boolean.parseBoolean(checked(env, s));
    }

    private static int integer(Map<String, String> env, Setting s) {
        return Integer.parseInt(checked(env, s));
    }

    private static Set<String> names(Map<String, String> env, Setting s) {
        Set<String> out = new LinkedHashSet<>();
        text(env, s).ifPresent(v -> Arrays.stream(v.split(",")).map(String::strip).filter(n -> !n.isEmpty())
                .forEach(out::add));
        return Collections.unmodifiableSet(out);
    }
}
