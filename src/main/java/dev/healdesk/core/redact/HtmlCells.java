package dev.healdesk.core.redact;

/**
 * A cell of an HTML table under a header cell that names personal data or a secret: {@code <th>national_id</th>} …
 * {@code <td>…</td>} at the same place in a row below, as HTML test reports, DbUnit and Great Expectations' data docs,
 * pandas' {@code to_html} and admin pages a browser test saves print them. Triggered by the {@code >} that closes a
 * {@code <td>}; its place in its row is counted back to the row's {@code <tr}, and the header is the nearest row of
 * {@code <th>} cells before it. The cell's text is judged as that field's whole content ({@link FieldDiffs#judge}): a
 * person's number by its shape, a phone by a phone's, a token when it looks random; so {@code <th>country</th>}'s
 * cells and a {@code <th>phone</th>} cell that says "n/a" stay.
 */
final class HtmlCells extends Detector {

    /** How far back a cell's row and its table's header are looked for. */
    private static final int REACH = 4096;
    private static final int MAX_CELL = 256;
    /** The character before a {@code <td>}'s {@code >}: its name's last letter, or an attribute's closing quote. */
    private static final boolean[] BEFORE = Chars.set("dD\"'");

    @Override
    boolean[] befores(char c) {
        return BEFORE;
    }

    @Override
    int at(Scan scan, int i) {
        String s = scan.text;
        int open = i - 3;
        if (s.charAt(i - 1) != 'd' && s.charAt(i - 1) != 'D') {
            open = i - 2;
            while (open > 0 && i - open < 200 && s.charAt(open) != '<' && s.charAt(open) != '>') {
                open--;
            }
            if (open < 0 || s.charAt(open) != '<' || open + 3 >= i || !Chars.blank(s.charAt(open + 3))) {
                return i + 1;
            }
        }
        if (open < 0 || !s.regionMatches(true, open, "<td", 0, 3)) {
            return i + 1;
        }
        int end = i + 1;
        while (end < s.length() && end - i <= MAX_CELL && s.charAt(end) != '<' && s.charAt(end) != '\n') {
            end++;
        }
        if (end >= s.length() || s.charAt(end) != '<' || end == i + 1) {
            return i + 1;
        }
        int row = back(s, "<tr", open, Math.max(0, open - REACH));
        if (row < 0) {
            return i + 1;
        }
        // its place among the row's cells, a row's own header cell ({@code <th>0</th>}, pandas' index) counted
        int place = count(s, "<td", row, open) + count(s, "<th", row, open);
        // the header row: the nearest row before it with header cells and no data cells
        int after = row;
        int limit = Math.max(0, row - REACH);
        for (int r = back(s, "<tr", after, limit); r >= 0; after = r, r = back(s, "<tr", after, limit)) {
            if (count(s, "<td", r, after) > 0) {
                continue;
            }
            int seen = -1;
            for (int th = forward(s, "<th", r, after); th >= 0; th = forward(s, "<th", th + 3, after)) {
                char c = s.charAt(th + 3);
                if (c != '>' && !Chars.blank(c) || ++seen < place) {
                    continue;
                }
                int ns = s.indexOf('>', th + 3);
                if (ns < 0 || ns >= after) {
                    return i + 1;
                }
                ns++;
                int ne = ns;
                while (ne < after && ne - ns <= KeyNames.MAX_LENGTH && s.charAt(ne) != '<') {
                    ne++;
                }
                if (ne < after && s.charAt(ne) == '<' && ne > ns) {
                    FieldDiffs.judge(scan, new int[] {ns, ne}, i + 1, end);
                }
                return i + 1;
            }
            return i + 1;
        }
        return i + 1;
    }

    /** Where {@code tag} (case ignored) last starts in {@code s[limit, before)}, or -1. */
    private static int back(String s, String tag, int before, int limit) {
        for (int k = before - tag.length(); k >= limit; k--) {
            if (s.charAt(k) == '<' && s.regionMatches(true, k, tag, 0, tag.length())) {
                return k;
            }
        }
        return -1;
    }

    /** Where {@code tag} (case ignored) first starts in {@code s[from, to)}, or -1. */
    private static int forward(String s, String tag, int from, int to) {
        for (int k = from; k + tag.length() <= to; k++) {
            if (s.charAt(k) == '<' && s.regionMatches(true, k, tag, 0, tag.length())) {
                return k;
            }
        }
        return -1;
    }

    /** How many cells ({@code <td>} or {@code <td …>}) open in {@code s[from, to)}. */
    private static int count(String s, String tag, int from, int to) {
        int n = 0;
        for (int k = forward(s, tag, from, to); k >= 0; k = forward(s, tag, k + tag.length(), to)) {
            char c = k + tag.length() < s.length() ? s.charAt(k + tag.length()) : ' ';
            if (c == '>' || Chars.blank(c)) {
                n++;
            }
        }
        return n;
    }
}
