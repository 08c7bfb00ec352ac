package dev.healdesk.core.gpu;

import dev.healdesk.core.process.BoundedProcess;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Asks {@code nvidia-smi}, which comes with the NVIDIA driver, for every GPU's memory: the exact figures a model
 * choice needs, and the first source Healdesk tries.
 * <p>
 * Runs {@code nvidia-smi --query-gpu=index,name,memory.total,memory.used,memory.free,driver_version,mig.mode.current
 * --format=csv,noheader,nounits} as an argument vector (no shell), with a time limit because a wedged driver makes
 * nvidia-smi hang. A missing binary, a failure exit, a hang and unreadable lines all end up as notes in the report.
 */
public final class NvidiaSmiProbe implements GpuProbe {

    /** nvidia-smi answers in well under a second on a healthy machine; longer means the driver is stuck. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    static final List<String> ARGUMENTS = List.of(
            "--query-gpu=index,name,memory.total,memory.used,memory.free,driver_version,mig.mode.current",
            "--format=csv,noheader,nounits");

    private static final Logger LOG = LoggerFactory.getLogger(NvidiaSmiProbe.class);
    private static final String DEFAULT_EXECUTABLE = "nvidia-smi";
    /** Fields after the name: memory.total, memory.used, memory.free, driver_version, mig.mode.current. */
    private static final int TRAILING_FIELDS = 5;
    private static final int MAX_QUOTED_CHARS = 200;

    private final String executable;
    private final Duration timeout;

    /** Runs {@code nvidia-smi} from PATH with {@link #DEFAULT_TIMEOUT}. */
    public NvidiaSmiProbe() {
        this(DEFAULT_EXECUTABLE, DEFAULT_TIMEOUT);
    }

