package dev.healdesk.core.redact;

/**
 * A literal an SQL statement's {@code WHERE} compares a column with, as ORM loggers print the statement with its values
 * in place (GORM's {@code [rows:1] SELECT * FROM "api_keys" WHERE key = '3423…' LIMIT 1}, ActiveRecord's, Ecto's,
 * Hibernate's with its inlined values): judged as the column's whole content ({@link Judge#field}), and where the
 * column's name says nothing of its own ({@code key}, {@code value}, {@code hash}, {@code digest}) as the content of
 * the table's, when the table names a secret ({@code api_keys}, {@code access_tokens}, {@code sessions}). So a token
 * looked up by its value goes, and {@code WHERE status = 'failed'}, {@code WHERE id = 42} and a lookup in
 * {@code cache_entries} keep theirs. Triggered by the word {@code WHERE}.
 */
final class WhereValues extends Detector {

    /** How far back on its line the {@code FROM} or {@code UPDATE} naming the table may stand. */
    private static final int REACH = 256;
    private static final int MAX_VALUE = 256;
    private static final int MAX_CONDITIONS = 8;
    private static final boolean[] SECOND = Chars.set("hH");
    private static final String[] BARE_COLUMNS = {"key", "value", "hash", "digest", "secret", "token"};

    @Override
    public boolean[] seconds(char c) {
        return SECOND;
    }

    @Override
    public long wordLengths(char c) {
        return 1L << 5;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int end = scan.wordEnd(i);
        if (end - i != 5 || !s.regionMatches(true, i, "where", 0, 5) || Chars.joinedBefore(s, i)
                || end >= s.length() || s.charAt(end) != ' ') {
            return end;
        }
        KeyNames.Key table = table(scan, i);
        int k = end;
        for (int n = 0; n < MAX_CONDITIONS; n++) {
            while (k < s.length() && s.charAt(k) == ' ') {
                k++;
            }
            int nameStart = k;
            while (k < s.length() && (Chars.word(s.charAt(k)) || s.charAt(k) == '.' || s.charAt(k) == '"'
                    || s.charAt(k) == '`')) {
                k++;
            }
            int nameEnd = k;
            while (nameEnd > nameStart && (s.charAt(nameEnd - 1) == '"' || s.charAt(nameEnd - 1) == '`')) {
                nameEnd--;
            }
            int dot = Chars.lastIndexOf(s, '.', nameStart, nameEnd);
            int column = dot < 0 ? nameStart : dot + 1;
            while (column < nameEnd && (s.charAt(column) == '"' || s.charAt(column) == '`')) {
                column++;
            }
            if (column >= nameEnd || !s.startsWith(" = '", k)) {
                return end;
            }
            int v = k + 4;
            int close = Chars.indexOf(s, '\'', v, Math.min(s.length(), v + MAX_VALUE));
            if (close <= v) {
                return end;
            }
            KeyNames.Key key = KeyNames.classify(scan, column, nameEnd);
            if ((key == KeyNames.Key.NONE || key == KeyNames.Key.KEY) && Chars.isAny(s, column, nameEnd, BARE_COLUMNS)) {
                key = Judge.credential(table) ? table : KeyNames.Key.NONE;   // a bare key is the table's to say
            }
            SecretKind kind = key == KeyNames.Key.NONE ? null : Judge.field(key, s, v, close);
            if (kind != null) {
                scan.add(kind, v, close);
            }
            k = close + 1;
            while (k < s.length() && s.charAt(k) == ' ') {
                k++;
            }
            if (!s.regionMatches(true, k, "and ", 0, 4)) {
                return end;
            }
            k += 4;
        }
        return end;
    }

    /**
     * What the name of the table the statement reads or writes says its rows hold, from the {@code FROM},
     * {@code UPDATE} or {@code JOIN} nearest before {@code where} on its line; {@link KeyNames.Key#NONE} where none.
     */
    private static KeyNames.Key table(Scan scan, int where) {
        String s = scan.text;
        int lineStart = Chars.lastIndexOf(s, '\n', Math.max(0, where - REACH), where) + 1;
        for (int k = where - 1; k > lineStart; k--) {
            int at = -1;
            if (s.regionMatches(true, k, "from ", 0, 5)) {
                at = k + 5;
            } else if (s.regionMatches(true, k, "update ", 0, 7)) {
                at = k + 7;
            }
            if (at < 0 || Chars.joinedBefore(s, k)) {
                continue;
            }
            while (at < where && (s.charAt(at) == '"' || s.charAt(at) == '`' || s.charAt(at) == '[')) {
                at++;
            }
            int e = at;
            while (e < where && (Chars.word(s.charAt(e)) || s.charAt(e) == '.')) {
                e++;
            }
            int dot = Chars.lastIndexOf(s, '.', at, e);
            int from = dot < 0 ? at : dot + 1;
            KeyNames.Key key = e > from ? KeyNames.classify(scan, from, e) : KeyNames.Key.NONE;
            if (key == KeyNames.Key.NONE && e - from > 2 && s.charAt(e - 1) == 's') {
                key = KeyNames.classify(scan, from, e - 1);   // a table is named for its rows: access_tokens, api_keys
            }
            return key;
        }
        return KeyNames.Key.NONE;
    }
}
