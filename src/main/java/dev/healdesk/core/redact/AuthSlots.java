package dev.healdesk.core.redact;

import java.util.ArrayList;
import java.util.List;

/**
 * A credential in the slot of a call or a command whose NAME says authentication, where no table names the call or the
 * tool: the general fallback of {@link PositionalCalls}, {@link AuthPairs} and {@link Positionals}, which know a few
 * hundred signatures, while a log prints calls and tools nobody listed. The auth words are kept as data
 * ({@link RuleTable}, {@code authSlots}), each with the documented APIs it was read from.
 *
 * <ul>
 * <li>A call, in any language's syntax ({@code a.b.login(…)}, {@code new Auth(…)}, {@code Login(…)}, {@code login!(…)},
 *   across lines as code frames print one), whose last name segment, split into words (camelCase, snake_case,
 *   PascalCase), holds an auth word ({@code signInWithEmailAndPassword}, {@code unlock_account}): among its quoted
 *   literal arguments ({@code b'…'}, {@code "…".toCharArray()} too, as {@link PositionalCalls#literal} reads them) the
 *   ones that look like a credential go. A word that names a connection or a bind ({@code connect}, {@code bind}) asks
 *   for a login's shape too: an identity (a user, a host, a DN) among the literals before the credential.</li>
 * <li>A command line whose subcommand is an auth word ({@code <tool> login …}, {@code <tool> auth login …},
 *   {@code <tool> auth:login …}, {@code <tool> unlock …}): a positional argument, or the value of a short flag the
 *   mainstream gives a password or a token ({@code -p}, {@code -P}, {@code -t}, {@code -k}, {@code -w}), that looks like
 *   a credential goes.</li>
 * </ul>
 *
 * Shape is the whole of it, as this reading fires on any call and any tool: a credential mixes three kinds of
 * characters as a password does ({@link Values#passwordLike}), or looks generated ({@link Values#generated},
 * {@link Values#tokenLike}); and it is no identity: an e-mail address, a URL, a path, a host, a UUID, or words (a user or
 * a service named in words and a number, a region, a scope, a locale, a DN: {@code svc-deploy}, {@code us-east-1},
 * {@code read:orders}, {@code cn=admin,dc=example,dc=org}). A variable, an environment look-up, a placeholder, a keyword
 * or labelled argument (the key-value rules') stays. Triggered by {@code (} after a word character (a call), and by the
 * first letter of a command word after a blank or a colon.
 */
final class AuthSlots extends Detector {

    /**
     * One row of the table: which part reads it ({@code calls}, {@code commands} or {@code flags}), its words (a call's
     * words written joined and in small letters, {@code signin} for {@code signIn}, {@code sign_in} and {@code SignIn};
     * a command's subcommand as written; a flag as written) and, for a call, whether it needs a login's shape.
     */
    record Row(String id, String part, List<String> words, boolean loginShape) {
    }

    private record Word(char[] text, boolean loginShape) {
    }

    /** The longest stretch after a call's bracket read for its arguments, and the most lines it may span. */
    private static final int MAX_CALL = 1024;
    private static final int MAX_LINES = 8;
    /** The longest call name read back from its bracket, and the most words split from it. */
    private static final int MAX_NAME = 64;
    private static final int MAX_VALUE = 256;
    /**
     * The names of a constructor or a factory, after which the type's name is read for the auth word instead: Ruby's
     * {@code .new}, Java's and Kotlin's {@code .of}, {@code .create}, {@code .from}, {@code .build}.
     */
    private static final String[] FACTORIES = {"new", "of", "create", "from", "build", "init", "open"};
    /** How many command words (the tool, a group) may stand between a command's start and its auth subcommand. */
    private static final int MAX_TOOL_WORDS = 2;

    /** The call words by their first letter ({@code a} to {@code z}). */
    private final Word[][] callWords = new Word[26][];
    private final String[] commandWords;
    private final String[] valueFlags;
    private final boolean[][] seconds = new boolean[128][];
    private long commandLengths;
    private final String commandFirsts;

    private static final boolean[] NAME_END = Chars.set(Chars.LETTERS + Chars.DIGITS + "_!");
    private static final boolean[] BLANK_OR_COLON = Chars.set(" \t:");

