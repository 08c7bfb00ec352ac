package dev.healdesk.core.redact;

/**
 * A key printed as one of a numbered list of shares, "Unseal Key 1: …", "Recovery Key 2: …", as secret-sharing tools
 * print the shares they create ({@code vault operator init}): the word {@code key}, a number of one or two digits, a
 * colon, and a value that looks random ({@link Values#tokenLike}). The word before "key" must not say the key is
 * public or no secret ("Public Key 1: …", "Host Key 2: …" stay), and a word value ("Key 1: enabled") stays. Triggered
 * by {@code key}.
 */
final class NumberedKeys extends Detector {

    private static final String[] NOT_SECRET = {"public", "pub", "host", "ssh", "gpg", "pgp", "primary", "foreign",
        "sort", "partition", "cache", "row", "map", "hash", "index", "shard", "sequence", "routing", "group"};
    private static final boolean[] SECOND = Chars.set("eE");

    @Override
    public boolean[] seconds(char c) {
        return SECOND;
    }

    @Override
    public long wordLengths(char c) {
        return 1L << 3;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int end = scan.wordEnd(i);
        if (end - i != 3 || !Chars.is(s, i, end, "key") || end + 4 >= s.length() || s.charAt(end) != ' '
                || !Chars.digit(s.charAt(end + 1))) {
            return end;
        }
        int d = end + 1;
        while (d < s.length() && d - end <= 3 && Chars.digit(s.charAt(d))) {
            d++;
        }
        if (d - end > 3 || d >= s.length() || s.charAt(d) != ':') {
            return end;
        }
        if (i >= 2 && s.charAt(i - 1) == ' ') {
            int w = i - 1;
            while (w > 0 && Chars.letter(s.charAt(w - 1))) {
                w--;
            }
            if (Chars.isAny(s, w, i - 1, NOT_SECRET)) {
                return end;
            }
        }
        int v = d + 1;
        while (v < s.length() && v - d < 16 && Chars.blank(s.charAt(v))) {
            v++;
        }
        int stop = v;
        while (stop < s.length() && !Chars.space(s.charAt(stop))) {
            stop++;
        }
        if (stop > v && Values.tokenLike(s, v, stop)) {
            scan.add(SecretKind.GENERIC_SECRET, v, stop);
            return v;   // a token of known shape names it better
        }
        return end;
    }
}
