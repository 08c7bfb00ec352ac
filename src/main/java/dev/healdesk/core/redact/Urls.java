package dev.healdesk.core.redact;

import java.util.List;

/**
 * The credentials in a URL or DSN, found at its {@code ://} (any scheme: postgres, mysql, jdbc:*, mongodb and
 * mongodb+srv, redis and rediss, amqp and amqps, http(s), ftp, ldap, smtp...): the password of its user info goes,
 * {@code postgres://orders_svc:[REDACTED_PASSWORD]@db.internal.acme.net:5432/orders}, and so does a user that is a
 * token rather than a name ({@code https://[REDACTED_GENERIC_SECRET]@github.com/acme/shop.git}). The scheme, host,
 * port, path, database and query stay, so a reader still sees which database failed; query parameters named like
 * secrets ({@code ?password=}, {@code &sig=}) are {@link KeyValues}'. A password with a {@code #} or an {@code @}
 * that its tool did not %-encode goes whole too: the user info runs to the last {@code @} before the path. Also the
 * password of a libpq password file's line ({@code host:5432:db:user:…}), which names its host the same way.
 */
final class Urls extends Detector {

    /** A user name this long and this random is a token: {@code https://<token>@github.com}. */
    static final int MIN_TOKEN_USER = 20;
    /** A user of this many hex digits is a key: {@code https://<32 hex digits>@o412.ingest.sentry.io/4504}. */
    static final int MIN_HEX_USER = 32;

    private static final boolean[] SLASH = Chars.set("/0123456789*");
    /** How far into a URL its path's marker ({@code /hooks/}, {@code /receiver/v1/http/}) is looked for. */
    private static final int MAX_HOOK_PATH = 160;
    /** The longest secret segment read: Sumo Logic's collector codes run past 150 characters. */
    private static final int MAX_SEGMENT = 512;

    /**
     * One row of the {@code urlPaths} table of {@link RuleTable}: a credential that is a URL's path segment, found by
     * its place. {@code markers}: the segments (one or several, {@code receiver/v1/http}) after which it stands, an
     * empty one for the first segment of the path; {@code hosts}: the host names (or their last labels) the row holds
     * for, none for every host; {@code after}: how many segments stand between the marker and the secret (Grafana
     * OnCall's {@code /integrations/v1/<type>/<token>}); {@code min}: the fewest characters of a secret segment;
     * {@code next}: the segment after it goes too where it looks generated (Rocket.Chat's {@code /hooks/<id>/<token>}).
     */
    record PathRule(String id, List<String> markers, List<String> hosts, int after, int min, boolean next) {
    }

    private final PathRule[] paths;

    Urls(List<PathRule> paths) {
        this.paths = paths.toArray(new PathRule[0]);
    }

    /**
     * A credential in the path of a URL whose host starts at {@code host}: the segment after a marker of the table
     * ({@link PathRule}), an incoming webhook's id after {@code /hooks/} or {@code /webhooks/} (Mattermost's
     * {@code /hooks/<26 characters>}, n8n's {@code /webhook/<uuid>}), a log source's token (Sumo Logic's
     * {@code /receiver/v1/http/<token>}, Loggly's {@code /inputs/<token>/}), a heartbeat's, and on
     * hosts whose path is the secret (Healthchecks' {@code hc-ping.com/<uuid>}) the first segment. Whoever holds the
     * URL posts as the integration: the id is the secret, as Slack's and Discord's webhook URLs are (those are the
     * token table's). A segment goes only when it looks generated ({@link #hookSegment}: {@code min} or more letters,
     * digits, {@code _} or {@code -} with a letter and a digit), so {@code /hooks/pre-receive} and
     * {@code /webhooks/github} stay; a commit's hash after {@code /commit/}, a resource's UUID after {@code /users/}
     * and an asset's content hash stay, as no marker names them.
     */
    private void hook(Scan scan, int host) {
        String s = scan.text;
        int k = host;
        int limit = Math.min(s.length(), host + MAX_HOOK_PATH);
        while (k < limit && !Chars.space(s.charAt(k)) && s.charAt(k) != '"' && s.charAt(k) != '\'' && s.charAt(k) != '/') {
            k++;
        }
        int colon = Chars.lastIndexOf(s, ':', host, k);
        int hostEnd = colon >= 0 ? colon : k;   // without its port: hc-ping.com:443
        boolean first = true;
        while (k < limit && s.charAt(k) == '/') {
            int seg = k + 1;
            for (PathRule r : paths) {
                if (marked(s, seg, first, r) && onHost(s, host, hostEnd, r)) {
                    int id = after(s, seg + markerLength(s, seg, first, r), r.after());
                    int end = id < 0 ? -1 : hookSegment(s, id, r.min());
                    if (end > 0) {
                        scan.add(SecretKind.GENERIC_SECRET, id, end);
                        if (r.next() && end < s.length() && s.charAt(end) == '/' && hookSegment(s, end + 1, r.min()) > 0) {
                            scan.add(SecretKind.GENERIC_SECRET, end + 1, hookSegment(s, end + 1, r.min()));
                        }
                        return;
                    }
                }
            }
            first = false;
            k = seg;
            while (k < limit && (Chars.alnum(s.charAt(k)) || s.charAt(k) == '-' || s.charAt(k) == '_'
                    || s.charAt(k) == '.')) {
                k++;
            }
        }
    }

