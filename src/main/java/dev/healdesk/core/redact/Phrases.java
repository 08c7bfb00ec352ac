package dev.healdesk.core.redact;

/**
 * A value in a sentence that says what it is, as test tools log what they type and BDD steps say who logs in:
 * <ul>
 * <li>typed into a named field, the value before the field: {@code Typing text '…' into text field 'id=password'.}
 *   (Robot Framework's SeleniumLibrary), {@code Entered "…" into input[name="api-token"]}, {@code typed '…' into the
 *   <#password> field}: a typing verb, the quoted value, "into", at most three words, and the field's locator or label,
 *   judged as {@link Fills} judges a selector; the value as {@link Judge#typed} judges text typed into it;</li>
 * <li>a login in words: {@code When I sign in as "release-eng" with "…"}, {@code log in as 'qa' using password '…'}
 *   (Cucumber, Behave, SpecFlow and Gauge steps): "in as" or "login as", the quoted user, "with" or "using" (and
 *   perhaps "password"), the quoted password. The user stays.</li>
 * <li>a validator's message that gives the value before the field's path: GraphQL's {@code got invalid value "…" at
 *   "input.phone"}, {@code value '…' for field 'password'} ({@link #valueAt}).</li>
 * <li>a login in words whose user or password is not quoted ({@link #loginAs});</li>
 * <li>text typed below the step that tapped a password field ({@link #inputBelowTap}).</li>
 * </ul>
 * Triggered by the words "into", "with", "using", "value", "as" and "input" (a line's first word); most of them in a
 * log are prose with no quote around them and are passed over at the first test.
 */
final class Phrases extends Detector {

    private static final String[] TYPING = {"typing", "typed", "type", "types", "entering", "entered", "enter",
            "enters", "inputting", "input", "filling", "filled", "fill", "fills", "sending", "sent", "send", "sends",
            "setting", "set", "sets", "pasting", "pasted", "paste", "writing", "wrote", "write"};
    /** How far a quoted value or user may reach. */
    private static final int MAX_VALUE = 128;
    /** How far the words between "into" and the field's locator may reach. */
    private static final int MAX_FILLER = 24;
    private static final boolean[] SECONDS = Chars.set("nNiIsSaA");

    @Override
    public boolean[] seconds(char c) {
        return SECONDS;
    }

    @Override
    public long wordLengths(char c) {
        return c == 'a' ? 1L << 2 : 1L << 4 | 1L << 5;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int w = scan.wordEnd(i);
        if (w < s.length() && s.charAt(w) == ' ' && i > 0 && (s.charAt(i - 1) == '\n' || marksOnly(s, i))
                && Chars.is(s, i, w, "input")) {
            inputBelowTap(scan, i, w);   // a step's line starts with it, or with a console's frame and status marks
            return w;
        }
        if (w >= s.length() || s.charAt(w) != ' ' || i < 3 || s.charAt(i - 1) != ' ') {
            return w;
        }
        if (Chars.is(s, i, w, "into")) {
            into(scan, i, w);
        } else if (Chars.is(s, i, w, "with") || Chars.is(s, i, w, "using")) {
            login(scan, i, w);
            loginWith(scan, i, w);
        } else if (Chars.is(s, i, w, "value")) {
            valueAt(scan, w);
        } else if (w - i == 2 && s.charAt(i + 1) == 's') {
            loginAs(scan, i, w);
        }
        return w;
    }

    /**
     * Whether only blanks and marks that are no letter or digit stand between the line's start and {@code i}, at most
     * twelve: the frame and status mark Maestro's console puts before a step ({@code  ║ ❌   Input text …}).
     */
    private static boolean marksOnly(String s, int i) {
        for (int k = i - 1; k >= 0 && i - k <= 12; k--) {
            char c = s.charAt(k);
            if (c == '\n') {
                return k < i - 1;
            }
            if (Character.isLetterOrDigit(c)) {
                return false;
            }
        }
        return false;
    }

    /** Words of a step that puts the focus on a field: Maestro's "Tap on", Appium's and Detox' tap and click. */
    private static final String[] FOCUS_WORDS = {"tap", "tapon", "click", "focus", "select"};

