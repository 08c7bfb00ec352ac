package dev.healdesk.core.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The candidate models of {@code models.json}, best first, and the capability floor for recommendations. */
public final class ModelCatalog {
    private static final String RESOURCE = "models.json";

    private final List<ModelCandidate> models;
    private final int capabilityFloor;

    public ModelCatalog(List<ModelCandidate> models, int capabilityFloor) {
        List<ModelCandidate> sorted = new ArrayList<>(models);
        sorted.sort(Comparator.comparingInt(ModelCandidate::capability).reversed()
                .thenComparingLong(ModelCandidate::needMiB));
        this.models = List.copyOf(sorted);
        this.capabilityFloor = capabilityFloor;
    }

    public static ModelCatalog builtIn() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("models.json is missing from the Healdesk jar");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the built-in models.json", e);
        }
    }

    static ModelCatalog parse(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        List<ModelCandidate> models = new ArrayList<>();
        for (JsonNode m : root.path("models")) {
            models.add(new ModelCandidate(m.path("name").asText(), m.path("weightsMiB").asLong(),
                    m.path("kvCacheMiB").asLong(), m.path("headroomMiB").asLong(), m.path("capability").asInt(),
                    m.path("family").asText("general")));
        }
        return new ModelCatalog(models, root.path("capabilityFloor").asInt(0));
    }

    /** Best first: highest capability, then the smaller need. */
    public List<ModelCandidate> models() {
        return models;
    }

    public int capabilityFloor() {
        return capabilityFloor;
    }

    public Optional<ModelCandidate> find(String name) {
        String wanted = canonical(name);
        return models.stream().filter(m -> canonical(m.name()).equals(wanted)).findFirst();
    }

    /** Ollama's own naming: a model without a tag is its {@code :latest} tag; names are case-insensitive. */
    public static String canonical(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.indexOf(':') < 0 ? n + ":latest" : n;
    }
}
