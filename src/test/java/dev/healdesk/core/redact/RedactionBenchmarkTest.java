package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.HashSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's corpus and bookkeeping; no timing assertions here. */
class RedactionBenchmarkTest {

    @Test
    void theCorpusIsDistinctDeterministicAndBigEnough() {
        LogCorpus.Corpus a = LogCorpus.generate(2, 1);
        assertTrue(a.bytes() >= 2_000_000, "bytes: " + a.bytes());
        assertEquals(a.bytes(), a.documents().stream().mapToLong(d -> d.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum());
        assertEquals(a.documents().size(), new HashSet<>(a.documents()).size());
        assertEquals(a.documents(), LogCorpus.generate(2, 1).documents());
        assertTrue(a.planted().size() > 50, "planted: " + a.planted().size());
    }

    @Test
    void aRunReportsItsBytesTimeAndFindings() {
        RedactionBenchmark.Result r = RedactionBenchmark.run(1, 0);
        assertTrue(r.bytes() >= 1_000_000);
        assertTrue(r.nanos() > 0 && r.megabytesPerSecond() > 0);
        assertEquals(r.bytes() * 1e3 / r.nanos(), r.megabytesPerSecond(), 1e-9);
        // a thread cannot spend more CPU time than passes by the clock (both in nanoseconds; the clocks' grain aside)
        assertTrue(r.cpuNanos() > 0 && r.cpuNanos() <= r.nanos() + 20_000_000L, "cpu " + r.cpuNanos() + " ns, wall "
                + r.nanos() + " ns");
        assertEquals(r.bytes() * 1e3 / r.cpuNanos(), r.cpuMegabytesPerSecond(), 1e-9);
        assertTrue(r.findings() > 100, "findings: " + r.findings());
        assertThrows(IllegalArgumentException.class, () -> RedactionBenchmark.run(0, 1));
    }
}
