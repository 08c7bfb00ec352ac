package dev.healdesk.core.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Credentials given as command-line arguments, as CI logs echo them ({@code set -x}, "Running: …"): the flags of
 * {@link RuleTable} for the commands they belong to ({@code mysql -pSECRET}, {@code curl -u ci:SECRET},
 * {@code sshpass -p SECRET}, {@code docker login -p SECRET}), and for any command a long option named like a secret
 * followed by its value ({@code --password SECRET}, {@code --api-token SECRET}). Triggered by {@code -} at the start
 * of an argument; the command is looked for before the flag on the same line.
 */
final class CommandLines extends Detector {

    /**
     * One row of the table: the commands (a phrase such as {@code docker login} counts as one) for which the
     * {@code flags} carry a password, whether the value may be attached ({@code -pSECRET}) or the next argument, and
     * whether it is {@code user:password} (only what follows the first colon goes); {@code before}: the flag says
     * that the argument before it is the secret ({@code ConvertTo-SecureString '…' -AsPlainText}); {@code piped}: the
     * flag says the command reads its password from standard input, so what {@code echo} pipes into it is the secret
     * ({@code echo '…' | docker login -u ci --password-stdin}, {@code echo … | sudo -S …}); {@code position}, for
     * {@code before}: which positional argument of the command the secret is (1 the first; 0 any), so that
     * {@code nuget push pkg.nupkg KEY -Source …} loses its key and {@code nuget push pkg.nupkg -Source …} keeps its
     * package.
     */
    record Flag(String id, List<String> commands, List<String> flags, boolean attached, boolean next,
                boolean userPassword, boolean before, boolean piped, int position) {
    }

    private record Spelling(String flag, Flag rule) {
    }

    /** How far back on its line the command of a flag is looked for. */
    static final int REACH = 512;
    private static final int MAX_VALUE = 4096;

    /**
     * The flags of the table by their second character, longest first, so that {@code -passin} is not read as
     * {@code -p} and "assin".
     */
    private final Spelling[][] bySecond = new Spelling[128][];

    CommandLines(List<Flag> table) {
        List<Spelling> all = new ArrayList<>();
        for (Flag f : table) {
            for (String flag : f.flags()) {
                all.add(new Spelling(flag, f));
            }
        }
        all.sort(Comparator.comparingInt((Spelling sp) -> sp.flag().length()).reversed());
        // one pass, each spelling appended to its second character's row in the sorted order: what a filter of the
        // whole list for each of the 128 characters gave, without 128 streams in a fresh JVM's interpreter
        for (Spelling sp : all) {
            if (sp.flag().length() < 2 || sp.flag().charAt(1) >= 128) {
                continue;
            }
            char second = sp.flag().charAt(1);
            Spelling[] row = bySecond[second];
            row = row == null ? new Spelling[1] : Arrays.copyOf(row, row.length + 1);
            row[row.length - 1] = sp;
            bySecond[second] = row;
        }
    }

    private static final Spelling[] NO_SPELLINGS = {};

    private static final boolean[] FLAG_SECOND = Chars.set(Chars.LETTERS + "-");

