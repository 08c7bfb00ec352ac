package dev.healdesk.core.run;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Run ids double as folder names: {@code run-YYYYMMDD-HHMMSS-<8 hex>}, UTC. */
public final class RunIds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public RunIds(Clock clock) {
        this.clock = clock;
    }

    public String next() {
        byte[] bytes = new byte[4];
        random.nextBytes(bytes);
        return "run-" + STAMP.format(clock.instant()) + "-" + HexFormat.of().formatHex(bytes);
    }
}