    AuthSlots(List<Row> rows) {
        List<List<Word>> by = new ArrayList<>();
        for (int k = 0; k < 26; k++) {
            by.add(new ArrayList<>());
        }
        List<String> commands = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        StringBuilder firsts = new StringBuilder();
        for (Row r : rows) {
            if (r.words().isEmpty()) {
                throw new IllegalArgumentException(r.id() + ": needs words");
            }
            for (String w : r.words()) {
                switch (r.part()) {
                    case "calls" -> {
                        if (w.length() < 4 || !w.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                            throw new IllegalArgumentException(r.id() + ": a call's word is four small letters or more: " + w);
                        }
                        by.get(w.charAt(0) - 'a').add(new Word(w.toCharArray(), r.loginShape()));
                    }
                    case "commands" -> {
                        if (w.length() < 4 || !w.chars().allMatch(c -> c >= 'a' && c <= 'z' || c == '-')) {
                            throw new IllegalArgumentException(r.id() + ": a command word is four small letters or more: " + w);
                        }
                        commands.add(w);
                        char first = w.charAt(0);
                        if (seconds[first] == null) {
                            seconds[first] = new boolean[128];
                            firsts.append(first);
                        }
                        seconds[first][w.charAt(1)] = true;
                        commandLengths |= 1L << Math.min(63, wordPart(w));
                    }
                    case "flags" -> {
                        if (w.length() != 2 || w.charAt(0) != '-' || !Chars.letter(w.charAt(1))) {
                            throw new IllegalArgumentException(r.id() + ": a flag is a dash and a letter: " + w);
                        }
                        flags.add(w);
                    }
                    default -> throw new IllegalArgumentException(r.id() + ": part is calls, commands or flags");
                }
            }
        }
        for (int k = 0; k < 26; k++) {
            callWords[k] = by.get(k).isEmpty() ? null : by.get(k).toArray(new Word[0]);
        }
        commandWords = commands.toArray(new String[0]);
        valueFlags = flags.toArray(new String[0]);
        commandFirsts = firsts.toString();
    }

    /** The length of a command word's first run of word characters ({@code sign} of {@code sign-in}). */
    private static int wordPart(String w) {
        int k = 0;
        while (k < w.length() && Chars.word(w.charAt(k))) {
            k++;
        }
        return k;
    }

    /** The first letters of the command words, for {@link Redactor}'s trigger table. */
    String commandFirsts() {
        return commandFirsts;
    }

    @Override
    boolean[] befores(char c) {
        return c == '(' ? NAME_END : BLANK_OR_COLON;
    }

    @Override
    boolean[] seconds(char c) {
        return c == '(' || c >= 128 ? null : seconds[c];
    }

    @Override
    long wordLengths(char c) {
        return commandLengths;
    }

    @Override
    int at(Scan scan, int i) {
        if (scan.text.charAt(i) == '(') {
            call(scan, i);
            return i + 1;
        }
        return command(scan, i);
    }

    // ---------------------------------------------------------------------------------------------------- calls

    private void call(Scan scan, int paren) {
        String s = scan.text;
        int nameEnd = paren;
        if (nameEnd > 0 && s.charAt(nameEnd - 1) == '!') {
            nameEnd--;   // a Rust macro's login!(…)
        }
        int nameStart = nameEnd;
        while (nameStart > 0 && nameEnd - nameStart <= MAX_NAME && Chars.word(s.charAt(nameStart - 1))) {
            nameStart--;
        }
        if (nameEnd - nameStart < 2 || nameEnd - nameStart > MAX_NAME) {
            return;
        }
        int words = authWord(s, nameStart, nameEnd);
        if (words == 0 && Chars.isAnyExactly(s, nameStart, nameEnd, FACTORIES)) {
            // a constructor or a factory of a type named for a login: Ruby's Auth::Login.new(…), Credentials.of(…)
            int typeEnd = nameStart > 1 && s.charAt(nameStart - 1) == '.' ? nameStart - 1
                    : nameStart > 2 && s.charAt(nameStart - 1) == ':' && s.charAt(nameStart - 2) == ':' ? nameStart - 2 : -1;
            int typeStart = typeEnd;
            while (typeStart > 0 && typeEnd - typeStart <= MAX_NAME && Chars.word(s.charAt(typeStart - 1))) {
                typeStart--;
            }
            words = typeEnd - typeStart >= 4 && typeEnd - typeStart <= MAX_NAME ? authWord(s, typeStart, typeEnd) : 0;
        }
        if (words == 0) {
            return;
        }
        boolean loginShape = words == 2;
        int[] args = arguments(s, paren + 1);
        int n = args[0];
        boolean identityBefore = false;
        for (int a = 0; a < n; a++) {
            int vs = args[1 + 2 * a];
            int ve = args[2 + 2 * a];
            if (vs < 0) {
                continue;
            }
            if (identity(s, vs, ve)) {
                identityBefore = true;
                continue;
            }
            if (credential(scan, vs, ve) && (!loginShape || identityBefore)) {
                scan.add(SecretKind.PASSWORD, vs, ve);
            }
        }
    }

