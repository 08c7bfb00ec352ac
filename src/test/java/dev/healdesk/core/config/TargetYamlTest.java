package dev.healdesk.core.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class TargetYamlTest {

    private static YAMLFactory factory() {
        return YAMLFactory.builder().enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** The mapper as TargetFiles configures it: what the plain reader must agree with. */
    private static final ObjectMapper MAPPER = new ObjectMapper(factory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private static TargetSpec plain(String yaml) {
        return new TargetYaml(factory()).read(yaml);
    }

    private static TargetSpec mapped(String yaml) throws Exception {
        return TargetFiles.oneDocument(MAPPER, yaml, TargetSpec.class, Path.of("target.yaml"));
    }

    private static final List<String> PLAIN = List.of(
            "name: bench-seed\nbaseUrl: 'http://127.0.0.1:41234'\nsuites:\n  - kind: playwright\n"
                    + "    dir: '/srv/e2e'\n    projects: ['health', 'contracts', 'modules', 'security']\n"
                    + "    timeoutSeconds: 600\n",
            "---\nname: crm\nbaseUrl: http://127.0.0.1:3000  # pages\napiUrl: http://127.0.0.1:8080\n"
                    + "browser: /usr/bin/chromium\ntimeoutMs: 5000\nenv:\n  LOG_LEVEL: info\n  B: \"2\"\n"
                    + "artifacts:\n  dir: ./healing-results\n  retentionDays: 7\n"
                    + "suites:\n  - kind: playwright\n    dir: ../crm/e2e\n    projects: [e2e]\n"
                    + "    env: { PW_RETRIES: \"1\" }\n    timeoutSeconds: 900\n    shards: 3\n"
                    + "  - kind: junit\n    project: api-unit\n    command: [mvn, -q, test]\n    dir: ../crm/api\n"
                    + "    reports: target/surefire-reports/TEST-*.xml\n    select: maven\n"
                    + "  - {kind: probes, file: crm-probes.yaml}\n"
                    + "repository: ../crm\nguardrails:\n  maxFixesPerRun: 3\n  maxAttemptsPerFailure: 2\n"
                    + "  cooldownSeconds: 5\n  runMinutes: 30\n  maxContainerRestarts: 1\n"
                    + "  maxDatabaseOperations: 4\n  systemicServices: 3\n  settleMs: 250\n"
                    + "  commandTimeoutSeconds: 60\n  protect: [billing, 'payments-db']\n",
            "{\"name\": \"json-style\", \"suites\": [{\"kind\": \"playwright\", \"dir\": \".\", \"projects\": []}]}",
            "name: empty parts\nguardrails: {}\nartifacts: {}\nenv: {}\nsuites: []\n",
            "name:\nsuites: []\n",
            "name: \"quoted: yes\"\nbaseUrl: \"http://h/?a=1&b=2\"\nsuites:\n  - kind: junit\n    command:\n"
                    + "      - ./gradlew\n      - test\n    timeoutSeconds: 0x10\n");

    /** Forms the plain reader leaves to the mapper: it must answer null for each, never a record of its own. */
    private static final List<String> LEFT_TO_THE_MAPPER = List.of(
            "name: x\nprobes:\n  - id: a\n    project: p\n    http: { url: /a }\n",
            "name: x\nplaybooks:\n  clear-session: { storageState: .auth/user.json }\n",
            "name: x\nauth: { kind: bearer }\n",
            "name: x\nunknownField: 1\n",
            "name: 123\n",
            "name: true\n",
            "name: ~\n",
            "name: x\ntimeoutMs: '500'\n",
            "name: x\ntimeoutMs: 2.5\n",
            "name: x\ntimeoutMs: 99999999999\n",
            "name: x\nsuites:\n  -\n",
            "name: x\nsuites: playwright\n",
            "name: x\nsuites:\n  - kind: playwright\n    projects: a\n",
            "name: x\nsuites:\n  - kind: playwright\n    projects: [a, ~]\n",
            "name: x\nenv: { A: 1 }\n",
            "name: x\nname: y\n",
            "name: x\n---\nname: y\n",
            "name: &n x\nbaseUrl: *n\n",
            "name: !!str x\n",
            "- name: x\n",
            "just text\n",
            "# only a comment\n",
            "name: [unclosed\n");

    @Test
    void thePlainFormsReadToTheSameRecordAsTheMapperBuilds() throws Exception {
        for (String yaml : PLAIN) {
            TargetSpec spec = plain(yaml);
            assertNotNull(spec, () -> "the plain reader left this to the mapper:\n" + yaml);
            assertEquals(mapped(yaml), spec, yaml);
        }
    }

    @Test
    void everythingElseIsLeftToTheMapperWhichNamesTheProblem() {
        for (String yaml : LEFT_TO_THE_MAPPER) {
            assertNull(plain(yaml), () -> "the plain reader should leave this to the mapper:\n" + yaml);
        }
    }

    @Test
    void whateverItReadsIsWhatTheMapperBuildsAndWhatTheMapperRefusesItLeaves() throws Exception {
        for (String yaml : java.util.stream.Stream.concat(PLAIN.stream(), LEFT_TO_THE_MAPPER.stream()).toList()) {
            TargetSpec spec = plain(yaml);
            TargetSpec mapped;
            try {
                mapped = mapped(yaml);
            } catch (Exception e) {
                assertNull(spec, () -> "the mapper refuses this, the plain reader read it:\n" + yaml);
                continue;
            }
            if (spec != null) {
                assertEquals(mapped, spec, yaml);
            }
        }
    }

    @Test
    void theDocumentedExampleWithoutItsProbesPlaybooksAndAuthReadsAlike() throws Exception {
        String page = Files.readString(Path.of("src/site/markdown/target-file.md"));
        Matcher m = Pattern.compile("# Target file.*?```yaml\\n(.*?)```", Pattern.DOTALL).matcher(page);
        assertEquals(true, m.find(), "the target file page has a target file example");
        String example = m.group(1);
        assertNull(plain(example), "the full example has inline probes and playbooks: the mapper reads it");
        // the same file cut to the sections the plain reader takes: every line up to 'probes:' and from 'guardrails:'
        String cut = example.substring(0, example.indexOf("\nprobes:") + 1)
                + example.substring(example.indexOf("\nrepository:") + 1, example.indexOf("\nplaybooks:") + 1)
                + example.substring(example.indexOf("\nguardrails:") + 1);
        TargetSpec spec = plain(cut);
        assertNotNull(spec, cut);
        assertEquals(mapped(cut), spec);
        assertEquals(3, spec.suites().size());
    }
}
