package dev.healdesk.core.redact;

/**
 * A secret printed alone on its line, below the line that says what it is, as setup tools and shell sessions print
 * one:
 * <ul>
 *   <li>below a label in prose that ends in a colon and names a secret ("Password for the elastic user (reset with
 *       …):", "Copy the following enrollment token …:", "Your API key:");</li>
 *   <li>below a shell command that names one ({@code $ kubectl get secret … -o jsonpath="{.data.password}" | base64 -d},
 *       {@code $ cat /run/secrets/db_password}, {@code $ argocd admin initial-password}): its output;</li>
 *   <li>under a label that says only "value" ({@code New value: …}) below a line that names a password ("Password for
 *       the [elastic] user successfully reset.").</li>
 *   <li>below a line that is only a secret's name ({@code password}, {@code sessionid}): a two-column table printed a
 *       cell a line, as error pages copied out of a browser print their variables ({@link #loneName}).</li>
 *   <li>below a rule of dashes below a label that names a secret: {@code kubectl describe configmap}'s {@code NAME:},
 *       {@code ----}, value.</li>
 * </ul>
 * And Postfix's {@code [relay.host]:port user:password} lines ({@link #relayLogin}).
 * The secret is named by a word of the line above, judged by {@link KeyNames} (so "fingerprint:" and "Dependencies:"
 * name none), and the lone value must look like the secret ({@link Values#tokenLike}, or {@link Values#passwordLike}
 * for a password), so "Password requirements:" above "minimum" and {@code $ cat token-path.txt} above a path keep the
 * line below; a value with a colon in it is fields ({@code $ cat ~/.pgpass} above {@code host:5432:db:user:…}), left to
 * the rules that know them. Called by {@link LineEnds}, which reads every line's last word back from its end anyway:
 * the line above is read only where that word is its line's only one, which few lines of a log are, so on most lines
 * the rules cost a look at the character before the word.
 */
final class ValuesBelow {

    /** The longest line above that is read. */
    private static final int REACH = 400;
    /** The shortest lone value taken for a secret. */
    private static final int MIN_VALUE = 8;

    private ValuesBelow() {
    }

    /**
     * The word {@code [start, end)} is its line's only one, and the line feed before it is at {@code nl}: claims it when
     * the line above names a secret and ends in a colon or is a shell command.
     */
    static void lone(Scan scan, int nl, int start, int end) {
        String s = scan.text;
        if (end - start < MIN_VALUE || Chars.indexOf(s, ':', start, end) >= 0) {
            return;   // short, or fields ({@code .pgpass}'s host:port:db:user:password) other rules judge
        }
        int lineStart = lineStart(s, nl);
        if (lineStart < 0) {
            return;
        }
        int e = nl;
        while (e > lineStart && (Chars.blank(s.charAt(e - 1)) || s.charAt(e - 1) == '\r')) {
            e--;
        }
        if (e == lineStart) {
            return;
        }
        if (rule(s, lineStart, e) && lineStart > 0) {
            // kubectl describe configmap's "NAME:" line, then "----", then the value: the name is the line above the rule
            nl = lineStart - 1;
            lineStart = lineStart(s, nl);
            e = nl;
            while (lineStart >= 0 && e > lineStart && (Chars.blank(s.charAt(e - 1)) || s.charAt(e - 1) == '\r')) {
                e--;
            }
            if (lineStart < 0 || e == lineStart || s.charAt(e - 1) != ':') {
                return;
            }
        }
        if (s.charAt(e - 1) == ':' || prompt(s, lineStart, e)) {
            if (containerId(s, lineStart, e, start, end)) {
                return;   // docker run -d … prints the new container's id, not the password its -e options set
            }
            claim(scan, secretNamed(scan, lineStart, e), start, end);
        } else {
            claim(scan, loneName(scan, lineStart, e), start, end);
        }
    }

    /**
     * What the line {@code [start, end)} names when it is one name alone, spelt as a key ({@code password},
     * {@code csrfmiddlewaretoken}, {@code HTTP_AUTHORIZATION}): a table of two columns printed as text, each cell on a
     * line of its own, as HTML error pages copied out of a browser (Django's and Rails' debug pages, Whoops'), definition
     * lists and wrapped terminal tables print a name above its value. NONE for any other line: prose, a heading of
     * several words, a command.
     */
    private static KeyNames.Key loneName(Scan scan, int start, int end) {
        String s = scan.text;
        int w = start;
        while (w < end && Chars.blank(s.charAt(w))) {
            w++;
        }
        if (end - w < 2 || end - w > KeyNames.MAX_LENGTH || !Chars.letter(s.charAt(w))) {
            return KeyNames.Key.NONE;
        }
        for (int k = w; k < end; k++) {
            char c = s.charAt(k);
            if (!Chars.alnum(c) && c != '_' && c != '-' && c != '.') {
                return KeyNames.Key.NONE;
            }
        }
        return KeyNames.classify(scan, w, end);
    }

