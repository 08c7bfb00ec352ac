package dev.healdesk.core.redact;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package's tables are read without Jackson's parser ({@link TableJson}): into the same tree as
 * {@code ObjectMapper.readTree}, and what that refuses is refused.
 */
class RuleTableTest {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static String shipped(String name) throws IOException {
        try (InputStream in = RuleTable.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theShippedTablesReadIntoTheTreesAnObjectMapperBuilds() throws IOException {
        for (String name : List.of(RuleTable.RESOURCE, "national-ids.json")) {
            String json = shipped(name);
            JsonNode actual = TableJson.read(json);
            assertEquals(new ObjectMapper().readTree(json), actual, name);
            assertEquals(actual, RuleTable.resource(name), name);
            assertFalse(actual.isEmpty(), name);
        }
        assertEquals(RuleTable.load().tokens().size(), TableJson.read(shipped(RuleTable.RESOURCE)).get("rules").size());
    }

    @Test
    void everyKindOfValueReadsAsTheObjectMapperReadsIt() throws IOException {
        for (String json : List.of("{\"a\":1,\"b\":-9000000000,\"c\":123456789012345678901234,\"d\":1.5e3,\"e\":true,"
                        + "\"f\":false,\"g\":null,\"h\":[],\"i\":{},\"j\":[1,[2,{\"k\":\"x\\u00e9\\n\"}]]}",
                "{\"dup\":1,\"dup\":2}", "[\"only\", \"an\", \"array\"]", "\"text\"", "0", "-0", "-12.5E-2", "2147483647",
                "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
                "-9223372036854775808", "-9223372036854775809", "1e2", "0.0",
                " \t\r\n{ \"a\" : [ 1 , \"b\" ] }\n",
                "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\uD83D\\uDE00 é ✓ \\\\d+\"",
                "{\"regex\":\"(?i)\\\\bghp_[A-Za-z0-9]{36}\"}")) {
            assertEquals(new ObjectMapper().readTree(json), TableJson.read(json), json);
        }
    }

    @Test
    void whatJacksonRefusesIsRefusedNamingTheLine() {
        for (String json : List.of("", "   ", "{\"rules\": [{\"id\": \"x\"", "{\"a\":1,}", "[1,]", "[01]", "[1.]",
                "[-]", "[1e]", "{\"a\" 1}", "{a:1}", "[\"tab\there\"]", "[\"\\x\"]", "[\"\\u12\"]", "[tru]",
                "[nul]", "// c\n{}", "{} {}", "[1] x", "\"open", "[1 2]", "{\"a\":1 \"b\":2}")) {
            IOException e = assertThrows(IOException.class, () -> TableJson.read(json), json);
            assertTrue(e.getMessage().contains(" at line "), e.getMessage());
            // the test's own check of its case (trailing values too; an empty text is a missing node there, not refused)
            assertThrows(IOException.class, () -> STRICT.readTree(json.isBlank() ? "x" : json), json);
        }
        IOException third = assertThrows(IOException.class, () -> TableJson.read("{\n\"a\": 1,\n\"b\": ]\n}"));
        assertTrue(third.getMessage().endsWith("at line 3"), third.getMessage());
    }
}
