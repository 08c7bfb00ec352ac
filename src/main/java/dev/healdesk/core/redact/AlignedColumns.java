package dev.healdesk.core.redact;

/**
 * A value in a table whose columns blanks align, under a header word that names personal data or a secret: a
 * DataFrame as pandas prints it ({@code    id  name  national_id        phone}, its values right-aligned under the
 * names), fixed-width reports, {@code docker}-, {@code kubectl}- and CLI-style listings, psql's unaligned output with
 * its separators blanked, R's and Polars' prints. The tables with separators ({@code |}, box drawing, commas, tabs)
 * are {@link Tables}' and the other readers'; this one reads the layout where blanks alone part the cells.
 * <p>
 * Triggered by a line feed (and called for the text's first line): the line after it is a header when it holds only
 * words, blanks and a few signs, in three cells or more that gaps of two blanks or more part (a line of two is a row
 * of a table of names and values: Vault's {@code token_accessor   …}, Symfony's {@code debug:dotenv}). Its words (or
 * two words one blank apart, "national id") are judged by {@link KeyNames} and, for phones, {@link Numbers#phoneWords};
 * where none names personal data or a secret, nothing more is read, which is most lines. Below it, each row's cell that covers a named word's columns (a value right- or
 * left-aligned under it) is judged as that field's whole content ({@link FieldDiffs#judge}): a person's number by its
 * shape, a phone by a phone's, a token when it looks random, a password whatever it is; so {@code NAME  PHONE_MODEL}
 * and a {@code country} column keep their values. Rows end at a blank line or one that is no row (no gap of two
 * blanks), however many there are; a header that stands among the rows of one above it (a line of words alone, which
 * both are) reads at most {@link #MAX_ROWS} of its own, so that a long run of such lines is not read once per line.
 */
final class AlignedColumns extends Detector {

    private static final int MAX_HEADER = 400;
    private static final int MAX_WORDS = 32;
    private static final int MAX_ROWS = 50;
    private static final int MAX_INDENT = 16;
    /** The first character of a header line after its indentation: a letter or a blank. */
    private static final boolean[] FIRST = Chars.set(Chars.LETTERS + " ");

    @Override
    boolean[] seconds(char c) {
        return FIRST;
    }

    @Override
    int at(Scan scan, int i) {
        header(scan, i + 1);
        return i + 1;
    }

    /** Reads the text's first line as a header, which no line feed triggers. */
    void first(Scan scan) {
        if (scan.length > 0 && FIRST[scan.text.charAt(0) & 0x7F] && scan.text.charAt(0) < 128) {
            header(scan, 0);
        }
    }

