package dev.healdesk.core.redact;

/**
 * Values typed into a form, as test code and Playwright's call log print them: {@code fill('#password', '…')},
 * {@code page.getByLabel('Password').fill('…')}, {@code cy.get('[name="api-token"]').type('…')}. The value goes
 * when the field says it is a secret: a selector or label among the call's arguments, or in the quoted strings of
 * the locator chain before it on the same line, is judged as a key name would be ({@link KeyNames}). Triggered by
 * the {@code (} of the call.
 */
final class Fills extends Detector {

    private static final String[] METHODS = {"fill", "type", "pressSequentially", "sendKeys", "setValue", "typeText",
            "insertText", "elementSendKeys"};
    /** How far back on its line the locator of a one-argument call is read. */
    static final int REACH = 300;
    /**
     * By the last two characters of a method's name ({@code 128 * before last + last}): whether one of
     * {@link #METHODS} ends so; most calls in a log ({@code handle(}, {@code save(}) are passed over at this look-up.
     */
    private static final boolean[] ENDINGS = new boolean[128 * 128];

    static {
        for (String m : METHODS) {
            ENDINGS[128 * m.charAt(m.length() - 2) + m.charAt(m.length() - 1)] = true;
        }
    }

    private static final boolean[] ARGUMENT = Chars.set(" \t\"'\\abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$");

    /** The first argument is quoted, perhaps after blanks, or a query's call ({@link #locatorCall}). */
    @Override
    public boolean[] seconds(char c) {
        return ARGUMENT;
    }

    @Override
    public int at(Scan scan, int paren) {
        String s = scan.text;
        if (!call(s, paren)) {
            return paren + 1;
        }
        int a = Chars.skipBlanks(s, paren + 1);
        int quote = Quotes.open(s, a);
        if (quote == 0) {
            return locatorCall(scan, paren, a);
        }
        int firstStart = a + quote;
        int firstEnd = Quotes.close(s, firstStart, quote);
        int after = Chars.skipBlanks(s, Math.min(s.length(), firstEnd + quote));
        KeyNames.Key key;
        int valueStart;
        int valueEnd;
        if (after < s.length() && s.charAt(after) == ',') {
            int b = Chars.skipBlanks(s, after + 1);
            int q = Quotes.open(s, b);
            if (q == 0) {
                return paren + 1;
            }
            key = KeyNames.classify(scan, firstStart, firstEnd);
            valueStart = b + q;
            valueEnd = Quotes.close(s, valueStart, q);
            if (key == KeyNames.Key.NONE && Typed.secretShaped(s, valueStart, valueEnd)) {
                key = KeyNames.Key.PASSWORD;   // fill('#field-15', '…'), elementSendKeys(id, '…'): a password's shape
            }
        } else {
            key = chain(scan, paren);
            valueStart = firstStart;
            valueEnd = firstEnd;
            if (key == KeyNames.Key.NONE && Typed.secretShaped(s, valueStart, valueEnd)) {
                key = KeyNames.Key.PASSWORD;   // nothing on the line names the field, but what is typed is a password's shape
            }
        }
        SecretKind kind = Judge.typed(key, s, valueStart, valueEnd);
        if (kind == null) {
            return paren + 1;
        }
        scan.add(kind, valueStart, valueEnd);
        return valueStart;
    }

