package dev.healdesk.core.redact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Credentials given as command-line arguments, as CI logs echo them ({@code set -x}, "Running: …"): the flags of
 * {@link RuleTable} for the commands they belong to ({@code mysql -pSECRET}, {@code curl -u ci:SECRET},
 * {@code sshpass -p SECRET}, {@code docker login -p SECRET}), and for any command a long option named like a secret
 * followed by its value ({@code --password SECRET}, {@code --api-token SECRET}). Triggered by {@code -} at the start
 * of an argument; the command is looked for before the flag on the same line.
 */
final class CommandLines implements Detector {

    /**
     * One row of the table: the commands (a phrase such as {@code docker login} counts as one) for which the
     * {@code flags} carry a password, whether the value may be attached ({@code -pSECRET}) or the next argument, and
     * whether it is {@code user:password} (only what follows the first colon goes).
     */
    record Flag(String id, List<String> commands, List<String> flags, boolean attached, boolean next,
                boolean userPassword) {
    }

    private record Spelling(String flag, Flag rule) {
    }

    /** How far back on its line the command of a flag is looked for. */
    static final int REACH = 512;
    private static final int MAX_VALUE = 4096;

    /**
     * The flags of the table by their second character, longest first, so that {@code -passin} is not read as
     * {@code -p} and "assin".
     */
    private final Spelling[][] bySecond = new Spelling[128][];

    CommandLines(List<Flag> table) {
        List<Spelling> all = new ArrayList<>();
        for (Flag f : table) {
            for (String flag : f.flags()) {
                all.add(new Spelling(flag, f));
            }
        }
        all.sort(Comparator.comparingInt((Spelling sp) -> sp.flag().length()).reversed());
        for (char c = 0; c < 128; c++) {
            char second = c;
            Spelling[] these = all.stream().filter(sp -> sp.flag().length() > 1 && sp.flag().charAt(1) == second)
                    .toArray(Spelling[]::new);
            bySecond[c] = these.length == 0 ? null : these;
        }
    }

    private static final Spelling[] NO_SPELLINGS = {};

    private static final boolean[] FLAG_SECOND = Chars.set(Chars.LETTERS + "-");

    /** {@code -p}, {@code --password}: a letter or a second dash. */
    @Override
    public boolean[] seconds(char c) {
        return FLAG_SECOND;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (i > 0 && !argumentStart(s.charAt(i - 1)) || i + 2 >= s.length()) {
            return i + 1;
        }
        char second = s.charAt(i + 1);
        if (!Chars.letter(second) && second != '-') {
            return i + 1;   // a dash, a bullet, a negative number
        }
        Spelling[] candidates = bySecond[second];
        for (Spelling sp : candidates == null ? NO_SPELLINGS : candidates) {
            if (!s.startsWith(sp.flag(), i)) {
                continue;
            }
            int after = i + sp.flag().length();
            boolean blank = after < s.length() && Chars.blank(s.charAt(after));
            boolean attached = after < s.length() && !Chars.space(s.charAt(after)) && s.charAt(after) != '=';
            if (!(blank && sp.rule().next() || attached && sp.rule().attached()) || !command(s, i, sp.rule())) {
                continue;
            }
            int v = after;
            while (v < s.length() && v - after < 4 && Chars.blank(s.charAt(v))) {
                v++;
            }
            return value(scan, v, sp.rule().userPassword() ? KeyNames.Key.NONE : KeyNames.Key.PASSWORD,
                    sp.rule().userPassword(), i + 1);
        }
        if (s.charAt(i + 1) == '-') {
            return longOption(scan, i);
        }
        return i + 1;
    }

    /** {@code --password VALUE}: a long option named like a secret, with its value as the next argument. */
    private int longOption(Scan scan, int i) {
        String s = scan.text;
        int nameStart = i + 2;
        int nameEnd = nameStart;
        while (nameEnd < s.length() && nameEnd - nameStart <= KeyNames.MAX_LENGTH
                && (Chars.alnum(s.charAt(nameEnd)) || s.charAt(nameEnd) == '-' || s.charAt(nameEnd) == '_'
                || s.charAt(nameEnd) == '.')) {
            nameEnd++;
        }
        if (nameEnd == nameStart || nameEnd >= s.length() || !Chars.blank(s.charAt(nameEnd))) {
            return nameEnd;   // --name=value is KeyValues'
        }
        KeyNames.Key key = KeyNames.classify(scan, nameStart, nameEnd);
        if (key == KeyNames.Key.NONE || key == KeyNames.Key.COOKIE) {
            return nameEnd;
        }
        int v = nameEnd;
        while (v < s.length() && v - nameEnd < 4 && Chars.blank(s.charAt(v))) {
            v++;
        }
        return value(scan, v, key, false, nameEnd);
    }

    /**
     * Claims the argument at {@code v} (quoted or up to a blank) as {@code key} says; {@code userPassword}: only
     * what follows its first colon. Returns where scanning goes on.
     */
    private static int value(Scan scan, int v, KeyNames.Key key, boolean userPassword, int otherwise) {
        String s = scan.text;
        if (v >= s.length() || s.charAt(v) == '-' || Chars.space(s.charAt(v))) {
            return otherwise;
        }
        int quote = Quotes.open(s, v);
        int start = v + quote;
        int end;
        if (quote > 0) {
            end = Quotes.close(s, start, quote);
        } else {
            end = start;
            while (end < s.length() && end - start < MAX_VALUE && !Chars.space(s.charAt(end)) && s.charAt(end) != '"'
                    && s.charAt(end) != '\'' && s.charAt(end) != '`') {
                end++;
            }
        }
        if (userPassword) {
            int colon = Chars.indexOf(s, ':', start, end);
            if (colon < 0 || Values.placeholder(s, colon + 1, end)) {
                return Math.max(otherwise, end);
            }
            scan.add(SecretKind.PASSWORD, colon + 1, end);
            return start;
        }
        if (Values.placeholder(s, start, end)) {
            return Math.max(otherwise, end);
        }
        boolean password = key == KeyNames.Key.PASSWORD;
        if (!password && !(key == KeyNames.Key.KEY ? Values.generated(s, start, end) : Values.secretLike(s, start, end))) {
            return Math.max(otherwise, end);
        }
        scan.add(password ? SecretKind.PASSWORD : key == KeyNames.Key.SESSION ? SecretKind.SESSION_ID
                : SecretKind.GENERIC_SECRET, start, end);
        return start;   // the value may be a token of known shape, which names it better
    }

    /** Whether a flag can start after {@code c}: a blank, a quote, an opening bracket. */
    private static boolean argumentStart(char c) {
        return Chars.space(c) || c == '"' || c == '\'' || c == '(' || c == '[' || c == ',';
    }

    /** Whether one of {@code rule}'s commands stands as a word before {@code flag} on its line. */
    private static boolean command(String s, int flag, Flag rule) {
        int lineStart = flag;
        while (lineStart > 0 && flag - lineStart < REACH && s.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        for (String c : rule.commands()) {
            for (int k = flag - c.length() - 1; k >= lineStart; k--) {
                if (s.charAt(k) == c.charAt(0) && s.startsWith(c, k)
                        && (k == 0 || !Chars.alnum(s.charAt(k - 1)) && s.charAt(k - 1) != '-' && s.charAt(k - 1) != '_')
                        && Chars.space(s.charAt(k + c.length()))) {
                    return true;
                }
            }
        }
        return false;
    }
}
