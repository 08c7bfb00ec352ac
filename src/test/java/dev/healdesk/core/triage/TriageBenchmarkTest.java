package dev.healdesk.core.triage;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's corpus and bookkeeping; no timing assertions here. */
class TriageBenchmarkTest {

    @Test
    void corpusIsDistinctDeterministicAndMixed() {
        List<TriageBenchmark.Sample> a = TriageBenchmark.corpus(3000, 1);
        assertEquals(3000, a.size());
        assertEquals(3000, new HashSet<>(a.stream().map(TriageBenchmark.Sample::message).toList()).size());
        assertEquals(a, TriageBenchmark.corpus(3000, 1));
        assertTrue(a.stream().anyMatch(s -> s.stack() != null));
    }

    @Test
    void resultCountsEveryMessageInEveryCategory() {
        TriageBenchmark.Result r = TriageBenchmark.run(2000, 0);
        assertEquals(2000, r.messages());
        assertEquals(2000, r.byCategory().values().stream().mapToInt(Integer::intValue).sum());
        for (Category c : Category.values()) {
            assertTrue(r.byCategory().get(c.id()) > 0, c.id());
        }
        assertTrue(r.nanos() > 0 && r.perSecond() > 0);
        assertTrue(r.cpuNanos() > 0 && r.cpuPerSecond() > 0, "the thread's CPU time is measured on HotSpot");
    }
}