    /**
     * Testing Library's form, whose first argument is the field's query rather than a string: {@code
     * userEvent.type(getByLabelText('CVC'), '…')}, {@code user.type(screen.getByRole('textbox', {name: 'API token'}), '…')}.
     * The query's call closes on the same line with quoted strings only inside it (no nested call), a quoted value
     * follows its comma, and the query's strings are judged as {@link #chain} judges a locator's; a value typed into a
     * query that names no secret keeps its text, as {@code type(getByLabelText('City'), 'Lisbon')} does.
     */
    private static int locatorCall(Scan scan, int paren, int a) {
        String s = scan.text;
        int open = a;
        while (open < s.length() && open - a < 64 && (Chars.word(s.charAt(open)) || s.charAt(open) == '.'
                || s.charAt(open) == '$')) {
            open++;
        }
        if (open == a || open >= s.length() || s.charAt(open) != '(') {
            return paren + 1;
        }
        int close = open + 1;
        int limit = Math.min(s.length(), open + REACH);
        while (close < limit && s.charAt(close) != ')' && s.charAt(close) != '(' && s.charAt(close) != '\n') {
            int q = Quotes.open(s, close);
            if (q > 0) {
                int end = Quotes.close(s, close + q, q);
                if (end >= limit || s.charAt(end) == '\n') {
                    return paren + 1;
                }
                close = end + q;
            } else {
                close++;
            }
        }
        if (close >= limit || s.charAt(close) != ')') {
            return paren + 1;
        }
        int comma = Chars.skipBlanks(s, close + 1);
        if (comma >= s.length() || s.charAt(comma) != ',') {
            return paren + 1;
        }
        int b = Chars.skipBlanks(s, comma + 1);
        int q = Quotes.open(s, b);
        if (q == 0) {
            return paren + 1;
        }
        int valueStart = b + q;
        int valueEnd = Quotes.close(s, valueStart, q);
        KeyNames.Key key = chain(scan, close, open);
        SecretKind kind = Judge.typed(key, s, valueStart, valueEnd);
        if (kind == null) {
            return paren + 1;
        }
        scan.add(kind, valueStart, valueEnd);
        return valueStart;
    }

    /** Whether the {@code (} at {@code paren} opens a call of one of {@link #METHODS}. */
    private static boolean call(String s, int paren) {
        if (paren < 2 || s.charAt(paren - 2) >= 128 || s.charAt(paren - 1) >= 128
                || !ENDINGS[128 * s.charAt(paren - 2) + s.charAt(paren - 1)]) {
            return false;
        }
        for (String m : METHODS) {
            int start = paren - m.length();
            if (start >= 0 && s.startsWith(m, start) && (start == 0 || !Chars.word(s.charAt(start - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** What the quoted strings of the locator chain before {@code paren} say, the first telling one. */
    private static KeyNames.Key chain(Scan scan, int paren) {
        return chain(scan, paren, Math.max(0, paren - REACH));
    }

    /** As {@link #chain(Scan, int)}, reading back no further than {@code limit}. */
    private static KeyNames.Key chain(Scan scan, int paren, int limit) {
        String s = scan.text;
        int i = paren - 1;
        while (i >= limit && s.charAt(i) != '\n' && s.charAt(i) != ';') {
            char c = s.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = i;
                int start = end - 1;
                while (start >= limit && s.charAt(start) != c && s.charAt(start) != '\n') {
                    start--;
                }
                if (start < limit || s.charAt(start) != c) {
                    break;
                }
                KeyNames.Key key = classifyWords(scan, start + 1, end);
                if (key != KeyNames.Key.NONE) {
                    return key;
                }
                i = start - 1;
                continue;
            }
            i--;
        }
        return KeyNames.Key.NONE;
    }

    /** A label or selector judged as a key: {@code input[name="password"]}, {@code API token}, {@code #password}. */
    static KeyNames.Key classifyWords(Scan scan, int start, int end) {
        KeyNames.Key key = KeyNames.classify(scan, start, end);
        if (key != KeyNames.Key.NONE) {
            return key;
        }
        String s = scan.text;
        for (int i = start; i < end; i++) {   // a selector: judge its last name-like word, input[name="password"]
            if (!Chars.alnum(s.charAt(i)) && s.charAt(i) != '_' && s.charAt(i) != '-') {
                int w = i + 1;
                int e = w;
                while (e < end && (Chars.alnum(s.charAt(e)) || s.charAt(e) == '_' || s.charAt(e) == '-')) {
                    e++;
                }
                if (e > w + 1) {
                    KeyNames.Key k = KeyNames.classify(scan, w, e);
                    if (k != KeyNames.Key.NONE) {
                        return k;
                    }
                }
            }
        }
        // a field's label in another language, as a localised form shows it: fill_in 'Пароль', with: … (redact62)
        int local = end > start ? LocalLabels.start(s, end) : -1;
        return local >= start ? LocalLabels.key(s, local, end) : KeyNames.Key.NONE;
    }
}
