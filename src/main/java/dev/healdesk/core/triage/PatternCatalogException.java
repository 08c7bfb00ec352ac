package dev.healdesk.core.triage;

/**
 * A pattern file that cannot be used. Unchecked: a broken built-in catalog is a programming error, and a broken
 * user file is reported once where the catalog is loaded (the console shows the message, the CLI prints it).
 * The message names the file, the line (when known), the pattern id (when known) and what to do.
 */
public class PatternCatalogException extends RuntimeException {

    private final String file;
    private final int line;
    private final String patternId;

    public PatternCatalogException(String file, int line, String patternId, String problem, Throwable cause) {
        super(file + (line > 0 ? " line " + line + ": " : " ")
                + (patternId != null ? "pattern \"" + patternId + "\" " : "") + problem, cause);
        this.file = file;
        this.line = line;
        this.patternId = patternId;
    }

    /** The file as given (the built-in catalog reads {@code patterns.json (built-in)}). */
    public String file() {
        return file;
    }

    /** 1-based line of the problem, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The id of the pattern at fault, or null. */
    public String patternId() {
        return patternId;
    }
}
