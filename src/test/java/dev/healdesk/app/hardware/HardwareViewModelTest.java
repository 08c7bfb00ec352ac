package dev.healdesk.app.hardware;

import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.core.config.Preferences;
import dev.healdesk.core.gpu.GpuInfo;
import dev.healdesk.core.gpu.GpuReport;
import dev.healdesk.core.gpu.MigSlice;
import dev.healdesk.core.gpu.SystemMemory;
import dev.healdesk.core.gpu.OshiGpuProbe;
import dev.healdesk.core.llm.LlmSetup;
import dev.healdesk.core.llm.ModelCatalog;
import dev.healdesk.core.llm.ModelChoice;
import dev.healdesk.core.llm.ModelPicker;
import dev.healdesk.core.llm.OllamaLlmClient;
import dev.healdesk.core.llm.OllamaStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Hardware screen's view model without a window: a fixed GPU report (an RTX 4090 as nvidia-smi reports it),
 * the real Ollama4j client against the Ollama stand-in, real preferences in a temp folder, and every background
 * job run on the calling thread.
 */
class HardwareViewModelTest {
    static final GpuInfo RTX_4090 = new GpuInfo(0, "NVIDIA GeForce RTX 4090", 24564, 1024, 23148, "550.54.14",
            GpuInfo.NVIDIA_SMI, false, null);
    static final GpuReport RTX = new GpuReport(List.of(RTX_4090), GpuInfo.NVIDIA_SMI, List.of());

    @TempDir
    Path dir;

    private final OllamaStandIn ollama = OllamaStandIn.start().install("llama3.2", 2_019_393_189L);

    @AfterEach
    void stop() {
        ollama.close();
    }

    static LlmSetup setup(GpuReport report, String host, Path prefs, Map<String, String> env) {
        return new LlmSetup(() -> report, new OllamaLlmClient(host, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(3)), new ModelPicker(ModelCatalog.builtIn()), new Preferences(prefs), env);
    }

    private Path prefs() {
        return dir.resolve("config").resolve("preferences.json");
    }

    private HardwareViewModel model(GpuReport report, String host, Map<String, String> env) {
        LlmSetup setup = setup(report, host, prefs(), env);
        return new HardwareViewModel(() -> setup, Runnable::run, Runnable::run, FxBridge.direct());
    }

    private HardwareViewModel probed() {
        HardwareViewModel vm = model(RTX, ollama.host(), Map.of());
        vm.refresh();
        return vm;
    }

    @Test
    void showsACardPerGpuTheOllamaStatusAndTheRecommendationWithItsReason() {
        HardwareViewModel vm = probed();

        assertThat(vm.probedProperty().get()).isTrue();
        assertThat(vm.probingProperty().get()).isFalse();
        assertThat(vm.statusTextProperty().get()).startsWith("Probed at ");
        assertThat(vm.cpuOnlyProperty().get()).isFalse();
        assertThat(vm.gpus()).hasSize(1);
        GpuCard card = vm.gpus().get(0);
        assertThat(card.name()).isEqualTo("NVIDIA GeForce RTX 4090");
        assertThat(card.title()).isEqualTo("GPU 0");
        assertThat(card.usedFraction()).isCloseTo(1024.0 / 24564, within(1e-9));
        assertThat(card.freeText()).isEqualTo("22.6 GB free");
        assertThat(card.usageText()).isEqualTo("1 GB used of 24 GB");
        assertThat(card.mibText()).isEqualTo("MiB: 1,024 used · 23,148 free · 24,564 total");
        assertThat(card.driverText()).isEqualTo("Driver 550.54.14");
        assertThat(card.sourceText()).isEqualTo("nvidia-smi");
        assertThat(card.approximate()).isFalse();
        assertThat(card.note()).isNull();

        assertThat(vm.ollamaReachableProperty().get()).isTrue();
        assertThat(vm.ollamaHostProperty().get()).isEqualTo(ollama.host());
        assertThat(vm.ollamaVersionProperty().get()).isEqualTo("0.5.7");
        assertThat(vm.ollamaProblemProperty().get()).isNull();
        assertThat(vm.installed()).containsExactly(new ModelLine("llama3.2:latest", "1.9 GB", false));

        ModelChoice choice = vm.choiceProperty().get();
        assertThat(choice.model()).isEqualTo("qwen2.5-coder:32b");
        assertThat(choice.source()).isEqualTo(ModelChoice.Source.RECOMMENDED);
        assertThat(choice.reason()).contains("fits 22.6 GB").contains("not installed");
        assertThat(choice.warning()).isNull();
        assertThat(vm.sourceTextProperty().get()).isEqualTo("recommended");
        assertThat(vm.forcedProperty().get()).isFalse();
        assertThat(vm.canUseRecommendationBinding().get()).isFalse();
        assertThat(vm.canPullBinding().get()).isTrue();
        assertThat(vm.pullLabelProperty().get()).isEqualTo("Pull qwen2.5-coder:32b");

        assertThat(vm.chosenOptionProperty().get().name()).isEqualTo("qwen2.5-coder:32b");
        ModelOption big = option(vm, "llama3.3:70b");
        assertThat(big.fits()).isFalse();
        assertThat(big.label()).isEqualTo("llama3.3:70b · needs 44 GB · does not fit");
        ModelOption small = option(vm, "llama3.2");
        assertThat(small.installed()).isTrue();
        assertThat(small.fits()).isTrue();
        assertThat(small.label()).endsWith("· fits · installed");
        assertThat(vm.options()).extracting(ModelOption::canonical).doesNotHaveDuplicates();
    }

