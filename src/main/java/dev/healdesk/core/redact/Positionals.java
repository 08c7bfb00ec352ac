package dev.healdesk.core.redact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A password given as a positional argument of a command that has no flag for it, from the table kept as data
 * ({@link RuleTable}, {@code positionals}): {@code rabbitmqctl add_user bob SECRET}, {@code net user bob SECRET /add}.
 * Triggered by the first letter of the phrase's last word (the subcommand); the word before it in the phrase (the command) must
 * stand right before it, and the argument is counted from there, flags skipped.
 */
final class Positionals extends Detector {

    /** One row: the command phrases and which argument after the phrase is the password (1 the first). */
    record Row(String id, List<String> commands, int position) {
    }

    private record Phrase(String first, String last, int position) {
    }

    private final Phrase[][] byFirstChar = new Phrase[128][];
    private final boolean[][] seconds = new boolean[128][];
    private long lengths;

    Positionals(List<Row> rows) {
        Map<Character, List<Phrase>> by = new LinkedHashMap<>();
        for (Row r : rows) {
            for (String c : r.commands()) {
                String[] words = c.trim().split(" +");
                if (words.length < 2) {
                    throw new IllegalArgumentException(r.id() + ": a phrase needs a command and a subcommand: " + c);
                }
                String last = words[words.length - 1];
                by.computeIfAbsent(last.charAt(0), k -> new ArrayList<>()).add(new Phrase(words[words.length - 2], last, r.position()));
                lengths |= 1L << Math.min(63, last.length());
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
        if (phrases == null || Chars.joinedBefore(s, i) || i == 0 || !Chars.blank(s.charAt(i - 1))) {
            return end;
        }
        for (Phrase p : phrases) {
            if (end - i != p.last().length() || !s.startsWith(p.last(), i) || !firstBefore(s, i, p.first())) {
                continue;
            }
            int v = end;
            int n = 0;
            while (true) {
                while (v < s.length() && Chars.blank(s.charAt(v))) {
                    v++;
                }
                if (v >= s.length() || "\n\r|;&>".indexOf(s.charAt(v)) >= 0) {
                    return end;
                }
                int quote = Quotes.open(s, v);
                int start = v + quote;
                int argEnd = quote > 0 ? Quotes.close(s, start, quote) : start;
                if (quote == 0) {
                    while (argEnd < s.length() && !Chars.space(s.charAt(argEnd))) {
                        argEnd++;
                    }
                }
                boolean flag = quote == 0 && (s.charAt(v) == '-' || s.charAt(v) == '/');
                if (!flag && ++n == p.position()) {
                    if (argEnd > start && !Values.placeholder(s, start, argEnd)) {
                        scan.add(SecretKind.PASSWORD, start, argEnd);
                    }
                    return end;   // the arguments before it are scanned too: a URL's address, a host's
                }
                v = argEnd + quote;
            }
        }
        return end;
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