    /** {@code -p}, {@code --password}: a letter or a second dash. */
    @Override
    public boolean[] seconds(char c) {
        return FLAG_SECOND;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (i > 0 && !argumentStart(s.charAt(i - 1)) || i + 2 >= s.length()) {
            return i + 1;
        }
        char second = s.charAt(i + 1);
        if (!Chars.letter(second) && second != '-') {
            return i + 1;   // a dash, a bullet, a negative number
        }
        int phrase = second == '-' ? flagPhrase(scan, i) : 0;
        if (phrase > 0) {
            return phrase;
        }
        Spelling[] candidates = bySecond[second];
        for (Spelling sp : candidates == null ? NO_SPELLINGS : candidates) {
            if (!s.startsWith(sp.flag(), i)) {
                continue;
            }
            int after = i + sp.flag().length();
            if (sp.flag().startsWith("--") && Chars.alnum(sp.flag().charAt(sp.flag().length() - 1)) && after < s.length()
                    && (Chars.alnum(s.charAt(after)) || s.charAt(after) == '-' || s.charAt(after) == '_')) {
                continue;   // a long option is read whole: --auth is not the start of --authtoken
            }
            if (sp.rule().piped()) {
                if ((after >= s.length() || Chars.space(s.charAt(after))) && command(s, i, sp.rule())) {
                    piped(scan, i, sp.rule().userPassword());
                    return after;
                }
                continue;
            }
            if (sp.rule().before()) {
                if ((after >= s.length() || Chars.space(s.charAt(after))) && command(s, i, sp.rule())) {
                    previous(scan, i, sp.rule());
                    return after;
                }
                continue;
            }
            int element = element(s, i, after);
            if (element > 0 && s.charAt(element + 1) != '-' && sp.rule().next() && command(s, i, sp.rule())) {
                return value(scan, element, sp.rule().userPassword() ? KeyNames.Key.NONE : KeyNames.Key.PASSWORD,
                        sp.rule().userPassword(), i + 1);
            }
            boolean blank = after < s.length() && Chars.blank(s.charAt(after));
            boolean attached = after < s.length() && !Chars.space(s.charAt(after)) && s.charAt(after) != '='
                    && !(element != 0 && s.charAt(after) == s.charAt(i - 1));
            if (!(blank && sp.rule().next() || attached && sp.rule().attached()) || !command(s, i, sp.rule())) {
                continue;
            }
            int v = after;
            while (v < s.length() && v - after < 4 && Chars.blank(s.charAt(v))) {
                v++;
            }
            return value(scan, v, sp.rule().userPassword() ? KeyNames.Key.NONE : KeyNames.Key.PASSWORD,
                    sp.rule().userPassword(), i + 1);
        }
        int extra = activityExtra(s, i);
        if (extra > 0) {
            return longOption(scan, i, extra);   // am instrument -e testPin 4821: the extra's name judges its value
        }
        int named = namedParameter(scan, i);
        if (named > 0) {
            return named;
        }
        if (s.charAt(i + 1) == '-') {
            return longOption(scan, i, i + 2);
        }
        // Go's flag package, PowerShell and Java tools spell long options with one dash: -wg-private-key KEY
        int n = i + 1;
        while (n < s.length() && n - i <= 8 && (Chars.alnum(s.charAt(n)) || s.charAt(n) == '-' || s.charAt(n) == '_')) {
            n++;
        }
        if (n - i > 4) {
            return longOption(scan, i, i + 1);
        }
        return i + 1;
    }

    /**
     * {@code --password VALUE}, {@code -api-token VALUE}: a long option named like a secret (its dash at {@code flag},
     * its name from {@code nameStart}), with its value as the next argument, or as the next element of an argument
     * vector printed quoted ({@code ["-UITestPassword", "VALUE"]}).
     */
    private int longOption(Scan scan, int flag, int nameStart) {
        String s = scan.text;
        int nameEnd = nameStart;
        while (nameEnd < s.length() && nameEnd - nameStart <= KeyNames.MAX_LENGTH
                && (Chars.alnum(s.charAt(nameEnd)) || s.charAt(nameEnd) == '-' || s.charAt(nameEnd) == '_'
                || s.charAt(nameEnd) == '.')) {
            nameEnd++;
        }
        if (nameEnd == nameStart || nameEnd >= s.length()) {
            return nameEnd;
        }
        // or a whole quoted element of an argument vector, its value the next element: a launch's arguments as a crash
        // report or a test prints them (["-UITestPassword", "…"]), a Go or Java program's argv (['-api-token', '…'])
        int element = element(s, flag, nameEnd);
        if (element <= 0 && !Chars.blank(s.charAt(nameEnd)) || element > 0 && s.charAt(element + 1) == '-') {
            return nameEnd;   // --name=value is KeyValues'
        }
        KeyNames.Key key = KeyNames.classify(scan, nameStart, nameEnd);
        if (key == KeyNames.Key.NONE || key == KeyNames.Key.COOKIE || action(s, nameStart, nameEnd)
                || featureSwitch(s, nameStart, nameEnd)) {
            return nameEnd;
        }
        int v = element > 0 ? element : nameEnd;
        while (element <= 0 && v < s.length() && v - nameEnd < 4 && Chars.blank(s.charAt(v))) {
            v++;
        }
        if (element <= 0 && proseWord(s, v)) {
            return nameEnd;   // "Using --password via the CLI is insecure": the option named in a sentence
        }
        // --basic-auth 'user:password' (ngrok, Hugging Face's and others' CLIs): the user is no secret
        return value(scan, v, key, ListValues.basicAuth(s, nameStart, nameEnd), nameEnd);
    }

