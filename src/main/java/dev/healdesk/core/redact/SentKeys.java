package dev.healdesk.core.redact;

/**
 * The text a WebDriver command types into an element, as the wire and the servers' logs carry it: the JSON Wire and W3C
 * bodies of {@code POST /session/…/element/…/value} ({@code {"text": "…"}}, {@code {"value": ["…"]}}), geckodriver's
 * {@code WebDriver:ElementSendKeys} message, Selenium's {@code sendKeysToElement {id=0, value=[…]}} and its server log's
 * {@code Executing: [send keys: 11 [[…] -> css selector: #password], […]]}. Whether the field was a password, the
 * command does not say; the value goes where it has a password's shape ({@link Typed#secretShaped}) and its line or the
 * line before it says it is typed text ({@code sendKeys}, {@code send keys}, {@code SendKeys} or an element's
 * {@code /value} endpoint). Called by {@link KeyValues} for a {@code text} or {@code value} key that nothing else
 * names, and for the {@code keys:} of "send keys:".
 */
final class SentKeys {

    /** How far back the line before may reach. */
    private static final int REACH = 600;

    private SentKeys() {
    }

    /**
     * For the key {@code s[keyStart, keyEnd)} ({@code text}, {@code value}) and its separator at {@code sep}: claims the
     * value where it is typed text, and returns where scanning may go on; -1 where it is not.
     */
    static int value(Scan scan, int keyStart, int keyEnd, int sep) {
        String s = scan.text;
        int v = Chars.skipBlanks(s, sep + 1);
        if (v < s.length() && s.charAt(v) == '[') {
            v = Chars.skipBlanks(s, v + 1);
        }
        int quote = Quotes.open(s, v);
        int start = v + quote;
        int end = quote > 0 ? Quotes.close(s, start, quote) : plainEnd(s, start);
        if (end <= start || !Typed.secretShaped(s, start, end) || !typing(s, keyStart)) {
            return -1;
        }
        scan.add(SecretKind.PASSWORD, start, end);
        return end;
    }

    /** For "send keys:" whose colon is at {@code sep}: the last {@code [ … ]} of the line, after the element's. */
    static int sendKeysLine(Scan scan, int sep) {
        String s = scan.text;
        int lineEnd = s.indexOf('\n', sep);
        if (lineEnd < 0) {
            lineEnd = s.length();
        }
        int open = s.lastIndexOf(", [", lineEnd);
        if (open <= sep) {
            return -1;
        }
        int start = open + 3;
        int end = start;
        while (end < lineEnd && s.charAt(end) != ']') {
            end++;
        }
        if (end >= lineEnd || !Typed.secretShaped(s, start, end)) {
            return -1;
        }
        scan.add(SecretKind.PASSWORD, start, end);
        return end;
    }

    private static int plainEnd(String s, int start) {
        int end = start;
        while (end < s.length() && !Chars.space(s.charAt(end)) && "]},\"'".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        return end;
    }

    /** Whether the line of {@code i}, or the line before it, says that text is being typed. */
    private static boolean typing(String s, int i) {
        int lineEnd = s.indexOf('\n', i);
        if (lineEnd < 0) {
            lineEnd = s.length();
        }
        int from = s.lastIndexOf('\n', i);
        if (from > 0) {
            int before = s.lastIndexOf('\n', from - 1);
            from = Math.max(before, i - REACH);
        }
        from = Math.max(0, from);
        return Chars.contains(s, from, lineEnd, "endKeys", false) || Chars.contains(s, from, lineEnd, "end keys", false)
                || Chars.contains(s, from, lineEnd, "/value\"", false)
                // a hub's or a cloud grid's request log, the path then its body: POST /session/…/element/…/value {…}
                || Chars.contains(s, from, lineEnd, "/value {", false) && Chars.contains(s, from, lineEnd, "/element/", false);
    }
}