    /** Whether a marker of {@code r} stands at the segment {@code seg}, followed by a slash; the empty one first only. */
    private static boolean marked(String s, int seg, boolean first, PathRule r) {
        return markerLength(s, seg, first, r) >= 0;
    }

    /** The length of {@code r}'s marker at {@code seg} with its slash (0 for the empty one), or -1. */
    private static int markerLength(String s, int seg, boolean first, PathRule r) {
        for (String m : r.markers()) {
            if (m.isEmpty()) {
                if (first) {
                    return 0;
                }
            } else if (s.startsWith(m, seg) && seg + m.length() < s.length() && s.charAt(seg + m.length()) == '/') {
                return m.length() + 1;
            }
        }
        return -1;
    }

    /** Whether the host {@code s[start, end)} is one of {@code r}'s, or ends with one after a dot; no hosts: any. */
    private static boolean onHost(String s, int start, int end, PathRule r) {
        if (r.hosts().isEmpty()) {
            return true;
        }
        for (String h : r.hosts()) {
            int at = end - h.length();
            if (at >= start && s.regionMatches(true, at, h, 0, h.length()) && (at == start || s.charAt(at - 1) == '.')) {
                return true;
            }
        }
        return false;
    }

    /** The start of the segment {@code skip} segments on from {@code start}, or -1 where the path ends first. */
    private static int after(String s, int start, int skip) {
        int k = start;
        for (int n = 0; n < skip; n++) {
            while (k < s.length() && (Chars.alnum(s.charAt(k)) || s.charAt(k) == '-' || s.charAt(k) == '_'
                    || s.charAt(k) == '.')) {
                k++;
            }
            if (k >= s.length() || s.charAt(k) != '/') {
                return -1;
            }
            k++;
        }
        return k;
    }

    /** The end of a generated-looking path segment at {@code start} ({@link #hook}) of {@code min} or more characters, or -1. */
    private static int hookSegment(String s, int start, int min) {
        int e = start;
        boolean letter = false;
        boolean digit = false;
        while (e < s.length() && e - start <= MAX_SEGMENT && (Chars.alnum(s.charAt(e)) || s.charAt(e) == '-'
                || s.charAt(e) == '_')) {
            letter |= Chars.letter(s.charAt(e));
            digit |= Chars.digit(s.charAt(e));
            e++;
        }
        return e - start >= min && letter && digit && !Values.placeholder(s, start, e) ? e : -1;
    }

    /** {@code ://}; or a digit or {@code *}, the port of a {@code .pgpass} line. */
    @Override
    public boolean[] seconds(char c) {
        return SLASH;
    }

    /**
     * A scheme's last character ({@link #schemeChar}) or a {@code .pgpass} host's ({@link #hostChar}): after anything
     * else (a JSON key's closing quote, {@code "status":200}) neither reads back to a start.
     */
    @Override
    public boolean[] befores(char c) {
        return BEFORE;
    }

    private static final boolean[] BEFORE = before();