    /**
     * Text a mobile or web test tool types with nothing naming its field, on the line right below the step that tapped
     * a field named for a password: Maestro's {@code Tap on id: password_input... COMPLETED} then {@code Input text
     * …... COMPLETED}. The typed text runs to the step's {@code ...} or the line's end, and goes as a password; below a
     * tap on any other field ({@code email_input}) it stays. The word "input" at {@code i}, its end at {@code w}.
     */
    private static void inputBelowTap(Scan scan, int i, int w) {
        String s = scan.text;
        if (!s.regionMatches(true, w, " text ", 0, 6)) {
            return;
        }
        int ls = i;
        while (ls > 0 && i - ls < 40 && s.charAt(ls - 1) != '\n') {
            ls--;
        }
        if (ls == 0 || s.charAt(ls - 1) != '\n') {
            return;
        }
        int pe = ls - 1;
        int ps = pe;
        while (ps > 0 && pe - ps < 200 && s.charAt(ps - 1) != '\n') {
            ps--;
        }
        if (!focusOnPassword(s, ps, pe)) {
            return;
        }
        int start = w + 6;
        int end = start;
        while (end < s.length() && end - start <= MAX_VALUE && s.charAt(end) != '\n' && !s.startsWith("...", end)) {
            end++;
        }
        if (end - start < 4 || end - start > MAX_VALUE || Values.placeholder(s, start, end)) {
            return;
        }
        scan.add(SecretKind.PASSWORD, start, end);
    }

    /** Whether the line {@code s[ps, pe)} taps or clicks something whose name says password. */
    private static boolean focusOnPassword(String s, int ps, int pe) {
        boolean focus = false;
        boolean password = false;
        int k = ps;
        while (k < pe) {
            while (k < pe && !Chars.letter(s.charAt(k))) {
                k++;
            }
            int b = k;
            while (k < pe && Chars.letter(s.charAt(k))) {
                k++;
            }
            if (k > b) {
                focus |= Chars.isAny(s, b, k, FOCUS_WORDS);
                password |= k - b >= 8 && s.regionMatches(true, b, "password", 0, 8)
                        || Chars.is(s, b, k, "pwd") || Chars.is(s, b, k, "passwd");
            }
        }
        return focus && password;
    }

    /** Separators of a user and a password after "log in as", as a CI notice or an app's log writes them. */
    private static final String[] LOGIN_SEPARATORS = {" with password ", " using password ", " with ", " using ", " / "};

    /**
     * A login in words whose user, or whose password, is not quoted: {@code could not log in as qa@acme.net with
     * Winter6850.vc}, {@code login as ci-bot / …  rejected}: "in as" or "login as" ({@link #asLogin}), the user as one
     * run without blanks, "with", "using" (perhaps "password") or a slash between blanks, and the password as one run
     * (quoted or not), which goes where it has a letter and a digit or a sign, six characters or more, and is no
     * placeholder or path; "as admin with SSO", "as alice with OAuth2" and "as bob with an expired token" stay. The
     * user stays. The "as" at {@code i}, its word ending at {@code w}.
     */
    private static void loginAs(Scan scan, int i, int w) {
        String s = scan.text;
        if (!asLogin(s, w)) {
            return;
        }
        int u = w + 1;
        int ue = u;
        while (ue < s.length() && ue - u <= MAX_VALUE && !Chars.space(s.charAt(ue))) {
            ue++;
        }
        if (ue == u || ue >= s.length()) {
            return;
        }
        int v = -1;
        for (String sep : LOGIN_SEPARATORS) {
            if (s.regionMatches(true, ue, sep, 0, sep.length())) {
                v = ue + sep.length();
                break;
            }
        }
        if (v < 0 || v >= s.length()) {
            return;
        }
        int quote = Quotes.open(s, v);
        if (quote == 1 && Quotes.open(s, u) == 1) {
            return;   // both quoted: login's
        }
        int start = v + quote;
        int end = start;
        if (quote == 1) {
            end = Quotes.close(s, start, 1);
            if (end >= s.length() || s.charAt(end) != s.charAt(v) || end - start > MAX_VALUE) {
                return;
            }
        } else {
            while (end < s.length() && end - start <= MAX_VALUE && !Chars.space(s.charAt(end))) {
                end++;
            }
            while (end > start && ",;:)".indexOf(s.charAt(end - 1)) >= 0) {
                end--;
            }
            if (end > start && s.charAt(end - 1) == '"' && quotedField(s, u)) {
                end--;   // logfmt's msg="login as … / …" source=…: the field's closing quote is no part of it
            }
        }
        if (end - start < 6 || Values.placeholder(s, start, end) || s.charAt(start) == '/' || s.charAt(start) == '$'
                || !loginPassword(s, start, end)) {
            return;
        }
        scan.add(SecretKind.PASSWORD, start, end);
    }