    /**
     * Whether the name {@code s[start, end)}, split into words, holds an auth word: 0 none, 1 one that takes any
     * credential, 2 one that needs a login's shape. A word starts the name, follows an underscore or a digit, or is a
     * capital after a small letter or before one ({@code HTTPBasicAuth}: http, basic, auth); a word of the table may
     * run over two of the name's ({@code signin}: {@code signIn}, {@code sign_in}) and must end where one of them does.
     * Read in place, no copy made: the scan asks at every call's bracket.
     */
    private int authWord(String s, int start, int end) {
        int found = 0;
        for (int p = start; p < end; p++) {
            char c = s.charAt(p);
            if (!Chars.letter(c) || !wordStart(s, start, end, p)) {
                continue;
            }
            Word[] candidates = callWords[(c | 0x20) - 'a'];
            if (candidates == null) {
                continue;
            }
            for (Word cand : candidates) {
                int q = matchEnd(s, p, end, cand.text());
                if (q < 0 || q < end && Chars.lower(s.charAt(q))) {
                    continue;   // no match, or one that ends inside a word (authority)
                }
                if (!cand.loginShape()) {
                    return 1;
                }
                found = 2;
            }
        }
        return found;
    }

    /** Whether a word of the name {@code s[start, end)} starts at its letter {@code p}. */
    private static boolean wordStart(String s, int start, int end, int p) {
        if (p == start) {
            return true;
        }
        char b = s.charAt(p - 1);
        if (!Chars.letter(b)) {
            return true;   // after an underscore or a digit
        }
        return Chars.upper(s.charAt(p)) && (Chars.lower(b) || p + 1 < end && Chars.lower(s.charAt(p + 1)));
    }

    /**
     * Where the word {@code word} (small letters) ends when the name's letters from {@code p} spell it, in either case,
     * underscores between skipped ({@code sign_in}); else -1.
     */
    private static int matchEnd(String s, int p, int end, char[] word) {
        int q = p;
        for (char w : word) {
            while (q < end && s.charAt(q) == '_') {
                q++;
            }
            if (q >= end || !Chars.letter(s.charAt(q)) || (s.charAt(q) | 0x20) != w) {
                return -1;
            }
            q++;
        }
        return q;
    }

