package dev.healdesk.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.healdesk.core.run.RunSummary;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Every file under the results folder goes through here:
 * {@code <results>/run-YYYYMMDD-HHMMSS-<16 hex>/} with test-output.json, healing-summary.json,
 * summary.md and healing-output.log, plus {@code <results>/latest.json}. JSON files are written to
 * a temporary file and moved into place, so a reader never sees half a file.
 *
 * <p>What a suite leaves in the run's artifacts folder (Playwright's JSON report, Healdesk's live reporter's events,
 * error-context.md, text attachments) is redacted in place once the suite is done ({@link #redactArtifacts}); binary
 * files (screenshots, videos, trace archives) are kept as they are.
 */
public final class RunFolderWriter {

    public static final String TEST_OUTPUT = "test-output.json";
    public static final String SUMMARY_JSON = "healing-summary.json";
    public static final String SUMMARY_MD = "summary.md";
    public static final String LOG = "healing-output.log";
    public static final String LATEST = "latest.json";

    private final Path resultsDir;
    private final ArtifactRetention retention;
    private final JsonSummary json = new JsonSummary();
    private final MarkdownReport markdown = new MarkdownReport();

    /** Run folders under {@code resultsDir} whose artifacts are kept 7 days. */
    public RunFolderWriter(Path resultsDir) {
        this(resultsDir, new ArtifactRetention(ArtifactRetention.DEFAULT));
    }

    public RunFolderWriter(Path resultsDir, ArtifactRetention retention) {
        this.resultsDir = resultsDir;
        this.retention = retention;
    }

    public ArtifactRetention retention() {
        return retention;
    }

    /** Deletes the artifacts of earlier runs that are past the retention (never {@code current}'s). */
    public ArtifactRetention.Pruned pruneArtifacts(java.time.Instant now, RunFolder current) {
        return retention.prune(resultsDir, now, current == null ? null : current.dir());
    }

    public Path resultsDir() {
        return resultsDir;
    }

    /** Creates the run's folder and opens its log. */
    public RunFolder open(String runId) throws IOException {
        Path dir = resultsDir.resolve(runId);
        Files.createDirectories(dir);
        return new RunFolder(dir, Files.newBufferedWriter(dir.resolve(LOG), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    }

    /** Writes the results, the summaries and latest.json. The log stays open for the last lines; close the folder after. */
    public void finish(RunFolder folder, RunSummary run) throws IOException {
        writeAtomically(folder.dir().resolve(TEST_OUTPUT), w -> json.writeResults(run.runId(), run.results(), w));
        writeAtomically(folder.dir().resolve(SUMMARY_JSON), w -> json.writeSummary(run, folder.dir().toString(), w));
        writeAtomically(folder.dir().resolve(SUMMARY_MD), w -> markdown.write(run, w));
        writeAtomically(resultsDir.resolve(LATEST), w -> json.writeSummary(run, folder.dir().toString(), w));
    }

    /** Extensions of files that are binary whatever their first bytes say. */
    private static final Set<String> BINARY = Set.of("png", "jpg", "jpeg", "gif", "webp", "bmp", "ico", "webm",
            "mp4", "zip", "gz", "tgz", "br", "zst", "woff", "woff2", "ttf", "pdf", "jar", "class", "wasm", "db", "sqlite");
    /** How much text is redacted at a time: whole lines, up to about this many characters. */
    static final int CHUNK_CHARS = 1 << 20;

    /**
     * The mark of a run folder whose artifacts went through the redactor, written once they had: by the run itself,
     * by the recovery of a killed run, or by {@link #sweepUnredacted} for folders an older Healdesk left.
     */
    public static final String REDACTED_MARK = ".artifacts-redacted";

    /** Marks {@code dir} as a run folder whose artifacts are redacted ({@link #REDACTED_MARK}). */
    public void markRedacted(Path dir) throws IOException {
        writeAtomically(dir.resolve(REDACTED_MARK), w -> w.write("The artifacts of this run folder went through"
                + " Healdesk's redactor.\n"));
    }

    /**
     * Redacts the artifacts of every finished run folder (one with its summary.md) under the results folder that is not
     * marked as redacted yet, and marks it: the folders of runs that were killed and then recovered by a Healdesk that
     * redacted artifacts only at the end of a run keep what their suites printed until this has run once. Idempotent:
     * a marked folder is passed over, and redacting twice changes nothing more. A folder still being written has no
     * summary.md and is left to its run. Returns the folders it redacted.
     */
    public List<Path> sweepUnredacted(UnaryOperator<String> redact) throws IOException {
        List<Path> done = new ArrayList<>();
        if (!Files.isDirectory(resultsDir)) {
            return done;
        }
        List<Path> dirs;
        try (Stream<Path> list = Files.list(resultsDir)) {
            dirs = list.filter(Files::isDirectory).sorted().toList();
        }
        for (Path dir : dirs) {
            if (Files.exists(dir.resolve(REDACTED_MARK)) || !Files.isRegularFile(dir.resolve(SUMMARY_MD))) {
                continue;
            }
            redactArtifacts(dir.resolve("artifacts"), redact);
            markRedacted(dir);
            done.add(dir);
        }
        return done;
    }

    /**
     * Redacts every text file under {@code dir} in place with {@code redact}, as the suite left it: a file is text
     * when its name is not a binary type's, it has no NUL byte and it reads as UTF-8; it is rewritten (atomically)
     * only when something in it changed. Binary files are left as they are. {@code dir} must be inside the results
     * folder. Returns the files that changed.
     */
    public List<Path> redactArtifacts(Path dir, UnaryOperator<String> redact) throws IOException {
        Path root = resultsDir.toAbsolutePath().normalize();
        Path target = dir.toAbsolutePath().normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException(dir + " is not inside the results folder " + resultsDir);
        }
        List<Path> changed = new ArrayList<>();
        if (!Files.isDirectory(target)) {
            return changed;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(target)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !binaryName(f)).toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            boolean text = redactText(f, redact);
            boolean bodies = name.endsWith(".json") ? redactAttachmentBodies(f, redact)
                    : (name.endsWith(".jsonl") || name.endsWith(".ndjson")) && redactLineBodies(f, redact);
            if (text || bodies) {
                changed.add(f);
            }
        }
        return changed;
    }

    /**
     * Redacts the blob report {@code zip} (Playwright's {@code blob} reporter: {@code report.jsonl} and
     * {@code resources/}) in place, entry by entry as {@link #redactArtifacts} redacts a folder: text entries and the
     * text attachments the events carry inline (base64) go through {@code redact}, binary entries (screenshots,
     * videos, trace archives) are kept byte for byte, and the zip is replaced atomically (a temporary file beside it,
     * then a move) only when something changed. Entry names and order stay, so {@code playwright merge-reports} reads
     * it as before. True when it changed.
     *
     * @throws IOException when the zip cannot be read or written, or names an entry outside itself ({@code ../})
     */
    public static boolean redactZip(Path zip, UnaryOperator<String> redact) throws IOException {
        Path work = Files.createTempDirectory(zip.toAbsolutePath().getParent(), ".redacting-");
        try {
            Path root = work.resolve("entries");
            Files.createDirectories(root);
            List<String> names = new ArrayList<>();
            try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(zip.toFile())) {
                for (java.util.zip.ZipEntry e : java.util.Collections.list(in.entries())) {
                    Path to = root.resolve(e.getName()).normalize();
                    if (!to.startsWith(root) || to.equals(root)) {
                        throw new IOException(zip + " holds the entry '" + e.getName() + "' outside itself: it is"
                                + " not a blob report Playwright wrote; run the shard again.");
                    }
                    names.add(e.getName());
                    if (e.isDirectory()) {
                        Files.createDirectories(to);
                        continue;
                    }
                    Files.createDirectories(to.getParent());
                    try (InputStream body = in.getInputStream(e)) {
                        Files.copy(body, to);
                    }
                }
            }
            if (new RunFolderWriter(work).redactArtifacts(root, redact).isEmpty()) {
                return false;
            }
            Path tmp = zip.resolveSibling(zip.getFileName() + ".tmp");
            try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(tmp))) {
                for (String name : names) {
                    out.putNextEntry(new java.util.zip.ZipEntry(name));
                    if (!name.endsWith("/")) {
                        Files.copy(root.resolve(name), out);
                    }
                    out.closeEntry();
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            replace(tmp, zip);
            return true;
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The inline attachments of a file of JSON lines (Playwright's blob {@code report.jsonl}: one event a line), as
     * {@link #redactAttachmentBodies} redacts a JSON file's, line by line; a line that is not JSON is left as it is.
     */
    private static boolean redactLineBodies(Path f, UnaryOperator<String> redact) throws IOException {
        if (Files.size(f) > 256L << 20 || !inline(Files.readString(f, StandardCharsets.ISO_8859_1))) {
            return false;
        }
        ObjectMapper mapper = new ObjectMapper();
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notText) {
            return false;
        }
        String[] lines = text.split("\n", -1);
        boolean changed = false;
        for (int i = 0; i < lines.length; i++) {
            if (!inline(lines[i])) {
                continue;
            }
            try {
                JsonNode event = mapper.readTree(lines[i]);
                if (event != null && redactBodies(event, redact)) {
                    lines[i] = mapper.writeValueAsString(event);
                    changed = true;
                }
            } catch (IOException notJson) {
                // a line that is not an event is the text redaction's
            }
        }
        if (changed) {
            String clean = String.join("\n", lines);
            writeAtomically(f, w -> w.write(clean));
        }
        return changed;
    }

    /**
     * Attachments a JSON report carries inline ({@code {"contentType": "text/plain", "body": "<base64>"}}, as
     * Playwright's JSON reporter writes {@code testInfo.attach(name, {body})}): a text body is decoded, redacted and
     * encoded again, since redaction cannot read base64. True when one changed.
     */
    private static boolean redactAttachmentBodies(Path f, UnaryOperator<String> redact) throws IOException {
        if (Files.size(f) > 256L << 20 || !inline(Files.readString(f, StandardCharsets.ISO_8859_1))) {
            return false;
        }
        ObjectMapper mapper = new ObjectMapper();
        JsonNode root;
        try {
            root = mapper.readTree(f.toFile());
        } catch (IOException notJson) {
            return false;
        }
        if (!redactBodies(root, redact)) {
            return false;
        }
        writeAtomically(f, w -> mapper.writeValue(w, root));
        return true;
    }

    private static boolean redactBodies(JsonNode node, UnaryOperator<String> redact) {
        boolean changed = false;
        if (node instanceof ObjectNode o) {
            boolean text = textType(o.path("contentType").asText(""));
            // "body": the JSON report's attachments; "base64": the blob report's; "data" with "isBase64": the blob
            // report's output a test wrote as bytes, text when it reads as UTF-8
            for (String field : List.of("body", "base64", "data")) {
                boolean encoded = field.equals("data") ? o.path("isBase64").asBoolean(false) : text;
                if (encoded && o.path(field).isTextual()) {
                    changed |= redactBase64(o, field, !text, redact);
                }
            }
        }
        for (JsonNode child : node) {
            changed |= redactBodies(child, redact);
        }
        return changed;
    }

    /**
     * The base64 text {@code o.field} decoded, redacted and encoded again; left when not base64, or, when
     * {@code strict} (bytes of no declared type), when they do not read as UTF-8.
     */
    private static boolean redactBase64(ObjectNode o, String field, boolean strict, UnaryOperator<String> redact) {
        try {
            byte[] bytes = Base64.getDecoder().decode(o.get(field).asText());
            String body = strict ? StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString()
                    : new String(bytes, StandardCharsets.UTF_8);
            String clean = redact.apply(body);
            if (clean.equals(body)) {
                return false;
            }
            o.put(field, Base64.getEncoder().encodeToString(clean.getBytes(StandardCharsets.UTF_8)));
            return true;
        } catch (IllegalArgumentException | CharacterCodingException notText) {
            // a body in clear is the text redaction's; bytes that are not text are kept
            return false;
        }
    }

    private static boolean textType(String contentType) {
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.contains("json") || t.contains("xml") || t.contains("yaml")
                || t.contains("javascript") || t.contains("x-www-form-urlencoded");
    }

    private static boolean binaryName(Path f) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && BINARY.contains(name.substring(dot + 1));
    }

    /** Whether {@code json} may carry base64 text: an attachment's body or output written as bytes. */
    private static boolean inline(String json) {
        return json.contains("\"body\"") || json.contains("\"base64\"") || json.contains("\"isBase64\"");
    }

    /** Rewrites {@code f} redacted, chunk by chunk of whole lines; false when it is binary or nothing changed. */
    private static boolean redactText(Path f, UnaryOperator<String> redact) throws IOException {
        if (hasNul(f)) {
            return false;
        }
        Path tmp = f.resolveSibling(f.getFileName() + ".redacting");
        boolean changed = false;
        try (Reader in = new InputStreamReader(Files.newInputStream(f), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
             Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            char[] buf = new char[CHUNK_CHARS];
            StringBuilder pending = new StringBuilder();
            int n;
            while ((n = in.read(buf)) > 0) {
                pending.append(buf, 0, n);
                int cut = pending.lastIndexOf("\n");
                if (cut >= 0 && pending.length() >= CHUNK_CHARS) {
                    changed |= write(pending.substring(0, cut + 1), redact, out);
                    pending.delete(0, cut + 1);
                }
            }
            changed |= write(pending.toString(), redact, out);
        } catch (CharacterCodingException notText) {
            Files.deleteIfExists(tmp);
            return false;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        if (!changed) {
            Files.delete(tmp);
            return false;
        }
        replace(tmp, f);
        return true;
    }

    private static boolean write(String text, UnaryOperator<String> redact, Writer out) throws IOException {
        String clean = redact.apply(text);
        out.write(clean);
        return !clean.equals(text);
    }

    private static boolean hasNul(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            byte[] head = in.readNBytes(8192);
            for (byte b : head) {
                if (b == 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Finishes the folder of a run whose process died (killed, crashed) from what the history kept of it: redacts the
     * artifacts the suite left (a run redacts them only once its suite is done, so a killed one leaves them as
     * written, tokens and all), takes away the half-written files ({@code *.tmp}, here and beside latest.json), writes
     * the files a finished run's folder holds (test-output.json, healing-summary.json, summary.md) and latest.json
     * when that still names an older run. The artifacts go first, so that a folder with its summary.md is one whose
     * artifacts are redacted: when redacting fails, nothing else is done and the next start tries again. Returns
     * what it did, one line each; nothing when the folder is already whole.
     */
    public List<String> recover(Path dir, RunSummary run, UnaryOperator<String> redact) throws IOException {
        List<String> done = new ArrayList<>();
        Path artifacts = dir.resolve("artifacts");
        if (Files.isDirectory(artifacts)) {
            int redacted = redactArtifacts(artifacts, redact).size();
            if (redacted > 0) {
                done.add("redacted " + redacted + " artifact file(s)");
            }
        }
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve(REDACTED_MARK))) {
            markRedacted(dir);
        }
        for (Path folder : List.of(dir, resultsDir)) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (DirectoryStream<Path> tmps = Files.newDirectoryStream(folder, "*.tmp")) {
                for (Path tmp : tmps) {
                    Files.deleteIfExists(tmp);
                    done.add("removed the half-written " + tmp.getFileName());
                }
            }
        }
        if (!Files.isDirectory(dir)) {
            return done;
        }
        if (!Files.isRegularFile(dir.resolve(TEST_OUTPUT))) {
            writeAtomically(dir.resolve(TEST_OUTPUT), w -> json.writeResults(run.runId(), run.results(), w));
            done.add("wrote " + TEST_OUTPUT);
        }
        if (!Files.isRegularFile(dir.resolve(SUMMARY_JSON))) {
            writeAtomically(dir.resolve(SUMMARY_JSON), w -> json.writeSummary(run, dir.toString(), w));
            done.add("wrote " + SUMMARY_JSON);
        }
        if (!Files.isRegularFile(dir.resolve(SUMMARY_MD))) {
            writeAtomically(dir.resolve(SUMMARY_MD), w -> markdown.write(run, w));
            done.add("wrote " + SUMMARY_MD);
        }
        if (latestIsOlderThan(run)) {
            writeAtomically(resultsDir.resolve(LATEST), w -> json.writeSummary(run, dir.toString(), w));
            done.add("brought " + LATEST + " up to this run");
        }
        return done;
    }

    /** Whether latest.json is missing, unreadable or names a run that started before {@code run}. */
    private boolean latestIsOlderThan(RunSummary run) {
        Path latest = resultsDir.resolve(LATEST);
        if (!Files.isRegularFile(latest)) {
            return true;
        }
        try {
            String started = new com.fasterxml.jackson.databind.ObjectMapper().readTree(latest.toFile())
                    .path("startedAt").asText("");
            return started.isEmpty() || java.time.Instant.parse(started).isBefore(run.startedAt());
        } catch (IOException | java.time.format.DateTimeParseException e) {
            return true;
        }
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static void writeAtomically(Path target, Body body) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            body.write(w);
        }
        replace(tmp, target);
    }

    /** Puts {@code tmp} in {@code target}'s place in one step where the file system can (readers never see half). */
    private static void replace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** An open run folder: its path, its artifacts folder and its log. */
    public static final class RunFolder implements AutoCloseable {
        private final Path dir;
        private final BufferedWriter log;
        private boolean closed;

        RunFolder(Path dir, BufferedWriter log) {
            this.dir = dir;
            this.log = log;
        }

        public Path dir() {
            return dir;
        }

        public Path artifactsDir() {
            return dir.resolve("artifacts");
        }

        /** Appends one line to healing-output.log and flushes it, so the log survives a crash. */
        public synchronized void log(String line) {
            if (closed) {
                return;
            }
            try {
                log.write(line);
                log.newLine();
                log.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + dir.resolve(LOG), e);
            }
        }

        @Override
        public synchronized void close() throws IOException {
            if (!closed) {
                closed = true;
                log.close();
            }
        }
    }
}
