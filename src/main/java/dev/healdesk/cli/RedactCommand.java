package dev.healdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.healdesk.core.redact.Redactor;
import dev.healdesk.core.redact.SecretMemory;
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
 * replaced. Plain text is redacted in blocks of the lines that have arrived (see {@link #plain}), so logs of any
 * size stream through and rules that span lines still apply. With {@code --jsonl}, blank lines are skipped, since
 * they are no records; in plain text they are kept, since they are text.
 */
@Command(name = "redact", mixinStandardHelpOptions = true,
        description = {"Replace secrets and personal data with [REDACTED_<KIND>], standard input to standard output.",
                "Plain text: every line, blank ones kept; the lines that have arrived are redacted together, so a value"
                        + " below its name and a private key block are caught.",
                "--jsonl: each line a JSON object whose \"text\" is redacted, its other fields kept as they are,"
                        + " in order; blank lines skipped."})
final class RedactCommand implements Callable<Integer> {

    static final int MAX_BLOCK_LINES = 200;
    static final int MAX_BLOCK_CHARS = 1 << 20;
    private static final String LINE_END = System.lineSeparator();

    @Spec
    CommandSpec spec;

    @Option(names = "--jsonl", description = "Read JSON Lines and redact each object's \"text\" field.")
    boolean jsonl;

    private final Redactor redactor = Redactor.standard();
    /** Plain text is one stream: a value its earlier blocks named goes from the later ones too. */
    private final SecretMemory memory = new SecretMemory();
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

    /**
     * Plain text goes through in blocks: every line that has already arrived (up to {@value #MAX_BLOCK_CHARS}
     * characters) is redacted as one text, so the rules that span lines (a value on the line below its name, a YAML
     * block value, a private key) see what a file or a pipe holds, as they do in a run's text. When the input waits,
     * for instance a log that is being followed, what has arrived is written out at once, so streaming still works.
     * A private key block is never cut: from its BEGIN line to its END line (at most {@value #MAX_BLOCK_LINES} more
     * lines) it is read before the block is redacted, even if the input waits. A value that an earlier block found by
     * its name ({@code password=…}) goes from the later blocks where it stands alone ({@link SecretMemory}).
     */
    private void plain(BufferedReader in, PrintWriter out) throws IOException {
        StringBuilder block = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            if (!block.isEmpty()) {
                block.append('\n');
            }
            block.append(line);
            if (opensPrivateKey(line)) {
                for (int n = 1; n < MAX_BLOCK_LINES && !line.contains("-----END") && (line = in.readLine()) != null; n++) {
                    block.append('\n').append(line);
                }
            }
            if (block.length() >= MAX_BLOCK_CHARS || !in.ready()) {
                writeLines(out, block);
                out.flush();
                block.setLength(0);
            }
        }
        if (!block.isEmpty()) {
            writeLines(out, block);
        }
    }

    private void writeLines(PrintWriter out, StringBuilder block) {
        String redacted = redactor.redact(block.toString(), memory);
        out.println(LINE_END.equals("\n") ? redacted : redacted.replace("\n", LINE_END));
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