    /** Reads the line at {@code ls} as a header, and the rows below it. */
    private static void header(Scan scan, int ls) {
        String s = scan.text;
        int p = ls;
        while (p < s.length() && p - ls < MAX_INDENT && s.charAt(p) == ' ') {
            p++;
        }
        if (p >= s.length() || !Chars.letter(s.charAt(p))) {
            return;
        }
        // the header's words: start, end, start, end... (the line's shape read first, with nothing allocated: most
        // lines that start with a letter are no header)
        int count = headerWords(s, ls, p, null);
        if (count < 0) {
            return;
        }
        int[] words = new int[2 * count];
        headerWords(s, ls, p, words);
        int le = s.indexOf('\n', p);
        // the named columns: start, end of the name (relative to the line), or nothing
        int[] named = null;
        int names = 0;
        for (int w = 0; w < count; w++) {
            int ws = words[2 * w];
            int we = words[2 * w + 1];
            int from = ws;
            if (!names(scan, ws, we) && w > 0 && words[2 * w - 1] == ws - 1 && names(scan, words[2 * w - 2], we)) {
                from = words[2 * w - 2];   // "national id", "tax number"
            } else if (!names(scan, ws, we)) {
                continue;
            }
            if (named == null) {
                named = new int[2 * MAX_WORDS];
            }
            named[2 * names] = from;
            named[2 * names + 1] = we;
            names++;
        }
        // a listing of names and values ("Key ... Value", "NAME ... VALUE"): each row's name says what its value is
        int nameWord = -1;
        int valueWord = -1;
        for (int w = 0; w < count; w++) {
            if (nameWord < 0 && Chars.isAny(s, words[2 * w], words[2 * w + 1], NAME_HEADERS)) {
                nameWord = w;
            } else if (nameWord >= 0 && Chars.is(s, words[2 * w], words[2 * w + 1], "value")) {
                valueWord = w;
            }
        }
        int[] pair = valueWord < 0 ? null : new int[] {words[2 * nameWord], words[2 * nameWord + 1],
            words[2 * valueWord], words[2 * valueWord + 1]};
        if (names == 0 && pair == null) {
            return;
        }
        int rs = le + 1;
        boolean outermost = ls >= scan.alignedRowsEnd;
        int most = outermost ? Integer.MAX_VALUE : MAX_ROWS;
        for (int r = 0; r < most && rs < s.length(); r++) {
            int re = rs;
            boolean rowGap = false;
            while (re < s.length() && s.charAt(re) != '\n') {
                if (s.charAt(re) == ' ' && re + 1 < s.length() && s.charAt(re + 1) == ' ') {
                    rowGap = true;
                }
                re++;
            }
            if (r == 0 && rule(s, rs, re)) {
                rs = re + 1;   // a rule of dashes or equals signs below the header
                continue;
            }
            if (re == rs || !rowGap) {
                break;
            }
            for (int n = 0; n < names; n++) {
                cell(scan, named, n, ls, rs, re);
            }
            if (pair != null) {
                pairCells(scan, pair, ls, rs, re);
            }
            rs = re + 1;
        }
        if (outermost) {
            scan.alignedRowsEnd = rs;
        }
    }

    /**
     * The words of the header line whose text starts at {@code p} (its line at {@code ls}), their bounds written into
     * {@code into} where it is not null; -1 where the line is no header: a sign other than {@code - . #} in it, longer
     * than {@link #MAX_HEADER} at a word's start or a blank, more than {@link #MAX_WORDS} words, more than twice as many
     * words as cells (prose, justified or with two blanks between its sentences), fewer than three cells
     * (a line of two, "token_accessor   …", "OAUTH_SECRET   …", is a row of a table of names and values, whose readers
     * are others'), fewer than two words, or the text's last line.
     */
    private static int headerWords(String s, int ls, int p, int[] into) {
        int count = 0;
        int gaps = 0;   // runs of two blanks or more between words: cells less one
        int le = p;
        while (le < s.length() && s.charAt(le) != '\n') {
            char c = s.charAt(le);
            if (le - ls > MAX_HEADER || !(Chars.word(c) || c == ' ' || c == '-' || c == '.' || c == '#')) {
                return -1;
            }
            if (c == ' ') {
                if (le + 1 < s.length() && s.charAt(le + 1) == ' ' && (le + 2 >= s.length() || s.charAt(le + 2) != ' '
                        && s.charAt(le + 2) != '\n')) {
                    gaps++;
                }
                le++;
                continue;
            }
            int ws = le;
            while (le < s.length() && (Chars.word(s.charAt(le)) || s.charAt(le) == '-' || s.charAt(le) == '.'
                    || s.charAt(le) == '#')) {
                le++;
            }
            if (count == MAX_WORDS) {
                return -1;
            }
            if (into != null) {
                into[2 * count] = ws;
                into[2 * count + 1] = le;
            }
            count++;
        }
        // a cell of a header holds a word or two; more words than twice the cells are prose, justified as man pages
        // set it or spaced two blanks between sentences ("into pngtypes.h.  Eliminated use of global png_pass arrays.")
        return gaps < 2 || le >= s.length() || count < 2 || count > 2 * (gaps + 1) ? -1 : count;
    }

