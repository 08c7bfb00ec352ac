package dev.healdesk.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code .env} file as the seeds (and docker compose, and dotenv) write it: {@code NAME=value} lines, optional
 * {@code export }, {@code #} comments, values bare (a {@code " #"} starts a comment), in single quotes (literal) or
 * in double quotes ({@code \n}, {@code \t}, {@code \"} and {@code \\} escapes; may span lines). No variable
 * expansion and nothing is ever run. A line that is none of these is a problem with its line number; the other
 * lines still count.
 *
 * @param file     where it was read from
 * @param values   name → value, in file order (a later line wins)
 * @param lines    name → the line that set it
 * @param problems "line N: what is wrong: what to do", in file order
 */
public record DotEnv(Path file, Map<String, String> values, Map<String, Integer> lines, List<String> problems) {

    /** Where the {@code .env} is read from instead of the working folder's. */
    public static final String FILE_ENV = "HEALDESK_ENV_FILE";

    /** Compiled when there is a {@code .env} to read, not at every command's start (where there is none). */
    private static final class Syntax {
        static final Pattern ASSIGNMENT =
                Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*)$", Pattern.DOTALL);
    }

    public DotEnv {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        lines = Collections.unmodifiableMap(new LinkedHashMap<>(lines));
        problems = List.copyOf(problems);
    }

    public static DotEnv empty(Path file) {
        return new DotEnv(file, Map.of(), Map.of(), List.of());
    }

    /** Reads {@code file}; a missing file is an empty one, an unreadable one a problem. */
    public static DotEnv read(Path file) {
        if (!Files.exists(file)) {
            return empty(file);
        }
        try {
            return parse(file, dev.healdesk.core.process.InputText.read(file, ".env file", 1 << 20));
        } catch (dev.healdesk.core.process.InputText.Problem e) {
            return new DotEnv(file, Map.of(), Map.of(), List.of(e.getMessage() + " Or set " + FILE_ENV
                    + " to another file."));
        }
    }

    static DotEnv parse(Path file, String text) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String[] raw = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            int lineNo = i + 1;
            String line = raw[i];
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Matcher m = Syntax.ASSIGNMENT.matcher(line);
            if (!m.matches()) {
                problems.add("line " + lineNo + ": '" + shorten(trimmed) + "' is not NAME=value: write one variable per"
                        + " line as NAME=value (letters, digits and _ in the name), or start the line with # for a"
                        + " comment");
                continue;
            }
            String name = m.group(1);
            String rest = m.group(2);
            String value;
            if (rest.startsWith("\"")) {
                StringBuilder sb = new StringBuilder();
                int end = closingDouble(rest, 1, sb);
                int startLine = lineNo;
                while (end < 0 && i + 1 < raw.length) {
                    i++;
                    sb.append('\n');
                    rest = raw[i];
                    end = closingDouble(rest, 0, sb);
                }
                if (end < 0) {
                    problems.add("line " + startLine + ": the value of " + name + " opens a \" that is never closed:"
                            + " close it, or use single quotes for a literal value");
                    continue;
                }
                if (!trailingIsComment(rest.substring(end + 1))) {
                    problems.add("line " + (i + 1) + ": text after the closing \" of " + name + ": put a comment"
                            + " after ' #', or quote the whole value");
                    continue;
                }
                value = sb.toString();
                lineNo = startLine;
            } else if (rest.startsWith("'")) {
                int end = rest.indexOf('\'', 1);
                if (end < 0) {
                    problems.add("line " + lineNo + ": the value of " + name + " opens a ' that is never closed on"
                            + " this line: close it (single-quoted values are one line; use double quotes and \\n"
                            + " for several)");
                    continue;
                }
                if (!trailingIsComment(rest.substring(end + 1))) {
                    problems.add("line " + lineNo + ": text after the closing ' of " + name + ": put a comment"
                            + " after ' #', or quote the whole value");
                    continue;
                }
                value = rest.substring(1, end);
            } else {
                int hash = rest.indexOf(" #");
                value = (hash >= 0 ? rest.substring(0, hash) : rest).strip();
            }
            values.put(name, value);
            lines.put(name, lineNo);
        }
        return new DotEnv(file, values, lines, problems);
    }

    /** Appends the unescaped characters from {@code from} to the closing quote; its index, or -1 at the line's end. */
    private static int closingDouble(String s, int from, StringBuilder sb) {
        for (int j = from; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '"') {
                return j;
            }
            if (c == '\\' && j + 1 < s.length()) {
                char n = s.charAt(++j);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '"', '\\', '$' -> sb.append(n);
                    default -> sb.append('\\').append(n);
                }
            } else {
                sb.append(c);
            }
        }
        return -1;
    }

    private static boolean trailingIsComment(String rest) {
        String t = rest.strip();
        return t.isEmpty() || t.startsWith("#");
    }

    private static String shorten(String s) {
        // Never echo a whole line back: it may be a secret whose '=' is missing.
        return s.length() <= 4 ? s : s.substring(0, 4) + "…";
    }
}
