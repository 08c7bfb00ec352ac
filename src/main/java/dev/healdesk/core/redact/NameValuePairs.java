package dev.healdesk.core.redact;

/**
 * A {@code value} whose meaning is in its sibling {@code name}, as cookies and local storage are written in
 * Playwright storage-state files, in the objects a test prints ({@code { name: 'connect.sid', value: '…' }}) and in
 * Python dicts ({@code {'name': 'sessionid', 'value': '…'}}): the name is looked for in the same object, before
 * the value or after it, and judged as a key name would be ({@link KeyNames}).
 */
final class NameValuePairs {

    /** How far from {@code value} the sibling {@code name} may stand. */
    static final int REACH = 400;

    private NameValuePairs() {
    }

    /** What the {@code name} beside the {@code value} key at {@code s[valueKey, …)} says, or {@code NONE}. */
    static KeyNames.Key named(Scan scan, int valueKey, int sep) {
        String s = scan.text;
        for (int j = valueKey - 1; j >= 0 && valueKey - j <= REACH; j--) {
            char c = s.charAt(j);
            if (c == '{' || c == '}') {
                break;
            }
            KeyNames.Key key = nameAt(scan, j);
            if (key != null) {
                return key;
            }
        }
        for (int j = sep + 1; j < s.length() && j - sep <= REACH; j++) {
            char c = s.charAt(j);
            if (c == '{' || c == '}') {
                break;
            }
            KeyNames.Key key = nameAt(scan, j);
            if (key != null) {
                return key;
            }
        }
        return KeyNames.Key.NONE;
    }

    /** If a {@code name: 'x'} key starts at {@code j}, what {@code x} says; otherwise null. */
    private static KeyNames.Key nameAt(Scan scan, int j) {
        String s = scan.text;
        if ((s.charAt(j) != 'n' && s.charAt(j) != 'N') || !s.regionMatches(true, j, "name", 0, 4)
                || j > 0 && (Chars.word(s.charAt(j - 1)) || s.charAt(j - 1) == '-' || s.charAt(j - 1) == '.')) {
            return null;
        }
        int p = j + 4;
        if (p < s.length() && (s.charAt(p) == '"' || s.charAt(p) == '\'')) {
            p++;
        }
        while (p < s.length() && Chars.blank(s.charAt(p))) {
            p++;
        }
        if (p >= s.length() || s.charAt(p) != ':' && s.charAt(p) != '=') {
            return null;
        }
        p++;
        while (p < s.length() && Chars.blank(s.charAt(p))) {
            p++;
        }
        int quote = Quotes.open(s, p);
        if (quote == 0) {
            return null;
        }
        int start = p + quote;
        int end = Quotes.close(s, start, quote);
        return KeyNames.classify(scan, start, end);
    }
}
