package dev.healdesk.core.redact;

/**
 * Rows of delimited records below the line that names their columns, the values paired with the names by position:
 * a CSV or TSV file with its header, as an import's error report or a test's fixture dump prints it
 * ({@code row,name,email,phone,national_id} then {@code 7,Erin,…,QQ 66 29 36 C}), and PostgreSQL's
 * {@code COPY table (col, …) FROM stdin;} with its tab-separated rows, as {@code pg_dump} files and a failed seed's
 * log print them. A header is a line of at least three names (letters, digits, {@code _ . -} and blanks inside, perhaps
 * quoted) parted by one separator ({@code , ; TAB}); the rows are the lines below with as many fields, parted by the
 * same one (quotes respected). Each value is judged by its column's name as a {@code key=value}'s
 * ({@link Judge#value}; a phone column's as {@link Numbers#phoneWords} says), so {@code status} and {@code city}
 * columns keep theirs, {@code national_id}'s go when they are a number's shape. Triggered by the line feed before the
 * header (and called for the text's first line); most lines end their first word with a blank or a colon, which is
 * where this stops.
 */
final class Records extends Detector {

    /** The most columns read. */
    static final int MAX_COLUMNS = 32;
    /** The most rows read below a header. */
    private static final int MAX_ROWS = 200;
    /** The longest column name. */
    private static final int MAX_NAME = 48;

    private static final boolean[] FIRST = Chars.set(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_\"");

    private static final boolean[][] EITHER = {Chars.set(";\r"), FIRST};

    /** A header starts with a name (perhaps quoted); a line feed that closes a COPY line comes after its {@code ;}. */
    @Override
    public boolean[][] eitherSide(char c) {
        return EITHER;
    }

    @Override
    public int at(Scan scan, int nl) {
        String s = scan.text;
        if (nl > 0 && s.charAt(nl - 1) == ';' || nl > 1 && s.charAt(nl - 1) == '\r' && s.charAt(nl - 2) == ';') {
            copy(scan, nl);
        }
        if (nl + 1 < s.length() && s.charAt(nl + 1) < 128 && FIRST[s.charAt(nl + 1)]) {
            line(scan, nl + 1);
        }
        return nl + 1;
    }

    /** The text's first line, which no line feed triggers. */
    void first(Scan scan) {
        if (scan.length > 0 && scan.text.charAt(0) < 128 && FIRST[scan.text.charAt(0)]) {
            line(scan, 0);
        }
    }

    /** Reads the line at {@code start} as a header, and the rows below it. */
    void line(Scan scan, int start) {
        String s = scan.text;
        int n = s.length();
        int k = start;
        // the first name decides the separator, and most lines stop here: at a blank after a word, a colon, a bracket
        int q = s.charAt(k) == '"' ? 1 : 0;
        k += q;
        int from = k;
        while (k < n && k - from <= MAX_NAME && (Chars.alnum(s.charAt(k)) || s.charAt(k) == '_'
                || q == 1 && (s.charAt(k) == ' ' || s.charAt(k) == '.' || s.charAt(k) == '-'))) {
            k++;
        }
        if (k == from || k >= n || q == 1 && s.charAt(k++) != '"' || k >= n) {
            return;
        }
        char sep = s.charAt(k);
        if (sep != ',' && sep != ';' && sep != '\t') {
            return;
        }
        int[] cells = scan.cells();
        int count = fields(s, start, sep, cells);
        if (count < 3) {
            return;
        }
        int end = cells[2 * count - 1];
        KeyNames.Key[] keys = new KeyNames.Key[count];
        boolean[] phones = new boolean[count];
        boolean any = false;
        for (int c = 0; c < count; c++) {
            int a = cells[2 * c];
            int b = cells[2 * c + 1];
            if (!name(s, a, b)) {
                return;
            }
            keys[c] = KeyNames.classify(scan, a, b);
            phones[c] = keys[c] == KeyNames.Key.NONE && Numbers.phoneWords(s, a, b);
            any |= keys[c] != KeyNames.Key.NONE || phones[c];
        }
        if (any) {
            rows(scan, lineEndAfter(s, end), sep, keys, phones);
        }
    }