    /**
     * Whether the words from {@code i} back to the line's start stand inside a double-quoted field: an odd number of
     * unescaped double quotes before them on the line ({@code level=info msg="login as …}).
     */
    private static boolean quotedField(String s, int i) {
        int quotes = 0;
        for (int k = i - 1; k >= 0 && s.charAt(k) != '\n'; k--) {
            if (s.charAt(k) == '"' && (k == 0 || s.charAt(k - 1) != '\\')) {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    /** A letter, and a digit or a sign, and not a word with a version after it ({@code OAuth2}, {@code SAML2.0}). */
    private static boolean loginPassword(String s, int start, int end) {
        boolean letter = false;
        boolean other = false;
        int firstOther = -1;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (Chars.letter(c)) {
                letter = true;
                if (firstOther >= 0) {
                    firstOther = -2;   // a letter after the digits: no version number
                }
            } else {
                other = true;
                if (firstOther == -1) {
                    firstOther = k;
                }
            }
        }
        if (!letter || !other) {
            return false;
        }
        if (firstOther >= 0) {
            for (int k = firstOther; k < end; k++) {
                if (!Chars.digit(s.charAt(k)) && s.charAt(k) != '.') {
                    return true;
                }
            }
            return end - firstOther > 3;   // Winter2024 goes, OAuth2 and SAML2.0 stay
        }
        return true;
    }

    /** Words that may stand between "at" or "for" and the field's path: {@code for field "phone"}. */
    private static final String[] PATH_WORDS = {"field", "key", "path", "property", "argument", "parameter", "input",
            "variable", "column", "attribute"};

    /**
     * {@code value "<value>" at "<path>"}: a validator's message that gives the value, then the field it was given for
     * (GraphQL's {@code got invalid value "…" at "input.phone"}, {@code invalid value '…' for field 'password'}): the
     * value goes as the path's last name says, a phone's when it names a phone.
     */
    private static void valueAt(Scan scan, int w) {
        String s = scan.text;
        int v = w + 1;
        if (v >= s.length() || Quotes.open(s, v) != 1) {
            return;
        }
        int start = v + 1;
        int end = Quotes.close(s, start, 1);
        if (end >= s.length() || s.charAt(end) != s.charAt(v) || end == start || end - start > MAX_VALUE) {
            return;
        }
        int p = end + 1;
        if (p >= s.length() || s.charAt(p) != ' ') {
            return;
        }
        p++;
        int word = p;
        while (p < s.length() && p - word < 4 && Chars.letter(s.charAt(p))) {
            p++;
        }
        if (!Chars.is(s, word, p, "at") && !Chars.is(s, word, p, "for") && !Chars.is(s, word, p, "in")) {
            return;
        }
        if (p >= s.length() || s.charAt(p) != ' ') {
            return;
        }
        p++;
        if (p < s.length() && Chars.letter(s.charAt(p))) {
            int b = p;
            while (p < s.length() && p - b <= 10 && Chars.letter(s.charAt(p))) {
                p++;
            }
            if (!Chars.isAny(s, b, p, PATH_WORDS) || p >= s.length() || s.charAt(p) != ' ') {
                return;
            }
            p++;   // for field "password"
        }
        if (p >= s.length() || Quotes.open(s, p) != 1) {
            return;
        }
        int pathStart = p + 1;
        int pathEnd = Quotes.close(s, pathStart, 1);
        if (pathEnd >= s.length() || s.charAt(pathEnd) != s.charAt(p) || pathEnd - pathStart > KeyNames.MAX_LENGTH * 2) {
            return;
        }
        int last = pathEnd;
        while (last > pathStart && (Chars.alnum(s.charAt(last - 1)) || s.charAt(last - 1) == '_'
                || s.charAt(last - 1) == '-')) {
            last--;   // input.phone, variables.input.password, body[0].ssn
        }
        if (last == pathEnd) {
            return;
        }
        SecretKind kind;
        if (Numbers.phoneWords(s, last, pathEnd)) {
            kind = Records.phone(s, start, end) ? SecretKind.PHONE : null;
        } else {
            kind = Judge.value(KeyNames.classify(scan, last, pathEnd), s, start, end);
        }
        if (kind != null) {
            scan.add(kind, start, end);
        }
    }

    /** {@code <typing verb> '<value>' into [words] '<field>'}: the value goes when the field names a secret. */
    private static void into(Scan scan, int i, int w) {
        String s = scan.text;
        int close = i - 2;
        int open = openingQuote(s, close);
        if (open < 0) {
            return;
        }
        if (!typingVerb(s, open)) {
            return;
        }
        int f = w + 1;
        int limit = Math.min(s.length(), f + MAX_FILLER);
        while (f < limit && (Chars.letter(s.charAt(f)) || s.charAt(f) == ' ')) {
            f++;   // "text field ", "the "
        }
        if (f >= s.length()) {
            namedField(scan, open, close, w + 1, f);   // the field named in words at the text's end
            return;
        }
        char q = s.charAt(f);
        char end = q == '<' ? '>' : q == '[' ? ']' : q == '\'' || q == '"' || q == '`' ? q : 0;
        if (end == 0) {
            namedField(scan, open, close, w + 1, f);
            return;
        }
        int fieldEnd = f + 1;
        while (fieldEnd < s.length() && fieldEnd - f <= MAX_VALUE && s.charAt(fieldEnd) != end
                && s.charAt(fieldEnd) != '\n') {
            fieldEnd++;
        }
        if (fieldEnd >= s.length() || s.charAt(fieldEnd) != end || fieldEnd == f + 1) {
            return;
        }
        KeyNames.Key key = Fills.classifyWords(scan, f + 1, fieldEnd);
        SecretKind kind = Judge.typed(key, s, open + 1, close);
        if (kind != null) {
            scan.add(kind, open + 1, close);
        }
    }

    /**
     * {@code enters '<value>' into the password field}: no locator, the field named in words (Serenity's Screenplay
     * reports, a step's sentence): "the", one or two words, then "field", "box" or "input"; the words judged as a
     * locator's ({@link Fills#classifyWords}).
     */
    private static void namedField(Scan scan, int open, int close, int from, int to) {
        String s = scan.text;
        if (to < s.length() && Chars.alnum(s.charAt(to))) {
            return;   // the words ran on past the filler's reach
        }
        int b = to;
        while (b > from && s.charAt(b - 1) == ' ') {
            b--;
        }
        int last = b;
        while (last > from && Chars.letter(s.charAt(last - 1))) {
            last--;
        }
        if (!Chars.is(s, last, b, "field") && !Chars.is(s, last, b, "box") && !Chars.is(s, last, b, "input")) {
            return;
        }
        int a = from;
        if (s.regionMatches(true, a, "the ", 0, 4)) {
            a += 4;
        }
        int labelEnd = last - 1;
        if (labelEnd <= a || s.charAt(labelEnd) != ' ') {
            return;
        }
        KeyNames.Key key = Fills.classifyWords(scan, a, labelEnd);
        SecretKind kind = Judge.typed(key, s, open + 1, close);
        if (kind != null) {
            scan.add(kind, open + 1, close);
        }
    }

    /** {@code in as '<user>' with [password] '<password>'}: the password goes, the user stays. */
    private static void login(Scan scan, int i, int w) {
        String s = scan.text;
        int v = w + 1;
        if (s.regionMatches(true, v, "password ", 0, 9)) {
            v += 9;
        } else if (s.regionMatches(true, v, "the password ", 0, 13)) {
            v += 13;
        }
        if (v >= s.length() || Quotes.open(s, v) != 1) {
            return;
        }
        int userOpen = openingQuote(s, i - 2);
        if (userOpen < 4 || s.charAt(userOpen - 1) != ' ' || !asLogin(s, userOpen - 1)) {
            return;
        }
        int start = v + 1;
        int end = Quotes.close(s, start, 1);
        if (end >= s.length() || s.charAt(end) != s.charAt(v) || end - start > MAX_VALUE) {
            return;
        }
        SecretKind kind = Judge.typed(KeyNames.Key.PASSWORD, s, start, end);
        if (kind != null) {
            scan.add(kind, start, end);
        }
    }

    /**
     * {@code sign in with '<user>' and '<password>'} (a Cucumber, Behave or SpecFlow step that takes both as
     * parameters: "they sign in with "ann@…" and "…""; "log in with", "logs in using"): the password goes, the user stays.
     */
    private static void loginWith(Scan scan, int i, int w) {
        String s = scan.text;
        int e = i - 1;
        int b = e;
        while (b > 0 && e - b < 8 && Chars.letter(s.charAt(b - 1))) {
            b--;
        }
        boolean particle = Chars.is(s, b, e, "in") || Chars.is(s, b, e, "on");
        if (!(particle && loginVerb(s, b - 1) || Chars.is(s, b, e, "login") || Chars.is(s, b, e, "logon")
                || Chars.is(s, b, e, "signin"))) {
            return;   // "check in with …", "filled in with …": no login
        }
        int v = w + 1;
        int q = Quotes.open(s, v);
        if (q != 1) {
            return;
        }
        int userEnd = Quotes.close(s, v + 1, 1);
        if (userEnd >= s.length() || s.charAt(userEnd) != s.charAt(v) || userEnd - v > MAX_VALUE
                || !s.startsWith(" and ", userEnd + 1)) {
            return;
        }
        int p = userEnd + 6;
        if (p >= s.length() || Quotes.open(s, p) != 1) {
            return;
        }
        int start = p + 1;
        int end = Quotes.close(s, start, 1);
        if (end >= s.length() || s.charAt(end) != s.charAt(p) || end - start > MAX_VALUE) {
            return;
        }
        if (Chars.indexOf(s, ' ', start, end) >= 0 || !loginPassword(s, start, end)) {
            return;   // "sign in with "ann" and "remember me"": a second parameter that is no password
        }
        scan.add(SecretKind.PASSWORD, start, end);
    }

    /** Words of a login before its "in" or "on", one blank before {@code blank}: sign, signs, logged, logging. */
    private static final String[] LOGIN_VERBS = {"sign", "signs", "signed", "signing", "log", "logs", "logged",
            "logging"};

    private static boolean loginVerb(String s, int blank) {
        if (blank < 3 || s.charAt(blank) != ' ') {
            return false;
        }
        int b = blank;
        while (b > 0 && blank - b < 8 && Chars.letter(s.charAt(b - 1))) {
            b--;
        }
        return Chars.isAny(s, b, blank, LOGIN_VERBS);
    }

    /**
     * Where the quote opens whose closing quote is at {@code close} (a {@code '}, {@code "} or backquote), on the same
     * line and at most {@link #MAX_VALUE} back; -1 when {@code close} is none or the quote does not open.
     */
    private static int openingQuote(String s, int close) {
        if (close < 1) {
            return -1;
        }
        char q = s.charAt(close);
        if (q != '\'' && q != '"' && q != '`') {
            return -1;
        }
        int k = close - 1;
        while (k >= 0 && close - k <= MAX_VALUE && s.charAt(k) != q && s.charAt(k) != '\n') {
            k--;
        }
        return k >= 0 && s.charAt(k) == q && k < close - 1 ? k : -1;
    }

    /** Whether a typing verb, perhaps with one word after it ("Typing text", "entered value"), ends before {@code open}. */
    private static boolean typingVerb(String s, int open) {
        int e = open;
        for (int words = 0; words < 2; words++) {
            if (e < 2 || s.charAt(e - 1) != ' ') {
                return false;
            }
            e--;
            int b = e;
            while (b > 0 && e - b < 12 && Chars.letter(s.charAt(b - 1))) {
                b--;
            }
            if (b == e) {
                return false;
            }
            if (Chars.isAny(s, b, e, TYPING)) {
                return true;
            }
            e = b;
        }
        return false;
    }

    /** Whether "in as", "on as" or "login as" ends at the blank {@code blank}: "sign in as", "logged in as". */
    private static boolean asLogin(String s, int blank) {
        if (blank < 6 || !s.regionMatches(true, blank - 3, " as", 0, 3)) {
            return false;
        }
        int e = blank - 3;
        int b = e;
        while (b > 0 && e - b < 8 && Chars.letter(s.charAt(b - 1))) {
            b--;
        }
        return Chars.is(s, b, e, "in") || Chars.is(s, b, e, "on") || Chars.is(s, b, e, "login")
                || Chars.is(s, b, e, "logon") || Chars.is(s, b, e, "signin");
    }
}
