package dev.healdesk.core.redact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rule table is read without an ObjectMapper: into the same tree as {@code ObjectMapper.readTree}. */
class RuleTableTest {

    private static JsonNode streamed(String json) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            return RuleTable.tree(p, p.nextToken());
        }
    }

    @Test
    void theShippedTableReadsIntoTheTreeAnObjectMapperBuilds() throws IOException {
        byte[] bytes;
        try (InputStream in = RuleTable.class.getResourceAsStream(RuleTable.RESOURCE)) {
            bytes = in.readAllBytes();
        }
        JsonNode expected = new ObjectMapper().readTree(bytes);
        JsonNode actual;
        try (JsonParser p = new JsonFactory().createParser(bytes)) {
            actual = RuleTable.tree(p, p.nextToken());
        }
        assertEquals(expected, actual);
        assertFalse(actual.get("rules").isEmpty());
        assertEquals(RuleTable.load().tokens().size(), actual.get("rules").size());
    }

    @Test
    void everyKindOfValueReadsAsTheObjectMapperReadsIt() throws IOException {
        for (String json : List.of("{\"a\":1,\"b\":-9000000000,\"c\":123456789012345678901234,\"d\":1.5e3,\"e\":true,"
                        + "\"f\":false,\"g\":null,\"h\":[],\"i\":{},\"j\":[1,[2,{\"k\":\"x\\u00e9\\n\"}]]}",
                "{\"dup\":1,\"dup\":2}", "[\"only\", \"an\", \"array\"]", "\"text\"", "0")) {
            assertEquals(new ObjectMapper().readTree(json), streamed(json), json);
        }
    }

    @Test
    void anEmptyOrCutTableIsAnErrorNotAnEmptyTree() {
        assertThrows(IOException.class, () -> streamed(""));
        assertThrows(IOException.class, () -> streamed("{\"rules\": [{\"id\": \"x\""));
    }
}