    /** {@code COPY table (col, …) FROM stdin;} ending at the line feed {@code nl}: its rows below, parted by tabs. */
    private void copy(Scan scan, int nl) {
        String s = scan.text;
        int e = nl - 1;
        if (s.charAt(e) == '\r') {
            e--;
        }
        if (e < 16 || !s.regionMatches(true, e - 5, "stdin", 0, 5)) {
            return;
        }
        int close = Chars.lastIndexOf(s, ')', Math.max(0, e - 24), e);
        if (close < 0 || !s.regionMatches(true, Chars.skipBlanks(s, close + 1), "from", 0, 4)) {
            return;
        }
        int open = Chars.lastIndexOf(s, '(', Math.max(0, close - SqlValues.REACH), close);
        if (open < 5) {
            return;
        }
        int lineStart = Chars.lastIndexOf(s, '\n', 0, open) + 1;
        int copy = lineStart;
        boolean found = false;
        for (; copy + 5 <= open; copy++) {
            if (s.regionMatches(true, copy, "copy ", 0, 5) && (copy == 0 || !Chars.alnum(s.charAt(copy - 1)))) {
                found = true;
                break;
            }
        }
        if (!found) {
            return;
        }
        KeyNames.Key[] keys = new KeyNames.Key[MAX_COLUMNS];
        boolean[] phones = new boolean[MAX_COLUMNS];
        int count = 0;
        boolean any = false;
        int k = open + 1;
        while (k < close && count < MAX_COLUMNS) {
            k = Chars.skipBlanks(s, k);
            int a = k + (s.charAt(k) == '"' ? 1 : 0);
            int b = a;
            while (b < close && s.charAt(b) != ',' && s.charAt(b) != '"' && !Chars.space(s.charAt(b))) {
                b++;
            }
            keys[count] = KeyNames.classify(scan, a, b);
            phones[count] = keys[count] == KeyNames.Key.NONE && Numbers.phoneWords(s, a, b);
            any |= keys[count] != KeyNames.Key.NONE || phones[count];
            count++;
            k = Chars.indexOf(s, ',', b, close);
            if (k < 0) {
                break;
            }
            k++;
        }
        if (any) {
            rows(scan, nl + 1, '\t', java.util.Arrays.copyOf(keys, count), java.util.Arrays.copyOf(phones, count));
        }
    }

    /** The rows from {@code row} on while they have the header's fields: each named value judged. */
    private static void rows(Scan scan, int row, char sep, KeyNames.Key[] keys, boolean[] phones) {
        String s = scan.text;
        int[] cells = scan.cells();
        for (int r = 0; r < MAX_ROWS && row < s.length(); r++) {
            int count = fields(s, row, sep, cells);
            if (count != keys.length) {
                return;
            }
            for (int c = 0; c < count; c++) {
                int a = cells[2 * c];
                int b = cells[2 * c + 1];
                if (b - a >= 2 && s.charAt(a) == '"' && s.charAt(b - 1) == '"') {
                    a++;
                    b--;
                }
                if (b <= a) {
                    continue;
                }
                if (phones[c]) {
                    if (phone(s, a, b)) {
                        scan.add(SecretKind.PHONE, a, b);
                    }
                } else if (keys[c] != KeyNames.Key.NONE) {
                    SecretKind kind = Judge.value(keys[c], s, a, b);
                    if (kind != null) {
                        scan.add(kind, a, b);
                    }
                }
            }
            row = lineEndAfter(s, cells[2 * count - 1]);
        }
    }

    /** A phone number's characters, 7 to 15 digits among them, its last seven digits not all zeros. */
    static boolean phone(String s, int a, int b) {
        int digits = 0;
        for (int k = a; k < b; k++) {
            char c = s.charAt(k);
            if (Chars.digit(c)) {
                digits++;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '+') {
                return false;
            }
        }
        return digits >= 7 && digits <= 15 && !Numbers.zeroed(s, a, b);
    }

    /** Whether {@code [a, b)} is a column's name: a letter or {@code _} first, then letters, digits, {@code _ . -} and blanks. */
    private static boolean name(String s, int a, int b) {
        if (b <= a || b - a > MAX_NAME || !(Chars.letter(s.charAt(a)) || s.charAt(a) == '_')) {
            return false;
        }
        for (int k = a; k < b; k++) {
            char c = s.charAt(k);
            if (!Chars.alnum(c) && c != '_' && c != '.' && c != '-' && c != ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * Splits the line at {@code start} at {@code sep} (not inside double quotes) into fields, their bounds into
     * {@code cells} (blanks around a comma- or semicolon-parted field left out, a quoted field with its quotes); returns
     * how many, 0 where there are more than {@link #MAX_COLUMNS} or the line runs past 4096 characters.
     */
    private static int fields(String s, int start, char sep, int[] cells) {
        int n = s.length();
        int count = 0;
        int k = start;
        while (true) {
            if (count == MAX_COLUMNS || k - start > 4096) {
                return 0;
            }
            int a = sep == '\t' ? k : Chars.skipBlanks(s, k);
            int b = a;
            boolean quoted = false;
            while (b < n && s.charAt(b) != '\n' && (quoted || s.charAt(b) != sep)) {
                if (s.charAt(b) == '"') {
                    quoted = !quoted;
                }
                b++;
            }
            int next = b;
            if (b > a && s.charAt(b - 1) == '\r') {
                b--;
            }
            while (sep != '\t' && b > a && Chars.blank(s.charAt(b - 1))) {
                b--;
            }
            cells[2 * count] = a;
            cells[2 * count + 1] = b;
            count++;
            if (next >= n || s.charAt(next) != sep) {
                return count;
            }
            k = next + 1;
        }
    }

    /** Where the line after the one that holds {@code k} starts (the text's length where there is none). */
    private static int lineEndAfter(String s, int k) {
        int nl = s.indexOf('\n', k);
        return nl < 0 ? s.length() : nl + 1;
    }
}
