package dev.healdesk.core.redact;

/**
 * Rows printed as tuples or lists below a list of their column names, each value judged under its column's name: a
 * database cursor's {@code columns: ['id', 'name', 'national_id']} above {@code rows: [(1, 'Ana', '…')]}, a DataFrame's
 * {@code to_dict('split')}, a fixture's {@code header = ("name", "phone")} above its records, Elixir's and Ruby's
 * {@code ["email", "phone"]} above {@code ["…", "…"]}. Triggered by the {@code [} or {@code (} of the names' list: two
 * quoted names or more, each a word ({@code national_id}, {@code Phone}), one of which names personal data or a
 * secret ({@link KeyNames}, {@link Numbers#phoneWords}); a list with anything else in it is no header, which ends the
 * look at most lists at their first item. After it, every list of as many items is a row while the rows follow one
 * another (one line feed at most before each; another list of names ends them), however many: its {@code k}th item, quoted or bare, is judged as the {@code k}th name's whole content
 * ({@link FieldDiffs#judge}): a person's number by its shape, a phone by a phone's, a token when it looks random, so a
 * {@code country} column's values and a row of another length stay.
 */
final class HeaderTuples extends Detector {

    private static final int MAX_ITEMS = 24;
    private static final int MAX_ITEM = 128;
    private static final boolean[] QUOTE = Chars.set("\"'");

    @Override
    boolean[] seconds(char c) {
        return QUOTE;
    }

    @Override
    int at(Scan scan, int i) {
        String s = scan.text;
        char close = s.charAt(i) == '[' ? ']' : ')';
        if (!firstName(s, i + 1)) {
            return i + 1;   // most lists: no quoted word and a comma first, and nothing allocated for them
        }
        int[] names = new int[2 * MAX_ITEMS];
        int count = 0;
        boolean named = false;
        int k = i + 1;
        while (true) {
            if (k >= s.length() || count == MAX_ITEMS) {
                return i + 1;
            }
            char q = s.charAt(k);
            if (q != '"' && q != '\'') {
                return i + 1;
            }
            int ns = k + 1;
            int ne = ns;
            while (ne < s.length() && ne - ns <= KeyNames.MAX_LENGTH && (Chars.word(s.charAt(ne)) || s.charAt(ne) == '-')) {
                ne++;
            }
            if (ne == ns || ne >= s.length() || s.charAt(ne) != q) {
                return i + 1;
            }
            names[2 * count] = ns;
            names[2 * count + 1] = ne;
            count++;
            if (!named) {
                KeyNames.Key key = KeyNames.classify(scan, ns, ne);
                named = key != KeyNames.Key.NONE && key != KeyNames.Key.COOKIE || Numbers.phoneWords(s, ns, ne);
            }
            k = ne + 1;
            while (k < s.length() && Chars.blank(s.charAt(k))) {
                k++;
            }
            if (k < s.length() && s.charAt(k) == close) {
                break;
            }
            if (k >= s.length() || s.charAt(k) != ',') {
                return i + 1;
            }
            k++;
            while (k < s.length() && Chars.blank(s.charAt(k))) {
                k++;
            }
        }
        if (count == 2 && valueLike(s, names[2], names[3])) {
            // ("_token", "MSXy4…"): a name and its value, a pair of its own (Yesod's and WAI's request params, an
            // Elixir keyword's tuple), no header; the value judged under its name
            SecretKind kind = Judge.value(KeyNames.classify(scan, names[0], names[1]), s, names[2], names[3]);
            if (kind != null) {
                scan.add(kind, names[2], names[3]);
            }
            return i + 1;   // and the other rules read both items: ('AKIA…', '…'), an access key's id and its secret
        }
        if (count < 2 || !named) {
            return i + 1;
        }
        // the rows follow one another: at most one line feed between the names and a row, or two rows
        int breaks = 0;
        int[] values = new int[2 * MAX_ITEMS];
        for (int p = k + 1; p < s.length(); p++) {
            char c = s.charAt(p);
            if (c == '\n' && ++breaks > 1) {
                break;
            }
            if (c == '(' || c == '[') {
                int end = row(s, p, values, count);
                if (end < 0) {
                    continue;
                }
                if (sqlValues(s, p)) {
                    break;   // an INSERT's columns and VALUES: SqlValues' and FailingRows', which know its columns
                }
                if (names(s, values, count)) {
                    break;   // another list of names: its own header
                }
                for (int n = 0; n < count; n++) {
                    FieldDiffs.judge(scan, new int[] {names[2 * n], names[2 * n + 1]}, values[2 * n], values[2 * n + 1]);
                }
                p = end;
                breaks = 0;
            }
        }
        return i + 1;   // the names may be a pair of their own ([("password", "…")]), which other rules read
    }

