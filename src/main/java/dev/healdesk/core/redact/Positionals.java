package dev.healdesk.core.redact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A password given as a positional argument of a command that has no flag for it, from the table kept as data
 * ({@link RuleTable}, {@code positionals}): {@code rabbitmqctl add_user bob SECRET}, {@code net user bob SECRET /add}.
 * Triggered by the first letter of the phrase's last word (the subcommand); the word before it in the phrase (the command) must
 * stand right before it, and the argument is counted from there, flags skipped. A phrase of one word, a command of five
 * letters or more, counts where a command starts (a line, a prompt, a pipe: {@code radtest bob SECRET host 0 SHARED}),
 * and its argument must be no word of prose. Position 0: the command reads its password from standard input, and what
 * {@code echo} pipes into it goes ({@code echo '…' | kinit bob@REALM}, as {@link CommandLines#piped} reads it).
 */
final class Positionals extends Detector {

    /**
     * One row: the command phrases and which argument after the phrase is the password (1 the first; 0 what is piped
     * into the command); where the argument is one only in a mode a flag sets, the letters of short flags that must be
     * given before it ({@code with}) and those that must not ({@code without}), as {@code htpasswd -b file user …}
     * takes its password third and {@code htpasswd -nb user …} second. Empty: no flag matters. {@code valued}: the
     * command's options that take the next argument as their value, which is then no positional argument
     * ({@code cargo login --registry acme TOKEN}, {@code openssl passwd -salt xyz PASSWORD}). {@code notProse}: the
     * argument must be no word of prose, as a one-word command's must, where the phrase is also said in a sentence
     * ("run bw unlock to get a session key", "then cargo login with your token").
     */
    record Row(String id, List<String> commands, int position, String with, String without, List<String> valued,
               boolean notProse) {
        Row(String id, List<String> commands, int position) {
            this(id, commands, position, "", "", List.of(), false);
        }
    }

    private record Phrase(String first, String last, int position, String with, String without, String[] valued,
                          boolean notProse) {
    }

    private final Phrase[][] byFirstChar = new Phrase[128][];
    private final boolean[][] seconds = new boolean[128][];
    private long lengths;

    Positionals(List<Row> rows) {
        Map<Character, List<Phrase>> by = new LinkedHashMap<>();
        for (Row r : rows) {
            for (String c : r.commands()) {
                String[] words = c.trim().split(" +");
                if (words.length < 2 && words[0].length() < 5) {
                    throw new IllegalArgumentException(r.id() + ": a phrase needs a command and a subcommand, or a"
                            + " command of five letters or more: " + c);
                }
                String last = words[words.length - 1];
                String first = words.length < 2 ? null : words[words.length - 2];
                by.computeIfAbsent(last.charAt(0), k -> new ArrayList<>()).add(new Phrase(first, last, r.position(), r.with(), r.without(),
                        r.valued().toArray(new String[0]), r.notProse()));
                int word = 1;   // the trigger's word: up to a - or : of the subcommand (store-secret)
                while (word < last.length() && Chars.word(last.charAt(word))) {
                    word++;
                }
                lengths |= 1L << Math.min(63, word);
            }
        }
        by.forEach((c, list) -> {
            byFirstChar[c] = list.toArray(new Phrase[0]);
            boolean[] second = new boolean[128];
            for (Phrase p : list) {
                second[p.last().charAt(1)] = true;
            }
            seconds[c] = second;
        });
    }

    /** The characters that start a phrase's last word, for {@link Redactor}'s trigger table. */
    String firstChars() {
        StringBuilder b = new StringBuilder();
        for (char c = 0; c < 128; c++) {
            if (byFirstChar[c] != null) {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public boolean[] seconds(char c) {
        return c < 128 ? seconds[c] : null;
    }

    @Override
    public long wordLengths(char c) {
        return lengths;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int end = scan.wordEnd(i);
        Phrase[] phrases = byFirstChar[s.charAt(i)];
        if (phrases == null || Chars.joinedBefore(s, i)) {
            return end;
        }
        boolean blankBefore = i > 0 && Chars.blank(s.charAt(i - 1));
        for (Phrase p : phrases) {
            // the word's end, or for a subcommand spelt with - or : (store-secret, user:password) the phrase's own
            int last = i + p.last().length();
            if (last < end || !s.startsWith(p.last(), i) || last < s.length() && !Chars.space(s.charAt(last))
                    || (p.first() == null ? !commandStart(s, i) : !blankBefore || !firstBefore(s, i, p.first()))) {
                continue;
            }
            if (p.position() == 0) {
                CommandLines.piped(scan, i, false);   // echo '…' | kinit bob@REALM: what is piped in is the password
                continue;
            }
            int v = last;
            int n = 0;
            StringBuilder letters = new StringBuilder();   // the letters of the short flags given so far: -nbB
            boolean userNext = false;   // the argument after -u, --user, --username or a valued option: no position
            while (true) {
                while (v < s.length() && Chars.blank(s.charAt(v))) {
                    v++;
                }
                if (v >= s.length() || "\n\r|;&>".indexOf(s.charAt(v)) >= 0) {
                    break;
                }
                int quote = Quotes.open(s, v);
                int start = v + quote;
                int argEnd = Quotes.valueEnd(s, start, quote, "", Integer.MAX_VALUE);
                // a Windows switch (/add) is a flag, a path (/etc/nginx/.htpasswd) an argument
                boolean flag = quote == 0 && (s.charAt(v) == '-'
                        || s.charAt(v) == '/' && Chars.indexOf(s, '/', v + 1, argEnd) < 0);
                if (flag && argEnd > v + 1 && s.charAt(v) == '-' && s.charAt(v + 1) != '-') {
                    letters.append(s, v + 1, argEnd);
                }
                boolean user = userNext;
                userNext = flag && (userFlag(s, v, argEnd) || Chars.isAnyExactly(s, v, argEnd, p.valued()));
                if (!flag && !user && ++n == p.position()) {
                    if (argEnd > start && mode(letters, p) && !Values.placeholder(s, start, argEnd)
                            && !((p.first() == null || p.notProse()) && word(s, start, argEnd))) {
                        scan.add(SecretKind.PASSWORD, start, argEnd);
                    }
                    break;   // the arguments before it are scanned too: a URL's address, a host's
                }
                v = argEnd + quote;
            }
        }
        return end;
    }

    /**
     * Whether the flag {@code s[start, end)} names the user, {@code -u}, {@code --user} or {@code --username}: its value
     * follows it, and is the user (a registry login's {@code crane auth login ghcr.io -u bot -p …}), not an argument
     * counted by position.
     */
    private static boolean userFlag(String s, int start, int end) {
        return Chars.isAnyExactly(s, start, end, USER_FLAGS);
    }

    private static final String[] USER_FLAGS = {"-u", "--user", "--username"};

    /** Whether the short flags given ({@code letters}) put the command in the row's mode: all its with, none its without. */
    private static boolean mode(CharSequence letters, Phrase p) {
        for (int k = 0; k < p.with().length(); k++) {
            if (letters.toString().indexOf(p.with().charAt(k)) < 0) {
                return false;
            }
        }
        for (int k = 0; k < p.without().length(); k++) {
            if (letters.toString().indexOf(p.without().charAt(k)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code s[start, end)} is a word of prose, small letters and perhaps a sentence's sign or a closing quote
     * after them: a command of one word may be the subject of a sentence ("radtest is what we use; …"), so its
     * argument must not be one.
     */
    private static boolean word(String s, int start, int end) {
        int k = start;
        while (k < end && Chars.lower(s.charAt(k))) {
            k++;
        }
        // a sentence's sign after it, or the closing quote of the message it ends (msg="vault login failed")
        return k > start && (k == end || k == end - 1 && (".,;:".indexOf(s.charAt(k)) >= 0
                || (s.charAt(k) == '"' || s.charAt(k) == '\'') && s.charAt(start - 1) != s.charAt(k)));
    }

    /**
     * Whether a command of one word stands where a command does at {@code i}: at the line's start (blanks, a shell
     * prompt's {@code $ } or {@code + } before it), after a pipe's {@code |}, a {@code ;}, a {@code &&}, {@code sudo} or a
     * Dockerfile's capital {@code RUN}, or after a path's slash ({@code /usr/bin/radtest}); not a word of prose that
     * happens to be the command's name.
     */
    static boolean commandStart(String s, int i) {
        int k = i;
        if (k > 0 && s.charAt(k - 1) == '/') {
            while (k > 0 && !Chars.space(s.charAt(k - 1))) {
                k--;
            }
        }
        while (k > 0 && Chars.blank(s.charAt(k - 1))) {
            k--;
        }
        if (k == 0 || s.charAt(k - 1) == '\n') {
            return true;
        }
        char b = s.charAt(k - 1);
        if (b == '|' || b == ';' || b == '&' || b == '`' || b == '(') {
            return true;
        }
        if ((b == '$' || b == '+' || b == '#' || b == '>') && (k == 1 || s.charAt(k - 2) == '\n' || Chars.blank(s.charAt(k - 2)))) {
            return true;
        }
        if (k >= 3 && s.startsWith("RUN", k - 3) && (k == 3 || !Chars.word(s.charAt(k - 4)))) {
            return true;   // a Dockerfile's RUN, as BuildKit and the classic builder echo it: #8 [4/6] RUN htpasswd …
        }
        return k >= 4 && s.startsWith("sudo", k - 4) && (k == 4 || !Chars.word(s.charAt(k - 5)));
    }

    /**
     * Whether the word {@code first} stands right before {@code i}, blanks between (after a path's slash, too): the
     * command, then its subcommand. A look at one word, so that the many "user"s of a log cost little.
     */
    private static boolean firstBefore(String s, int i, String first) {
        int k = i - 1;
        while (k >= 0 && Chars.blank(s.charAt(k))) {
            k--;
        }
        int start = k + 1 - first.length();
        return start >= 0 && s.startsWith(first, start)
                && (start == 0 || !Chars.word(s.charAt(start - 1)) && s.charAt(start - 1) != '-' && s.charAt(start - 1) != '.');
    }
}