    /** The commands of Android's activity manager that take extras by name ({@link #activityExtra}). */
    private static final String[] AM_COMMANDS = {"am instrument ", "am start ", "am start-activity ", "am broadcast ",
            "am startservice ", "am start-service ", "am start-foreground-service "};

    /**
     * For the dash at {@code i}: where the name of an extra starts when the dash opens {@code -e} or {@code --es} (a
     * string extra, its name then its value: {@code adb shell am instrument -w -e testPin 4821 -e apiToken …}) on a
     * line of Android's activity manager ({@link #AM_COMMANDS}, as adb, Gradle's connected tests and CI logs print the
     * command); else -1. The extra's name is then read as a long option's ({@code testPin}, {@code apiToken}), so a
     * {@code -e class com.acme.LoginTest} or {@code -e size small} stays.
     */
    private static int activityExtra(String s, int i) {
        int name = s.startsWith("-e ", i) ? i + 3 : s.startsWith("--es ", i) ? i + 5 : -1;
        if (name < 0) {
            return -1;
        }
        int from = Math.max(0, i - 2000);
        int lineStart = Math.max(from, Chars.lastIndexOf(s, '\n', from, i) + 1);
        // one pass over the line for "am " (docker run -e …, sed -e … are far more frequent and have none)
        for (int a = lineStart; a + 3 < i; a++) {
            if (s.charAt(a) != 'a' || s.charAt(a + 1) != 'm' || s.charAt(a + 2) != ' '
                    || a > lineStart && !Chars.blank(s.charAt(a - 1))) {
                continue;
            }
            for (String command : AM_COMMANDS) {
                if (s.startsWith(command, a)) {
                    return Chars.skipBlanks(s, name);
                }
            }
        }
        return -1;
    }

    /**
     * The options that take a parameter's NAME and then its VALUE as two arguments: papermill's documented
     * {@code -p/--parameters NAME VALUE} and {@code -r/--parameters_raw NAME VALUE} (papermill --help), a notebook's
     * parameters given on the command line.
     */
    private static final Flag NAMED_PARAMETERS = new Flag("papermill-parameters", List.of("papermill"),
            List.of("--parameters_raw", "--parameters", "-p", "-r"), false, true, false, false, false, 0);

    /**
     * {@code papermill in.ipynb out.ipynb -p api_token VALUE}: at the dash at {@code flag}, one of
     * {@link #NAMED_PARAMETERS}' options after its command, the parameter's name as the next argument and its value
     * the one after, judged by the name as any key's ({@code -p customer_id 42}, {@code -p region eu} stay). Returns
     * where scanning goes on, or 0 where there is no such option.
     */
    private static int namedParameter(Scan scan, int flag) {
        String s = scan.text;
        for (String f : NAMED_PARAMETERS.flags()) {
            int after = flag + f.length();
            if (!s.startsWith(f, flag) || after >= s.length() || !Chars.blank(s.charAt(after))
                    || !command(s, flag, NAMED_PARAMETERS)) {
                continue;
            }
            int nameStart = Chars.skipBlanks(s, after);
            int nameEnd = nameStart;
            while (nameEnd < s.length() && nameEnd - nameStart <= KeyNames.MAX_LENGTH
                    && (Chars.alnum(s.charAt(nameEnd)) || s.charAt(nameEnd) == '_')) {
                nameEnd++;
            }
            if (nameEnd == nameStart || nameEnd >= s.length() || !Chars.blank(s.charAt(nameEnd))) {
                return 0;
            }
            KeyNames.Key key = KeyNames.classify(scan, nameStart, nameEnd);
            if (key == KeyNames.Key.NONE || key == KeyNames.Key.COOKIE) {
                return nameEnd;
            }
            return value(scan, Chars.skipBlanks(s, nameEnd), key, false, nameEnd);
        }
        return 0;
    }

