package dev.healdesk.core.suite.probes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line of each value of a YAML document, by JSON pointer ({@code /checks/2/http/url} → 14), so that a problem
 * found after parsing can still name its line. A pointer that is not in the document gets the line of its nearest
 * parent that is.
 */
public final class YamlLines {

    private static final YAMLFactory YAML = new YAMLFactory();
    private final Map<String, Integer> lines = new HashMap<>();

    public YamlLines(String text) {
        try (JsonParser parser = YAML.createParser(text)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                JsonStreamContext context = parser.getParsingContext();
                if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && context.getParent() != null) {
                    context = context.getParent();
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                lines.putIfAbsent(context.pathAsPointer().toString(), parser.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            // broken YAML: the parser's own error names the line; what was read so far is kept
        }
    }

    /** The line of {@code pointer} (or of its nearest parent); 1 when nothing matches. */
    public int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
            p = p.substring(0, Math.max(p.lastIndexOf('/'), 0));
        }
    }

    /** The pointer of the value a Jackson mapping error is about. */
    public static String pointer(JsonMappingException e) {
        return pointer(e.getPath());
    }

    static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            out.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        return out.toString();
    }
}