    /**
     * @param executable a program name looked up on PATH, or a path to nvidia-smi
     * @param timeout    how long nvidia-smi may take before it is killed; positive
     */
    public NvidiaSmiProbe(String executable, Duration timeout) {
        this.executable = Objects.requireNonNull(executable, "executable");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    @Override
    public GpuReport probe() {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(ARGUMENTS);
        BoundedProcess.Result result;
        try {
            result = BoundedProcess.run(command, timeout);
        } catch (IOException e) {
            LOG.info("nvidia-smi could not be started ({}): {}", executable, e.getMessage());
            return GpuReport.cpuOnly(List.of(notStartedNote(e)));
        } catch (TimeoutException e) {
            LOG.warn("nvidia-smi ({}) did not answer within {} and was killed", executable, timeout);
            return GpuReport.cpuOnly(List.of("nvidia-smi did not answer within " + seconds(timeout)
                    + " and was stopped: the NVIDIA driver may be stuck. To fix: run `nvidia-smi` in a terminal to see"
                    + " whether it answers; a reboot after a driver update often helps."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return GpuReport.cpuOnly(List.of("GPU detection was interrupted before nvidia-smi answered."));
        }
        if (result.exitCode() != 0) {
            LOG.info("nvidia-smi exited with {}: stdout={} stderr={}", result.exitCode(), result.stdout(), result.stderr());
            return GpuReport.cpuOnly(List.of("nvidia-smi failed (exit " + result.exitCode() + "): "
                    + firstLine(result.stderr(), result.stdout()) + " To fix: check that the NVIDIA driver is installed"
                    + " and loaded (run `nvidia-smi` in a terminal)."));
        }
        Parsed parsed = parse(result.stdout());
        List<String> notes = new ArrayList<>(parsed.notes());
        if (parsed.gpus().isEmpty()) {
            notes.add("nvidia-smi ran but listed no GPU.");
            return GpuReport.cpuOnly(notes);
        }
        LOG.info("nvidia-smi found {} GPU(s): {}", parsed.gpus().size(), parsed.gpus());
        return new GpuReport(parsed.gpus(), GpuInfo.NVIDIA_SMI, notes);
    }

    /** The GPUs on nvidia-smi's lines, and a note for each line that could not be read or whose memory is a guess. */
    record Parsed(List<GpuInfo> gpus, List<String> notes) {
        Parsed {
            gpus = List.copyOf(gpus);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Reads the CSV that {@link #ARGUMENTS} ask for: one line per GPU, fields separated by ", ". The name is taken
     * as everything between the index and the last five fields, so a name with a comma in it still reads right.
     * {@code [N/A]}, {@code [Not Supported]} and other bracketed values mean "not reported". Blank lines are
     * ignored; lines that are not GPU rows are skipped with a note.
     */
    static Parsed parse(String csv) {
        List<GpuInfo> gpus = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String raw : csv.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            GpuInfo gpu = parseLine(line);
            if (gpu == null) {
                notes.add("Skipped a line of nvidia-smi output that is not a GPU row: '" + quoted(line) + "'.");
                continue;
            }
            gpus.add(gpu);
            memoryNote(gpu, line).ifPresent(notes::add);
            if (gpu.migEnabled()) {
                notes.add(describe(gpu) + " has MIG enabled: a model runs inside one MIG instance, which has only a"
                        + " slice of the card's memory, while the free memory shown is the whole card's. Pick a model"
                        + " that fits the instance (`nvidia-smi -L` lists the instances).");
            }
        }
        return new Parsed(gpus, notes);
    }

    /** One GPU row, or null when the line is not one. */
    private static GpuInfo parseLine(String line) {
        int firstComma = line.indexOf(',');
        int[] commas = lastCommas(line);
        if (firstComma < 0 || commas == null || commas[0] <= firstComma) {
            return null;
        }
        String[] trailing = new String[TRAILING_FIELDS];
        for (int i = 0; i < TRAILING_FIELDS; i++) {
            int end = i + 1 < TRAILING_FIELDS ? commas[i + 1] : line.length();
            trailing[i] = line.substring(commas[i] + 1, end).strip();
        }
        String name = line.substring(firstComma + 1, commas[0]).strip();
        try {
            int index = Integer.parseInt(line.substring(0, firstComma).strip());
            long total = mebibytes(trailing[0]);
            long used = mebibytes(trailing[1]);
            long free = mebibytes(trailing[2]);
            if (index < 0 || name.isEmpty()) {
                return null;
            }
            return new GpuInfo(index, name, total, used, free, reported(trailing[3]), GpuInfo.NVIDIA_SMI, false,
                    migMode(trailing[4]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The positions of the last {@link #TRAILING_FIELDS} commas, left to right; null when there are fewer. */
    private static int[] lastCommas(String line) {
        int[] commas = new int[TRAILING_FIELDS];
        int from = line.length();
        for (int i = TRAILING_FIELDS - 1; i >= 0; i--) {
            from = line.lastIndexOf(',', from - 1);
            if (from < 0) {
                return null;
            }
            commas[i] = from;
        }
        return commas;
    }

    /** A memory figure in MiB; {@link GpuInfo#UNKNOWN} when not reported. */
    private static long mebibytes(String field) {
        if (reported(field) == null) {
            return GpuInfo.UNKNOWN;
        }
        long value = Long.parseLong(field);
        if (value < 0) {
            throw new NumberFormatException("negative memory figure: " + field);
        }
        return value;
    }

    /** The field, or null when nvidia-smi said it has no value ({@code [N/A]}, {@code [Not Supported]}, …). */
    private static String reported(String field) {
        return field.isEmpty() || field.startsWith("[") ? null : field;
    }

    private static String migMode(String field) {
        if ("Enabled".equalsIgnoreCase(field)) {
            return "Enabled";
        }
        return "Disabled".equalsIgnoreCase(field) ? "Disabled" : null;
    }

    /** Says how the usable memory was worked out when nvidia-smi did not report the free memory. */
    private static Optional<String> memoryNote(GpuInfo gpu, String line) {
        if (gpu.freeMiB() != GpuInfo.UNKNOWN) {
            return Optional.empty();
        }
        String what = "nvidia-smi did not report the free memory of " + describe(gpu);
        if (gpu.usableMiB() == GpuInfo.UNKNOWN) {
            return Optional.of(describe(gpu) + ": nvidia-smi reported no memory figures ('" + quoted(line)
                    + "'), so Healdesk cannot size a model for it: pick one by hand.");
        }
        if (gpu.usedMiB() != GpuInfo.UNKNOWN) {
            return Optional.of(what + ": counting total minus used, " + gpu.usableMiB() + " MiB, as usable.");
        }
        return Optional.of(what + ": counting all its " + gpu.usableMiB() + " MiB as usable, which is too"
                + " much if other programs use the GPU.");
    }

    private static String describe(GpuInfo gpu) {
        return "GPU " + gpu.index() + " (" + gpu.name() + ")";
    }

    private String notStartedNote(IOException e) {
        if (!executable.contains("/") && !executable.contains(File.separator)) {
            return "nvidia-smi not found on PATH (" + e.getMessage() + "): install the NVIDIA driver, which brings"
                    + " nvidia-smi, or put the folder that holds nvidia-smi on PATH.";
        }
        return "nvidia-smi could not be started from " + executable + " (" + e.getMessage() + "): check the path,"
                + " or install the NVIDIA driver, which brings nvidia-smi.";
    }

    /** The first non-blank line of the first stream that has one, for a note. */
    private static String firstLine(String... outputs) {
        for (String output : outputs) {
            for (String line : output.split("\\R")) {
                if (!line.isBlank()) {
                    String text = quoted(line.strip());
                    return text.endsWith(".") ? text : text + ".";
                }
            }
        }
        return "(it printed nothing).";
    }

    private static String quoted(String text) {
        return text.length() <= MAX_QUOTED_CHARS ? text : text.substring(0, MAX_QUOTED_CHARS) + "…";
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
