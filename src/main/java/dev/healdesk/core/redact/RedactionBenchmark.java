package dev.healdesk.core.redact;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures redaction throughput on the calling thread over {@link LogCorpus} documents: generated logs of the
 * kind a failed test hands a model, every document different, secrets and look-alikes mixed in. Nothing is
 * cached between documents, so the figure is honest. Warm-up: {@code warmupRounds} untimed passes over the
 * whole corpus (the JIT compiles the scan loop and the detectors), then one timed pass of
 * {@link Redactor#redact}. Megabytes are millions of bytes of UTF-8 input.
 */
public final class RedactionBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(RedactionBenchmark.class);
    private static final long SEED = 20240601L;

    /** @param findings what {@link Redactor#find} reports over the whole corpus */
    public record Result(long bytes, long nanos, double megabytesPerSecond, int findings) {
    }

    private RedactionBenchmark() {
    }

    public static Result run(int megabytes, int warmupRounds) {
        if (megabytes <= 0 || warmupRounds < 0) {
            throw new IllegalArgumentException("megabytes must be positive and warmupRounds not negative: "
                    + megabytes + ", " + warmupRounds);
        }
        LogCorpus.Corpus corpus = LogCorpus.generate(megabytes, SEED);
        Redactor redactor = Redactor.standard();
        long sink = 0;
        int findings = 0;
        for (String d : corpus.documents()) {
            findings += redactor.find(d).size();
        }
        for (int round = 0; round < warmupRounds; round++) {
            for (String d : corpus.documents()) {
                sink += redactor.redact(d).length();
            }
        }
        long start = System.nanoTime();
        for (String d : corpus.documents()) {
            sink += redactor.redact(d).length();
        }
        long nanos = Math.max(1, System.nanoTime() - start);
        LOG.debug("redaction benchmark checksum {}", sink);
        return new Result(corpus.bytes(), nanos, corpus.bytes() * 1e3 / nanos, findings);
    }
}