    @Test
    void aUnifiedMemoryGpuIsShownWithTheSystemsFiguresAndWhyItsRoomIsWhatItIs() {
        GpuInfo gb10 = new GpuInfo(0, "NVIDIA GB10", GpuInfo.UNKNOWN, GpuInfo.UNKNOWN, GpuInfo.UNKNOWN, "580.126.09",
                GpuInfo.NVIDIA_SMI, false, null, "GPU-2dee1e25-b3b5-007e-2b55-79f2d0f2ebe5", true, List.of());
        GpuReport spark = new GpuReport(List.of(gb10), GpuInfo.NVIDIA_SMI, List.of(),
                new SystemMemory(124_610, 115_718));
        HardwareViewModel vm = model(spark, ollama.host(), Map.of("HEALDESK_UNIFIED_MEMORY_RESERVE_GB", "10"));
        vm.refresh();

        GpuCard card = vm.gpus().get(0);
        assertThat(card.unifiedMemory()).isTrue();
        assertThat(card.freeText()).isEqualTo("103 GB for a model");
        assertThat(card.usageText()).isEqualTo("shares the system's 121.7 GB: 8.7 GB in use");
        assertThat(card.usedFraction()).isCloseTo(8_892.0 / 124_610, within(1e-9));
        assertThat(card.mibText()).isEqualTo("System MiB: 8,892 used · 115,718 available · 124,610 total");
        assertThat(card.basis()).contains("unified memory").contains("less 10 GB kept for the desktop and the test run");
        ModelChoice choice = vm.choiceProperty().get();
        assertThat(choice.model()).isEqualTo("llama3.3:70b");
        assertThat(choice.reason()).contains("on GPU 0 (NVIDIA GB10, unified memory)");
        assertThat(option(vm, "llama3.3:70b").label()).isEqualTo("llama3.3:70b · needs 44 GB · fits");
    }

    @Test
    void migDevicesAreListedOnTheirGpusCardAndTwoCardsOfferSplitModels() {
        GpuInfo a100 = new GpuInfo(0, "NVIDIA A100 80GB PCIe", 81_920, GpuInfo.UNKNOWN, GpuInfo.UNKNOWN, "530.30.02",
                GpuInfo.NVIDIA_SMI, false, "Enabled", "GPU-932bfb2c", false, List.of(
                new MigSlice(0, 0, "3g.40gb", "MIG-0929581a", 40_192, 2_000, false),
                new MigSlice(0, 1, "3g.40gb", "MIG-3adbed3a", 38_912, GpuInfo.UNKNOWN, true)));
        HardwareViewModel vm = model(new GpuReport(List.of(a100), GpuInfo.NVIDIA_SMI, List.of()), ollama.host(),
                Map.of());
        vm.refresh();

        GpuCard card = vm.gpus().get(0);
        assertThat(card.migEnabled()).isTrue();
        assertThat(card.basis()).startsWith("A model runs inside one MIG device");
        assertThat(card.migDevices()).containsExactly(
                "MIG 3g.40gb device 0 · 37.3 GB free of 39.3 GB · MIG-0929581a",
                "MIG 3g.40gb device 1 · about 38 GB (from its profile name) · MIG-3adbed3a");
        assertThat(vm.choiceProperty().get().device()).isEqualTo("MIG 3g.40gb device 0 of GPU 0 (NVIDIA A100 80GB PCIe)");

        // 23.1 GB + 30.1 GB free hold llama3.3:70b's 44 GB plus a second GPU's 1.5 GB headroom
        GpuInfo second = new GpuInfo(1, "NVIDIA GeForce RTX 5090", 32_607, 506, 30_822, null, GpuInfo.NVIDIA_SMI, false,
                null);
        HardwareViewModel two = model(new GpuReport(List.of(RTX_4090, second), GpuInfo.NVIDIA_SMI, List.of()),
                ollama.host(), Map.of());
        two.refresh();
        assertThat(option(two, "llama3.3:70b").label()).isEqualTo("llama3.3:70b · needs 44 GB · fits split across 2 GPUs");
        assertThat(option(two, "llama3.3:70b").fits()).isTrue();
        assertThat(two.choiceProperty().get().split()).isTrue();
    }

