package dev.healdesk.core.llm;

import dev.healdesk.core.gpu.GpuInfo;
import dev.healdesk.core.gpu.GpuReport;
import dev.healdesk.core.gpu.MigSlice;
import dev.healdesk.core.gpu.SystemMemory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a model may use, and where: the memory of the device Ollama would put it on (the visible GPU or MIG device
 * with the most room, as Ollama's scheduler does), what the visible GPUs offer together when a model must be split
 * across them, and the models Ollama already holds, which need no new room.
 *
 * @param freeMiB      the best device's room for a model; {@value GpuInfo#UNKNOWN} when no figure is known
 * @param device       where Ollama runs a model that fits it, e.g. "GPU 1 (NVIDIA RTX A6000)"; "CPU" without a GPU
 * @param gpu          whether any GPU is visible to Ollama
 * @param basis        why {@code freeMiB} is what it is, for people ("22.6 GB free of 24 GB; 1 GB used by other
 *                     programs", "unified memory: …")
 * @param splitFreeMiB what all visible GPUs offer together (Ollama spreads a model across them when none holds it
 *                     alone); 0 with fewer than two
 * @param splitDevices how many GPUs {@code splitFreeMiB} adds up
 * @param loadedMiB    models Ollama holds entirely in GPU memory now (canonical name → MiB): they need no new room
 */
public record VramBudget(long freeMiB, String device, boolean gpu, String basis, long splitFreeMiB, int splitDevices,
                         Map<String, Long> loadedMiB) {

    /** Unified memory is shared with the desktop and the test run: this much is left to them unless set otherwise. */
    public static final long DEFAULT_UNIFIED_RESERVE_MIB = 8L * 1024;

    public VramBudget {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(basis, "basis");
        loadedMiB = Map.copyOf(loadedMiB);
    }

    public static VramBudget cpuOnly() {
        return cpuOnly("no NVIDIA GPU found");
    }

    private static VramBudget cpuOnly(String why) {
        return new VramBudget(0, "CPU", false, why, 0, 0, Map.of());
    }

    /** One GPU with {@code freeMiB} free and nothing loaded. */
    public static VramBudget gpu(String name, long freeMiB) {
        return new VramBudget(freeMiB, name, true, ModelPicker.gb(freeMiB) + " free", 0, 0, Map.of());
    }

    /** This budget with the models Ollama holds in GPU memory (canonical name → MiB). */
    public VramBudget withLoaded(Map<String, Long> loaded) {
        return new VramBudget(freeMiB, device, gpu, basis, splitFreeMiB, splitDevices, loaded);
    }

    /** Whether {@link #freeMiB} is a figure. */
    public boolean known() {
        return freeMiB != GpuInfo.UNKNOWN;
    }

    /** A GPU or MIG device CUDA may show Ollama, with its room for a model and why. */
    private record Device(String label, long usableMiB, String basis, boolean mig, int gpuIndex, String uuid) {
    }

    /**
     * The budget over {@code report}: the devices {@code cudaVisibleDevices} lets Ollama see (all when null; CUDA's
     * rules: indices, {@code GPU-…} and {@code MIG-…} UUIDs or their prefixes, the list ending at the first entry that
     * names nothing, one MIG device per process), each GPU's free memory (a unified-memory GPU's is the system's
     * available memory less {@code reserveMiB}), and the models {@code loaded} entirely in GPU memory.
     */
    public static VramBudget of(GpuReport report, List<OllamaStatus.LoadedModel> loaded, String cudaVisibleDevices,
                                long reserveMiB) {
        Map<String, Long> held = new LinkedHashMap<>();
        for (OllamaStatus.LoadedModel m : loaded) {
            if (!m.partlyOnCpu()) {
                held.put(ModelCatalog.canonical(m.name()), m.vramBytes() >> 20);
            }
        }
        if (report.cpuOnly()) {
            return cpuOnly();
        }
        List<Device> all = devices(report, reserveMiB);
        List<Device> visible = visible(all, cudaVisibleDevices);
        if (visible.isEmpty()) {
            return cpuOnly("CUDA_VISIBLE_DEVICES=" + cudaVisibleDevices + " hides every GPU from CUDA programs, Ollama"
                    + " included");
        }
        String filter = cudaVisibleDevices == null ? "" : " (CUDA_VISIBLE_DEVICES=" + cudaVisibleDevices + ")";
        Device best = null;
        for (Device d : visible) {
            if (best == null || d.usableMiB() > best.usableMiB()) {
                best = d;
            }
        }
        long split = 0;
        int splitCount = 0;
        for (Device d : visible) {
            if (!d.mig() && d.usableMiB() != GpuInfo.UNKNOWN) {
                split += d.usableMiB();
                splitCount++;
            }
        }
        String others = visible.size() > 1 ? "; the best of " + visible.size() + " visible devices" + filter
                : filter.isEmpty() ? "" : ";" + filter;
        return new VramBudget(best.usableMiB(), best.label(), true, best.basis() + others,
                splitCount > 1 ? split : 0, splitCount > 1 ? splitCount : 0, held);
    }

    private static List<Device> devices(GpuReport report, long reserveMiB) {
        List<Device> devices = new ArrayList<>();
        for (GpuInfo g : report.gpus()) {
            String label = "GPU " + g.index() + " (" + g.name() + (g.unifiedMemory() ? ", unified memory" : "") + ")";
            if (g.migEnabled() && !g.migSlices().isEmpty()) {
                for (MigSlice s : g.migSlices()) {
                    String basis = "the MIG device's own memory: " + (s.usedMiB() == GpuInfo.UNKNOWN
                            ? "about " + gb(s.totalMiB()) + " (from its profile name; use not reported)"
                            : gb(s.usableMiB()) + " free of " + gb(s.totalMiB()));
                    devices.add(new Device(s.label() + " (" + g.name() + ")", s.usableMiB(), basis, true, g.index(),
                            s.uuid()));
                }
            } else if (g.migEnabled()) {
                // in MIG mode CUDA sees only MIG devices: without a listed one the card's memory is no model's room
                devices.add(new Device(label, GpuInfo.UNKNOWN, "it is in MIG mode, where a model runs inside one MIG"
                        + " device, and nvidia-smi listed none", true, g.index(), g.uuid()));
            } else if (g.unifiedMemory()) {
                devices.add(unified(g, label, report.systemMemory(), reserveMiB));
            } else {
                devices.add(new Device(label, g.usableMiB(), dedicatedBasis(g), false, g.index(), g.uuid()));
            }
        }
        return devices;
    }

    private static Device unified(GpuInfo g, String label, SystemMemory memory, long reserveMiB) {
        return new Device(label, unifiedRoomMiB(g, memory, reserveMiB), unifiedBasis(g, memory, reserveMiB), false,
                g.index(), g.uuid());
    }

    /**
     * The room for a model on a GPU that shares the system memory: what is available less {@code reserveMiB} (and
     * no more than nvidia-smi's free figure, where it gives one); {@value GpuInfo#UNKNOWN} without the system's
     * figures.
     */
    public static long unifiedRoomMiB(GpuInfo g, SystemMemory memory, long reserveMiB) {
        if (memory == null) {
            return GpuInfo.UNKNOWN;
        }
        long room = Math.max(0, memory.availableMiB() - reserveMiB);
        return g.freeMiB() != GpuInfo.UNKNOWN ? Math.min(room, g.freeMiB()) : room;
    }

    /** Why {@link #unifiedRoomMiB} is what it is, for people. */
    public static String unifiedBasis(GpuInfo g, SystemMemory memory, long reserveMiB) {
        if (memory == null) {
            return "unified memory, but the system memory could not be read";
        }
        long room = Math.max(0, memory.availableMiB() - reserveMiB);
        String basis = "unified memory: the GPU shares the system's " + gb(memory.totalMiB()) + "; "
                + gb(memory.availableMiB()) + " of it is available (" + gb(memory.usedMiB()) + " used by the system"
                + " and other programs), less " + gb(reserveMiB) + " kept for the desktop and the test run"
                + " (llm.unifiedMemoryReserveGb)";
        if (g.freeMiB() != GpuInfo.UNKNOWN && g.freeMiB() < room) {
            basis += "; nvidia-smi reports only " + gb(g.freeMiB()) + " free for the GPU";
        }
        return basis;
    }

    private static String dedicatedBasis(GpuInfo g) {
        if (g.usableMiB() == GpuInfo.UNKNOWN) {
            return "its free memory is not reported";
        }
        String of = g.totalMiB() == GpuInfo.UNKNOWN ? "" : " of " + gb(g.totalMiB());
        String used = g.usedMiB() == GpuInfo.UNKNOWN ? "" : "; " + gb(g.usedMiB()) + " used by other programs and"
                + " models already loaded";
        return (g.freeMiB() == GpuInfo.UNKNOWN ? "about " + gb(g.usableMiB()) + " usable" : gb(g.freeMiB()) + " free")
                + of + used + (g.approximate() ? " (approximate, from OSHI)" : "");
    }

    /** The devices CUDA shows a process given {@code CUDA_VISIBLE_DEVICES} (null: all); one MIG device at most. */
    private static List<Device> visible(List<Device> all, String cudaVisibleDevices) {
        List<Device> chosen = new ArrayList<>();
        if (cudaVisibleDevices == null) {
            chosen.addAll(all);
        } else {
            for (String raw : cudaVisibleDevices.split(",")) {
                String token = raw.strip();
                List<Device> named = named(all, token);
                if (named.isEmpty()) {
                    break;   // CUDA ignores the rest of the list after an entry that names no device
                }
                named.stream().filter(d -> !chosen.contains(d)).forEach(chosen::add);
            }
        }
        List<Device> result = new ArrayList<>();
        boolean migTaken = false;
        for (Device d : chosen) {
            if (d.mig()) {
                if (migTaken) {
                    continue;   // a CUDA process enumerates a single MIG device
                }
                migTaken = true;
            }
            result.add(d);
        }
        return result;
    }

    private static List<Device> named(List<Device> all, String token) {
        if (token.isEmpty()) {
            return List.of();
        }
        if (token.matches("\\d+")) {
            int index = Integer.parseInt(token);
            return all.stream().filter(d -> d.gpuIndex() == index).limit(1).toList();
        }
        return all.stream().filter(d -> d.uuid() != null && d.uuid().startsWith(token)).limit(1).toList();
    }

    private static String gb(long mib) {
        return ModelPicker.gb(mib);
    }
}
