package dev.healdesk.core.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a file an operator gives Healdesk (a target file, a suite file, patterns, settings, {@code .env}, triage
 * input) as text, refusing what is not text before any parser sees it: a folder, a file over its size limit (checked
 * before a byte is read, so a 20 MB file is refused at once), a binary file (a NUL byte), bytes that are not UTF-8.
 * Each refusal names the file, the line where it can, and what to do.
 */
public final class InputText {

    /** Why a file was not read; the message is for the operator as it is. */
    public static final class Problem extends Exception {
        public Problem(String message) {
            super(message);
        }
    }

    private InputText() {
    }

    /**
     * @param what     what the file should be, for the messages ("target file", "patterns file")
     * @param maxBytes the largest file accepted
     */
    public static String read(Path file, String what, long maxBytes) throws Problem {
        if (Files.isDirectory(file)) {
            throw new Problem(file + " is a folder, not a " + what + ": give the path of the file itself.");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new Problem(file + " does not exist: check the path of the " + what + ".");
        } catch (IOException | SecurityException e) {
            throw new Problem("Cannot read " + file + " (" + reason(e) + "): check that the " + what
                    + " exists and that Healdesk may read it.");
        }
        if (size > maxBytes) {
            throw new Problem(file + " is " + megabytes(size) + "; a " + what + " may be at most " + megabytes(maxBytes)
                    + ". Is this the right file?");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
        } catch (AccessDeniedException e) {
            throw new Problem("Cannot read " + file + ": permission denied. Let Healdesk's user read the " + what + ".");
        } catch (IOException | SecurityException e) {
            throw new Problem("Cannot read " + file + " (" + reason(e) + "): check that the " + what
                    + " exists and that Healdesk may read it.");
        }
        if (bytes.length > maxBytes) {
            throw new Problem(file + " grew past " + megabytes(maxBytes) + " while it was read; a " + what
                    + " may be at most that. Is this the right file?");
        }
        return decode(bytes, file.toString(), what);
    }

    /** As {@link #read} for bytes already read (standard input), named {@code name} in the messages. */
    public static String decode(byte[] bytes, String name, String what) throws Problem {
        int nul = indexOf(bytes, (byte) 0);
        if (nul >= 0) {
            throw new Problem(name + " line " + line(bytes, nul) + " holds a NUL byte: it is a binary file, not a "
                    + what + ". Give the text file itself.");
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalid(bytes, start);
            throw new Problem(name + " line " + line(bytes, bad) + " is not UTF-8 (byte 0x"
                    + String.format(Locale.ROOT, "%02X", bytes[bad] & 0xff) + "): save the " + what
                    + " as UTF-8 text.");
        }
    }

    /** 1-based line of byte {@code at}. */
    private static int line(byte[] bytes, int at) {
        int line = 1;
        for (int i = 0; i < at && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Where strict UTF-8 decoding fails (the decoder does not say). */
    private static int firstInvalid(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            int n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3
                    : -1;
            if (n < 0 || n > 0 && i + n >= bytes.length) {
                return i;
            }
            for (int k = 1; k <= n; k++) {
                if ((bytes[i + k] & 0xc0) != 0x80) {
                    return i;
                }
            }
            if (n == 2 && (b == 0xe0 && (bytes[i + 1] & 0xff) < 0xa0 || b == 0xed && (bytes[i + 1] & 0xff) > 0x9f)
                    || n == 3 && (b == 0xf0 && (bytes[i + 1] & 0xff) < 0x90 || b == 0xf4 && (bytes[i + 1] & 0xff) > 0x8f)) {
                return i;
            }
            i += n + 1;
        }
        return Math.max(from, bytes.length - 1);
    }

    private static final java.util.regex.Pattern TYPE = java.util.regex.Pattern.compile("`([\\w.$<>, \\[\\]]+)`");

    /**
     * A parser's message (Jackson's, SnakeYAML's) in the operator's words: Java type names become what the field
     * wants ({@code `java.lang.Integer`} → "a whole number", a Healdesk record → "a mapping of fields"), and the
     * parser's notes about constructors and creators go.
     */
    public static String plain(String parserMessage) {
        if (parserMessage == null) {
            return "the file cannot be read here";
        }
        String m = parserMessage.replaceAll("from (?:String|Number|Boolean) value (\"[^\"]*\"|[^:]*): not a valid `[^`]+`"
                + " value(?: \\([^)]*\\))?", ", found $1")
                .replaceAll("from String (\"[^\"]*\"): not a valid `[^`]+` value(?: \\([^)]*\\))?", ", found $1")
                .replace(" (although at least one Creator exists)", "")
                .replace("no String-argument constructor/factory method to deserialize from String value",
                        "found text instead")
                .replace("no int/Int-argument constructor/factory method to deserialize from Number value",
                        "found a number instead")
                .replace("no boolean/Boolean-argument constructor/factory method to deserialize from boolean value",
                        "found true/false instead")
                .replace("Cannot construct instance of", "expected")
                .replace("Cannot deserialize value of type", "expected")
                .replace("Cannot deserialize instance of", "expected");
        java.util.regex.Matcher t = TYPE.matcher(m);
        StringBuilder out = new StringBuilder();
        while (t.find()) {
            t.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(friendly(t.group(1))));
        }
        t.appendTail(out);
        return out.toString().replace(" , found", ", found").replaceAll("\\b(?:java|javax|com\\.fasterxml|dev\\.healdesk|org\\.yaml)(?:\\.\\w+)+",
                "a value");
    }

    private static String friendly(String type) {
        String t = type.replaceAll("<.*", "").strip();
        return switch (t) {
            case "int", "long", "java.lang.Integer", "java.lang.Long", "short", "java.lang.Short" -> "a whole number";
            case "double", "float", "java.lang.Double", "java.lang.Float" -> "a number";
            case "boolean", "java.lang.Boolean" -> "true or false";
            case "java.lang.String" -> "text";
            case "java.util.List", "java.util.ArrayList", "java.util.Collection", "java.util.Set" -> "a list";
            case "java.util.Map", "java.util.LinkedHashMap", "java.util.HashMap" -> "a mapping (key: value)";
            default -> t.startsWith("dev.healdesk.") || t.startsWith("java.") ? "a mapping of fields (key: value)"
                    : "a value";
        };
    }

    private static String megabytes(long bytes) {
        return bytes < 1 << 20 ? (bytes / 1024) + " KB" : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "it cannot be opened" : m;
    }
}
