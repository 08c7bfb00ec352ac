package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.triage.Category;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code redis-restart}: Redis is unreachable, out of client slots or its cluster is down. Restarted by the
 * {@code command} setting (an argument vector, e.g. {@code [docker, restart, cache]}), else by
 * {@code systemctl restart UNIT} ({@code unit}, default {@code redis-server}); then PING must answer PONG within
 * {@code settleSeconds}.
 * <p>
 * Never {@code SHUTDOWN NOSAVE} by itself: that stops Redis and drops its data, and nothing would start it again.
 * High risk: what Redis held only in memory is lost by any restart. Not rolled back.
 */
final class RedisRestartPlaybook extends SafePlaybook {
    private static final int DEFAULT_TIMEOUT_SECONDS = 60;
    private static final int DEFAULT_SETTLE_SECONDS = 10;

    RedisRestartPlaybook() {
        super("redis-restart", "Restarts Redis with the configured command or systemctl, then waits for PONG"
                + " (data held only in memory is lost).", Risk.HIGH, Set.of(Category.DATABASE));
    }

    @Override
    public Plan plan(PlaybookContext context) {
        PlaybookSettings settings = new PlaybookSettings(name(), context);
        RedisEndpoint redis = RedisEndpoint.from(settings);
        settings.seconds("timeoutSeconds", DEFAULT_TIMEOUT_SECONDS);
        Duration settle = settings.seconds("settleSeconds", DEFAULT_SETTLE_SECONDS);
        List<PlanStep> steps = new ArrayList<>();
        List<String> command = settings.command("command");
        if (command != null) {
            steps.add(PlanStep.command("Restart Redis with the configured command", command));
        } else if (context.settings().get("command") == null) {
            String unit = settings.name("unit", "systemd unit", "redis-server");
            settings.program("systemctl", "configure 'command' under playbooks: " + name() + ": instead");
            if (unit != null) {
                steps.add(PlanStep.command("Restart the systemd unit " + unit,
                        List.of("systemctl", "restart", unit)));
            }
        }
        if (redis != null) {
            steps.add(PlanStep.note("Then wait up to " + settle.toSeconds() + " s for "
                    + String.join(" ", redis.cli("PING")) + " to answer PONG"));
        }
        return new Plan(name(), steps, settings.missing(), false);
    }

    @Override
    public Outcome apply(PlaybookContext context, Plan plan) throws PlaybookException {
        return applyPlannedCommands(context, plan, DEFAULT_TIMEOUT_SECONDS, "Redis restarted");
    }

    /** Redis answers PING within {@code settleSeconds}. */
    @Override
    public boolean verify(PlaybookContext context, Outcome applied) {
        PlaybookSettings settings = new PlaybookSettings(name(), context);
        RedisEndpoint redis = RedisEndpoint.from(settings);
        return redis != null && redis.answers(context, settings.seconds("settleSeconds", DEFAULT_SETTLE_SECONDS));
    }
}
