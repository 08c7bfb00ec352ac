package dev.healdesk.app;

import javafx.application.Platform;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code -Dhealdesk.measureStartup=true} prints, the same for the console and for {@link HelloWindow} (the
 * bench's floor): {@code healdesk.firstFrameMs=} (ms from the JVM's start to the first frame) and, where Linux's
 * /proc tells them, {@code healdesk.fxThreadCpuMs=} and {@code healdesk.processCpuMs=} (the CPU time that the JavaFX
 * thread and the whole process had used by then: on a shared machine the wall clock also counts the other processes'
 * turns), then, after
 * {@code healdesk.settleMs} (default 1000 ms) of idling, {@code healdesk.idleRssKiB=} (the process's resident
 * memory, from /proc/self/status; absent where there is none) and {@code healdesk.exitAtMs=} (the wall clock at
 * which it asks JavaFX to exit, so that the bench can time the exit), and exits.
 */
final class StartupProbe {
    static final String MEASURE_STARTUP = "healdesk.measureStartup";

    private StartupProbe() {
    }

    static boolean active() {
        return Boolean.getBoolean(MEASURE_STARTUP);
    }

    /** Called on the FX thread once the first frame is shown. */
    static void firstFrameShown() {
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("healdesk.firstFrameMs=" + ms);
        long fxNanos = threadCpuNanos();
        if (fxNanos >= 0) {
            System.out.println("healdesk.fxThreadCpuMs=" + fxNanos / 1_000_000);
        }
        long processTicks = processCpuTicks();
        if (processTicks >= 0) {
            System.out.println("healdesk.processCpuMs=" + processTicks * 10);   // USER_HZ: 100 on Linux
        }
        System.out.flush();
        long settle = Long.getLong("healdesk.settleMs", 1000);
        Thread settling = new Thread(() -> {
            try {
                Thread.sleep(settle);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long rss = residentKiB();
            if (rss > 0) {
                System.out.println("healdesk.idleRssKiB=" + rss);
            }
            System.out.println("healdesk.exitAtMs=" + System.currentTimeMillis());
            System.out.flush();
            Platform.exit();
        }, "healdesk-startup-probe");
        settling.setDaemon(true);
        settling.start();
    }

    /** The calling thread's time on a CPU in ns (/proc/thread-self/schedstat, first field), or -1. */
    private static long threadCpuNanos() {
        try {
            String schedstat = Files.readString(Path.of("/proc/thread-self/schedstat")).trim();
            return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The process's user + system time in clock ticks (/proc/self/stat, fields 14 and 15), or -1. */
    private static long processCpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // after the command name, which may hold spaces, in parentheses: field 3 onwards
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long residentKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