    private static boolean[] before() {
        boolean[] before = new boolean[128];
        for (char c = 0; c < 128; c++) {
            before[c] = schemeChar(c) || hostChar(c);
        }
        return before;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (!s.startsWith("://", i)) {
            if (i + 1 < s.length() && (Chars.digit(s.charAt(i + 1)) || s.charAt(i + 1) == '*')) {
                pgpass(scan, i);
            }
            return i + 1;
        }
        int schemeStart = i;
        while (schemeStart > 0 && schemeChar(s.charAt(schemeStart - 1)) && i - schemeStart < 20) {
            schemeStart--;
        }
        while (schemeStart < i && !Chars.letter(s.charAt(schemeStart))) {
            schemeStart++;
        }
        if (schemeStart == i) {
            return i + 1;
        }
        int authStart = i + 3;
        int authEnd = authStart;
        while (authEnd < s.length() && userInfoChar(s.charAt(authEnd)) && authEnd - authStart < 512) {
            authEnd++;
        }
        int at = Chars.lastIndexOf(s, '@', authStart, authEnd);
        if (at <= authStart) {
            hook(scan, authStart);
            return authStart;
        }
        int colon = Chars.indexOf(s, ':', authStart, at);
        if (colon >= 0) {
            if (!Values.placeholder(s, colon + 1, at) && !defaultLogin(s, schemeStart, i, authStart, at)) {
                scan.add(SecretKind.PASSWORD, colon + 1, at);
            }
            if (tokenUser(s, authStart, colon)) {
                scan.add(SecretKind.GENERIC_SECRET, authStart, colon);
            }
        } else if (tokenUser(s, authStart, at)) {
            scan.add(SecretKind.GENERIC_SECRET, authStart, at);
        }
        return authStart;
    }

    /**
     * The logins a server ships with and documents as its default, by scheme, that the server itself accepts only from
     * the machine it runs on: RabbitMQ's {@code guest:guest} (AMQP 0-9-1 and 1.0, its access control guide: the guest
     * user may connect only over loopback unless configured otherwise).
     */
    private static final String[][] DEFAULT_LOGINS = {{"amqp", "guest:guest"}, {"amqps", "guest:guest"}};

    /**
     * Whether the URL whose scheme is {@code s[schemeStart, schemeEnd)} and whose user information is
     * {@code s[authStart, at)} gives its scheme's documented default login
     * ({@link #DEFAULT_LOGINS}) to a loopback host ({@code amqp://guest:guest@localhost:5672}, as amqplib and
     * RabbitMQ's clients print their default URL): a login every reader of the docs knows that opens nothing beyond
     * this machine, kept so the line says which default was tried. The same login to another host, or another
     * password, still goes.
     */
    private static boolean defaultLogin(String s, int schemeStart, int schemeEnd, int authStart, int at) {
        int hostEnd = at + 1;
        while (hostEnd < s.length() && (Chars.alnum(s.charAt(hostEnd)) || s.charAt(hostEnd) == '.'
                || s.charAt(hostEnd) == '-')) {
            hostEnd++;
        }
        if (!loopback(s, at + 1, hostEnd)) {
            return false;
        }
        for (String[] login : DEFAULT_LOGINS) {
            if (Chars.is(s, schemeStart, schemeEnd, login[0]) && at - authStart == login[1].length()
                    && s.startsWith(login[1], authStart)) {
                return true;
            }
        }
        int colon = Chars.indexOf(s, ':', authStart, at);
        return colon >= authStart && Chars.isAnyExactly(s, colon + 1, at, EXAMPLE_PASSWORDS);
    }

    /**
     * The words a test, a README or a compose file writes in a password's place for a server on this machine
     * ({@code postgres://app:secret@localhost/app}, a Go test's expected DSN; {@code redis://:password@127.0.0.1}): a
     * word that says what goes there rather than a chosen password, in small letters, to a loopback host
     * ({@link #defaultLogin}); the same word to another host, or any other password, still goes.
     */
    private static final String[] EXAMPLE_PASSWORDS = {"secret", "password", "pass", "passwd", "changeme", "example"};

    /** {@code localhost} or {@code 127.x.y.z}: this machine, no other. */
    private static boolean loopback(String s, int start, int end) {
        return Chars.is(s, start, end, "localhost") || s.startsWith("127.", start) && end - start <= 15 && end - start >= 9;
    }