    /**
     * {@code New value: …}, {@code Value: …}: the word {@code [start, end)} ends its line after a colon at {@code colon}
     * and blanks; claims it when the label is "value" (perhaps "New value"), starts its line, and the line above names a
     * password.
     */
    static void labelled(Scan scan, int colon, int start, int end) {
        String s = scan.text;
        int w = colon - 5;
        if (w < 0 || !s.regionMatches(true, w, "value", 0, 5) || w > 0 && Chars.alnum(s.charAt(w - 1))) {
            return;
        }
        int k = w;
        while (k > 0 && Chars.blank(s.charAt(k - 1))) {
            k--;
        }
        if (k >= 3 && k < w && s.regionMatches(true, k - 3, "new", 0, 3) && (k == 3 || !Chars.alnum(s.charAt(k - 4)))) {
            k -= 3;
            while (k > 0 && Chars.blank(s.charAt(k - 1))) {
                k--;
            }
        }
        if (k == 0 || s.charAt(k - 1) != '\n') {
            return;
        }
        int nl = k - 1;
        int lineStart = lineStart(s, nl);
        if (lineStart >= 0 && secretNamed(scan, lineStart, nl) == KeyNames.Key.PASSWORD) {
            claim(scan, KeyNames.Key.PASSWORD, start, end);
        }
    }

    /**
     * A line of Postfix's {@code sasl_passwd} map, {@code [relay.host]:port user:password}: its last word
     * {@code [start, end)}, the first word ending at {@code firstEnd}, a bracketed host with a dot that starts the line.
     * What follows the user's colon goes when it looks like a password ({@link Values#passwordLike}), so
     * {@code [db.acme.net] 10.0.0.7:5432} and {@code [main] INFO: …} keep theirs; a qualified name after a source file
     * ({@code [account_reconcilor.cc:207] AccountReconcilor::Shutdown}, Chromium's and glog's prefix) is C++'s scope
     * operator, no login ({@link #scope}). Whether it was such a line.
     */
    static boolean relayLogin(Scan scan, int firstEnd, int start, int end) {
        String s = scan.text;
        int first = firstEnd;
        while (first > 0 && firstEnd - first <= REACH && !Chars.space(s.charAt(first - 1))) {
            first--;
        }
        if (s.charAt(first) != '[' || first > 0 && s.charAt(first - 1) != '\n') {
            return false;
        }
        int close = Chars.indexOf(s, ']', first, firstEnd);
        if (close < 0 || Chars.indexOf(s, '.', first, close) < 0 || close + 1 < firstEnd && s.charAt(close + 1) != ':') {
            return false;
        }
        int colon = Chars.indexOf(s, ':', start, end);
        if (colon <= start || colon + 1 >= end) {
            return false;
        }
        if (scope(s, start, colon, end)) {
            return true;   // Class::Method after a log's [file.cc:207]: C++'s scope, no login
        }
        boolean user = Chars.indexOf(s, '@', start, colon) > 0 || Chars.indexOf(s, '.', start, colon) < 0;
        if (user && Values.passwordLike(s, colon + 1, end)) {
            scan.add(SecretKind.PASSWORD, colon + 1, end);
        }
        return true;
    }

