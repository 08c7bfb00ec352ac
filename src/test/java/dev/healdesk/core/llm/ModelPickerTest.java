package dev.healdesk.core.llm;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ModelPickerTest {

    private final ModelPicker picker = new ModelPicker(ModelCatalog.builtIn());
    private static final long GB = 1L << 30;

    private ModelChoice recommend(VramBudget budget, Map<String, Long> installed) {
        return picker.pick(budget, installed, Optional.empty(), Optional.empty());
    }

    @Test
    void catalogListsTheSeedsModelsBestFirstWithTheirFullNeed() {
        ModelCatalog catalog = ModelCatalog.builtIn();
        assertThat(catalog.models()).extracting(ModelCandidate::name)
                .contains("llama3.3:70b", "deepseek-r1:32b", "qwen2.5-coder:32b", "codellama:34b", "codellama:13b",
                        "codellama:7b", "llama3.2");
        assertThat(catalog.models().get(0).name()).isEqualTo("llama3.3:70b");
        ModelCandidate q = catalog.find("qwen2.5-coder:32b").orElseThrow();
        assertThat(q.needMiB()).isEqualTo(q.weightsMiB() + q.kvCacheMiB() + q.headroomMiB());
        assertThat(catalog.find("LLAMA3.2:latest")).isPresent();
    }

    @Test
    void a24GbCardGetsA32bModelWithTheSpareInTheReason() {
        ModelChoice choice = recommend(VramBudget.gpu("NVIDIA GeForce RTX 4090", 24_000), Map.of());

        assertThat(choice.fits()).isTrue();
        assertThat(choice.needMiB()).isLessThanOrEqualTo(24_000);
        assertThat(choice.model()).isIn("deepseek-r1:32b", "qwen2.5-coder:32b");
        assertThat(choice.reason()).startsWith(choice.model() + " fits 23.4 GB with ").contains("GB to spare");
        assertThat(choice.source()).isEqualTo(ModelChoice.Source.RECOMMENDED);
        assertThat(choice.installed()).isFalse();
        assertThat(choice.reason()).contains("pull it first");
    }

    @Test
    void the70bModelNeedsABigCardAndIsChosenOnOne() {
        assertThat(recommend(VramBudget.gpu("NVIDIA H100 80GB HBM3", 80_000), Map.of()).model())
                .isEqualTo("llama3.3:70b");
        assertThat(recommend(VramBudget.gpu("RTX A6000", 44_000), Map.of()).model())
                .isNotEqualTo("llama3.3:70b");
    }

    @Test
    void anInstalledModelNearlyAsGoodIsPreferredOverAPull() {
        Map<String, Long> installed = Map.of("codellama:34b", 19L * GB);

        ModelChoice choice = recommend(VramBudget.gpu("RTX 4090", 24_000), installed);

        assertThat(choice.model()).isEqualTo("codellama:34b");
        assertThat(choice.installed()).isTrue();
        assertThat(choice.reason()).contains("is installed").contains("would fit too but is not installed");
    }

    @Test
    void aMuchWeakerInstalledModelDoesNotBlockTheBetterChoice() {
        ModelChoice choice = recommend(VramBudget.gpu("RTX 4090", 24_000), Map.of("llama3.2:latest", 2L * GB));

        assertThat(choice.model()).isIn("deepseek-r1:32b", "qwen2.5-coder:32b");
    }

    @Test
    void cpuOnlyNeverClaimsAFitAndSaysWhy() {
        ModelChoice choice = recommend(VramBudget.cpuOnly(), Map.of());

        assertThat(choice.fits()).isFalse();
        assertThat(choice.model()).isEqualTo("llama3.2");
        assertThat(choice.reason()).startsWith("No NVIDIA GPU found");
        assertThat(choice.warning()).contains("CPU");
    }

    @Test
    void aSmallCardGetsTheBestModelThatFits() {
        ModelChoice choice = recommend(VramBudget.gpu("GeForce GTX 1650", 3_900), Map.of());

        assertThat(choice.fits()).isTrue();
        assertThat(choice.model()).isEqualTo("llama3.2");
        assertThat(choice.needMiB()).isLessThanOrEqualTo(3_900);
    }

    @Test
    void overrideThatDoesNotFitIsKeptButNeverSilent() {
        ModelChoice choice = picker.pick(VramBudget.gpu("RTX 4090", 24_000), Map.of(),
                Optional.of("llama3.3:70b"), Optional.empty());

        assertThat(choice.model()).isEqualTo("llama3.3:70b");
        assertThat(choice.source()).isEqualTo(ModelChoice.Source.OPERATOR);
        assertThat(choice.fits()).isFalse();
        assertThat(choice.reason()).contains("needs 44 GB").contains("23.4 GB free");
        assertThat(choice.warning()).contains("does not fit");
    }

    @Test
    void environmentWinsOverTheOperatorsChoice() {
        ModelChoice choice = picker.pick(VramBudget.gpu("RTX 4090", 24_000), Map.of(),
                Optional.of("codellama:13b"), Optional.of("codellama:7b"));

        assertThat(choice.model()).isEqualTo("codellama:7b");
        assertThat(choice.source()).isEqualTo(ModelChoice.Source.ENVIRONMENT);
        assertThat(choice.fits()).isTrue();
        assertThat(choice.reason()).startsWith("OLLAMA_MODEL sets codellama:7b");
    }

    @Test
    void unknownInstalledModelIsEstimatedFromItsSize() {
        ModelChoice choice = picker.pick(VramBudget.gpu("RTX 4090", 24_000), Map.of("mistral:latest", 4L * GB),
                Optional.of("mistral"), Optional.empty());

        assertThat(choice.needMiB()).isGreaterThan(4096).isLessThan(6000);
        assertThat(choice.fits()).isTrue();
        assertThat(choice.installed()).isTrue();
    }

    @Test
    void unknownModelNotInstalledHasAnUnknownNeedAndAWarning() {
        ModelChoice choice = picker.pick(VramBudget.gpu("RTX 4090", 24_000), Map.of(),
                Optional.of("mystery:9b"), Optional.empty());

        assertThat(choice.fits()).isFalse();
        assertThat(choice.needMiB()).isEqualTo(-1);
        assertThat(choice.warning()).contains("unknown");
    }

    @Test
    void gigabytesReadLikeOnTheCard() {
        assertThat(ModelPicker.gb(24_576)).isEqualTo("24 GB");
        assertThat(ModelPicker.gb(3_072)).isEqualTo("3 GB");
        assertThat(ModelPicker.gb(2_560)).isEqualTo("2.5 GB");
    }
}
