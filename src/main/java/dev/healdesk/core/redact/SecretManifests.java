package dev.healdesk.core.redact;

/**
 * The values of a Kubernetes Secret's {@code data:} and {@code stringData:} maps in YAML, wherever the manifest's
 * {@code kind: Secret} stands: {@code kubectl get secret -o yaml}, {@code kustomize build} and {@code helm template}
 * print a manifest's keys sorted, so {@code data:} comes before {@code kind:}, and a value under a name that says
 * nothing ({@code DATABASE_URL: cG9zdGdy…}, {@code tls.crt}) is still the Secret's. The document is read from its
 * {@code ---} (or the text's start) to the next; each {@code NAME: value} line indented under the map goes, the names
 * stay, and so do the values of an account's or an address's name ({@code username}, {@code DB_HOST}), which the
 * operator needs and the names' rules judge, and the parts of a URL with a login ({@code DATABASE_URL:
 * postgresql://user:…@host:5432/db}) other than its password or key, which the URL rules mask. A ConfigMap's {@code data:} keeps its values. Triggered by the word {@code data} or {@code stringData} at a
 * line's start.
 */
final class SecretManifests extends Detector {

    /** How far a document may reach either side of its {@code data:}. */
    private static final int REACH = 4096;
    private static final boolean[] SECOND = Chars.set("at");

    @Override
    public boolean[] seconds(char c) {
        return SECOND;
    }

    @Override
    public long wordLengths(char c) {
        return 1L << 4 | 1L << 10;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int end = scan.wordEnd(i);
        if (!(s.startsWith("data:", i) || s.startsWith("stringData:", i)) || i > 0 && s.charAt(i - 1) != '\n') {
            return end;
        }
        int colon = end;
        if (colon + 1 >= s.length() || s.charAt(colon + 1) != '\n' && s.charAt(colon + 1) != '\r') {
            return end;   // a map written on its line ({}) or a scalar
        }
        if (!secretDocument(s, i)) {
            return end;
        }
        int line = s.indexOf('\n', colon) + 1;
        while (line > 0 && line < s.length() && s.charAt(line) == ' ') {
            int k = line;
            while (k < s.length() && s.charAt(k) == ' ') {
                k++;
            }
            int lineEnd = s.indexOf('\n', k);
            lineEnd = lineEnd < 0 ? s.length() : lineEnd;
            int stop = lineEnd;
            while (stop > k && (s.charAt(stop - 1) == '\r' || s.charAt(stop - 1) == ' ')) {
                stop--;
            }
            int sep = Chars.indexOf(s, ':', k, stop);
            if (sep > k && sep + 2 <= stop && s.charAt(sep + 1) == ' ') {
                int v = sep + 2;
                if (stop - v >= 2 && (s.charAt(v) == '"' || s.charAt(v) == '\'') && s.charAt(stop - 1) == s.charAt(v)) {
                    v++;
                    stop--;
                }
                if (stop > v && !Values.placeholder(s, v, stop) && s.charAt(v) != '|' && s.charAt(v) != '>'
                        && !account(s, k, sep) && !loginUrl(s, v, stop)) {
                    scan.add(SecretKind.GENERIC_SECRET, v, stop);
                }
            }
            line = lineEnd + 1;
        }
        return end;
    }

    /**
     * Whether the value {@code s[v, stop)} is a URL that carries its credentials before an {@code @}
     * ({@code postgresql://orders:…@db:6432/crm}, a Sentry DSN's {@code https://KEY@o1.ingest.sentry.io/2}): the
     * URL rules mask the password or key there and keep the scheme, user, host, port and database, which the operator
     * needs to see which server a release points at. A URL without a login, or any other value, still goes whole.
     */
    private static boolean loginUrl(String s, int v, int stop) {
        int scheme = v;
        while (scheme < stop && (Chars.alnum(s.charAt(scheme)) || s.charAt(scheme) == '+' || s.charAt(scheme) == '.'
                || s.charAt(scheme) == '-')) {
            scheme++;
        }
        if (scheme == v || !Chars.letter(s.charAt(v)) || !s.startsWith("://", scheme)) {
            return false;
        }
        int authority = scheme + 3;
        for (int k = authority; k < stop; k++) {
            char c = s.charAt(k);
            if (c == '/' || c == '?' || c == '#' || Chars.space(c)) {
                return false;
            }
            if (c == '@') {
                return k > authority;
            }
        }
        return false;
    }

    /**
     * Whether the name {@code s[start, end)}'s last word (after {@code _ - .}) says its value is an account's or an
     * address's, no secret: {@code username}, {@code DB_USER}, {@code login}, {@code email}, {@code host}, {@code port}.
     */
    private static boolean account(String s, int start, int end) {
        int w = end;
        while (w > start && Chars.alnum(s.charAt(w - 1))) {
            w--;
        }
        return Chars.isAny(s, w, end, ACCOUNT_WORDS);
    }

    private static final String[] ACCOUNT_WORDS = {"user", "username", "login", "email", "host", "hostname", "port",
            "database", "db", "namespace"};

    /** Whether the YAML document that holds {@code i} says {@code kind: Secret} at its top level. */
    private static boolean secretDocument(String s, int i) {
        int from = Math.max(0, i - REACH);
        int start = i;
        while (start > from && !(s.charAt(start - 1) == '\n' && s.startsWith("---", start))) {
            start--;
        }
        int to = Math.min(s.length(), i + REACH);
        for (int k = start; k < to; k++) {
            if (k > i && s.charAt(k - 1) == '\n' && s.startsWith("---", k)) {
                return false;
            }
            if ((k == 0 || s.charAt(k - 1) == '\n') && s.startsWith("kind: Secret", k)
                    && (k + 12 == s.length() || s.charAt(k + 12) == '\n' || s.charAt(k + 12) == '\r')) {
                return true;
            }
        }
        return false;
    }
}