    /** Whether the header word {@code s[start, end)} names personal data or a secret. */
    private static boolean names(Scan scan, int start, int end) {
        KeyNames.Key key = KeyNames.classify(scan, start, end);
        return key != KeyNames.Key.NONE && key != KeyNames.Key.COOKIE || Numbers.phoneWords(scan.text, start, end);
    }

    /** Whether {@code s[start, end)} is a rule: dashes or equals signs, and blanks. */
    private static boolean rule(String s, int start, int end) {
        boolean sign = false;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (c == '-' || c == '=') {
                sign = true;
            } else if (c != ' ' && c != '+') {
                return false;
            }
        }
        return sign;
    }

    /** Header words of a names column that a "value" column after it pairs with: chamber's, SSM's, Helm's listings. */
    private static final String[] NAME_HEADERS = {"key", "name", "parameter", "variable", "setting", "property"};

    /**
     * In a listing of names and values (chamber's {@code Key  Version  LastModified  User  Value}, {@code aws ssm}'s,
     * {@code heroku config}'s, {@code helm get values}'), the row's cell under the name column ({@code pair[0..2)}) and,
     * where it names personal data or a secret ({@code api_key}, {@code db_password}), the cell under the value column
     * ({@code pair[2..4)}) judged as that field's whole content; rows whose name says nothing keep their values.
     */
    private static void pairCells(Scan scan, int[] pair, int ls, int rs, int re) {
        long name = bounds(scan.text, pair[0], pair[1], ls, rs, re);
        if (name < 0) {
            return;
        }
        int ns = (int) (name >>> 32);
        int ne = (int) name;
        if (!names(scan, ns, ne)) {
            return;
        }
        long value = bounds(scan.text, pair[2], pair[3], ls, rs, re);
        if (value >= 0 && (int) (value >>> 32) > ne) {
            int vs = (int) (value >>> 32);
            int ve = (int) value;
            boolean quoted = Quotes.around(scan.text, vs, ve);   // a quoted cell keeps its quotes (redact63)
            FieldDiffs.judge(scan, new int[] {ns, ne}, quoted ? vs + 1 : vs, quoted ? ve - 1 : ve);
        }
    }

    /**
     * The bounds (start in the high half, end in the low) of the cell of the row {@code s[rs, re)} that covers the
     * columns of the header word {@code s[ws, we)} on the line at {@code ls}, or -1 where the row has none there.
     */
    private static long bounds(String s, int ws, int we, int ls, int rs, int re) {
        int from = rs + ws - ls;
        int to = Math.min(re, rs + we - ls);
        int k = from;
        while (k < to && s.charAt(k) == ' ') {
            k++;
        }
        if (k >= to) {
            return -1;
        }
        int start = k;
        while (start > rs && (s.charAt(start - 1) != ' '
                || start - 2 >= rs && s.charAt(start - 2) != ' ' && digitGroup(s, start - 1))) {
            start--;
        }
        int end = k;
        while (end < re && (s.charAt(end) != ' ' || end + 1 < re && s.charAt(end + 1) != ' ' && digitGroup(s, end))) {
            end++;
        }
        return (long) start << 32 | end;
    }

    /**
     * Judges the cell of the row {@code s[rs, re)} that covers the columns of the {@code n}th named word (its place on
     * the header line that starts at {@code ls}): the run of characters that overlaps them, its groups one blank apart
     * read on where both sides are digits ({@code 041 234 567}).
     */
    private static void cell(Scan scan, int[] named, int n, int ls, int rs, int re) {
        long b = bounds(scan.text, named[2 * n], named[2 * n + 1], ls, rs, re);
        if (b >= 0) {
            FieldDiffs.judge(scan, new int[] {named[2 * n], named[2 * n + 1]}, (int) (b >>> 32), (int) b);
        }
    }

    /** Whether the blank at {@code b} has a digit on both sides. */
    private static boolean digitGroup(String s, int b) {
        return b > 0 && b + 1 < s.length() && Chars.digit(s.charAt(b - 1)) && Chars.digit(s.charAt(b + 1));
    }
}