    @Test
    void theOperatorsChoiceIsSavedInThePreferencesAndTheChoiceRecomputed() throws IOException {
        HardwareViewModel vm = probed();

        vm.chooseModel("llama3.3:70b");

        assertThat(Files.readString(prefs().resolveSibling("settings.json"))).contains("\"model\" : \"llama3.3:70b\"");
        assertThat(new Preferences(prefs()).modelOverride()).contains("llama3.3:70b");
        ModelChoice choice = vm.choiceProperty().get();
        assertThat(choice.model()).isEqualTo("llama3.3:70b");
        assertThat(choice.source()).isEqualTo(ModelChoice.Source.OPERATOR);
        assertThat(choice.fits()).isFalse();
        assertThat(choice.warning()).contains("does not fit");
        assertThat(vm.sourceTextProperty().get()).isEqualTo("your choice");
        assertThat(vm.chosenOptionProperty().get().name()).isEqualTo("llama3.3:70b");
        assertThat(vm.canUseRecommendationBinding().get()).isTrue();

        HardwareViewModel later = probed();
        assertThat(later.choiceProperty().get().model()).as("remembered for the next start").isEqualTo("llama3.3:70b");

        vm.useRecommendation();

        assertThat(new Preferences(prefs()).modelOverride()).isEmpty();
        assertThat(vm.choiceProperty().get().model()).isEqualTo("qwen2.5-coder:32b");
        assertThat(vm.choiceProperty().get().source()).isEqualTo(ModelChoice.Source.RECOMMENDED);
        assertThat(vm.canUseRecommendationBinding().get()).isFalse();
    }

    @Test
    void ollamaModelInTheEnvironmentDecidesAndDisablesThePicker() {
        HardwareViewModel vm = model(RTX, ollama.host(), Map.of(LlmSetup.MODEL_ENV, "llama3.2"));
        vm.refresh();

        assertThat(vm.forcedProperty().get()).isTrue();
        assertThat(vm.forcedTextProperty().get()).contains("OLLAMA_MODEL=llama3.2");
        assertThat(vm.sourceTextProperty().get()).isEqualTo("set by OLLAMA_MODEL");
        assertThat(vm.choiceProperty().get().model()).isEqualTo("llama3.2");

        vm.chooseModel("qwen2.5-coder:7b");
        vm.useRecommendation();

        assertThat(vm.choiceProperty().get().model()).isEqualTo("llama3.2");
        assertThat(Files.exists(prefs().resolveSibling("settings.json"))).as("nothing saved while OLLAMA_MODEL decides")
                .isFalse();
        assertThat(vm.canUseRecommendationBinding().get()).isFalse();
        assertThat(vm.canPullBinding().get()).as("llama3.2 is installed").isFalse();
    }

    @Test
    void anUnreachableOllamaIsAProblemThatSaysWhatToDo() throws IOException {
        String host;
        try (ServerSocket free = new ServerSocket(0)) {
            host = "http://127.0.0.1:" + free.getLocalPort();
        }
        HardwareViewModel vm = model(RTX, host, Map.of());
        vm.refresh();

        assertThat(vm.ollamaReachableProperty().get()).isFalse();
        assertThat(vm.ollamaProblemProperty().get()).contains(host).contains("ollama serve").contains("OLLAMA_HOST");
        assertThat(vm.installed()).isEmpty();
        assertThat(vm.canPullBinding().get()).as("nothing to pull from").isFalse();
        assertThat(vm.choiceProperty().get()).as("the choice is still shown").isNotNull();
    }

    @Test
    void pullingReportsProgressToTheEndAndTheModelBecomesInstalled() {
        HardwareViewModel vm = probed();
        List<Double> seen = new ArrayList<>();
        vm.pullProgressProperty().subscribe(v -> seen.add(v.doubleValue()));

        vm.pull();

        assertThat(ollama.requests("/api/pull")).hasSize(1);
        assertThat(ollama.requests("/api/pull").get(0).json().path("model").asText()).isEqualTo("qwen2.5-coder:32b");
        assertThat(seen).as("indeterminate for the manifest and the steps without a size").contains(-1.0);
        assertThat(seen.stream().filter(v -> v > 0 && v < 1).toList()).as("the layer's fraction")
                .hasSizeGreaterThan(3).isSorted();
        assertThat(vm.pullProgressProperty().get()).isEqualTo(1.0);
        assertThat(vm.pullingProperty().get()).isFalse();
        assertThat(vm.pullErrorProperty().get()).isNull();
        assertThat(vm.pullStatusProperty().get()).isEqualTo("qwen2.5-coder:32b is installed");
        assertThat(vm.installed()).extracting(ModelLine::name).contains("qwen2.5-coder:32b");
        assertThat(vm.choiceProperty().get().installed()).isTrue();
        assertThat(vm.canPullBinding().get()).isFalse();
    }