    /**
     * Whether the item {@code s[start, end)} reads as a value rather than a column's name: eight characters or more
     * that mix digits, capitals and small letters ({@code Pw12345xx}, {@code MSXy4H2…}), as names ({@code national_id},
     * {@code Phone}, {@code address_line1}) do not.
     */
    private static boolean valueLike(String s, int start, int end) {
        boolean digit = false;
        boolean upper = false;
        boolean lower = false;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            digit |= Chars.digit(c);
            upper |= Chars.upper(c);
            lower |= Chars.lower(c);
        }
        return end - start >= 8 && digit && upper && lower;
    }

    /** Whether a quoted word and a comma start at {@code q}: a list of names' first item. */
    private static boolean firstName(String s, int q) {
        char quote = s.charAt(q);
        int e = q + 1;
        while (e < s.length() && e - q <= KeyNames.MAX_LENGTH && (Chars.word(s.charAt(e)) || s.charAt(e) == '-')) {
            e++;
        }
        if (e == q + 1 || e >= s.length() || s.charAt(e) != quote) {
            return false;
        }
        e++;
        while (e < s.length() && Chars.blank(s.charAt(e))) {
            e++;
        }
        return e < s.length() && s.charAt(e) == ',';
    }

    /** Whether the word before the list at {@code open} is SQL's {@code VALUES}. */
    private static boolean sqlValues(String s, int open) {
        int e = open;
        while (e > 0 && Chars.blank(s.charAt(e - 1))) {
            e--;
        }
        return e >= 6 && s.regionMatches(true, e - 6, "values", 0, 6);
    }

    /**
     * Whether the row's items are all names in lower case ({@code ['is_staff', 'groups', 'perms']} below
     * {@code ['username', 'password', 'email']}: another list of fields, no record).
     */
    private static boolean names(String s, int[] values, int count) {
        for (int n = 0; n < count; n++) {
            int start = values[2 * n];
            int end = values[2 * n + 1];
            if (start == end || start == 0 || s.charAt(start - 1) != '"' && s.charAt(start - 1) != '\'') {
                return false;
            }
            for (int k = start; k < end; k++) {
                char c = s.charAt(k);
                if (!(c >= 'a' && c <= 'z' || c == '_' || Chars.digit(c) && k > start)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Reads the list that opens at {@code open} into {@code values} (start, end of each item, quotes excluded); returns
     * where it closes when it holds exactly {@code count} items, else -1.
     */
    private static int row(String s, int open, int[] values, int count) {
        char close = s.charAt(open) == '[' ? ']' : ')';
        int k = open + 1;
        int n = 0;
        while (k < s.length()) {
            while (k < s.length() && Chars.blank(s.charAt(k))) {
                k++;
            }
            if (k >= s.length() || n == count) {
                return -1;
            }
            char q = s.charAt(k);
            int start;
            int end;
            if (q == '"' || q == '\'') {
                start = k + 1;
                end = Quotes.close(s, start, 1);
                if (end >= s.length() || s.charAt(end) != q || end - start > MAX_ITEM) {
                    return -1;
                }
                k = end + 1;
            } else {
                start = k;
                end = k;
                while (end < s.length() && end - start <= MAX_ITEM && s.charAt(end) != ',' && s.charAt(end) != close
                        && s.charAt(end) != '\n' && s.charAt(end) != '(' && s.charAt(end) != '['
                        && s.charAt(end) != '"' && s.charAt(end) != '\'') {
                    end++;
                }
                if (end >= s.length() || s.charAt(end) != ',' && s.charAt(end) != close) {
                    return -1;
                }
                k = end;
                while (end > start && Chars.blank(s.charAt(end - 1))) {
                    end--;
                }
            }
            values[2 * n] = start;
            values[2 * n + 1] = end;
            n++;
            while (k < s.length() && Chars.blank(s.charAt(k))) {
                k++;
            }
            if (k < s.length() && s.charAt(k) == close) {
                return n == count ? k : -1;
            }
            if (k >= s.length() || s.charAt(k) != ',') {
                return -1;
            }
            k++;
        }
        return -1;
    }
}
