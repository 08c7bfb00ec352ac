package dev.healdesk.core.redact;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Measures redaction throughput on the calling thread over {@link LogCorpus} documents: generated logs of the
 * kind a failed test hands a model, every document different, secrets and look-alikes mixed in. Nothing is
 * cached between documents, so the figure is honest. Warm-up: {@code warmupRounds} untimed passes over the
 * whole corpus (the JIT compiles the scan loop and the detectors), then one timed pass of
 * {@link Redactor#redact}. Megabytes are millions of bytes of UTF-8 input. The timed pass is measured twice: by the
 * clock, the figure the target is about, and by the thread's CPU time, which on a shared machine leaves out the time
 * other processes had the core (the clock's figure then says more about the load than about the redactor). Right
 * after it, the floor: SHA-256 of the same text, so that a slow moment of the machine shows in both.
 */
public final class RedactionBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(RedactionBenchmark.class);
    private static final long SEED = 20240601L;

    /**
     * @param findings     what {@link Redactor#find} reports over the whole corpus
     * @param cpuNanos     the calling thread's CPU time over the timed pass; -1 where the JVM cannot measure it
     * @param floorNanos   right after the timed pass, the time to SHA-256 the same text's UTF-8 bytes: what any reading
     *                     of the text costs, on the machine as it was then
     */
    public record Result(long bytes, long nanos, double megabytesPerSecond, int findings, long cpuNanos,
                         long floorNanos) {

        /** Megabytes a second of the floor, SHA-256 of the same text. */
        public double floorMegabytesPerSecond() {
            return bytes * 1e3 / floorNanos;
        }

        /** How many times the floor's time the redaction took, both measured back to back. */
        public double timesTheFloor() {
            return (double) nanos / floorNanos;
        }

        /** Megabytes a second of the thread's CPU time; NaN where that was not measured. */
        public double cpuMegabytesPerSecond() {
            return cpuNanos > 0 ? bytes * 1e3 / cpuNanos : Double.NaN;
        }
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
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0;
        long start = System.nanoTime();
        for (String d : corpus.documents()) {
            sink += redactor.redact(d).length();
        }
        long nanos = Math.max(1, System.nanoTime() - start);
        long cpuNanos = cpu ? Math.max(1, threads.getCurrentThreadCpuTime() - cpuStart) : -1;
        long floorNanos = sha256Nanos(corpus.documents());
        LOG.debug("redaction benchmark checksum {}", sink);
        return new Result(corpus.bytes(), nanos, corpus.bytes() * 1e3 / nanos, findings, cpuNanos, floorNanos);
    }

    private static long sha256Nanos(List<String> documents) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (String d : documents.subList(0, Math.min(8, documents.size()))) {
            sha.update(d.getBytes(StandardCharsets.UTF_8));   // warms the digest's intrinsic
        }
        sha.reset();
        long start = System.nanoTime();
        for (String d : documents) {
            sha.update(d.getBytes(StandardCharsets.UTF_8));
        }
        long nanos = Math.max(1, System.nanoTime() - start);
        LOG.debug("redaction floor checksum {}", sha.digest()[0]);
        return nanos;
    }
}
