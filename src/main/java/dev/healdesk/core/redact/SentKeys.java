package dev.healdesk.core.redact;

/**
 * The text a WebDriver command types into an element, as the wire and the servers' logs carry it: the JSON Wire and W3C
 * bodies of {@code POST /session/…/element/…/value} ({@code {"text": "…"}}, {@code {"value": ["…"]}}), geckodriver's
 * {@code WebDriver:ElementSendKeys} message, Selenium's {@code sendKeysToElement {id=0, value=[…]}} and its server log's
 * {@code Executing: [send keys: 11 [[…] -> css selector: #password], […]]}, and Appium's server log of
 * {@code setValue()} ({@link #appiumArgs}). Whether the field was a password, the
 * command does not say; the value goes where it has a password's shape ({@link Typed#secretShaped}) and its line or the
 * line before it says it is typed text ({@code sendKeys}, {@code send keys}, {@code SendKeys} or an element's
 * {@code /value} endpoint). Called by {@link KeyValues} for a {@code text} or {@code value} key that nothing else
 * names, and for the {@code keys:} of "send keys:". The {@code text} of an Android view that a hierarchy dump calls a
 * password field goes whatever its shape ({@link #passwordView}).
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
        if (end <= start) {
            return -1;
        }
        if (quote == 0 && passwordView(scan, keyStart, end)) {
            end = viewTextEnd(s, end);   // the whole text, blanks and all, up to the entry's next key
        } else if (!Typed.secretShaped(s, start, end) || !typing(s, keyStart)) {
            return -1;
        }
        scan.add(SecretKind.PASSWORD, start, end);
        return end;
    }

    /**
     * For the {@code args} key whose colon is at {@code sep}: Appium's server log of a command that types
     * ({@code Calling AppiumDriver.setValue() with args: ["…","<element id>","<session id>"]}, and
     * {@code replaceValue()}): the first argument is the text typed, claimed where it has a password's shape, as
     * {@link #value}'s. Returns where scanning may go on; -1 where the call types nothing.
     */
    static int appiumArgs(Scan scan, int keyStart, int sep) {
        String s = scan.text;
        int call = keyStart - 6;   // " with " before "args"
        if (call < 0 || !s.startsWith(" with ", call)
                || !(endsAt(s, call, "setValue()") || endsAt(s, call, "replaceValue()"))) {
            return -1;
        }
        int v = Chars.skipBlanks(s, sep + 1);
        if (v >= s.length() || s.charAt(v) != '[') {
            return -1;
        }
        int quote = Quotes.open(s, v + 1);
        if (quote == 0) {
            return -1;   // older Appium split the text into characters, [["p","w",…],…]: not read
        }
        int start = v + 1 + quote;
        int end = Quotes.close(s, start, quote);
        if (end <= start || !Typed.secretShaped(s, start, end)) {
            return -1;
        }
        scan.add(SecretKind.PASSWORD, start, end);
        return end;
    }

    private static boolean endsAt(String s, int end, String word) {
        return end >= word.length() && s.startsWith(word, end - word.length());
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

    /** How far an Android view's entry in a hierarchy dump may reach on either side of its {@code text=}. */
    private static final int VIEW_REACH = 1200;

    /**
     * Whether the key at {@code keyStart} is the {@code text} of an Android view whose entry in a hierarchy dump (as
     * Espresso's NoMatchingViewException and UI Automator print one: {@code +>EditText{id=…, res-name=password_input,
     * …, text=…, input-type=129, …}}) says it is a password field: its {@code input-type} is a password variation of a
     * text or number field (InputType: text 0x81, 0x91, 0xe1; number 0x12), or it is an {@code EditText} whose
     * {@code res-name} names a password or a passcode, or another secret as a key's name would ({@code otp_secret},
     * {@code api_token}: {@link KeyNames}). The text typed into any other field stays to the shape rules.
     */
    private static boolean passwordView(Scan scan, int keyStart, int end) {
        String s = scan.text;
        if (!Chars.is(s, keyStart, Math.min(s.length(), keyStart + 4), "text") || keyStart == 0
                || s.charAt(keyStart - 1) != ' ' && s.charAt(keyStart - 1) != '{') {
            return false;
        }
        int open = keyStart;
        while (open > 0 && keyStart - open < VIEW_REACH && s.charAt(open) != '{' && s.charAt(open) != '\n') {
            open--;
        }
        int close = s.indexOf('}', end);
        if (s.charAt(open) != '{' || open == 0 || !Chars.letter(s.charAt(open - 1)) || close < 0
                || close - end > VIEW_REACH || Chars.indexOf(s, '\n', end, close) >= 0) {
            return false;
        }
        int type = s.indexOf("input-type=", open);
        if (type > 0 && type < close) {
            int v = 0;
            for (int k = type + 11; k < close && Chars.digit(s.charAt(k)) && v < 1 << 24; k++) {
                v = v * 10 + s.charAt(k) - '0';
            }
            int kind = v & 0xf;
            int variation = v & 0xff0;
            if (kind == 1 && (variation == 0x80 || variation == 0x90 || variation == 0xe0)
                    || kind == 2 && variation == 0x10) {
                return true;
            }
        }
        int name = s.indexOf("res-name=", open);
        if (name < 0 || name > close || !s.startsWith("EditText", open - 8)) {
            return false;   // by its name only a field one types into: EditText, AppCompatEditText, TextInputEditText
        }
        int nameEnd = name + 9;
        while (nameEnd < close && s.charAt(nameEnd) != ',' && s.charAt(nameEnd) != ' ') {
            nameEnd++;
        }
        if (Chars.contains(s, name + 9, nameEnd, "password", true)
                || Chars.contains(s, name + 9, nameEnd, "passwd", true)
                || Chars.contains(s, name + 9, nameEnd, "passcode", true)) {
            return true;
        }
        // or another secret's name, as a key names one (otp_secret, api_token, session_key): the field holds it
        KeyNames.Key key = KeyNames.classify(scan, name + 9, nameEnd);
        return key == KeyNames.Key.PASSWORD || key == KeyNames.Key.SECRET || key == KeyNames.Key.AUTHORIZATION
                || key == KeyNames.Key.SESSION || key == KeyNames.Key.AWS_SECRET;
    }

    /** Where a view's unquoted text ends: before the {@code , name=} of the entry's next key or its {@code }}. */
    private static int viewTextEnd(String s, int end) {
        int k = end;
        while (k < s.length() && s.charAt(k) != '}' && s.charAt(k) != '\n') {
            if (s.startsWith(", ", k)) {
                int n = k + 2;
                while (n < s.length() && (Chars.lower(s.charAt(n)) || s.charAt(n) == '-')) {
                    n++;
                }
                if (n > k + 2 && n < s.length() && s.charAt(n) == '=') {
                    return k;
                }
            }
            k++;
        }
        return k;
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
                // a hub's or a cloud grid's request log, the path then its body: POST /session/…/element/…/value {…},
                // and a driver's proxy log: Proxying [POST /element/…/value] to […/value] with body: {…} (Appium)
                || Chars.contains(s, from, lineEnd, "/element/", false) && elementValue(s, from, lineEnd);
    }

    /** Whether an element's {@code /value} endpoint ends a path in {@code s[from, to)}: a blank, a bracket after it. */
    private static boolean elementValue(String s, int from, int to) {
        for (int k = s.indexOf("/value", from); k >= 0 && k + 6 <= to; k = s.indexOf("/value", k + 6)) {
            char after = k + 6 < s.length() ? s.charAt(k + 6) : ' ';
            int id = s.lastIndexOf('/', k - 1);
            if (id < 8 || !s.startsWith("/element", id - 8)) {
                continue;   // /element/…/attribute/value, /property/value: what a command reads, not types
            }
            if (after == ' ' || after == ']' || after == ')' || after == '\'' || after == '\n') {
                return true;
            }
        }
        return false;
    }
}
