package dev.healdesk.core.redact;

/**
 * A password run as a command: a CI step that put a secret where a command belongs (an unquoted {@code !} or
 * {@code $}, a variable expanded on a line of its own) and the shell's answer that names it, PowerShell's
 * {@code The term '…' is not recognized as the name of a cmdlet, function, script file, or operable program.} The
 * name goes where it has a password's shape ({@link Typed#secretShaped}); {@code The term 'npmm' is not recognized}
 * stays. Its other copies on the following lines (the script line, the error record) go with it ({@link Echoes}).
 * Triggered by the {@code T} of "The".
 */
final class UnknownCommands extends Detector {

    private static final String TERM = "The term '";
    private static final String NOT_RECOGNIZED = "' is not recognized";
    private static final boolean[] H = Chars.set("h");

    @Override
    public boolean[] seconds(char c) {
        return H;
    }

    @Override
    public long wordLengths(char c) {
        return 1L << 3;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (!s.startsWith(TERM, i)) {
            return scan.wordEnd(i);
        }
        int start = i + TERM.length();
        int end = start;
        while (end < s.length() && end - start <= 256 && s.charAt(end) != '\'' && s.charAt(end) != '\n') {
            end++;
        }
        if (!s.startsWith(NOT_RECOGNIZED, end) || !Typed.secretShaped(s, start, end)) {
            return scan.wordEnd(i);
        }
        scan.add(SecretKind.PASSWORD, start, end);
        return end;
    }
}