    /**
     * Whether {@code s[start, end)} is a qualified name, {@code Name::member}: two identifiers joined by the scope
     * operator at {@code colon} (C++, Rust, PHP, Ruby), the second one maybe a destructor's {@code ~Name}.
     */
    private static boolean scope(String s, int start, int colon, int end) {
        if (colon + 2 >= end || s.charAt(colon + 1) != ':' || !Chars.letter(s.charAt(start))) {
            return false;
        }
        int member = s.charAt(colon + 2) == '~' ? colon + 3 : colon + 2;
        if (member >= end || !Chars.letter(s.charAt(member)) && s.charAt(member) != '_') {
            return false;
        }
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (!(Chars.alnum(c) || c == '_' || k >= colon && k < member)) {
                return false;
            }
        }
        return true;
    }

    private static void claim(Scan scan, KeyNames.Key key, int start, int end) {
        if (key == KeyNames.Key.NONE || key == KeyNames.Key.COOKIE || key == KeyNames.Key.AUTHORIZATION) {
            return;
        }
        String s = scan.text;
        if (end - start >= 2 && (s.charAt(start) == '"' || s.charAt(start) == '\'') && s.charAt(end - 1) == s.charAt(start)) {
            start++;   // a quoted value: the quotes stay
            end--;
        }
        boolean looks = Values.tokenLike(s, start, end)
                || key == KeyNames.Key.PASSWORD && Values.passwordLike(s, start, end);
        SecretKind kind = looks ? Judge.value(key, s, start, end) : null;
        if (kind != null) {
            scan.add(kind, start, end);
        }
    }

    /** The container engines' CLIs whose commands print an object's id of 64 hex digits alone on a line. */
    private static final String[] ENGINES = {"docker", "podman", "nerdctl"};

    /**
     * Whether the lone word {@code [start, end)} is 64 small hex digits below a container engine's command ({@code $
     * docker run -d … -e POSTGRES_PASSWORD=…}, {@code $ podman create …}, {@code $ sudo nerdctl commit …}): the id of
     * the container or image it made, as {@code docker ps} and the daemon's errors print it, whatever secret the
     * command's options name.
     */
    private static boolean containerId(String s, int lineStart, int lineEnd, int start, int end) {
        if (end - start != 64) {
            return false;
        }
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (!Chars.digit(c) && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        int k = Chars.skipBlanks(s, lineStart);
        int dollar = Chars.indexOf(s, '$', k, Math.min(lineEnd, k + 80));
        if (dollar >= 0 && dollar + 1 < lineEnd && s.charAt(dollar + 1) == ' ') {
            k = dollar + 2;   // past the prompt
        } else if (k + 1 < lineEnd && (s.charAt(k) == '#' || s.charAt(k) == '+') && s.charAt(k + 1) == ' ') {
            k += 2;
        }
        k = Chars.skipBlanks(s, k);
        if (s.startsWith("sudo ", k)) {
            k = Chars.skipBlanks(s, k + 5);
        }
        int w = k;
        while (k < lineEnd && Chars.alnum(s.charAt(k))) {
            k++;
        }
        return k < lineEnd && s.charAt(k) == ' ' && Chars.isAny(s, w, k, ENGINES);
    }

    /** Whether {@code [start, end)} is a rule of three dashes or more and nothing else. */
    private static boolean rule(String s, int start, int end) {
        int k = Chars.skipBlanks(s, start);
        if (end - k < 3) {
            return false;
        }
        for (int p = k; p < end; p++) {
            if (s.charAt(p) != '-') {
                return false;
            }
        }
        return true;
    }

    /** Where the line that ends at the line feed {@code nl} starts; -1 where it is longer than {@link #REACH}. */
    private static int lineStart(String s, int nl) {
        int k = nl;
        while (k > 0 && s.charAt(k - 1) != '\n') {
            if (nl - k > REACH) {
                return -1;
            }
            k--;
        }
        return k;
    }

    /**
     * Whether the line {@code [start, end)} is a shell command after its prompt: {@code $ …}, {@code # …}, {@code + …}
     * ({@code set -x}), {@code user@host:~$ …}.
     */
    private static boolean prompt(String s, int start, int end) {
        int k = Chars.skipBlanks(s, start);
        if (k + 1 < end && (s.charAt(k) == '$' || s.charAt(k) == '#' || s.charAt(k) == '+') && s.charAt(k + 1) == ' ') {
            return true;
        }
        int limit = Math.min(end - 1, k + 80);
        for (int p = k + 1; p < limit; p++) {
            char c = s.charAt(p);
            if ((c == '$' || c == '#') && s.charAt(p + 1) == ' ' && (s.charAt(p - 1) == '~' || s.charAt(p - 1) == ']')) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the word {@code s[w, k)} is the last part of a logger's dotted name in a log record's prefix, as Python's
     * logging prints it ({@code … - MainThread - botocore.auth - DEBUG - StringToSign:}, above the string botocore
     * signs): a lower-case module path whose last part is a subsystem's name ({@link KeyValues#LOGGER_PARTS}), not the
     * line's label, which ends it with the colon ({@code spring.security.auth:} still names what follows).
     */
    private static boolean loggerPart(String s, int w, int k, int end) {
        if (w < 2 || s.charAt(w - 1) != '.' || !Chars.lower(s.charAt(w - 2)) || k >= end || s.charAt(k) == ':'
                || s.charAt(k) == '=') {
            return false;
        }
        for (int i = w; i < k; i++) {
            if (!Chars.lower(s.charAt(i)) && !Chars.digit(s.charAt(i))) {
                return false;
            }
        }
        return Chars.isAnyExactly(s, w, k, KeyValues.LOGGER_PARTS);
    }

    /**
     * The strongest secret a word of {@code [start, end)} names ({@link KeyNames}; a word with its neighbour before,
     * for "API key", "access token"): a password before any other; NONE where none does.
     */
    static KeyNames.Key secretNamed(Scan scan, int start, int end) {
        String s = scan.text;
        KeyNames.Key best = KeyNames.Key.NONE;
        int previous = -1;
        int k = start;
        while (k < end) {
            while (k < end && !Chars.alnum(s.charAt(k))) {
                k++;
            }
            int w = k;
            while (k < end && (Chars.alnum(s.charAt(k)) || s.charAt(k) == '_' || s.charAt(k) == '-' && k + 1 < end
                    && Chars.alnum(s.charAt(k + 1)))) {
                k++;
            }
            if (k == w) {
                break;
            }
            if (k - w <= KeyNames.MAX_LENGTH && !loggerPart(s, w, k, end)) {
                KeyNames.Key key = KeyNames.classify(scan, w, k);
                if (key == KeyNames.Key.NONE && previous >= 0 && k - previous <= KeyNames.MAX_LENGTH) {
                    key = KeyNames.classify(scan, previous, k);
                }
                if (key == KeyNames.Key.PASSWORD) {
                    return key;
                }
                if (Judge.credential(key)) {
                    best = key;
                }
            }
            previous = w;
        }
        return best;
    }
}