    /**
     * A line of a libpq password file, {@code hostname:port:database:username:password} ({@code ~/.pgpass}, as
     * {@code cat} or an {@code echo … >> ~/.pgpass} prints it): exactly five fields, a host (letters, digits, dots,
     * hyphens, or {@code *}), a port (digits or {@code *}) and a database whose name starts with a letter, {@code _} or
     * {@code *}; only the password goes. Called at the first colon.
     */
    private static void pgpass(Scan scan, int colon) {
        String s = scan.text;
        int q = colon + 1;   // the port, then a database that starts as a name does: a time's 10:11:12 stops here
        while (q < s.length() && q - colon <= 6 && (Chars.digit(s.charAt(q)) || s.charAt(q) == '*')) {
            q++;
        }
        if (q + 1 >= s.length() || s.charAt(q) != ':'
                || !(Chars.letter(s.charAt(q + 1)) || s.charAt(q + 1) == '_' || s.charAt(q + 1) == '*')) {
            return;
        }
        int[] colons = new int[4];   // the fields after it first: most colons before a digit are a time's
        colons[0] = colon;
        int count = 1;
        int end = colon + 1;
        while (end < s.length() && end - colon < 1024 && !Chars.space(s.charAt(end)) && s.charAt(end) != '\''
                && s.charAt(end) != '"') {
            if (s.charAt(end) == ':') {
                if (count == 4) {
                    return;   // more than five fields: /etc/passwd, a MAC address
                }
                colons[count++] = end;
            }
            end++;
        }
        if (count != 4) {
            return;
        }
        int start = colon;
        while (start > 0 && colon - start <= 253 && hostChar(s.charAt(start - 1))) {
            start--;
        }
        if (start == colon || start > 0 && !Chars.space(s.charAt(start - 1)) && s.charAt(start - 1) != '\''
                && s.charAt(start - 1) != '"') {
            return;
        }
        boolean letter = false;
        for (int k = start; k < colon; k++) {
            char c = s.charAt(k);
            letter |= Chars.letter(c) || c == '.' || c == '*';
        }
        if (!letter) {
            return;   // 12:34:…, a time
        }
        for (int k = colons[0] + 1; k < colons[1]; k++) {
            if (!Chars.digit(s.charAt(k)) && !(s.charAt(k) == '*' && colons[1] - colons[0] == 2)) {
                return;   // the port: digits or *
            }
        }
        if (colons[2] - colons[1] < 2 || colons[3] - colons[2] < 2 || end - colons[3] < 2
                || Values.placeholder(s, colons[3] + 1, end)) {
            return;
        }
        scan.add(SecretKind.PASSWORD, colons[3] + 1, end);
    }

    private static boolean hostChar(char c) {
        return Chars.alnum(c) || c == '.' || c == '-' || c == '*' || c == '_';
    }

    private static boolean schemeChar(char c) {
        return Chars.alnum(c) || c == '+' || c == '-' || c == '.';
    }

    /**
     * Characters of {@code user:password@host:port}: the path starts at a {@code /} (a password with one must be
     * %-encoded), and a blank, a quote or a bracket ends the URL.
     */
    private static boolean userInfoChar(char c) {
        return c > ' ' && c != '/' && c != '"' && c != '\'' && c != '<' && c != '>' && c != '`' && c != '\\'
                && c < 127;
    }

    /**
     * Whether the user {@code s[start, end)} is a token: long, random, letters and digits; or {@value #MIN_HEX_USER} hex
     * digits or more, a key no person is named (Sentry's DSN, {@code https://<public key>@o412.ingest.sentry.io/4504}),
     * whose sixteen symbols may fall under the entropy bar.
     */
    private static boolean tokenUser(String s, int start, int end) {
        if (end - start < MIN_TOKEN_USER || Values.placeholder(s, start, end)) {
            return false;
        }
        boolean letter = false;
        boolean digit = false;
        boolean hex = true;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (!Chars.alnum(c) && c != '_' && c != '-' && c != '.') {
                return false;
            }
            letter |= Chars.letter(c);
            digit |= Chars.digit(c);
            hex &= Chars.hex(c);
        }
        return letter && digit && (hex && end - start >= MIN_HEX_USER || Values.entropy(s, start, end) >= 3.5);
    }
}
