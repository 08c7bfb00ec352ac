package dev.healdesk.core.run;

import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Who recorded a run and where: the machine (its host name), the operator (the OS user, or {@value #OPERATOR_ENV}) and
 * where it was started ({@link Origin}). A team's shared history tells its runs apart by them.
 */
public record Provenance(String machine, String operator, Origin origin) {

    public static final String OPERATOR_ENV = "HEALDESK_OPERATOR";
    /** Set by the units and crontab lines {@code healdesk schedule} writes: {@code schedule}. */
    public static final String ORIGIN_ENV = "HEALDESK_ORIGIN";

    /** Where a run was started. */
    public enum Origin {
        CONSOLE, CLI, SCHEDULE, CI;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The origin of {@code id} ({@link #id()}); null for none or an unknown one. */
        public static Origin fromId(String id) {
            if (id == null) {
                return null;
            }
            for (Origin o : values()) {
                if (o.id().equalsIgnoreCase(id.strip())) {
                    return o;
                }
            }
            return null;
        }
    }

    /**
     * This process's provenance: {@code frontEnd} (console or CLI) unless {@value #ORIGIN_ENV} names another, or a CI
     * service runs it ({@code CI=true}, or {@code GITHUB_ACTIONS=true}).
     */
    public static Provenance detect(Map<String, String> env, Origin frontEnd) {
        Origin origin = Origin.fromId(env.get(ORIGIN_ENV));
        if (origin == null) {
            origin = "true".equalsIgnoreCase(env.get("CI")) || "true".equalsIgnoreCase(env.get("GITHUB_ACTIONS"))
                    ? Origin.CI : frontEnd;
        }
        String operator = env.get(OPERATOR_ENV);
        if (operator == null || operator.isBlank()) {
            operator = System.getProperty("user.name", "unknown");
        }
        return new Provenance(hostName(env), operator.strip(), origin);
    }

    /**
     * A row's who and where as stored (any of them null for runs recorded before they were); null when none is known.
     */
    public static Provenance of(String machine, String operator, String origin) {
        if (machine == null && operator == null && origin == null) {
            return null;
        }
        return new Provenance(machine, operator, Origin.fromId(origin));
    }

    /** "ana on build-box, from ci": a report's header line; the parts not known are left out. */
    public String describe() {
        StringBuilder s = new StringBuilder(operator == null ? "someone" : operator);
        if (machine != null) {
            s.append(" on ").append(machine);
        }
        if (origin != null) {
            s.append(", from ").append(origin.id());
        }
        return s.toString();
    }

    /** The host name: the kernel's (Linux), else the one Java resolves, else the environment's; "unknown" if none. */
    static String hostName(Map<String, String> env) {
        // read through FileInputStream, as strictly as Files.readString (malformed UTF-8 is an IOException here too):
        // every process that opens a history asks this, and Files.readString brought NIO's file channels and direct
        // buffers (~35 classes) onto a short command's main thread for these few bytes (docs/benchmarks, tenth pass)
        try (FileInputStream kernel = new FileInputStream("/proc/sys/kernel/hostname")) {
            String name = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(kernel.readAllBytes()))
                    .toString().strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // not there or not readable (not Linux): fall through to the next source
        }
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (name != null && !name.isBlank()) {
                return name;
            }
        } catch (IOException e) {
            // fall through
        }
        for (String var : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String name = env.get(var);
            if (name != null && !name.isBlank()) {
                return name.strip();
            }
        }
        return "unknown";
    }
}