    /** Verbs that, first in a long option's name, make its value the name of the secrets it acts on. */
    private static final String[] ACTIONS = {"export-", "list-", "delete-", "revoke-", "show-", "describe-"};

    /**
     * Whether the long option {@code s[nameStart, nameEnd)} acts on secrets rather than giving one: its value names
     * them ({@code gpg --export-secret-keys 8feb…} a fingerprint, {@code --delete-secret-key ci@acme.net}, {@code
     * --describe-secret prod/db}); {@code --set-password}, {@code --new-token} still give theirs.
     */
    private static boolean action(String s, int nameStart, int nameEnd) {
        for (String verb : ACTIONS) {
            if (nameEnd - nameStart > verb.length() && s.regionMatches(true, nameStart, verb, 0, verb.length())) {
                return true;
            }
        }
        return false;
    }

    /** The prefixes of Autoconf's and Meson's feature switches ({@link #featureSwitch}). */
    private static final String[] SWITCHES = {"enable-", "disable-"};

    /**
     * Whether the long option {@code s[nameStart, nameEnd)} switches a feature on or off, as configure scripts name
     * theirs ({@code --enable-user-session}, {@code --disable-auth-cache}): it takes no argument apart (a value is
     * joined to it, {@code --enable-x=yes}, which is KeyValues'), so the next word is the sentence's or the next
     * argument ({@code The --enable-user-session configure option}).
     */
    private static boolean featureSwitch(String s, int nameStart, int nameEnd) {
        for (String prefix : SWITCHES) {
            if (nameEnd - nameStart > prefix.length() && s.regionMatches(true, nameStart, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return false;
    }

    /** The words a tool's log calls a command-line option by: {@code "--token" flag}, {@code --token option}. */
    private static final String[] FLAG_WORDS = {"flag", "option", "argument", "switch"};

    /**
     * A tool's log line that names a long option, the word for one and a colon, then the value it was given: Vercel's
     * CLI {@code Using token from "--token" flag: …} (its debug output), firebase-tools' {@code authorizing via --token
     * option: …}. At the dashes at {@code i}: the value after the colon is judged by the option's name, as the value
     * of a key of that name ({@link KeyNames#classify}, {@link Judge#value}); {@code Using project from --project
     * flag: acme-shop} stays. Returns where scanning goes on, or 0 where the line is not so (redact63).
     */
    private static int flagPhrase(Scan scan, int i) {
        String s = scan.text;
        int name = i + 2;
        int k = name;
        while (k < s.length() && k - name <= KeyNames.MAX_LENGTH && (Chars.alnum(s.charAt(k)) || s.charAt(k) == '-'
                || s.charAt(k) == '_')) {
            k++;
        }
        int nameEnd = k;
        if (nameEnd - name < 2 || !Chars.letter(s.charAt(name))) {
            return 0;
        }
        if (k < s.length() && i > 0 && (s.charAt(i - 1) == '"' || s.charAt(i - 1) == '\'')
                && s.charAt(k) == s.charAt(i - 1)) {
            k++;   // "--token" flag
        }
        if (k >= s.length() || s.charAt(k) != ' ') {
            return 0;
        }
        int w = k + 1;
        int e = w;
        while (e < s.length() && e - w <= 8 && Chars.lower(s.charAt(e))) {
            e++;
        }
        if (e + 1 >= s.length() || s.charAt(e) != ':' || s.charAt(e + 1) != ' ' || !Chars.isAny(s, w, e, FLAG_WORDS)) {
            return 0;
        }
        KeyNames.Key key = KeyNames.classify(scan, name, nameEnd);
        if (key == KeyNames.Key.NONE) {
            return 0;
        }
        int v = Chars.skipBlanks(s, e + 1);
        int end = v;
        while (end < s.length() && !Chars.space(s.charAt(end)) && end - v < MAX_VALUE) {
            end++;
        }
        // the phrase is prose: its value goes as a key's would in a sentence (Judge.inProse), so "--password flag:
        // required" and "--token option: see the docs" keep their words
        SecretKind kind = end > v && Judge.inProse(key, s, v, end) ? Judge.value(key, s, v, end) : null;
        if (kind != null) {
            scan.add(kind, v, end);
        }
        return v;   // the scan goes on in the value: a token of known shape names it better
    }

    /** Small words of a sentence, never a password's argument: "--password via the CLI", "--token is deprecated". */
    private static final String[] PROSE = {"via", "on", "in", "is", "are", "was", "with", "from", "for", "to", "and",
        "or", "the", "a", "an", "not", "as", "by", "at", "if", "when", "will", "must", "should", "can", "cannot", "may",
        "instead", "option", "flag", "argument", "parameter", "only", "also", "has", "have", "be", "of"};

    /** Whether an unquoted word of {@link #PROSE} followed by a blank starts at {@code v}. */
    private static boolean proseWord(String s, int v) {
        int e = v;
        while (e < s.length() && e - v <= 9 && Chars.lower(s.charAt(e))) {
            e++;
        }
        if (e == v || e >= s.length() || s.charAt(e) != ' ') {
            return false;
        }
        for (String w : PROSE) {
            if (w.length() == e - v && s.startsWith(w, v)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an auth type of bearer is given earlier on the command line of the value at {@code v}, as HTTPie and xh
     * take it: {@code --auth-type=bearer}, {@code --auth-type bearer}, {@code -A bearer}; what {@code --auth} gives then
     * is the token, no user.
     */
    static boolean bearerType(String s, int v) {
        int line = s.lastIndexOf('\n', v - 1) + 1;
        for (String t : BEARER_TYPES) {
            int at = s.indexOf(t, line);
            if (at >= 0 && at < v) {
                return true;
            }
        }
        return false;
    }

    private static final String[] BEARER_TYPES = {"--auth-type=bearer ", "--auth-type bearer ", "-A bearer ",
            "--auth-type=\"bearer\" ", "--auth-type='bearer' "};

    /**
     * Claims the argument at {@code v} (quoted or up to a blank) as {@code key} says; {@code userPassword}: only
     * what follows its first colon. Returns where scanning goes on.
     */
    private static int value(Scan scan, int v, KeyNames.Key key, boolean userPassword, int otherwise) {
        String s = scan.text;
        if (v >= s.length() || s.charAt(v) == '-' || Chars.space(s.charAt(v))) {
            return otherwise;
        }
        if (s.charAt(v) == '(') {
            // a subexpression, PowerShell's -Password (ConvertTo-SecureString '…' -AsPlainText -Force): code whose
            // output is the value, no value; the literal in it goes by its own flag (previous)
            return otherwise;
        }
        int quote = Quotes.open(s, v);
        int start = v + quote;
        int end = Quotes.valueEnd(s, start, quote, "\"'`", MAX_VALUE);
        if (userPassword) {
            int colon = Chars.indexOf(s, ':', start, end);
            if (colon < 0) {
                colon = sambaPercent(s, start, end);
            }
            if (colon >= 0 && colon + 1 == end && colon > start) {
                // curl -u KEY: — an API key sent as the user of basic auth with no password, as Stripe's, CircleCI's
                // and many providers' docs show it: the user is the secret when it looks generated, and the scan goes
                // on inside it, so that a key of known shape names it better
                SecretKind kind = Judge.value(KeyNames.Key.SECRET, s, start, colon);
                if (kind != null) {
                    scan.add(kind, start, colon);
                }
                return start;
            }
            if (colon < 0 && !Values.placeholder(s, start, end)) {
                // no password after a user: HTTPie's --auth-type=bearer --auth TOKEN (-A bearer -a TOKEN) sends the
                // value as a bearer token, which goes as its name says; else the scan goes on inside it, so that a
                // token of known shape (a JWT) goes, an address goes as one, and a plain user's name stays (redact61)
                SecretKind kind = bearerType(s, v) ? Judge.value(KeyNames.Key.SECRET, s, start, end) : null;
                if (kind != null) {
                    scan.add(kind, start, end);
                }
                return start;
            }
            if (colon < 0 || Values.placeholder(s, colon + 1, end)) {
                return Math.max(otherwise, end);
            }
            scan.add(SecretKind.PASSWORD, colon + 1, end);
            return start;
        }
        if (Values.placeholder(s, start, end) || secretSpec(s, start, end)) {
            return Math.max(otherwise, end);
        }
        SecretKind kind = Judge.field(key, s, start, end);
        if (kind == null) {
            return Math.max(otherwise, end);
        }
        scan.add(kind, start, end);   // buildah --creds user:…: the user stays (Scan.add)
        return start;   // the value may be a token of known shape, which names it better
    }

    /** The attributes of BuildKit's secret and mount specifications ({@link #secretSpec}). */
    private static final String[] SPEC_KEYS = {"id", "type", "src", "source", "env", "target", "dst", "required",
            "mode", "uid", "gid"};

    /**
     * Whether the argument {@code s[start, end)} is a specification of where a secret comes from, as BuildKit reads
     * {@code docker build --secret}, {@code buildctl --secret} and {@code RUN --mount=type=secret}: attributes
     * {@code key=value} apart by commas, each key one of {@link #SPEC_KEYS} ({@code id=npmrc,src=$HOME/.npmrc},
     * {@code id=aws,env=AWS_SECRET}, {@code type=file,id=token}): a file's or a variable's name and the secret's id,
     * never its value. A bare value ({@code --secret s3cr3t…}) or one with other keys is still judged.
     */
    static boolean secretSpec(String s, int start, int end) {
        int part = start;
        while (part < end) {
            int eq = Chars.indexOf(s, '=', part, end);
            if (eq < 0 || !Chars.isAny(s, part, eq, SPEC_KEYS)) {
                return false;
            }
            int comma = Chars.indexOf(s, ',', eq + 1, end);
            part = comma < 0 ? end : comma + 1;
        }
        return part > start;
    }

    /**
     * Claims the argument before the flag at {@code flag} as a password: quoted, or up to a blank; not a flag, not
     * the command (a word right after a blank that starts the line or follows a pipe or {@code =}... is looked at
     * as the command by {@link #command}, so only a quoted or variable-free argument goes).
     */
    private static void previous(Scan scan, int flag, Flag rule) {
        String s = scan.text;
        int end = flag;
        while (end > 0 && Chars.blank(s.charAt(end - 1))) {
            end--;
        }
        if (end == 0 || end == flag) {
            return;
        }
        char q = s.charAt(end - 1);
        int start;
        if (q == '"' || q == '\'') {
            start = end - 2;
            while (start >= 0 && s.charAt(start) != q && s.charAt(start) != '\n') {
                start--;
            }
            if (start < 0 || s.charAt(start) != q || start + 1 >= end - 1) {
                return;
            }
            start++;
            end--;
        } else {
            start = end;
            while (start > 0 && !Chars.space(s.charAt(start - 1))) {
                start--;
            }
            if (s.charAt(start) == '-' || Chars.indexOf(s, '-', start, end) >= 0 && Chars.upper(s.charAt(start))) {
                return;   // a flag, or the command itself (ConvertTo-SecureString)
            }
        }
        if (Values.placeholder(s, start, end)
                || rule.position() > 0 && position(s, flag, rule, start) != rule.position()) {
            return;
        }
        scan.add(SecretKind.PASSWORD, start, end);
    }

    /**
     * Which positional argument of {@code rule}'s command the argument at {@code arg} (its first character, a quote
     * excluded) is: 1 for the first after the command; -1 when a flag stands between or the command is not found.
     */
    private static int position(String s, int flag, Flag rule, int arg) {
        int lineStart = flag;
        while (lineStart > 0 && flag - lineStart < REACH && (s.charAt(lineStart - 1) != '\n' || continued(s, lineStart - 1))) {
            lineStart--;
        }
        for (String c : rule.commands()) {
            for (int k = arg - c.length() - 1; k >= lineStart; k--) {
                if (s.regionMatches(true, k, c, 0, c.length()) && (k == 0 || !Chars.alnum(s.charAt(k - 1)))
                        && Chars.space(s.charAt(k + c.length()))) {
                    int count = 0;
                    int p = k + c.length();
                    while (p < arg) {
                        while (p < arg && Chars.blank(s.charAt(p))) {
                            p++;
                        }
                        if (p >= arg) {
                            break;
                        }
                        if (s.charAt(p) == '-') {
                            return -1;
                        }
                        char q = s.charAt(p);
                        if (q == '"' || q == '\'') {
                            int close = Chars.indexOf(s, q, p + 1, arg);
                            if (close < 0) {
                                break;   // the argument itself, quoted
                            }
                            p = close + 1;
                        } else {
                            while (p < arg && !Chars.blank(s.charAt(p))) {
                                p++;
                            }
                        }
                        count++;
                    }
                    return count + 1;
                }
            }
        }
        return -1;
    }

    /**
     * Claims what {@code echo} or {@code printf} pipes into the command of the flag at {@code flag}: the last argument
     * before the {@code |} on the flag's line, when the pipeline's first command is {@code echo} or {@code printf};
     * {@code userPassword}: only what follows its first colon ({@code echo 'bob:…' | chpasswd}).
     */
    static void piped(Scan scan, int flag, boolean userPassword) {
        String s = scan.text;
        int lineStart = flag;
        while (lineStart > 0 && flag - lineStart < REACH && s.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        int bar = -1;
        for (int k = flag - 1; k > lineStart; k--) {
            if (s.charAt(k) == '|' && s.charAt(k - 1) != '|' && (k + 1 >= s.length() || s.charAt(k + 1) != '|')) {
                bar = k;
                break;
            }
        }
        if (bar < 0) {
            return;
        }
        int end = bar;
        while (end > lineStart && Chars.blank(s.charAt(end - 1))) {
            end--;
        }
        if (end == lineStart) {
            return;
        }
        char q = s.charAt(end - 1);
        int start;
        int argStart;
        if (q == '"' || q == '\'') {
            start = end - 2;
            while (start > lineStart && s.charAt(start) != q) {
                start--;
            }
            if (s.charAt(start) != q || start + 1 >= end - 1) {
                return;
            }
            argStart = start;
            start++;
            end--;
        } else {
            start = end;
            while (start > lineStart && !Chars.space(s.charAt(start - 1))) {
                start--;
            }
            argStart = start;
        }
        int w = argStart;   // the word before the argument: echo, printf (perhaps with -n or a format)
        for (int words = 0; words < 3; words++) {
            while (w > lineStart && Chars.blank(s.charAt(w - 1))) {
                w--;
            }
            int ws = w;
            while (ws > lineStart && !Chars.space(s.charAt(ws - 1))) {
                ws--;
            }
            int name = ws;
            while (name < w && (s.charAt(name) == '"' || s.charAt(name) == '\'' || s.charAt(name) == '(')) {
                name++;   // "cmd": "echo …
            }
            if (Chars.is(s, name, w, "echo") || Chars.is(s, name, w, "printf")) {
                if (userPassword) {
                    int colon = Chars.indexOf(s, ':', start, end);
                    start = colon < 0 ? end : colon + 1;
                }
                if (start < end && !Values.placeholder(s, start, end)) {
                    scan.add(SecretKind.PASSWORD, start, end);
                }
                return;
            }
            if (ws == w || s.charAt(ws) != '-' && s.charAt(ws) != '\'' && s.charAt(ws) != '"') {
                return;
            }
            w = ws;
        }
    }

    /**
     * Where the flag at {@code flag} (ending at {@code after}) is a whole quoted element of an argument vector, as
     * programs print one ({@code ['curl', '-u', 'ci:…']} in Python's {@code CalledProcessError}, {@code ["mysql", "-u",
     * …]} in JSON, auditd's {@code a1="-u" a2="ci:…"}): the start of the next element's opening quote, found past a
     * comma, blanks and an auditd-like {@code aN=}; 0 where the flag is not so quoted; -1 where it is but no quoted
     * element follows.
     */
    private static int element(String s, int flag, int after) {
        if (flag == 0 || after >= s.length()) {
            return 0;
        }
        char q = s.charAt(flag - 1);
        if (q != '"' && q != '\'' || s.charAt(after) != q) {
            return 0;
        }
        int v = after + 1;
        int limit = Math.min(s.length(), v + 8);
        while (v < limit && (Chars.blank(s.charAt(v)) || s.charAt(v) == ',')) {
            v++;
        }
        if (v < limit && Chars.letter(s.charAt(v))) {   // auditd's a2=
            int w = v + 1;
            while (w < limit && Chars.digit(s.charAt(w))) {
                w++;
            }
            if (w > v + 1 && w < s.length() && s.charAt(w) == '=') {
                v = w + 1;
            }
        }
        return v < s.length() && s.charAt(v) == q ? v : -1;
    }

    /** Whether a flag can start after {@code c}: a blank, a quote, an opening bracket. */
    private static boolean argumentStart(char c) {
        return Chars.space(c) || c == '"' || c == '\'' || c == '(' || c == '[' || c == ',';
    }

    /** Whether one of {@code rule}'s commands stands as a word before {@code flag} on its line. */
    private static boolean command(String s, int flag, Flag rule) {
        int lineStart = flag;
        while (lineStart > 0 && flag - lineStart < REACH && (s.charAt(lineStart - 1) != '\n' || continued(s, lineStart - 1))) {
            lineStart--;
        }
        for (String c : rule.commands()) {
            for (int k = flag - c.length() - 1; k >= lineStart; k--) {
                if (s.charAt(k) == c.charAt(0) && s.startsWith(c, k)
                        && (k == 0 || !Chars.alnum(s.charAt(k - 1)) && s.charAt(k - 1) != '-' && s.charAt(k - 1) != '_')
                        && commandEnd(s.charAt(k + c.length()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a command's name can end before {@code c}: a blank, or the quote of an argument vector's element. */
    private static boolean commandEnd(char c) {
        return Chars.space(c) || c == '"' || c == '\'';
    }

    /**
     * Whether the line break at {@code nl} continues a command: a backslash ends the line before it ({@code curl -v \},
     * then {@code -u ci:…} on the next line), as shells and the curl commands that HTTP clients print continue theirs.
     */
    private static boolean continued(String s, int nl) {
        int b = nl - 1;
        if (b >= 0 && s.charAt(b) == '\r') {
            b--;
        }
        return b >= 0 && s.charAt(b) == '\\';
    }

    /**
     * In a {@code user%password} value without a colon, as Samba's tools take it ({@code smbclient -U bob%…},
     * {@code net ads join -U Administrator%…}): the {@code %}, or -1 where there is none or it starts a %-escape
     * ({@code bob%40acme}).
     */
    private static int sambaPercent(String s, int start, int end) {
        int p = Chars.indexOf(s, '%', start, end);
        if (p <= start || p + 1 >= end) {
            return -1;
        }
        boolean escape = p + 2 < end && Character.digit(s.charAt(p + 1), 16) >= 0 && Character.digit(s.charAt(p + 2), 16) >= 0;
        return escape ? -1 : p;
    }

}
