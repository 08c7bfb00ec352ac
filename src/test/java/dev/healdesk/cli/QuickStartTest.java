package dev.healdesk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short commands' plain forms, read without picocli ({@link QuickStart}), fill the same fields as picocli's
 * reading, defaults included; whatever picocli might read otherwise, or must answer itself, is left to it.
 */
class QuickStartTest {

    @TempDir
    Path dir;

    /** Forms the quick reading takes. */
    private static final List<String[]> PLAIN = List.of(
            new String[] {"history"},
            new String[] {"history", "--limit=50"},
            new String[] {"history", "--json", "--limit=1", "--results-dir=some/where", "--db=postgresql://h:5/db"},
            new String[] {"history", "--db=runs.db", "--json"},
            new String[] {"report", "latest"},
            new String[] {"report", "run-1", "--format=md", "--out=-"},
            new String[] {"report", "--format=PDF", "--out=r.pdf", "latest", "--results-dir=res", "--db=h.db"},
            new String[] {"report", "--format=nonsense", "latest"},
            new String[] {"triage", "--input=messages.jsonl"},
            new String[] {"triage", "--input=-", "--patterns=p.yaml", "--diagnose", "--rediagnose", "--db=d.db"},
            new String[] {"run"},
            new String[] {"run", "--dry-run"},
            new String[] {"run", "--target=t.yaml", "--skip-llm", "--dry-run", "--results-dir=/tmp/r", "--db=h.db"},
            new String[] {"run", "--target=sandbox", "--max-fixes=2", "--approve=all", "--patterns=p.json",
                "--artifact-retention-days=0", "--verbose", "--rediagnose", "--db=postgresql://h:5/db"},
            new String[] {"run", "--target=t.yaml", "--shard=1/3", "--shard-dir=out/s1"});

    /** Forms left to picocli: help, subcommands, anything it reads its own way or refuses. */
    private static final List<String[]> LEFT_TO_PICOCLI = List.of(
            new String[] {"history", "--help"},
            new String[] {"history", "-h"},
            new String[] {"report", "--version"},
            new String[] {"history", "copy", "--from=a.db", "--to=b.db"},
            new String[] {"history", "--limit", "50"},
            new String[] {"history", "--limit=0"},
            new String[] {"history", "--limit=010"},
            new String[] {"history", "--limit=-5"},
            new String[] {"history", "--limit=abc"},
            new String[] {"history", "--limit=99999999999"},
            new String[] {"history", "--limit=5", "--limit=6"},
            new String[] {"history", "--json=true"},
            new String[] {"history", "--db="},
            new String[] {"history", "--bogus"},
            new String[] {"history", "--"},
            new String[] {"history", "@args.txt"},
            new String[] {"history", "extra"},
            new String[] {"report"},
            new String[] {"report", "a", "b"},
            new String[] {"report", "latest", "--out", "r.html"},
            new String[] {"report", "latest", "--out=bad\u0000path"},
            new String[] {"triage"},
            new String[] {"triage", "--input"},
            new String[] {"triage", "--input=m.jsonl", "--limit=5"},
            new String[] {"run", "--help"},
            new String[] {"run", "--dry-run=false"},
            new String[] {"run", "--skip-llm=true"},
            new String[] {"run", "--projects=a,b"},
            new String[] {"run", "--fault=db-down"},
            new String[] {"run", "--max-fixes=0"},
            new String[] {"run", "--max-fixes=-1"},
            new String[] {"run", "--target", "t.yaml"},
            new String[] {"run", "--target=a", "--target=b"},
            new String[] {"run", "--results-dir=bad\u0000path"},
            new String[] {"run", "t.yaml"},
            new String[] {"--help"},
            new String[] {"histroy"},
            new String[] {});

    @Test
    void theQuickReadingFillsTheFieldsPicocliFills() throws Exception {
        for (String[] args : PLAIN) {
            QuickStart.Command quick = QuickStart.read(args);
            assertNotNull(quick, () -> "not read quickly: " + String.join(" ", args));
            CommandLine cmd = Cli.commandLine(null, args);
            CommandLine.ParseResult parsed = cmd.parseArgs(args);
            Object byPicocli = parsed.subcommand().commandSpec().userObject();
            assertEquals(byPicocli.getClass(), quick.getClass());
            assertEquals(fields(byPicocli), fields(quick), String.join(" ", args));
        }
    }

    @Test
    void whatPicocliReadsItsOwnWayOrRefusesIsLeftToIt() {
        for (String[] args : LEFT_TO_PICOCLI) {
            assertNull(QuickStart.read(args), () -> "read quickly: " + String.join(" ", args));
        }
    }

    @Test
    void aCommandReadQuicklyTellsItsMistakesAsPicocliWouldHave() throws Exception {
        Path missing = dir.resolve("none.db");
        // the command's own check of a value both readings take
        CliRun history = CliRun.of("history", "--db=" + missing);
        assertEquals(Cli.USAGE, history.code());
        assertTrue(history.err().startsWith("healdesk: No history database at " + missing), history.err());
        CliRun format = CliRun.of("report", "latest", "--format=docx", "--db=" + missing);
        assertEquals(Cli.USAGE, format.code());
        assertEquals("healdesk: --format: unknown format 'docx'. Use md, html, json, pdf or junit.\n",
                format.err().replace("\r\n", "\n"));
        Path folder = Files.createDirectories(dir.resolve("folder"));
        CliRun triage = CliRun.of("triage", "--input=" + folder);
        assertEquals(Cli.USAGE, triage.code());
        assertTrue(triage.err().contains(folder + " is a folder"), triage.err());
        // and picocli's own, for what it reads: the message and the pointer to the help
        CliRun limit = CliRun.of("history", "--limit=abc");
        assertEquals(Cli.USAGE, limit.code());
        assertTrue(limit.err().contains("--limit") && limit.err().contains("healdesk history --help"), limit.err());
    }

    /** Every option, parameter and mixin field of a command (a mixin's own fields inside), by name. */
    private static Map<String, Object> fields(Object command) throws IllegalAccessException {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Field> all = new ArrayList<>(List.of(command.getClass().getDeclaredFields()));
        for (Field f : all) {
            f.setAccessible(true);
            if (f.isAnnotationPresent(CommandLine.Mixin.class)) {
                Object mixin = f.get(command);
                fields(mixin).forEach((k, v) -> values.put(f.getName() + "." + k, v));
            } else if (f.isAnnotationPresent(CommandLine.Option.class)
                    || f.isAnnotationPresent(CommandLine.Parameters.class)) {
                values.put(f.getName(), f.get(command));
            }
        }
        assertTrue(!values.isEmpty(), command.getClass() + " has no options");
        return values;
    }
}
