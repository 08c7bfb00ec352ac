package dev.healdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.healdesk.core.redact.Redactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code healdesk redact [--jsonl]}: standard input to standard output with secrets and personal data
 * replaced, a line at a time, so logs of any size stream through. A private key block spans lines, so plain
 * text from a BEGIN … PRIVATE KEY line to its END line (at most {@value #MAX_BLOCK_LINES} lines) is redacted
 * as one piece. With {@code --jsonl}, blank lines are skipped, since they are no records; in plain text they
 * are kept, since they are text.
 */
@Command(name = "redact", mixinStandardHelpOptions = true,
        description = {"Replace secrets and personal data with [REDACTED_<KIND>], standard input to standard output.",
                "Plain text: every line, blank ones kept; a private key block is redacted whole.",
                "--jsonl: each line a JSON object whose \"text\" is redacted, its other fields kept as they are,"
                        + " in order; blank lines skipped."})
final class RedactCommand implements Callable<Integer> {

    static final int MAX_BLOCK_LINES = 200;

    @Spec
    CommandSpec spec;

    @Option(names = "--jsonl", description = "Read JSON Lines and redact each object's \"text\" field.")
    boolean jsonl;

    private final Redactor redactor = Redactor.standard();
    private final ObjectMapper mapper = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            if (jsonl) {
                jsonLines(in, out);
            } else {
                plain(in, out);
            }
        }
        out.flush();
        return Cli.HEALTHY;
    }

    private void plain(BufferedReader in, PrintWriter out) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            if (opensPrivateKey(line)) {
                StringBuilder block = new StringBuilder(line);
                for (int n = 1; n < MAX_BLOCK_LINES && !line.contains("-----END") && (line = in.readLine()) != null; n++) {
                    block.append('\n').append(line);
                }
                out.println(redactor.redact(block.toString()));
            } else {
                out.println(redactor.redact(line));
            }
        }
    }

    private static boolean opensPrivateKey(String line) {
        int begin = line.indexOf("-----BEGIN");
        return begin >= 0 && line.indexOf("PRIVATE KEY", begin) >= 0 && line.indexOf("-----END", begin) < 0;
    }

    private void jsonLines(BufferedReader in, PrintWriter out) throws IOException {
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            ObjectNode node = parse(line, lineNo);
            JsonNode text = node.get("text");
            if (text == null) {
                throw new Cli.UsageException(where(lineNo) + "no \"text\" field. Each object needs the text to redact"
                        + " in \"text\" (or leave out --jsonl to redact plain lines).");
            }
            if (!text.isTextual() && !text.isNull()) {
                throw new Cli.UsageException(where(lineNo) + "\"text\" must be a string, not " + text.getNodeType()
                        .name().toLowerCase(Locale.ROOT) + ".");
            }
            if (text.isTextual()) {
                node.put("text", redactor.redact(text.asText()));
            }
            out.println(mapper.writeValueAsString(node));
        }
    }

    private ObjectNode parse(String line, int lineNo) {
        try {
            JsonNode node = mapper.readTree(line);
            if (node instanceof ObjectNode o) {
                return o;
            }
            throw new Cli.UsageException(where(lineNo) + "expected a JSON object like {\"text\":\"...\"}. Give one"
                    + " object per line, or leave out --jsonl to redact plain lines.");
        } catch (JsonProcessingException e) {
            throw new Cli.UsageException(where(lineNo) + "not valid JSON (" + e.getOriginalMessage() + "). Give one"
                    + " object per line, or leave out --jsonl to redact plain lines.");
        }
    }

    private static String where(int lineNo) {
        return "standard input line " + lineNo + ": ";
    }
}
