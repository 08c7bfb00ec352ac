package dev.healdesk.core.gpu;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;
import oshi.hardware.GraphicsCard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Lists graphics cards through OSHI: the fallback for machines where nvidia-smi is missing or fails, so that an
 * NVIDIA card is still seen (e.g. before its driver is installed).
 * <p>
 * Only NVIDIA cards are reported as GPUs, because Healdesk sizes models for Ollama's CUDA back end; other cards
 * (an Intel or AMD integrated GPU, a virtual display adapter) are named in a note and not counted. OSHI's figures are
 * marked approximate: on Linux its VRAM is the size of the card's PCI memory window as lspci/lshw show it, not the
 * card's memory, and OSHI never knows how much memory is free.
 */
public final class OshiGpuProbe implements GpuProbe {

    /** The note every OSHI report carries; public so that the console can show it on the card it concerns. */
    public static final String APPROXIMATE_NOTE = "OSHI's VRAM figure is approximate on Linux (it is the size of the card's"
            + " PCI memory window, not the memory free for models): install the NVIDIA driver so that nvidia-smi gives"
            + " exact figures.";

    private static final Logger LOG = LoggerFactory.getLogger(OshiGpuProbe.class);
    private static final long MIB = 1024L * 1024L;
    /** What OSHI puts in a field it could not read. */
    private static final String OSHI_UNKNOWN = "unknown";
    /** NVIDIA's PCI vendor id, which OSHI shows where it has no vendor name. */
    private static final String NVIDIA_PCI_ID = "0x10de";

    private final Supplier<List<GraphicsCard>> cards;

    /** Asks this machine's OSHI hardware layer. */
    public OshiGpuProbe() {
        this(() -> new SystemInfo().getHardware().getGraphicsCards());
    }

    /** For tests: the graphics cards to report on. */
    OshiGpuProbe(Supplier<List<GraphicsCard>> cards) {
        this.cards = Objects.requireNonNull(cards, "cards");
    }

    @Override
    public GpuReport probe() {
        List<GraphicsCard> found;
        try {
            found = cards.get();
        } catch (RuntimeException | LinkageError e) {
            // OSHI reaches native code through JNA: an unsupported system shows up as an error here, not a crash
            LOG.warn("OSHI could not list the graphics cards", e);
            return GpuReport.cpuOnly(List.of("OSHI could not list the graphics cards (" + e + ")."));
        }
        List<GpuInfo> gpus = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (GraphicsCard card : found) {
            if (isNvidia(card)) {
                gpus.add(toGpuInfo(gpus.size(), card));
            } else if (!isPlaceholder(card)) {
                others.add(card.getName() + " (" + card.getVendor() + ")");
            }
        }
        LOG.info("OSHI found {} NVIDIA card(s) {} and other adapters {}", gpus.size(), gpus, others);
        List<String> notes = new ArrayList<>();
        if (!others.isEmpty()) {
            notes.add("Not counted for models (Healdesk sizes models for NVIDIA GPUs only): " + String.join(", ", others)
                    + ".");
        }
        if (gpus.isEmpty()) {
            notes.add("OSHI found no NVIDIA graphics card (on Linux it lists VGA adapters only, so a compute card"
                    + " such as an A100 or H100 shows up through nvidia-smi alone).");
            return GpuReport.cpuOnly(notes);
        }
        notes.add(APPROXIMATE_NOTE);
        return new GpuReport(gpus, GpuInfo.OSHI, notes);
    }

    /** OSHI knows neither the driver version nor used or free memory; a VRAM of 0 means it could not tell. */
    private static GpuInfo toGpuInfo(int index, GraphicsCard card) {
        long vram = card.getVRam();
        return new GpuInfo(index, Objects.requireNonNullElse(card.getName(), "NVIDIA card"),
                vram > 0 ? vram / MIB : GpuInfo.UNKNOWN, GpuInfo.UNKNOWN, GpuInfo.UNKNOWN, null, GpuInfo.OSHI, true,
                null);
    }

    /**
     * Whether the card is OSHI's stand-in for "nothing found": on Linux, when neither lspci nor lshw answers, OSHI
     * still lists one card with every field unknown. Naming it to the operator would only confuse.
     */
    private static boolean isPlaceholder(GraphicsCard card) {
        return OSHI_UNKNOWN.equals(card.getName()) && OSHI_UNKNOWN.equals(card.getVendor());
    }

    private static boolean isNvidia(GraphicsCard card) {
        String vendor = String.valueOf(card.getVendor()).toLowerCase(Locale.ROOT);
        String name = String.valueOf(card.getName()).toLowerCase(Locale.ROOT);
        return vendor.contains("nvidia") || vendor.contains(NVIDIA_PCI_ID) || name.contains("nvidia");
    }
}
