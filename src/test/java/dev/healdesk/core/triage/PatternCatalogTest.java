package dev.healdesk.core.triage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatternCatalogTest {

    private static final Set<String> PLAYBOOKS = Set.of("restart-backend", "clear-session", "refresh-tokens",
            "start-container", "restart-container", "scale-up", "rollout-restart", "kill-idle-db-connections",
            "terminate-idle-transactions", "redis-restart", "redis-clear-expired", "restart-worker",
            "propose-selector-fix", "propose-config-change", "file-issue");
    private static final Set<String> AUTOMATIC = Set.of("restart-backend", "clear-session", "refresh-tokens",
            "start-container", "restart-container", "scale-up", "rollout-restart", "kill-idle-db-connections",
            "terminate-idle-transactions", "redis-restart", "redis-clear-expired", "restart-worker");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static String pattern(String id, String regex, String category, int priority) {
        return "    {\"id\": \"" + id + "\", \"name\": \"" + id + "\", \"regex\": \"" + regex + "\",\n"
                + "     \"category\": \"" + category + "\", \"severity\": \"high\", \"fixClass\": \"B\",\n"
                + "     \"playbook\": \"propose-config-change\", \"priority\": " + priority + "}";
    }

    private PatternCatalogException failure(String text) throws IOException {
        Path file = write("user-patterns.json", text);
        PatternCatalogException e = assertThrows(PatternCatalogException.class, () -> PatternCatalog.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertEquals(file.toString(), e.file());
        return e;
    }

    // ------------------------------------------------------------------------------------------ built-in

    @Test
    void everyBuiltInRegexCompilesAndIsTheOneAUserFileWouldGive() throws IOException {
        // the built-in catalog compiles its regexes on first use (FailurePattern.uncompiled): this is where a bad one
        // is caught, not at a user's start
        byte[] json;
        try (var in = PatternCatalog.class.getResourceAsStream(PatternCatalog.RESOURCE)) {
            json = in.readAllBytes();
        }
        List<FailurePattern> eager = PatternCatalog.parse(json, "patterns.json", false, true);
        List<FailurePattern> lazy = PatternCatalog.builtIn().patterns();
        assertEquals(eager.size(), lazy.size());
        for (FailurePattern e : eager) {
            FailurePattern l = PatternCatalog.builtIn().find(e.id()).orElseThrow();
            assertEquals(e, l, e.id());
            assertEquals(e.regex().pattern(), l.regex().pattern(), e.id());
            assertEquals(e.regex().flags(), l.regex().flags(), e.id());
        }
    }

    @Test
    void builtInCatalogIsConsistent() {
        List<FailurePattern> patterns = PatternCatalog.builtIn().patterns();
        assertTrue(patterns.size() >= 60 && patterns.size() <= 130, "patterns: " + patterns.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < patterns.size(); i++) {
            FailurePattern p = patterns.get(i);
            assertTrue(ids.add(p.id()), "duplicate " + p.id());
            assertTrue(p.playbook() == null || PLAYBOOKS.contains(p.playbook()), p.id() + ": " + p.playbook());
            switch (p.fixClass()) {
                case A -> assertTrue(p.playbook() == null ? p.id().equals("redis-loading")
                        : AUTOMATIC.contains(p.playbook()), p.id() + " is automatic but its playbook is " + p.playbook());
                case B -> assertTrue(p.playbook().startsWith("propose-"), p.id());
                case C -> assertEquals("file-issue", p.playbook(), p.id());
                default -> throw new AssertionError();
            }
            assertTrue(!p.description().isBlank(), p.id());
            if (i > 0 && !p.isCatchAll()) {
                assertTrue(patterns.get(i - 1).priority() >= p.priority(), "order at " + p.id());
            }
        }
        FailurePattern last = patterns.get(patterns.size() - 1);
        assertEquals("unknown", last.id());
        assertEquals(Category.UNKNOWN, last.category());
        assertEquals(FixClass.C, last.fixClass());
        assertEquals(Severity.MEDIUM, last.severity());
        assertEquals("file-issue", last.playbook());
    }

    @Test
    void appDownAndLockoutsAreCritical() {
        PatternCatalog c = PatternCatalog.builtIn();
        for (String id : List.of("connection-refused", "db-connection-pool-exhausted", "sec-unauthenticated-access",
                "api-backend-down", "postgres-unreachable", "redis-unreachable")) {
            assertEquals(Severity.CRITICAL, c.find(id).orElseThrow().severity(), id);
        }
        assertEquals(Severity.LOW, c.find("ui-visual-diff").orElseThrow().severity());
    }

    // ------------------------------------------------------------------------------------------ user files

    @Test
    void userPatternsReplaceBuiltInsAndExtendTheCatalog() throws IOException {
        Path file = write("patterns.json", "{\"version\": 1, \"patterns\": [\n"
                + pattern("connection-refused", "ECONNREFUSED|ERR_CONNECTION_REFUSED", "network", 470) + ",\n"
                + pattern("acme-queue-full", "ACME queue is full", "infra", 400) + "\n]}");
        PatternCatalog catalog = PatternCatalog.load(file);
        assertEquals(PatternCatalog.builtIn().patterns().size() + 1, catalog.patterns().size());
        FailurePattern replaced = catalog.find("connection-refused").orElseThrow();
        assertEquals(FixClass.B, replaced.fixClass());
        assertEquals("propose-config-change", replaced.playbook());
        Classifier classifier = new Classifier(catalog);
        assertEquals("connection-refused", classifier.classify("Error: connect ECONNREFUSED 127.0.0.1:3000", null)
                .patternId());
        assertEquals(FixClass.B, classifier.classify("Error: connect ECONNREFUSED 127.0.0.1:3000", null).fixClass());
        Classification acme = classifier.classify("Error: ACME queue is full (3 jobs waiting)", null);
        assertEquals("acme-queue-full", acme.patternId());
        assertEquals(Category.INFRA, acme.category());
    }

    @Test
    void userPatternsWinTiesAndPriorityDecides() throws IOException {
        Path file = write("patterns.json", "{\"version\": 1, \"patterns\": [\n"
                + pattern("my-refused", "ECONNREFUSED", "infra", 470) + ",\n"
                + pattern("my-low", "locator", "data", 1) + "\n]}");
        PatternCatalog catalog = PatternCatalog.load(file);
        List<String> ids = catalog.patterns().stream().map(FailurePattern::id).toList();
        assertTrue(ids.indexOf("my-refused") < ids.indexOf("connection-refused"), "user pattern first on a tie");
        assertEquals(ids.size() - 2, ids.indexOf("my-low"), "low priority goes last, before the catch-all");
        Classifier classifier = new Classifier(catalog);
        assertEquals("my-refused", classifier.classify("connect ECONNREFUSED 127.0.0.1:3000", null).patternId());
        assertEquals("ui-locator-timeout", classifier.classify(
                "locator.click: Timeout 5000ms exceeded.\nCall log:\n  - waiting for locator('#a')", null).patternId());
    }

    @Test
    void optionalFieldsHaveDefaults() throws IOException {
        Path file = write("patterns.json", "{\"patterns\": [{\"id\": \"x1\", \"name\": \"X\", \"regex\": \"xyzzy\","
                + " \"category\": \"API\", \"severity\": \"Low\", \"fixClass\": \"c\"}]}");
        FailurePattern p = PatternCatalog.load(file).find("x1").orElseThrow();
        assertEquals(0, p.priority());
        assertNull(p.playbook());
        assertEquals("", p.description());
        assertEquals(Category.API, p.category());
        assertEquals(Severity.LOW, p.severity());
        assertEquals(FixClass.C, p.fixClass());
        assertTrue(p.regex().matcher("XYZZY").find(), "case-insensitive");
    }

    @Test
    void explicitHintsArePreFilters() throws IOException {
        Path file = write("patterns.json", "{\"version\": 1, \"patterns\": [{\"id\": \"acme\", \"name\": \"A\","
                + " \"regex\": \"acme-\\\\d+ failed\", \"category\": \"infra\", \"severity\": \"high\","
                + " \"fixClass\": \"C\", \"playbook\": \"file-issue\", \"priority\": 999, \"hints\": [\"ACME-\"]}]}");
        PatternCatalog catalog = PatternCatalog.load(file);
        assertEquals(List.of("acme-"), catalog.find("acme").orElseThrow().hints());
        assertEquals("acme", new Classifier(catalog).classify("job ACME-42 failed", null).patternId());
    }

    @Test
    void yamlFilesWork() throws IOException {
        Path file = write("patterns.yaml", "version: 1\npatterns:\n  - id: yaml-one\n    name: Yaml one\n"
                + "    regex: 'flux capacitor'\n    category: infra\n    severity: low\n    fixClass: C\n"
                + "    playbook: file-issue\n    priority: 10\n");
        assertEquals("yaml-one", new Classifier(PatternCatalog.load(file))
                .classify("the flux capacitor broke", null).patternId());
        Path bad = write("bad.yml", "version: 1\npatterns:\n  - id: y\n    name: Y\n    regex: '(unclosed'\n"
                + "    category: infra\n    severity: low\n    fixClass: C\n");
        PatternCatalogException e = assertThrows(PatternCatalogException.class, () -> PatternCatalog.load(bad));
        assertEquals(5, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("invalid regex"), e.getMessage());
    }

    // ------------------------------------------------------------------------------------------ malformed files

    @Test
    void badJsonNamesFileAndLine() throws IOException {
        PatternCatalogException e = failure("{\"version\": 1, \"patterns\": [\n"
                + pattern("a", "aaa", "api", 1) + "\n"
                + pattern("b", "bbb", "api", 1) + "\n]}");
        assertEquals(5, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(" line 5: "), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("missing comma"), e.getMessage());
    }

    @Test
    void badRegexNamesLinePatternAndWhatToDo() throws IOException {
        PatternCatalogException e = failure("{\"version\": 1, \"patterns\": [\n"
                + pattern("ok", "fine", "api", 1) + ",\n"
                + pattern("pg-pool", "(too many", "database", 1) + "\n]}");
        assertEquals(5, e.line(), e.getMessage());
        assertEquals("pg-pool", e.patternId());
        assertTrue(e.getMessage().contains(" line 5: pattern \"pg-pool\" has an invalid regex: Unclosed group"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("Fix the regex or remove the pattern."), e.getMessage());
    }

    @Test
    void unknownCategoryListsTheKnownOnes() throws IOException {
        PatternCatalogException e = failure("{\"version\": 1, \"patterns\": [\n"
                + pattern("weird", "x+y", "cosmic-rays", 1) + "\n]}");
        assertEquals(3, e.line(), e.getMessage());
        assertEquals("weird", e.patternId());
        assertTrue(e.getMessage().contains("unknown category \"cosmic-rays\""), e.getMessage());
        assertTrue(e.getMessage().contains("auth, api, network, ui, database, timeout, infra, data, unknown"),
                e.getMessage());
    }

    @Test
    void unknownFixClassAndSeverity() throws IOException {
        PatternCatalogException e = failure("{\"patterns\": [\n{\"id\": \"f\", \"name\": \"F\", \"regex\": \"f\","
                + "\n\"category\": \"api\", \"severity\": \"high\",\n\"fixClass\": \"D\"}]}");
        assertEquals(4, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("unknown fixClass \"D\". Use one of: A, B, C."), e.getMessage());
        e = failure("{\"patterns\": [\n{\"id\": \"s\", \"name\": \"S\", \"regex\": \"s\",\n\"category\": \"api\","
                + "\n\"severity\": \"urgent\", \"fixClass\": \"A\"}]}");
        assertEquals(4, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("critical, high, medium, low"), e.getMessage());
    }

    @Test
    void missingFieldNamesThePatternStart() throws IOException {
        PatternCatalogException e = failure("{\"version\": 1, \"patterns\": [\n"
                + pattern("ok", "fine", "api", 1) + ",\n"
                + "    {\"id\": \"no-regex\", \"name\": \"N\",\n     \"category\": \"api\", \"severity\": \"high\","
                + " \"fixClass\": \"B\"}\n]}");
        assertEquals(5, e.line(), e.getMessage());
        assertEquals("no-regex", e.patternId());
        assertTrue(e.getMessage().contains("has no \"regex\""), e.getMessage());
    }

    @Test
    void duplicateIdNamesBothLines() throws IOException {
        PatternCatalogException e = failure("{\"version\": 1, \"patterns\": [\n"
                + pattern("twice", "a1", "api", 1) + ",\n"
                + pattern("twice", "a2", "api", 1) + "\n]}");
        assertEquals(5, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("pattern \"twice\" appears twice (first at line 2)"), e.getMessage());
    }

    @Test
    void otherMistakesAreExplained() throws IOException {
        assertTrue(failure("{\"version\": 2, \"patterns\": []}").getMessage().contains("Write \"version\": 1"));
        PatternCatalogException unknownField = failure("{\"patterns\": [\n{\"id\": \"u\", \"name\": \"U\","
                + " \"regx\": \"u\"}]}");
        assertEquals(2, unknownField.line());
        assertTrue(unknownField.getMessage().contains("unknown field \"regx\""), unknownField.getMessage());
        assertTrue(failure("").getMessage().contains("is empty"));
        assertTrue(failure("[1, 2]").getMessage().contains("must hold an object"));
        assertTrue(failure("{\"version\": 1}").getMessage().contains("no \"patterns\" array"));
        PatternCatalogException priority = failure("{\"patterns\": [\n{\"id\": \"p\", \"name\": \"P\", \"regex\": \"p\","
                + " \"category\": \"api\", \"severity\": \"low\", \"fixClass\": \"A\",\n \"priority\": \"high\"}]}");
        assertEquals(3, priority.line());
        assertTrue(priority.getMessage().contains("whole number"), priority.getMessage());
        PatternCatalogException badId = failure("{\"patterns\": [\n" + pattern("Bad Id!", "x", "api", 1) + "]}");
        assertTrue(badId.getMessage().contains("invalid id"), badId.getMessage());
    }

    @Test
    void missingFileSaysSo() {
        Path file = dir.resolve("nope.json");
        PatternCatalogException e = assertThrows(PatternCatalogException.class, () -> PatternCatalog.load(file));
        assertTrue(e.getMessage().contains(file + " does not exist"), e.getMessage());
        assertEquals(0, e.line());
    }
}
