package dev.healdesk.core.gpu;

import dev.healdesk.core.process.BoundedProcess;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks {@code nvidia-smi}, which comes with the NVIDIA driver, for every GPU's memory: the exact figures a model
 * choice needs, and the first source Healdesk tries.
 * <p>
 * Runs {@code nvidia-smi --query-gpu=index,name,uuid,memory.total,memory.used,memory.free,driver_version,
 * mig.mode.current --format=csv,nounits} as an argument vector (no shell), with a time limit because a wedged driver
 * makes nvidia-smi hang, and reads the columns by the names of its header line, so any field order reads right. A GPU
 * that reports no memory of its own ({@code [N/A]}, as DGX Spark's GB10 and Jetson do) shares the system memory
 * (unified memory). When a GPU is in MIG mode, {@code nvidia-smi -L} lists its MIG devices and plain {@code nvidia-smi}
 * their memory. A missing binary, a failure exit, a hang and unreadable lines all end up as notes in the report.
 */
public final class NvidiaSmiProbe implements GpuProbe {

    /** nvidia-smi answers in well under a second on a healthy machine; longer means the driver is stuck. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** The fields asked for, in the order asked; a header line in another order is read by its names. */
    static final List<String> FIELDS = List.of("index", "name", "uuid", "memory.total", "memory.used", "memory.free",
            "driver_version", "mig.mode.current");
    static final List<String> ARGUMENTS = List.of("--query-gpu=" + String.join(",", FIELDS), "--format=csv,nounits");
    /** {@link #ARGUMENTS}, for tests in other packages that check what a stand-in nvidia-smi was asked. */
    public static final List<String> ARGUMENTS_FOR_TESTS = ARGUMENTS;
    /** Lists the GPUs and their MIG devices with their UUIDs. */
    static final List<String> LIST_ARGUMENTS = List.of("-L");

    private static final Logger LOG = LoggerFactory.getLogger(NvidiaSmiProbe.class);
    private static final String DEFAULT_EXECUTABLE = "nvidia-smi";
    private static final int MAX_QUOTED_CHARS = 200;
    /** {@code GPU 0: NVIDIA A100 80GB PCIe (UUID: GPU-932bfb2c-…)} */
    private static final Pattern LIST_GPU = Pattern.compile("^GPU\\s+(\\d+):\\s*(.*?)\\s*\\(UUID:\\s*([^)\\s]+)\\)");
    /** {@code   MIG 3g.40gb     Device  0: (UUID: MIG-0929581a-…)} */
    private static final Pattern LIST_MIG = Pattern.compile(
            "^\\s*MIG\\s+(\\S+)\\s+Device\\s+(\\d+):\\s*\\(UUID:\\s*([^)\\s]+)\\)");
    /** A MIG device's row in plain nvidia-smi's "MIG devices" table: GPU, GI, CI, MIG device, used / total memory. */
    private static final Pattern TABLE_MIG = Pattern.compile(
            "^\\|\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\|\\s*(\\d+)MiB\\s*/\\s*(\\d+)MiB");
    /** The memory in a MIG profile's name: the "20" of "3g.20gb" or "1c.3g.20gb". */
    private static final Pattern PROFILE_GB = Pattern.compile("(\\d+)gb", Pattern.CASE_INSENSITIVE);
    /**
     * A slice's memory is a little under its name's GB (3g.20gb has 19,968 MiB on an A100 40GB, 1g.5gb 4,864 MiB), so
     * a profile-name estimate takes this share of the named GiB.
     */
    private static final double PROFILE_SHARE = 0.95;

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
        BoundedProcess.Result result;
        try {
            result = run(ARGUMENTS);
        } catch (IOException e) {
            LOG.info("nvidia-smi could not be started ({}): {}", executable, e.getMessage());
            return GpuReport.cpuOnly(List.of(notStartedNote(e)));
        } catch (TimeoutException e) {
            LOG.warn("nvidia-smi ({}) did not answer within {} and was killed", executable, timeout);
            return GpuReport.cpuOnly(List.of(hungNote()));
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
        List<GpuInfo> gpus = parsed.gpus();
        if (gpus.stream().anyMatch(GpuInfo::migEnabled)) {
            gpus = withMigSlices(gpus, notes);
        }
        LOG.info("nvidia-smi found {} GPU(s): {}", gpus.size(), gpus);
        return new GpuReport(gpus, GpuInfo.NVIDIA_SMI, notes);
    }

    private BoundedProcess.Result run(List<String> arguments)
            throws IOException, TimeoutException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(arguments);
        return BoundedProcess.run(command, timeout);
    }

    private String hungNote() {
        return "nvidia-smi did not answer within " + seconds(timeout) + " and was stopped: the NVIDIA driver may be"
                + " stuck. To fix: run `nvidia-smi` in a terminal to see whether it answers; a reboot after a driver"
                + " update often helps.";
    }

    /**
     * The GPUs with their MIG devices: {@code nvidia-smi -L} names them, plain {@code nvidia-smi}'s "MIG devices"
     * table gives each its memory (else the profile's name does, as an estimate). What could not be read becomes a
     * note; a MIG-mode GPU without devices gets one too, because no CUDA program can then use it.
     */
    private List<GpuInfo> withMigSlices(List<GpuInfo> gpus, List<String> notes) {
        String listing;
        String table = "";
        try {
            BoundedProcess.Result list = run(LIST_ARGUMENTS);
            if (list.exitCode() != 0) {
                notes.add("`nvidia-smi -L` failed (exit " + list.exitCode() + "): " + firstLine(list.stderr(),
                        list.stdout()) + " The MIG devices are not known: pick a model that fits one by hand.");
                return gpus;
            }
            listing = list.stdout();
            BoundedProcess.Result plain = run(List.of());
            if (plain.exitCode() == 0) {
                table = plain.stdout();
            }
        } catch (IOException | TimeoutException e) {
            notes.add("nvidia-smi did not list the MIG devices (" + (e instanceof TimeoutException ? "no answer within "
                    + seconds(timeout) : e.getMessage()) + "): pick a model that fits one by hand.");
            return gpus;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return gpus;
        }
        return migSlices(gpus, listing, table, notes);
    }

    /** {@code gpus} with the MIG devices of {@code listing} ({@code nvidia-smi -L}) and the memory of {@code table}. */
    static List<GpuInfo> migSlices(List<GpuInfo> gpus, String listing, String table, List<String> notes) {
        Map<String, long[]> memory = migMemory(table);
        Map<Integer, List<MigSlice>> slices = new LinkedHashMap<>();
        int gpu = -1;
        for (String line : listing.split("\\R")) {
            Matcher g = LIST_GPU.matcher(line);
            if (g.find()) {
                gpu = Integer.parseInt(g.group(1));
                continue;
            }
            Matcher m = LIST_MIG.matcher(line);
            if (m.find() && gpu >= 0) {
                int device = Integer.parseInt(m.group(2));
                long[] usedTotal = memory.get(gpu + "/" + device);
                String profile = m.group(1);
                MigSlice slice = usedTotal != null
                        ? new MigSlice(gpu, device, profile, m.group(3), usedTotal[1], usedTotal[0], false)
                        : new MigSlice(gpu, device, profile, m.group(3), profileMiB(profile), GpuInfo.UNKNOWN, true);
                slices.computeIfAbsent(gpu, k -> new ArrayList<>()).add(slice);
            }
        }
        List<GpuInfo> result = new ArrayList<>();
        for (GpuInfo info : gpus) {
            List<MigSlice> own = slices.getOrDefault(info.index(), List.of());
            if (info.migEnabled() && own.isEmpty()) {
                notes.add(describe(info) + " has MIG enabled but no MIG device (`nvidia-smi -L` lists none): no CUDA"
                        + " program, Ollama included, can use it until one is created (`sudo nvidia-smi mig -cgi"
                        + " <profile> -C`).");
            } else if (own.stream().anyMatch(MigSlice::estimated)) {
                notes.add(describe(info) + ": the memory of its MIG devices is taken from their profile names (a"
                        + " little under the GB each names), because nvidia-smi's table did not list it.");
            }
            result.add(own.isEmpty() ? info : info.withMigSlices(own));
        }
        return result;
    }

    /** "gpu/device" → {used, total} MiB from plain nvidia-smi's "MIG devices" table. */
    private static Map<String, long[]> migMemory(String table) {
        Map<String, long[]> memory = new LinkedHashMap<>();
        boolean inMig = false;
        for (String line : table.split("\\R")) {
            if (line.contains("MIG devices:")) {
                inMig = true;
            } else if (line.contains("Processes:")) {
                inMig = false;
            }
            Matcher m = TABLE_MIG.matcher(line);
            if (inMig && m.find()) {
                memory.put(m.group(1) + "/" + m.group(4),
                        new long[] {Long.parseLong(m.group(5)), Long.parseLong(m.group(6))});
            }
        }
        return memory;
    }

    /** A slice's memory from its profile's name ("3g.20gb" → a little under 20 GiB), or unknown. */
    static long profileMiB(String profile) {
        Matcher m = PROFILE_GB.matcher(profile);
        long gb = -1;
        while (m.find()) {
            gb = Long.parseLong(m.group(1));
        }
        return gb < 0 ? GpuInfo.UNKNOWN : Math.round(gb * 1024 * PROFILE_SHARE);
    }

    /** The GPUs on nvidia-smi's lines, and a note for each line that could not be read or whose memory is a guess. */
    record Parsed(List<GpuInfo> gpus, List<String> notes) {
        Parsed {
            gpus = List.copyOf(gpus);
            notes = List.copyOf(notes);
        }
    }

    /** How nvidia-smi filled a memory field. */
    private enum Reported { FIGURE, NOT_REPORTED, ERROR }

    /** A memory field: its figure in MiB ({@link GpuInfo#UNKNOWN} unless a figure), how it was filled, the raw text. */
    private record Memory(long mib, Reported how, String raw) {
    }

    /**
     * Reads the CSV that {@link #ARGUMENTS} ask for: a header line naming the columns (any order; units in brackets
     * are ignored), then one line per GPU, fields separated by ", ". Output without a header is read in the order
     * asked for. A name with commas in it still reads right: a row with more fields than the header gives the extra
     * ones to the name. {@code [N/A]} and {@code [Not Supported]} mean "not reported"; other bracketed values
     * ({@code [GPU requires reset]}, {@code [Unknown Error]}) mean nvidia-smi could not read the figure. Blank lines
     * are ignored; lines that are not GPU rows are skipped with a note.
     */
    static Parsed parse(String csv) {
        List<GpuInfo> gpus = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> columns = null;
        for (String raw : csv.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (columns == null) {
                List<String> header = header(line);
                columns = header != null ? header : FIELDS;
                if (header != null) {
                    continue;
                }
            }
            GpuInfo gpu = parseLine(line, columns, notes);
            if (gpu == null) {
                notes.add("Skipped a line of nvidia-smi output that is not a GPU row: '" + quoted(line) + "'.");
                continue;
            }
            gpus.add(gpu);
        }
        return new Parsed(gpus, notes);
    }

    /** The column names of a header line ("memory.total [MiB]" → "memory.total"), or null when it is not one. */
    private static List<String> header(String line) {
        List<String> names = new ArrayList<>();
        for (String field : line.split(",", -1)) {
            names.add(field.replaceAll("\\[.*?]", "").strip().toLowerCase(Locale.ROOT));
        }
        return names.contains("index") && names.contains("name") ? names : null;
    }

    /** One GPU row, or null when the line is not one; notes on its memory go to {@code notes}. */
    private static GpuInfo parseLine(String line, List<String> columns, List<String> notes) {
        List<String> fields = new ArrayList<>();
        for (String f : line.split(",", -1)) {
            fields.add(f.strip());
        }
        int nameAt = columns.indexOf("name");
        int extra = fields.size() - columns.size();
        if (extra < 0 || (extra > 0 && nameAt < 0)) {
            return null;
        }
        if (extra > 0) {
            String name = String.join(", ", fields.subList(nameAt, nameAt + extra + 1));
            fields.subList(nameAt, nameAt + extra + 1).clear();
            fields.add(nameAt, name);
        }
        try {
            int index = Integer.parseInt(field(fields, columns, "index"));
            String name = field(fields, columns, "name");
            Memory total = memory(field(fields, columns, "memory.total"));
            Memory used = memory(field(fields, columns, "memory.used"));
            Memory free = memory(field(fields, columns, "memory.free"));
            if (index < 0 || name == null || name.isEmpty()) {
                return null;
            }
            boolean noneReported = total.how() == Reported.NOT_REPORTED && free.how() == Reported.NOT_REPORTED
                    && used.how() != Reported.ERROR;
            boolean unified = noneReported
                    || (GpuInfo.unifiedMemoryPart(name) && total.how() == Reported.NOT_REPORTED);
            GpuInfo gpu = new GpuInfo(index, name, total.mib(), used.mib(), free.mib(),
                    reported(field(fields, columns, "driver_version")), GpuInfo.NVIDIA_SMI, false,
                    migMode(field(fields, columns, "mig.mode.current")),
                    reported(field(fields, columns, "uuid")), unified, List.of());
            memoryNote(gpu, line, List.of(total, used, free)).ifPresent(notes::add);
            return gpu;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The value of column {@code name}, or null when the header has no such column. */
    private static String field(List<String> fields, List<String> columns, String name) {
        int at = columns.indexOf(name);
        return at < 0 ? null : fields.get(at);
    }

    /** A memory figure in MiB ("24564" or "24564 MiB"), or why there is none. */
    private static Memory memory(String field) {
        if (field == null || field.isEmpty() || field.equalsIgnoreCase("[N/A]") || field.equalsIgnoreCase("N/A")
                || field.equalsIgnoreCase("[Not Supported]") || field.equalsIgnoreCase("Not Supported")) {
            return new Memory(GpuInfo.UNKNOWN, Reported.NOT_REPORTED, field);
        }
        if (field.startsWith("[")) {
            return new Memory(GpuInfo.UNKNOWN, Reported.ERROR, field);
        }
        long value = Long.parseLong(field.replaceFirst("(?i)\\s*MiB$", ""));
        if (value < 0) {
            throw new NumberFormatException("negative memory figure: " + field);
        }
        return new Memory(value, Reported.FIGURE, field);
    }

    /** The field, or null when nvidia-smi said it has no value ({@code [N/A]}, {@code [Not Supported]}, …). */
    private static String reported(String field) {
        return field == null || field.isEmpty() || field.startsWith("[") || field.equalsIgnoreCase("N/A") ? null
                : field;
    }

    private static String migMode(String field) {
        if ("Enabled".equalsIgnoreCase(field)) {
            return "Enabled";
        }
        return "Disabled".equalsIgnoreCase(field) ? "Disabled" : null;
    }

    /** Says how the usable memory was worked out when nvidia-smi did not report the free memory. */
    private static Optional<String> memoryNote(GpuInfo gpu, String line, List<Memory> fields) {
        if (gpu.unifiedMemory()) {
            return Optional.of(describe(gpu) + " reports no memory of its own ('" + quoted(line) + "'): it shares the"
                    + " system memory (unified memory" + (GpuInfo.unifiedMemoryPart(gpu.name())
                    ? ", as DGX Spark, Grace Hopper and Jetson do" : "") + "), so models are sized by the system"
                    + " memory available.");
        }
        Optional<Memory> error = fields.stream().filter(f -> f.how() == Reported.ERROR).findFirst();
        if (error.isPresent() && gpu.usableMiB() == GpuInfo.UNKNOWN) {
            return Optional.of(describe(gpu) + ": nvidia-smi could not read its memory ('" + quoted(error.get().raw())
                    + "'), so Healdesk cannot size a model for it: run `nvidia-smi` in a terminal, or pick a model by"
                    + " hand.");
        }
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

    static String describe(GpuInfo gpu) {
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