    @Test
    void cancelStopsASlowPull() {
        ollama.tokenDelay(200);   // eleven progress lines, 200 ms apart
        HardwareViewModel vm = probed();
        List<Double> seen = new ArrayList<>();
        vm.pullProgressProperty().subscribe(v -> {
            seen.add(v.doubleValue());
            if (v.doubleValue() >= 0.2) {
                vm.cancelPull();
            }
        });

        long start = System.nanoTime();
        vm.pull();
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertThat(ms).as("stopped well before the 2.2 s the pull would take").isLessThan(1500);
        assertThat(vm.pullingProperty().get()).isFalse();
        assertThat(vm.pullErrorProperty().get()).isNull();
        assertThat(vm.pullStatusProperty().get()).contains("cancelled");
        assertThat(seen).doesNotContain(1.0);
        assertThat(vm.choiceProperty().get().installed()).isFalse();
        assertThat(vm.canPullBinding().get()).as("may be pulled again").isTrue();
    }

    @Test
    void aFailedPullSaysWhy() {
        HardwareViewModel vm = model(RTX, ollama.host(), Map.of(LlmSetup.MODEL_ENV, "does-not-exist:1b"));
        vm.refresh();

        vm.pull();

        assertThat(vm.pullErrorProperty().get()).contains("file does not exist");
        assertThat(vm.pullingProperty().get()).isFalse();
    }

    @Test
    void oshiFiguresAreMarkedApproximateWithTheNoteOnTheirCard() {
        GpuInfo oshi = new GpuInfo(0, "NVIDIA GeForce RTX 3060", 256, GpuInfo.UNKNOWN, GpuInfo.UNKNOWN, null,
                GpuInfo.OSHI, true, null);
        GpuReport report = new GpuReport(List.of(oshi), GpuInfo.OSHI,
                List.of("nvidia-smi not found on PATH: install the NVIDIA driver.", OshiGpuProbe.APPROXIMATE_NOTE));
        HardwareViewModel vm = model(report, ollama.host(), Map.of());
        vm.refresh();

        GpuCard card = vm.gpus().get(0);
        assertThat(card.approximate()).isTrue();
        assertThat(card.sourceText()).isEqualTo("OSHI");
        assertThat(card.note()).contains("OSHI's VRAM figure is approximate on Linux");
        assertThat(card.usedFraction()).as("OSHI does not know the use").isEqualTo(-1);
        assertThat(card.freeText()).isEqualTo("about 0.3 GB usable");
        assertThat(card.driverText()).isEqualTo("Driver not reported");
        assertThat(vm.gpuNotes()).containsExactly("nvidia-smi not found on PATH: install the NVIDIA driver.");
    }

    @Test
    void withoutAGpuTheNotesSayWhatItMeans() {
        GpuReport cpu = GpuReport.cpuOnly(List.of("nvidia-smi not found on PATH: install the NVIDIA driver.",
                "No NVIDIA GPU found: models run on the CPU, slowly; pick a small model such as llama3.2."));
        HardwareViewModel vm = model(cpu, ollama.host(), Map.of());
        vm.refresh();

        assertThat(vm.cpuOnlyProperty().get()).isTrue();
        assertThat(vm.gpus()).isEmpty();
        assertThat(vm.gpuNotes()).hasSize(2);
        assertThat(vm.choiceProperty().get().warning()).as("never chosen silently").contains("CPU");
        assertThat(option(vm, "llama3.2").label()).contains("CPU only");
    }

    @Test
    void aProbeThatCannotRunSaysWhy() {
        HardwareViewModel vm = new HardwareViewModel(() -> {
            throw new IllegalStateException("the history database is locked");
        }, Runnable::run, Runnable::run, FxBridge.direct());

        vm.ensureProbed();
        vm.ensureProbed();

        assertThat(vm.probingProperty().get()).isFalse();
        assertThat(vm.probedProperty().get()).isFalse();
        assertThat(vm.probeErrorProperty().get()).isEqualTo("Cannot probe: the history database is locked");
        assertThat(vm.choiceProperty().get()).isNull();
    }

    private static ModelOption option(HardwareViewModel vm, String name) {
        Optional<ModelOption> o = vm.options().stream()
                .filter(m -> m.canonical().equals(ModelCatalog.canonical(name))).findFirst();
        assertThat(o).as(name + " is offered").isPresent();
        return o.get();
    }
}
