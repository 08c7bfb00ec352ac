package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.CommandRunner;
import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.triage.Category;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code redis-clear-expired}: Redis at maxmemory still holds keys that have expired but that nobody has touched
 * since (Redis deletes an expired key when it meets it, and its background cycle only samples). Walking the whole
 * keyspace once with {@code SCAN} makes Redis meet, and delete, every one of them.
 * <p>
 * Why not read TTLs and DEL: a key with TTL -1 is one without expiry, very much alive; deciding from TTLs on the
 * client races with writes and could delete a live key. SCAN lets Redis itself judge expiry, so no live key is ever
 * deleted, and it works incrementally (never blocks Redis as one big script would). On a replica SCAN deletes
 * nothing: point the settings at the primary. Nothing to roll back: only expired keys go.
 * <p>
 * The outcome reports Redis's own {@code expired_keys} counter before and after, and the memory in use; the key
 * names the walk prints are counted, never kept in the output.
 */
final class RedisClearExpiredPlaybook extends SafePlaybook {
    private static final int DEFAULT_TIMEOUT_SECONDS = 120;
    private static final Pattern EXPIRED = Pattern.compile("(?m)^expired_keys:(\\d+)");
    private static final Pattern MEMORY = Pattern.compile("(?m)^used_memory_human:(\\S+)");

    RedisClearExpiredPlaybook() {
        super("redis-clear-expired", "Makes Redis delete its expired keys now, to free memory (SCAN over the whole"
                + " keyspace; live keys are only read).", Risk.LOW, Set.of(Category.DATABASE));
    }

    @Override
    public Plan plan(PlaybookContext context) {
        PlaybookSettings settings = new PlaybookSettings(name(), context);
        RedisEndpoint redis = RedisEndpoint.from(settings);
        settings.seconds("timeoutSeconds", DEFAULT_TIMEOUT_SECONDS);
        List<PlanStep> steps = redis == null ? List.of() : List.of(
                PlanStep.command("Read Redis's expired-keys counter and memory use", redis.cli("INFO")),
                PlanStep.command("Walk the whole keyspace with SCAN: Redis deletes every expired key it meets",
                        redis.cli("--scan")),
                PlanStep.command("Read the counter again: the difference is what was cleared", redis.cli("INFO")));
        return new Plan(name(), steps, settings.missing(), false);
    }

    @Override
    public Outcome apply(PlaybookContext context, Plan plan) throws PlaybookException {
        refuseUnlessRunnable(plan);
        Duration timeout = new PlaybookSettings(name(), context).seconds("timeoutSeconds", DEFAULT_TIMEOUT_SECONDS);
        List<PlanStep> steps = plan.steps();
        Runs runs = new Runs(List.of(), "", null);
        runs = run(context, runs, steps.get(0).command(), timeout, RedisClearExpiredPlaybook::counters);
        if (runs.ok()) {
            runs = run(context, runs, steps.get(1).command(), timeout,
                    r -> r.stdout().lines().filter(line -> !line.isEmpty()).count() + " keys walked");
        }
        if (runs.ok()) {
            runs = run(context, runs, steps.get(2).command(), timeout, RedisClearExpiredPlaybook::counters);
        }
        if (!runs.ok()) {
            return Outcome.failed(runs.failure(), runs.output());
        }
        String before = runs.results().get(0).stdout();
        String after = runs.last().stdout();
        Matcher expiredBefore = EXPIRED.matcher(before);
        Matcher expiredAfter = EXPIRED.matcher(after);
        if (!expiredBefore.find() || !expiredAfter.find()) {
            return Outcome.failed("redis-cli INFO did not show expired_keys: is this Redis, and is REDISCLI_AUTH"
                    + " set where it needs a password?", runs.output());
        }
        long cleared = Long.parseLong(expiredAfter.group(1)) - Long.parseLong(expiredBefore.group(1));
        return Outcome.ok("Cleared " + cleared + " expired key" + (cleared == 1 ? "" : "s") + " (memory "
                + memory(before) + " → " + memory(after) + ")", runs.output());
    }

    /** The two INFO lines that matter here. */
    private static String counters(CommandRunner.Result info) {
        Matcher expired = EXPIRED.matcher(info.stdout());
        return (expired.find() ? "expired_keys:" + expired.group(1) : "(no expired_keys)") + ", used_memory_human:"
                + memory(info.stdout());
    }

    private static String memory(String info) {
        Matcher m = MEMORY.matcher(info);
        return m.find() ? m.group(1) : "?";
    }
}
