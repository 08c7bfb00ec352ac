package dev.healdesk.core.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FixClass;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The diagnoses of fingerprints by model: the cache that spares a second run its LLM calls, the examples a prompt
 * shows the model, and the diagnoses a run's report shows. Written on the write connection, read on the read one.
 */
final class DiagnosisCache {

    /** Made on first use: opening a history (every CLI command that reads one) need not load Jackson's databind. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private static final String COLUMNS = """
            SELECT d.fingerprint, d.provider, d.model, d.root_cause, d.confidence, d.diagnosed_category, d.fix_class,
              d.playbook, d.explanation, d.evidence, d.malformed, d.raw_text, d.note, d.created_at, d.prompt_tokens,
              d.completion_tokens, d.latency_ms""";

    private final Sql writer;
    private final Sql reader;

    DiagnosisCache(Sql writer, Sql reader) {
        this.writer = writer;
        this.reader = reader;
    }

    void save(Diagnosis d, String patternId, String category) {
        String evidence;
        try {
            evidence = Json.MAPPER.writeValueAsString(d.evidence());
        } catch (JsonProcessingException e) {
            throw new HistoryException("Cannot store the diagnosis of " + d.fingerprint()
                    + " in the history database: " + e.getMessage(), e);
        }
        writer.update("store the diagnosis of " + d.fingerprint(), """
                INSERT INTO diagnoses (fingerprint, model, provider, pattern_id, category, root_cause,
                  confidence, diagnosed_category, fix_class, playbook, explanation, evidence, malformed, raw_text, note,
                  created_at, prompt_tokens, completion_tokens, latency_ms)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                ON CONFLICT (fingerprint, model) DO UPDATE SET provider = excluded.provider,
                  pattern_id = excluded.pattern_id, category = excluded.category, root_cause = excluded.root_cause,
                  confidence = excluded.confidence, diagnosed_category = excluded.diagnosed_category,
                  fix_class = excluded.fix_class, playbook = excluded.playbook, explanation = excluded.explanation,
                  evidence = excluded.evidence, malformed = excluded.malformed, raw_text = excluded.raw_text,
                  note = excluded.note, created_at = excluded.created_at, prompt_tokens = excluded.prompt_tokens,
                  completion_tokens = excluded.completion_tokens, latency_ms = excluded.latency_ms""", ps -> {
            int i = 1;
            ps.setString(i++, d.fingerprint());
            ps.setString(i++, d.model());
            ps.setString(i++, d.provider());
            ps.setString(i++, patternId);
            ps.setString(i++, category);
            ps.setString(i++, d.rootCause());
            ps.setDouble(i++, d.confidence());
            ps.setString(i++, d.category() == null ? null : d.category().id());
            ps.setString(i++, d.fixClass() == null ? null : d.fixClass().name());
            ps.setString(i++, d.suggestedPlaybook());
            ps.setString(i++, d.explanation());
            ps.setString(i++, evidence);
            ps.setInt(i++, d.malformed() ? 1 : 0);
            ps.setString(i++, d.rawText());
            ps.setString(i++, d.note());
            ps.setLong(i++, d.createdAt().toEpochMilli());
            ps.setInt(i++, d.promptTokens());
            ps.setInt(i++, d.completionTokens());
            ps.setLong(i, d.latencyMs());
        });
    }

    Optional<Diagnosis> find(String fingerprint, String model) {
        return reader.one("read the diagnosis of " + fingerprint,
                COLUMNS + " FROM diagnoses d WHERE d.fingerprint = ? AND d.model = ?", ps -> {
                    ps.setString(1, fingerprint);
                    ps.setString(2, model);
                }, rs -> diagnosis(rs).asCached());
    }

    List<Diagnosis> similar(String fingerprint, String patternId, String category, int limit) {
        return reader.query("read diagnoses similar to " + fingerprint, COLUMNS + """
                 FROM diagnoses d WHERE d.fingerprint <> ? AND d.malformed = 0 AND (d.pattern_id = ? OR d.category = ?)
                ORDER BY (d.pattern_id = ?) DESC, d.created_at DESC LIMIT ?""", ps -> {
            ps.setString(1, fingerprint);
            ps.setString(2, patternId);
            ps.setString(3, category);
            ps.setString(4, patternId);
            ps.setInt(5, limit);
        }, DiagnosisCache::diagnosis);
    }

    /** See {@link HistoryStore#diagnosesOf}. */
    Map<String, Diagnosis> ofRun(String runId) {
        Map<String, Diagnosis> out = new LinkedHashMap<>();
        reader.query("read the diagnoses of run " + runId, COLUMNS + """
                 FROM failures f JOIN runs r ON r.id = f.run_id JOIN diagnoses d ON d.fingerprint = f.fingerprint
                WHERE f.run_id = ? ORDER BY f.rowid, (d.model IS NOT DISTINCT FROM r.llm_model) DESC, d.created_at DESC""",
                ps -> ps.setString(1, runId), DiagnosisCache::diagnosis)
                .forEach(d -> out.putIfAbsent(d.fingerprint(), d));
        return out;
    }

    private static Diagnosis diagnosis(ResultSet rs) throws SQLException {
        List<String> evidence;
        try {
            evidence = Json.MAPPER.readValue(rs.getString(10), new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            evidence = List.of();
        }
        String category = rs.getString(6);
        String fixClass = rs.getString(7);
        return new Diagnosis(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5),
                category == null ? null : Category.fromId(category), fixClass == null ? null : FixClass.valueOf(fixClass),
                rs.getString(8), rs.getString(9), evidence, rs.getInt(11) == 1, rs.getString(12), rs.getString(13),
                Instant.ofEpochMilli(rs.getLong(14)), rs.getInt(15), rs.getInt(16), rs.getLong(17), false);
    }
}