    /**
     * The call's positional arguments that are quoted literals, from the bracket's inside at {@code from}: {@code [n,
     * start1, end1, …]}, the literal's text, or -1 where the argument is no literal (a variable, a call, a keyword or
     * labelled argument: {@code password="…"}, {@code user: "…"}). Brackets and quotes nest; the list may go over lines
     * (a code frame's gutter, {@code   14 |}, and pytest's {@code >} skipped after each line's start), up to its closing
     * bracket; a cut-off list counts what ended before its cut.
     */
    private static int[] arguments(String s, int from) {
        int[] out = new int[1 + 2 * 12];
        int n = 0;
        int limit = Math.min(s.length(), from + MAX_CALL);
        int[] lines = {0};
        int k = from;
        while (k < limit && n < 12) {
            k = skipGap(s, k, limit);
            int start = k;
            k = PositionalCalls.argumentEnd(s, k, limit, lines, MAX_LINES);
            if (k < 0) {
                break;
            }
            boolean closed = s.charAt(k) != ',';
            int end = k;
            while (end > start && Chars.space(s.charAt(end - 1))) {
                end--;
            }
            if (end > start) {
                int[] value = labelled(s, start, end) ? null : PositionalCalls.literal(s, start, end);
                out[1 + 2 * n] = value == null ? -1 : value[0];
                out[2 + 2 * n] = value == null ? -1 : value[1];
                n++;
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
     * Past the blanks and line breaks from {@code k}, and after a line break past a code frame's gutter ({@code >},
     * a line's number, {@code |}), to where an argument starts.
     */
    static int skipGap(String s, int k, int limit) {
        while (k < limit) {
            char c = s.charAt(k);
            if (Chars.blank(c)) {
                k++;
            } else if (c == '\n' || c == '\r') {
                k++;
                int g = Chars.skipBlanks(s, k);
                if (g < limit && s.charAt(g) == '>') {
                    g = Chars.skipBlanks(s, g + 1);
                }
                int d = g;
                while (d < limit && Chars.digit(s.charAt(d))) {
                    d++;
                }
                int bar = Chars.skipBlanks(s, d);
                if (bar < limit && s.charAt(bar) == '|') {
                    k = bar + 1;
                } else if (d == g) {
                    k = g;
                }
            } else {
                return k;
            }
        }
        return k;
    }

    /**
     * Whether the argument {@code s[start, end)} is named: a keyword ({@code name=…}, not {@code ==} or {@code =>}) or a
     * label ({@code name: …}, not {@code ::}); its value is the key-value rules' to judge by its name.
     */
    private static boolean labelled(String s, int start, int end) {
        int k = PositionalCalls.afterName(s, start, end);
        if (k < 0) {
            return false;
        }
        char c = s.charAt(k);
        char next = s.charAt(k + 1);
        return c == '=' && next != '=' && next != '>' || c == ':' && next != ':';
    }

    // ---------------------------------------------------------------------------------------------------- commands

    /**
     * The command word at {@code i}, when it is a subcommand of a tool at a command's start: its positional arguments
     * and the values of its password and token flags that look like a credential go.
     */
    private int command(Scan scan, int i) {
        String s = scan.text;
        int end = scan.wordEnd(i);
        int tokenEnd = end;
        while (tokenEnd < s.length() && (s.charAt(tokenEnd) == '-' || Chars.word(s.charAt(tokenEnd)))) {
            tokenEnd++;   // sign-in
        }
        if (tokenEnd < s.length() && !Chars.blank(s.charAt(tokenEnd)) || !Chars.isAnyExactly(s, i, tokenEnd, commandWords)) {
            return end;
        }
        // the token the word ends: "login", or the last part of "auth:login"
        int tokenStart = i;
        while (tokenStart > 0 && !Chars.space(s.charAt(tokenStart - 1)) && i - tokenStart < 32) {
            tokenStart--;
        }
        if (tokenStart == 0 || !Chars.blank(s.charAt(tokenStart - 1))) {
            return end;
        }
        for (int k = tokenStart; k < i; k++) {
            char c = s.charAt(k);
            if (!(Chars.lower(c) || Chars.digit(c) || c == '-' || c == ':' || c == '_')) {
                return end;
            }
        }
        if (!toolBefore(s, tokenStart)) {
            return end;
        }
        arguments(scan, tokenEnd);
        return end;
    }

    /**
     * Whether one or two command words (the tool, a group: {@code gh auth}, {@code jfrog rt}) stand right before
     * {@code at}, blanks between, the first where a command starts ({@link Positionals#commandStart}): a tool is
     * written in small letters, digits, {@code - _ .} and a path's slashes; a log's level ({@code INFO}) or a word with
     * a sentence's sign is none.
     */
    private static boolean toolBefore(String s, int at) {
        int k = at;
        for (int words = 0; words < MAX_TOOL_WORDS; words++) {
            while (k > 0 && Chars.blank(s.charAt(k - 1))) {
                k--;
            }
            int wordEnd = k;
            while (k > 0 && toolChar(s.charAt(k - 1))) {
                k--;
            }
            if (k == wordEnd || !(Chars.lower(s.charAt(k)) || s.charAt(k) == '.' || s.charAt(k) == '/')) {
                return false;
            }
            if (k > 0 && !Chars.space(s.charAt(k - 1)) && "|;&`($#>+".indexOf(s.charAt(k - 1)) < 0) {
                return false;
            }
            if (Positionals.commandStart(s, k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean toolChar(char c) {
        return Chars.lower(c) || Chars.digit(c) || c == '-' || c == '_' || c == '.' || c == '/';
    }

    /** The command's arguments from {@code from} to the line's end or a pipe: see {@link #command}. */
    private void arguments(Scan scan, int from) {
        String s = scan.text;
        int v = from;
        boolean valueNext = false;   // the argument after a password or token flag: its value
        boolean skipNext = false;    // the argument after another flag: perhaps its value, no position
        int limit = Math.min(s.length(), from + MAX_CALL);
        while (true) {
            while (v < limit && Chars.blank(s.charAt(v))) {
                v++;
            }
            if (v >= limit || "\n\r|;&>#".indexOf(s.charAt(v)) >= 0) {
                return;
            }
            int quote = Quotes.open(s, v);
            int start = v + quote;
            int argEnd = Quotes.valueEnd(s, start, quote, "", MAX_VALUE);
            boolean flag = quote == 0 && s.charAt(v) == '-';
            if (flag) {
                boolean valued = Chars.isAnyExactly(s, v, argEnd, valueFlags);
                boolean attached = Chars.indexOf(s, '=', v, argEnd) >= 0;
                valueNext = valued;
                skipNext = !valued && !attached;
            } else {
                if (quote == 0 && prose(s, start, argEnd)) {
                    return;   // a sentence, not a command: "could not connect to server: Connection refused (0x…)"
                }
                if ((valueNext || !skipNext) && argEnd > start) {
                    // user:password, as haproxy's stats auth and curl's -u take it: the user stays
                    int colon = Chars.indexOf(s, ':', start, argEnd);
                    int at = colon > start && words(s, start, colon) ? colon + 1 : colon < 0 ? start : -1;
                    if (at >= 0 && credential(scan, at, argEnd) && !identity(s, at, argEnd)) {
                        scan.add(SecretKind.PASSWORD, at, argEnd);
                    }
                }
                valueNext = false;
                skipNext = false;
            }
            v = argEnd + quote;
            if (v <= start - quote) {
                return;
            }
        }
    }

    /**
     * Whether the bare argument {@code s[start, end)} says the line is a sentence rather than a command: it ends in a
     * sentence's sign ({@code server:}, {@code user,}), or holds a bracket, as an error's code in a message does
     * ({@code (0x0000274D/10061)}); a shell would take neither as a credential unquoted.
     */
    private static boolean prose(String s, int start, int end) {
        if (end > start && ":,.;".indexOf(s.charAt(end - 1)) >= 0) {
            return true;
        }
        for (int k = start; k < end; k++) {
            if ("()[]{}<>".indexOf(s.charAt(k)) >= 0) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------- shapes

    /**
     * Whether {@code s[start, end)} looks like a credential: no blank, at most {@value #MAX_VALUE} characters, no
     * placeholder, environment variable's name or secret's name ({@code 'password'}, as a README writes one); and a
     * password's mix of three kinds of characters ({@link Values#passwordLike}), or generated
     * ({@link Values#generated}, {@link Values#tokenLike}).
     */
    private static boolean credential(Scan scan, int start, int end) {
        String s = scan.text;
        if (end - start < 6 || end - start > MAX_VALUE || Values.placeholder(s, start, end)
                || PositionalCalls.secretsName(scan, start, end)) {
            return false;
        }
        for (int k = start; k < end; k++) {
            if (Chars.space(s.charAt(k))) {
                return false;
            }
        }
        return Values.passwordLike(s, start, end) && AuthPairs.classes(s, start, end) >= 3
                || Values.generated(s, start, end) || Values.tokenLike(s, start, end);
    }

    /**
     * Whether {@code s[start, end)} names who or where rather than proves it: an e-mail address, a URL, a path, a host,
     * an IPv4 address, a UUID, an account's {@code 0x} address, words ({@link #words}), or {@code name=value} pairs (a
     * connection string, whose password is the key-value rules' to find).
     */
    static boolean identity(String s, int start, int end) {
        if (end <= start) {
            return true;
        }
        char c = s.charAt(start);
        if (c == '/' || c == '~' || c == '\\' || c == '.' && end - start > 1 && (s.charAt(start + 1) == '/'
                || s.charAt(start + 1) == '.' || s.charAt(start + 1) == '\\')
                || end - start > 2 && Chars.letter(c) && s.charAt(start + 1) == ':' && s.charAt(start + 2) == '\\'
                || Chars.contains(s, start, end, "://", false)) {
            return true;
        }
        int at = Chars.indexOf(s, '@', start, end);
        if (at > start && Chars.indexOf(s, '.', at, end) > at) {
            return true;
        }
        return Values.holdsUuid(s, start, end) || address(s, start, end) || host(s, start, end) || words(s, start, end)
                || Values.nestedPair(s, start, end);
    }

    /**
     * Whether {@code s[start, end)} is {@code 0x} and hex digits alone: an account's address (an Ethereum address that
     * {@code unlockAccount(address, password)} takes first), which names the account and proves nothing.
     */
    private static boolean address(String s, int start, int end) {
        if (end - start < 10 || s.charAt(start) != '0' || s.charAt(start + 1) != 'x') {
            return false;
        }
        for (int k = start + 2; k < end; k++) {
            if (!Chars.hex(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code s[start, end)} is a host's name or an IPv4 address: small letters, digits, dots and dashes, a dot
     * in it, and a last label of letters (a top-level domain) or of digits (an address).
     */
    private static boolean host(String s, int start, int end) {
        int dot = -1;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (c == '.') {
                dot = k;
            } else if (!(Chars.lower(c) || Chars.digit(c) || c == '-' || c == ':' && k > dot && dot > 0)) {
                return false;
            }
        }
        if (dot <= start || dot + 2 > end) {
            return false;
        }
        int last = dot + 1;
        int stop = last;
        while (stop < end && s.charAt(stop) != ':') {
            stop++;
        }
        return Chars.lettersOnly(s, last, stop) || Chars.digitsOnly(s, last, stop);
    }

    /**
     * Whether {@code s[start, end)} is made of words and numbers, as a user's or a service's name, a region, a scope, a
     * locale or a DN is ({@code svc-deploy}, {@code ci_runner01}, {@code us-east-1}, {@code read:orders},
     * {@code en-US}, {@code cn=admin,dc=example,dc=org}): parts between {@code - _ . : / , = + @} and blanks, each a
     * number, or letters in one case (a capital first allowed) spelt as words are (four letters or fewer, or a vowel in
     * five and no run of five other letters) and, in small letters, a number after them ({@code node3}). A password
     * mixes cases or letters and digits inside a part; a generated key does not spell.
     */
    static boolean words(String s, int start, int end) {
        boolean letters = false;
        int k = start;
        while (k < end) {
            int p = k;
            while (p < end && Chars.alnum(s.charAt(p))) {
                p++;
            }
            if (p == k) {
                if ("-_.:/,=+@ ".indexOf(s.charAt(k)) < 0) {
                    return false;
                }
                k++;
                continue;
            }
            int digitsFrom = p;
            while (digitsFrom > k && Chars.digit(s.charAt(digitsFrom - 1))) {
                digitsFrom--;
            }
            if (digitsFrom > k) {
                if (!spelt(s, k, digitsFrom, digitsFrom < p)) {
                    return false;
                }
                letters = true;
            }
            k = p;
        }
        return letters;
    }

    /**
     * Whether the letters {@code s[start, end)} are one word: one case (a capital first allowed; with a number after
     * them, small letters only), four letters or fewer, or a vowel among five and no run of five other letters.
     */
    private static boolean spelt(String s, int start, int end, boolean numberAfter) {
        boolean lower = true;
        boolean upper = true;
        int vowels = 0;
        int run = 0;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (!Chars.letter(c)) {
                return false;
            }
            if (k > start) {
                lower &= Chars.lower(c);
                upper &= Chars.upper(c);
            }
            if ("aeiouy".indexOf(c | 0x20) >= 0) {
                vowels++;
                run = 0;
            } else if (++run > 4) {
                return false;
            }
        }
        boolean firstLower = Chars.lower(s.charAt(start));
        boolean oneCase = lower && (firstLower || !numberAfter) || upper && !firstLower && !numberAfter;
        return oneCase && (end - start <= 4 || 5 * vowels >= end - start);
    }

}
