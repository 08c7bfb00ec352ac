package dev.healdesk.core.redact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A secret given by position to a well-known function, constructor or method, as tracebacks, code frames, assertion
 * diffs and test logs print the source line: {@code jwt.sign(payload, '…')}, {@code crypto.createHmac('sha256', '…')},
 * {@code DriverManager.getConnection(url, "app", "…")}, {@code new Sequelize('shop', 'root', '…', {…})},
 * {@code ftplib.FTP(host, user, '…')}. The calls and the position of their secret are kept as data ({@link RuleTable},
 * {@code positionalCalls}), each with the signature it was read from. Only a quoted literal at that position goes (with
 * what makes bytes or characters of it around it: {@code b'…'}, {@code []byte("…")}, {@code "…".toCharArray()}); a
 * variable, an environment look-up ({@code process.env.X}, {@code os.environ[…]}, {@code System.getenv("X")}), a
 * placeholder, {@code None} or {@code null} stays, and so does a literal that only names an environment variable
 * ({@code 'JWT_SECRET'}) or a secret ({@code 'password'}, as a README's example writes one). Counting stops at a
 * keyword argument ({@code algorithm="HS256"}): after one, no argument is positional. A row whose name alone is
 * ambiguous asks for a shape too (random-looking, {@link Values#secretLike}) or a port's number at another position
 * (paramiko's {@code connect(host, 22, user, '…')}). Keyword and named arguments are other detectors'
 * ({@link NamedArguments}, {@link AuthPairs}, {@link KeyValues}). Triggered by the {@code (} after the last character
 * of a known call's name; the name's last two characters pick the rows to compare.
 */
final class PositionalCalls extends Detector {

    /**
     * One row: the calls as written ({@code jwt.sign}, {@code new Sequelize}; one that starts with {@code .} is a method
     * of any object), which argument is the secret (1 the first), what it is, a shape it must have (empty: none;
     * {@code secretLike}; {@code passwordLike}), the argument that must be a number (0: none), and the most positional
     * arguments the call takes (0: any): discord.js' {@code client.login(token)} takes one, so a {@code client.login}
     * with two is another library's login, whose first argument is a user.
     */
    record Row(String id, List<String> calls, int position, SecretKind kind, String shape, int numberAt, int most) {

        /** Whether a call of {@code n} arguments has this row's position and no more than its most. */
        boolean fits(int n) {
            return n >= position && (most <= 0 || n <= most);
        }
    }

    private record Call(String name, Row row) {
    }

    /** The longest stretch after the bracket read for the arguments. */
    private static final int MAX_CALL = 1024;
    /** The calls that make bytes, characters or an option of a literal, wrapped around it: {@code []byte("…")}. */
    private static final String[] WRAPPERS = {"byte", "bytes", "bytearray", "from", "GetBytes", "getBytes", "Some",
            "Data", "SecretStr", "toCharArray", "encode", "utf8"};
    /** The methods that make bytes or characters of a literal, after it: {@code "…".toCharArray()}. */
    private static final String[] SUFFIXES = {"toCharArray", "getBytes", "GetBytes", "encode", "as_bytes", "as_ref",
            "to_string", "to_owned", "into", "toByteArray", "toBytes", "bytes", "data", "utf8", "freeze", "b"};

    /** The calls by their name's last two characters (ASCII), {@code last2 << 7 | last}: one bucket a look-up. */
    private final Call[][] byLastTwo = new Call[1 << 14][];
    private final boolean[] lasts = new boolean[128];

    PositionalCalls(List<Row> rows) {
        Map<Integer, List<Call>> by = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.position() < 1 || r.calls().isEmpty()) {
                throw new IllegalArgumentException(r.id() + ": needs calls and a position of 1 or more");
            }
            for (String c : r.calls()) {
                if (c.length() < 3 || c.endsWith(" ") || c.charAt(c.length() - 1) >= 128 || c.charAt(c.length() - 2) >= 128) {
                    throw new IllegalArgumentException(r.id() + ": a call's name needs three characters or more: " + c);
                }
                by.computeIfAbsent(c.charAt(c.length() - 2) << 7 | c.charAt(c.length() - 1), k -> new ArrayList<>())
                        .add(new Call(c, r));
            }
        }
        by.forEach((two, list) -> {
            byLastTwo[two] = list.toArray(new Call[0]);
            lasts[two & 127] = true;
        });
    }

    @Override
    boolean[] befores(char c) {
        return lasts;
    }

    @Override
    int at(Scan scan, int paren) {
        String s = scan.text;
        Call[] calls = candidates(s, paren);
        if (calls == null) {
            return paren + 1;
        }
        int[] args = null;
        for (Call c : calls) {
            if (!named(s, paren, c.name())) {
                continue;
            }
            if (args == null) {
                args = arguments(s, paren + 1);
            }
            Row r = c.row();
            int n = args[0];
            if (!r.fits(n) || r.numberAt() > 0 && (n < r.numberAt()
                    || !number(s, args[2 * r.numberAt() - 1], args[2 * r.numberAt()]))) {
                continue;
            }
            int[] value = literal(s, args[2 * r.position() - 1], args[2 * r.position()]);
            if (value != null && shaped(r.shape(), s, value[0], value[1]) && !secretsName(scan, value[0], value[1])) {
                scan.add(r.kind(), value[0], value[1]);   // and on: another row may take another argument of the call
            }
        }
        return paren + 1;
    }

    /**
     * Whether a row names the call whose bracket is at {@code paren}, with as many arguments as the row allows, and no
     * such row puts its secret second: the documented signature says what the second argument is, so a guess by the
     * call's name ({@link AuthPairs}) leaves it. sbt's {@code Credentials(realm, host, user, password)}: the host
     * second stays, only the password fourth goes (redact63).
     */
    boolean secondNoSecret(String s, int paren) {
        Call[] calls = candidates(s, paren);
        if (calls == null) {
            return false;
        }
        boolean signed = false;
        int[] args = null;
        for (Call c : calls) {
            if (!named(s, paren, c.name())) {
                continue;
            }
            if (args == null) {
                args = arguments(s, paren + 1);
            }
            Row r = c.row();
            if (!r.fits(args[0])) {
                continue;
            }
            if (r.position() == 2) {
                return false;
            }
            signed = true;
        }
        return signed;
    }

    /** The rows' calls whose names end in the two characters before the bracket at {@code paren}; null where none. */
    private Call[] candidates(String s, int paren) {
        if (paren < 2) {
            return null;
        }
        char last = s.charAt(paren - 1);
        char before = s.charAt(paren - 2);
        return last < 128 && before < 128 ? byLastTwo[before << 7 | last] : null;
    }

    /**
     * Whether the call's name {@code name} ends right before the bracket at {@code paren}: written as it is (blanks
     * after {@code new} may be more than one), on no longer word ({@code myjwt.sign}); a name that starts with
     * {@code .} after an object's name or a call's bracket.
     */
    private static boolean named(String s, int paren, String name) {
        int k = paren;
        boolean member = name.charAt(0) == '.';
        for (int j = name.length() - 1; j >= (member ? 1 : 0); j--) {
            char c = name.charAt(j);
            if (k <= 0) {
                return false;
            }
            if (c == ' ') {
                if (!Chars.blank(s.charAt(k - 1))) {
                    return false;
                }
                while (k > 0 && Chars.blank(s.charAt(k - 1))) {
                    k--;
                }
                continue;
            }
            if (s.charAt(k - 1) != c) {
                return false;
            }
            k--;
        }
        if (member) {
            // a method of an object; or a mocked one as unittest.mock names it in its failure, by the method's name
            // alone: "Expected: connect('db', 22, 'app', '…')", "Actual: connect(…)"
            return k > 1 && s.charAt(k - 1) == '.'
                    && (Chars.word(s.charAt(k - 2)) || s.charAt(k - 2) == ')' || s.charAt(k - 2) == ']')
                    || afterMockLabel(s, k);
        }
        return k == 0 || !Chars.word(s.charAt(k - 1)) && s.charAt(k - 1) != '$' && s.charAt(k - 1) != '-';
    }

    /**
     * Whether the literal {@code s[start, end)} is a secret's name, words with no digit that name one ({@code 'password'},
     * {@code 'api_key'}): it stands in for a secret, as a README's example does. A value with a digit is not read as a
     * name (a random key's last letters may spell a label's).
     */
    static boolean secretsName(Scan scan, int start, int end) {
        return !Chars.hasDigit(scan.text, start, end) && KeyNames.classify(scan, start, end) != KeyNames.Key.NONE;
    }

    /** Whether {@code s[start…]} follows unittest.mock's {@code Expected: } or {@code Actual: } at a line's start. */
    private static boolean afterMockLabel(String s, int start) {
        int k = start;
        while (k > 0 && s.charAt(k - 1) == ' ') {
            k--;
        }
        if (k == start || k < 7 || s.charAt(k - 1) != ':') {
            return false;
        }
        int word = k - 1;
        int label = s.startsWith("Expected", word - 8) ? word - 8 : s.startsWith("Actual", word - 6) ? word - 6 : -1;
        if (label < 0) {
            return false;
        }
        int b = label;
        while (b > 0 && Chars.blank(s.charAt(b - 1))) {
            b--;
        }
        // pytest's "E   " before it
        if (b > 0 && s.charAt(b - 1) == 'E' && (b == 1 || s.charAt(b - 2) == '\n')) {
            b--;
        }
        return b == 0 || s.charAt(b - 1) == '\n';
    }

    /**
     * The positional arguments of the call whose list starts at {@code from}: {@code [n, start1, end1, start2, …]}, each
     * trimmed of blanks; brackets and quotes nest. Ends at the list's closing bracket, a line's end (a cut-off line),
     * or a keyword argument ({@code name=…}), after which nothing counts by position.
     */
    private static int[] arguments(String s, int from) {
        int[] out = new int[17];
        int n = 0;
        int limit = Math.min(s.length(), from + MAX_CALL);
        int k = from;
        while (k < limit && n < 8) {
            k = Chars.skipBlanks(s, k);
            int start = k;
            k = argumentEnd(s, k, limit, null, 0);
            if (k < 0) {
                break;   // a line cut off, or too long: what is read so far counts
            }
            boolean closed = s.charAt(k) != ',';
            int end = k;
            while (end > start && Chars.blank(s.charAt(end - 1))) {
                end--;
            }
            if (keyword(s, start, end)) {
                break;
            }
            if (end > start || !closed) {
                n++;
                out[2 * n - 1] = start;
                out[2 * n] = end;
            }
            if (closed) {
                break;
            }
            k++;
        }
        out[0] = n;
        return out;
    }

    /**
     * From {@code k}, inside a call's argument list, to the end of one argument: the index of the comma or the closing
     * bracket that ends it (brackets and quotes nest), or -1 where the list is cut off first (the limit, a quote not
     * closed before it, or a line's end). With {@code lines} the argument may go over lines, as a code frame prints a
     * call: {@code lines[0]} counts the line breaks crossed, at most {@code maxLines}, and each new line's gutter is
     * skipped ({@link AuthSlots#skipGap}); without it ({@code null}) a line's end cuts the list.
     */
    static int argumentEnd(String s, int k, int limit, int[] lines, int maxLines) {
        int depth = 0;
        while (k < limit) {
            char c = s.charAt(k);
            if (c == '\n' || c == '\r') {
                if (lines == null || ++lines[0] > maxLines) {
                    return -1;
                }
                k = AuthSlots.skipGap(s, k, limit);
                continue;
            }
            if (c == '"' || c == '\'' || c == '`') {
                int q = Quotes.close(s, k + 1, 1);
                if (q >= limit || s.charAt(q) != c) {
                    return -1;
                }
                k = q + 1;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    return k;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return k;
            }
            k++;
        }
        return -1;
    }

    /** Whether the argument {@code s[start, end)} is a keyword argument, {@code name=value} (not {@code ==}). */
    private static boolean keyword(String s, int start, int end) {
        int k = afterName(s, start, end);
        return k >= 0 && s.charAt(k) == '=' && s.charAt(k + 1) != '=' && s.charAt(k + 1) != '>';
    }

    /**
     * Where the word that opens the argument {@code s[start, end)} and the blanks after it end, at a character with one
     * more after it before {@code end} ({@code name=…}, {@code name: …}); -1 where the argument opens with no word or
     * nothing follows it. The one reader of an argument's name for this class and {@link AuthSlots}.
     */
    static int afterName(String s, int start, int end) {
        int k = start;
        while (k < end && Chars.word(s.charAt(k))) {
            k++;
        }
        if (k == start) {
            return -1;
        }
        k = Chars.skipBlanks(s, k);
        return k + 1 < end ? k : -1;
    }

    /** Whether the argument {@code s[start, end)} is a number, a port's. */
    private static boolean number(String s, int start, int end) {
        return end > start && end - start <= 5 && Chars.digitsOnly(s, start, end);
    }

    /**
     * The quoted literal that the argument {@code s[start, end)} is, as {@code [start, end)} of its text, or null: alone,
     * with a string's prefix ({@code b'…'}, {@code @"…"}), inside one of {@link #WRAPPERS} ({@code []byte("…")},
     * {@code Encoding.UTF8.GetBytes("…")}), or with some of {@link #SUFFIXES} after it ({@code "…".toCharArray()}).
     * A Swift label before it ({@code data: …}) is read past. Not a template with a part put in ({@code `${…}`}), nor a
     * literal that names an environment variable.
     */
    static int[] literal(String s, int start, int end) {
        int k = start;
        int label = k;
        while (label < end && Chars.word(s.charAt(label))) {
            label++;
        }
        if (label > k && label + 1 < end && s.charAt(label) == ':' && s.charAt(label + 1) != ':') {
            k = Chars.skipBlanks(s, label + 1);
        }
        int wraps = 0;
        int w = wrapper(s, k, end);
        if (w > 0) {
            k = w;
            wraps++;
            int again = wrapper(s, k, end);
            if (again > 0) {
                k = again;
                wraps++;
            }
        }
        int p = k;
        while (p < end && p - k < 2 && "bBrRuU@".indexOf(s.charAt(p)) >= 0) {
            p++;
        }
        if (p >= end) {
            return null;
        }
        char q = s.charAt(p);
        if (q != '"' && q != '\'' && q != '`') {
            return null;
        }
        int open = p + 1;
        int close = Quotes.close(s, open, 1);
        if (close >= end || s.charAt(close) != q || close == open) {
            return null;
        }
        if (q == '`' && Chars.indexOf(s, '$', open, close) >= 0 || Values.placeholder(s, open, close)
                || Values.envName(s, open, close)) {
            return null;
        }
        int r = close + 1;
        while (r < end) {
            if (s.charAt(r) == '!') {
                r++;
            } else if (s.charAt(r) == '.' && r + 1 < end && Chars.word(s.charAt(r + 1))) {
                int m = r + 1;
                while (m < end && Chars.word(s.charAt(m))) {
                    m++;
                }
                if (!Chars.isAnyExactly(s, r + 1, m, SUFFIXES)) {
                    return null;
                }
                r = m;
                if (r < end && s.charAt(r) == '(') {
                    int shut = s.indexOf(')', r);
                    if (shut < 0 || shut >= end) {
                        return null;
                    }
                    r = shut + 1;
                }
            } else if (s.charAt(r) == ')' && wraps > 0) {
                wraps--;
                r++;
            } else {
                return null;
            }
        }
        return wraps == 0 ? new int[] {open, close} : null;
    }

    /**
     * After {@code k}: the call of one of {@link #WRAPPERS} that opens there (a qualified name, Go's {@code []byte}),
     * as where its argument starts, or 0.
     */
    private static int wrapper(String s, int k, int end) {
        int m = k;
        if (s.startsWith("[]", m)) {
            m += 2;
        }
        int segment = m;
        while (m < end && (Chars.word(s.charAt(m)) || s.charAt(m) == '.' || s.charAt(m) == ':')) {
            if (s.charAt(m) == '.' || s.charAt(m) == ':') {
                segment = m + 1;
            }
            m++;
        }
        if (m >= end || m == segment || s.charAt(m) != '(' || !Chars.isAnyExactly(s, segment, m, WRAPPERS)) {
            return 0;
        }
        return Chars.skipBlanks(s, m + 1);
    }

    private static boolean shaped(String shape, String s, int start, int end) {
        return switch (shape) {
            // random-looking, and one word: a URL, a path or a phrase is no key ("https://slack.com/api/", "my project")
            case "secretLike" -> Values.secretLike(s, start, end) && Chars.indexOf(s, ' ', start, end) < 0
                    && !Chars.contains(s, start, end, "://", false);
            case "passwordLike" -> Values.passwordLike(s, start, end);
            default -> true;
        };
    }
}
