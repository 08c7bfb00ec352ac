package dev.healdesk.core.run;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Run ids double as folder names: {@code run-YYYYMMDD-HHMMSS-<16 hex>}, UTC. They are made on each machine with no
 * word from any other, yet a team's shared history (PostgreSQL) keys runs by them: 64 random bits (SecureRandom)
 * within one second make two machines' ids meet about once in 10^19 pairs of runs started in the same second. Should
 * it ever happen, the second run's row is refused by the primary key and its run folder keeps it: never a run merged
 * into another's.
 */
public final class RunIds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public RunIds(Clock clock) {
        this.clock = clock;
    }

    public String next() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return "run-" + STAMP.format(clock.instant()) + "-" + HexFormat.of().formatHex(bytes);
    }
}
