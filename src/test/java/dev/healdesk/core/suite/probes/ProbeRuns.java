package dev.healdesk.core.suite.probes;

import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.suite.ProbeRunner;
import dev.healdesk.core.suite.ProbeSettings;
import dev.healdesk.core.suite.TestResult;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Loads a suite written by a test and runs it with the real runner; results by probe id. */
final class ProbeRuns {

    private ProbeRuns() {
    }

    static Map<String, TestResult> run(Path dir, String yaml, Map<String, String> env, ProbeSettings settings)
            throws Exception {
        Path file = dir.resolve("suite-" + System.nanoTime() + ".yaml");
        Files.writeString(file, yaml);
        ProbeRunner runner = new ProbeRunner(ProbeSuiteFiles.load(file, env).probes(), settings);
        Map<String, TestResult> results = new LinkedHashMap<>();
        for (TestResult r : runner.run(Set.of(), x -> { }, Cancellation.none())) {
            results.put(r.id(), r);
        }
        return results;
    }

    /** Settings for checks that need no URL; a browser that cannot exist, so a launch would fail the run. */
    static ProbeSettings noBrowser(Path dir) {
        return ProbeSettings.of(URI.create("http://127.0.0.1:1/")).withArtifactsDir(dir.resolve("artifacts"))
                .withBrowser("/nowhere/chromium");
    }
}
