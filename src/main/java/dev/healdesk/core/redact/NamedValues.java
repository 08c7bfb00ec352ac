package dev.healdesk.core.redact;

/**
 * A long random string named like a secret in prose, without {@code =} or {@code :}: "auth token 013fe…",
 * "using secret Zk3…", "api key 9aB…", "license key 9aB… is invalid". Only a value that looks generated goes (at least {@value #MIN_LENGTH}
 * characters of letters and digits, {@value #MIN_ENTROPY} bits of entropy a character), so "token expired" and
 * "password reset link" stay, and a bare "key" counts only after api, access, secret or private ("cache key
 * 9f8e…" stays). Triggered by the first letter of the name. Also a setting given as name then value to a
 * configuration command ({@code CONFIG SET requirepass …}, {@code git config user.password …}; see {@code setting}),
 * quoted as Redis' MONITOR prints it too, and the password of Redis' {@code AUTH} (see {@code redisAuth}); and a
 * value a sentence about the name introduces with a colon ("a temporary password is generated for root@localhost: …";
 * see {@code labelled}).
 */
final class NamedValues extends Detector {

    static final int MIN_LENGTH = 16;
    static final double MIN_ENTROPY = 3.5;
    /** How far after a secret's name the colon of "… password is generated for root@localhost: …" may stand. */
    private static final int LABEL_REACH = 64;
    private static final String[] NAMES = {"token", "secret", "password", "passwd", "passphrase", "pwd", "credential",
        "credentials", "apikey"};
    /** How far after a name, in characters, its value may start ({@link #near}). */
    private static final int NEAR = 24;
    private static final int MAX_FILLERS = 2;
    /**
     * Words that may stand between a name and its value: "the password is …", "master key set to …", and the
     * comparisons of a mock's or a gateway's matching rule ("header x-api-key equals …", "token matches …").
     */
    private static final String[] FILLERS = {"is", "was", "to", "set", "as", "of", "now", "be", "changed", "reset",
        "updated", "value", "equals", "equal", "matches", "match"};
    /**
     * Words that may stand before the subject of "password for user bob is …" ({@link #clause}): what kind of thing the
     * subject is, or an article.
     */
    private static final String[] ROLES = {"user", "account", "role", "login", "database", "db", "host", "server",
        "service", "client", "app", "the", "a", "an", "new"};
    /**
     * Prepositions that end a sentence's label and say its value is where or how the secret is found, not the secret:
     * botocore's "Looking for credentials via: env", "token loaded from: vault".
     */
    private static final String[] MEANS = {"via", "from", "through", "using"};
    /** How long the subject of "password for … is" may be. */
    private static final int SUBJECT = 48;
    /**
     * Bit n set where a word of n letters can be a name or a configuration command's word ({@link #NAMES}, "key",
     * "set", "config", Redis' "auth", "chpasswd"): other words are passed over without comparing them with each.
     */
    private static final long LENGTHS = lengths();
    /** Every word this detector looks for at its trigger: the names, and the words of a configuration command. */
    private static final String[] WORDS = words();

    private static String[] words() {
        String[] words = java.util.Arrays.copyOf(NAMES, NAMES.length + 5);
        words[NAMES.length] = "key";
        words[NAMES.length + 1] = "set";
        words[NAMES.length + 2] = "config";
        words[NAMES.length + 3] = "auth";
        words[NAMES.length + 4] = "chpasswd";
        return words;
    }

    private static long lengths() {
        long bits = 0;
        for (String w : words()) {
            bits |= 1L << w.length();
        }
        return bits;
    }

    @Override
    public long wordLengths(char c) {
        return LENGTHS;
    }

    /** The second letters of the names and words that start with {@code c}, in either case. */
    @Override
    public boolean[] seconds(char c) {
        StringBuilder b = new StringBuilder();
        for (String w : WORDS) {
            if (Character.toLowerCase(w.charAt(0)) == Character.toLowerCase(c)) {
                b.append(Character.toLowerCase(w.charAt(1))).append(Character.toUpperCase(w.charAt(1)));
            }
        }
        return Chars.set(b.toString());
    }


    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int end = scan.wordEnd(i);
        boolean compound = i > 0 && (s.charAt(i - 1) == '_' || s.charAt(i - 1) == '-');
        if (!compound && Chars.joinedBefore(s, i)) {
            return end;   // inside a word: nothing here starts a name, skip the rest of it
        }
        if (end - i >= 64 || (LENGTHS & 1L << (end - i)) == 0) {
            return end;   // no name and no command's word is this long
        }
        if (compound) {
            return compound(scan, i, end);
        }
        if (end - i == 8 && Chars.is(s, i, end, "chpasswd") && piped(s, i)) {
            CommandLines.piped(scan, i, true);   // echo 'bob:…' | chpasswd
            return end;
        }
        boolean quotedWord = i > 0 && s.charAt(i - 1) == '"' && end < s.length() && s.charAt(end) == '"';
        int after = quotedWord ? end + 1 : end;
        if (end - i == 4 && s.startsWith("PASS", i) && end + 1 < s.length() && s.charAt(end) == ' '
                && commandPosition(s, i)) {
            return protocolPassword(scan, end + 1, end);   // FTP's and POP3's PASS command in a client's transcript
        }
        if (after + 1 < s.length() && Chars.blank(s.charAt(after)) && end - i <= 9) {
            int setting = setting(scan, i, end, quotedWord);
            if (setting >= 0) {
                return setting;
            }
            if (end - i == 4 && Chars.is(s, i, end, "auth")) {
                int auth = redisAuth(scan, i, after, quotedWord);
                if (auth >= 0) {
                    return auth;
                }
            }
        }
        if (end - i == 3 && Chars.is(s, i, end, "api")) {
            int label = localisedKey(s, i, end);
            if (label >= end && label < s.length() && (s.charAt(label) == ':' || s.charAt(label) == '\uff1a')) {
                label++;   // a colon after the label, the full-width one of Japanese text too
            }
            int value = label >= end && label < s.length() && Chars.blank(s.charAt(label)) ? value(scan, label, false) : -1;
            return value >= 0 ? value : end;
        }
        if (end - i == 3 && Chars.is(s, i, end, "key") && i > 0 && s.charAt(i - 1) == ' ') {
            int quoted = quotedKey(scan, end);
            if (quoted >= 0) {
                return quoted;
            }
        }
        if (end - i == 3 && i > 1 && s.charAt(i - 1) == ' ' && Chars.is(s, i, end, "key")) {
            int event = eventKey(scan, i, end);
            if (event >= 0) {
                return event;
            }
        }
        if (!named(s, i, end)) {
            return end;
        }
        int labelled = labelled(scan, i, end);
        if (labelled >= 0) {
            return labelled;
        }
        if (end + 1 >= s.length() || !Chars.blank(s.charAt(end))) {
            return end;
        }
        if (resourceNoun(s, i, end)) {
            return end;
        }
        int near = near(scan, end, passwordName(s, i, end));
        return near >= 0 ? near : end;
    }

    /** "Key" after "API", as localised output writes the label: German, Dutch (a hyphen between), Japanese (no blank). */
    private static final String[] KEYS_AFTER = {"-Schl\u00fcssel", "-sleutel", "\u30ad\u30fc"};
    /** "Key" before "API", as French, Spanish, Portuguese, Italian and Polish write it ("clé API", "clave de API"). */
    private static final String[] KEYS_BEFORE = {"cl\u00e9 ", "cl\u00e9 d'", "clave ", "clave de ", "chave ", "chave de ",
        "chiave ", "klucz "};

    /**
     * Where the label "API key" ends in the languages localised output writes it in, its "API" at {@code [i, end)}:
     * {@code API-Schlüssel}, {@code API-sleutel}, {@code APIキー}, {@code clé API}, {@code clave de API}, {@code chave
     * API}, {@code chiave API}, {@code klucz API}; -1 where no such word stands beside it. The value after it is judged
     * as the English label's ({@link #value}: only a generated-looking one goes).
     */
    private static int localisedKey(String s, int i, int end) {
        for (String k : KEYS_AFTER) {
            if (s.regionMatches(true, end, k, 0, k.length())) {
                return end + k.length();
            }
        }
        for (String k : KEYS_BEFORE) {
            int at = i - k.length();
            if (at >= 0 && s.regionMatches(true, at, k, 0, k.length()) && (at == 0 || !Character.isLetter(s.charAt(at - 1)))) {
                return end;
            }
        }
        return -1;
    }

    /** A CLI's verbs that act on a stored object: the word after "create secret" or "secret set" names it. */
    private static final String[] RESOURCE_VERBS = {"create", "delete", "get", "describe", "edit", "update", "rotate",
        "set", "rm", "remove", "inspect", "show", "list", "ls", "add", "import", "export"};

    /**
     * Whether the name at {@code s[i, end)} is "secret" or "secrets" as a command's noun, a resource verb one blank
     * before or after it: {@code sem create secret checkout-env}, {@code kubectl create secret generic db-creds},
     * {@code docker secret create db_pw ./pw.txt}, {@code gh secret set NPM_TOKEN}. What follows is the stored
     * object's name, and its value comes (if at all) under a name of its own ({@code --from-literal=password=…}).
     */
    private static boolean resourceNoun(String s, int i, int end) {
        if (!Chars.is(s, i, end, "secret") && !Chars.is(s, i, end, "secrets")) {
            return false;
        }
        if (i >= 3 && s.charAt(i - 1) == ' ') {
            int b = i - 1;
            while (b > 0 && i - 1 - b < 9 && Chars.lower(s.charAt(b - 1))) {
                b--;
            }
            if (Chars.isAnyExactly(s, b, i - 1, RESOURCE_VERBS) && (b == 0 || !Chars.word(s.charAt(b - 1)))) {
                return true;
            }
        }
        int a = end + 1;
        int e = a;
        while (e < s.length() && e - a < 9 && Chars.lower(s.charAt(e))) {
            e++;
        }
        return end < s.length() && s.charAt(end) == ' ' && e < s.length() && s.charAt(e) == ' '
                && Chars.isAnyExactly(s, a, e, RESOURCE_VERBS);
    }

    /**
     * The value a secret's name in prose points at on its line, whatever the syntax between: blanks, an opening
     * bracket, a comma, a Lisp pair's lone dot, a quote, and at most {@value #MAX_FILLERS} filler words ("the password
     * is …", "setting master key to …", "invalid token '…'"). A password's value goes when it has a letter and a digit, a
     * capital inside it or a sign ({@link Values#passwordLike}); any other secret's when it looks random
     * ({@link Values#tokenLike}). Words stay: "password authentication failed for user bob", "token expired". Returns
     * where scanning goes on, or -1 when nothing went.
     */
    static int near(Scan scan, int nameEnd, boolean password) {
        int near = value(scan, nameEnd, password);
        if (near >= 0) {
            return near;
        }
        int link = clause(scan.text, nameEnd);
        return link >= 0 ? value(scan, link, password) : -1;
    }

    /**
     * Where the value of "password for user bob is …", "token for runner-7: …", "password of svc-ci to …" may start: past
     * {@code for} or {@code of}, at most two words that say what the subject is ({@link #ROLES}), the subject itself (one
     * token, kept), and a link: a colon, {@code =} or a filler word ("is", "to"). -1 where the text is not so, as in
     * "invalid password for user bob" (no link, nothing goes).
     */
    private static int clause(String s, int nameEnd) {
        int n = s.length();
        int v = Chars.skipBlanks(s, nameEnd);
        int preposition = word(s, v, "for") ? 3 : word(s, v, "of") ? 2 : 0;
        if (preposition == 0) {
            return -1;
        }
        v = Chars.skipBlanks(s, v + preposition);
        for (int roles = 0; roles < 2 && role(s, v) > v; roles++) {
            v = Chars.skipBlanks(s, role(s, v));
        }
        int subject = v;
        int q = Quotes.open(s, v);
        if (q > 0) {
            v = Quotes.close(s, v + q, q);
            if (v >= n || s.charAt(v) == '\n' || s.charAt(v) == '\r') {
                return -1;
            }
            v += q;
        } else {
            while (v < n && !Chars.space(s.charAt(v)) && s.charAt(v) != ':' && s.charAt(v) != '=') {
                v++;
            }
        }
        if (v == subject || v - subject > SUBJECT) {
            return -1;
        }
        if (q == 0 && hostPort(s, subject, v)) {
            return -1;   // "password for svc@db.acme.net:5432/analytics": the subject's port and database, no link
        }
        v = Chars.skipBlanks(s, v);
        if (role(s, v) > v) {
            v = Chars.skipBlanks(s, role(s, v));   // "for the admin account is …"
        }
        if (v < n && (s.charAt(v) == ':' || s.charAt(v) == '=')) {
            return v + 1;
        }
        int w = v;
        while (w < n && Chars.lower(s.charAt(w))) {
            w++;
        }
        return w > v && w < n && Chars.blank(s.charAt(w)) && Chars.isAnyExactly(s, v, w, FILLERS) ? w : -1;
    }

    /**
     * Whether the subject {@code s[subject, v)} is a host (a dot in it) and the colon at {@code v} is glued to it and
     * followed by a port of one to five digits that ends at a {@code /} (a DSN's database) or at a blank or the line's
     * end: {@code svc@db.acme.net:5432/analytics}, {@code db.acme.net:5433 }; not {@code bob:Xk29…} nor {@code db:}.
     */
    private static boolean hostPort(String s, int subject, int v) {
        if (v >= s.length() || s.charAt(v) != ':' || Chars.indexOf(s, '.', subject, v) < 0) {
            return false;
        }
        int k = v + 1;
        while (k < s.length() && Chars.digit(s.charAt(k))) {
            k++;
        }
        return k > v + 1 && k - v - 1 <= 5 && (k == s.length() || s.charAt(k) == '/' || Chars.space(s.charAt(k)));
    }

    /** Where the word of {@link #ROLES} at {@code i} ends, followed by a blank; {@code i} where there is none. */
    private static int role(String s, int i) {
        int w = i;
        while (w < s.length() && Chars.lower(s.charAt(w))) {
            w++;
        }
        if (w == i || w >= s.length() || !Chars.blank(s.charAt(w))) {
            return i;
        }
        for (String r : ROLES) {
            if (w - i == r.length() && s.startsWith(r, i)) {
                return w;
            }
        }
        return i;
    }

    /**
     * Whether the unquoted value {@code s[start, stop)} opens with a mask, three stars or more, that a closing bracket
     * ends ({@code ****]/command}, {@code ***)}): the value was masked already, and what follows the bracket is the
     * text around it, a resource's path or a call's rest.
     */
    private static boolean maskClosed(String s, int start, int stop) {
        int k = start;
        while (k < stop && s.charAt(k) == '*') {
            k++;
        }
        return k - start >= 3 && k < stop && ")]}>".indexOf(s.charAt(k)) >= 0;
    }

    /** Whether the small-letter word {@code word}, then a blank, stands at {@code i}. */
    private static boolean word(String s, int i, String word) {
        int e = i + word.length();
        return e < s.length() && s.startsWith(word, i) && Chars.blank(s.charAt(e));
    }

    /** {@link #near}'s first reading: the value right after the name, past blanks, signs and fillers. */
    private static int value(Scan scan, int nameEnd, boolean password) {
        String s = scan.text;
        int n = s.length();
        int v = nameEnd;
        int fillers = 0;
        int signs = 0;
        while (v < n && v - nameEnd <= NEAR) {
            char c = s.charAt(v);
            if (Chars.blank(c)) {
                v++;
            } else if (c == '|' && template(s, nameEnd)) {
                return -1;   // {{ .Values.db.password | b64enc | quote }}: a template's pipe, a function after it
            } else if ((c == '(' || c == '[' || c == ',' || c == '|' || c == '~'
                    || (c == '.' || c == '-') && Chars.blank(s.charAt(v - 1)) && v + 1 < n && Chars.blank(s.charAt(v + 1)))
                    && ++signs <= 2) {
                v++;
            } else if (Chars.lower(c)) {
                int w = v;
                while (w < n && Chars.lower(s.charAt(w))) {
                    w++;
                }
                if (w >= n || !Chars.blank(s.charAt(w)) || !Chars.isAnyExactly(s, v, w, FILLERS)
                        || ++fillers > MAX_FILLERS) {
                    break;
                }
                v = w;
            } else {
                break;
            }
        }
        if (v >= n || v - nameEnd > NEAR) {
            return -1;
        }
        if (v > 0 && s.charAt(v - 1) == '(' && KeyValues.tagMark(s, v - 1) > 0) {
            v = KeyValues.tagMark(s, v - 1);   // dd-trace's x-api-key (tag):…: the mark is no part of the value
        }
        int q = Quotes.open(s, v);
        int start = v + q;
        int stop;
        if (q == 0 && Separators.opens(s.charAt(v))) {
            start = v + 1;   // typographic quotes: password “…”, secret «…»
            stop = start;
            while (stop < n && !Separators.ends(s.charAt(stop))) {
                stop++;
            }
        } else if (q > 0) {
            stop = Quotes.close(s, start, q);
            if (stop >= n || s.charAt(stop) == '\n' || s.charAt(stop) == '\r' || Chars.indexOf(s, ' ', start, stop) >= 0) {
                return -1;   // no closing quote on the line, or a phrase
            }
        } else {
            stop = start;
            while (stop < n && !Chars.space(s.charAt(stop)) && s.charAt(stop) != '"' && s.charAt(stop) != '\''
                    && !(s.charAt(stop) == ',' && KeyValues.taggedName(s, stop + 1))) {
                stop++;
            }
            while (stop > start && ".,;:)]}".indexOf(s.charAt(stop - 1)) >= 0) {
                stop--;   // the end of a sentence or of a bracket
            }
        }
        if (stop <= start || q == 0 && maskClosed(s, start, stop)) {
            return -1;   // no value, or a mask that a bracket closes: Puppet's Postgresql_psql[… PASSWORD ****]/command
        }
        if (q == 0 && locator(s, start, stop)) {
            // Robot Framework's Input Password    id:password    …: the field's locator stays, the value after it goes
            return value(scan, stop, password);
        }
        if (q == 0 && exUnitModule(s, start, stop)) {
            return -1;   // ExUnit's "  1) test login with bad password (ShopWeb.AuthTest)": the test's module
        }
        int pair = pairPassword(s, start, stop);
        if (pair > start) {
            int at = Chars.lastIndexOf(s, '@', pair + 1, stop);
            scan.add(SecretKind.PASSWORD, pair, at > pair ? at : stop);   // "credentials admin:…": the user stays
            return pair;
        }
        if (q == 0 && !password && objectReference(s, start, stop)) {
            return -1;   // kubelet's "couldn't find key … in Secret orders-e2e/orders-api-env": where it is, not what
        }
        boolean random = Values.tokenLike(s, start, stop);
        if (random || password && Values.passwordLike(s, start, stop)) {
            // a random value is a generated secret whatever the name says, as the key-value rules name it
            scan.add(random ? SecretKind.GENERIC_SECRET : SecretKind.PASSWORD, start, stop);
            return start;   // a token of known shape names it better
        }
        return -1;
    }

    /** How far back on its line the braces that open a template's action are looked for. */
    private static final int TEMPLATE_REACH = 160;

    /**
     * Whether the name that ends at {@code nameEnd} stands inside a template's action, two opening braces before it on
     * its line that no two closing braces close: Helm's and Go's {@code {{ .Values.db.password | b64enc }}}, Jinja's and
     * Liquid's {@code {{ user.password | default('…') }}}, Angular's {@code {{ form.password | json }}}. A pipe there
     * hands the field to a function, whose name is no value.
     */
    private static boolean template(String s, int nameEnd) {
        for (int k = nameEnd - 1; k > 0 && nameEnd - k <= TEMPLATE_REACH; k--) {
            char c = s.charAt(k);
            if (c == '\n') {
                return false;
            }
            if (c == '{' && s.charAt(k - 1) == '{') {
                return true;
            }
            if (c == '}' && s.charAt(k - 1) == '}') {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether {@code s[start, stop)} is the module ExUnit names in brackets at the end of a failure's header, {@code
     * 1) test login mutation with bad password (ShopWeb.Schema.AuthTest)} (and {@code 2) doctest …}): the line starts
     * with the failure's number and "test" or "doctest", and the bracketed value closing it is an Elixir alias,
     * capitalised names joined by dots. The test's name is prose; the password it speaks of is not on the line.
     */
    private static boolean exUnitModule(String s, int start, int stop) {
        if (start < 1 || s.charAt(start - 1) != '(' || stop >= s.length() || s.charAt(stop) != ')'
                || stop + 1 < s.length() && s.charAt(stop + 1) != '\n' && s.charAt(stop + 1) != '\r') {
            return false;
        }
        for (int k = start; k < stop; k++) {
            char c = s.charAt(k);
            if (c == '.' ? k + 1 >= stop || !Chars.upper(s.charAt(k + 1)) : !Chars.alnum(c) && c != '_') {
                return false;
            }
        }
        if (!Chars.upper(s.charAt(start))) {
            return false;
        }
        int line = start;
        while (line > 0 && s.charAt(line - 1) != '\n') {
            line--;
        }
        int k = Chars.skipBlanks(s, line);
        int digits = k;
        while (k < start && Chars.digit(s.charAt(k))) {
            k++;
        }
        return k > digits && (s.startsWith(") test ", k) || s.startsWith(") doctest ", k));
    }

    /**
     * Whether {@code s[start, end)} is a Kubernetes object's namespaced name, {@code namespace/name}, as kubelet's events
     * and kubectl print a Secret they refer to: two DNS-1123 labels (small letters, digits and dashes, alnum at both
     * ends, at most 63) parted by one slash, with a dash in one of them and a word of three letters or more in each
     * ({@code orders-e2e/orders-api-env}). A generated token mixes capitals in, or runs its letters and digits together
     * with no word among them.
     */
    static boolean objectReference(String s, int start, int end) {
        int slash = Chars.indexOf(s, '/', start, end);
        return slash > start && Chars.indexOf(s, '/', slash + 1, end) < 0 && dnsLabel(s, start, slash)
                && dnsLabel(s, slash + 1, end)
                && (Chars.indexOf(s, '-', start, end) >= 0) && wordIn(s, start, slash) && wordIn(s, slash + 1, end);
    }

    private static boolean dnsLabel(String s, int start, int end) {
        if (end <= start || end - start > 63 || s.charAt(start) == '-' || s.charAt(end - 1) == '-') {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (!Chars.lower(c) && !Chars.digit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Whether a run of three small letters or more, between dashes or the ends, stands in {@code s[start, end)}. */
    private static boolean wordIn(String s, int start, int end) {
        int from = start;
        for (int i = start; i <= end; i++) {
            if (i == end || s.charAt(i) == '-') {
                if (i - from >= 3 && Chars.lettersOnly(s, from, i)) {
                    return true;
                }
                from = i + 1;
            }
        }
        return false;
    }

    /**
     * A compound name that ends in the word at {@code word} ({@code refresh_token}, {@code api-key}, {@code
     * DB_PASSWORD}) followed by a blank: judged whole as a key name ({@link KeyNames}), then its value as {@link #near}
     * finds it ("using refresh_token …"). Returns where scanning goes on.
     */
    private static int compound(Scan scan, int word, int end) {
        String s = scan.text;
        if (end + 1 >= s.length() || !Chars.blank(s.charAt(end))) {
            return end;
        }
        int b = word - 1;
        while (b > 0 && word - b < KeyNames.MAX_LENGTH && (Chars.word(s.charAt(b - 1)) || s.charAt(b - 1) == '-')) {
            b--;
        }
        if (b == word - 1 || s.charAt(b) == '-') {
            return end;   // "-token" alone, or an option's dash: the command-line rules'
        }
        if (b > 0 && (s.charAt(b - 1) == '$' || s.charAt(b - 1) == '%' || s.charAt(b - 1) == '#')) {
            return end;   // a variable's reference ($DB_PASSWORD, %API_TOKEN%) or a method (ApiTokenTest#test_masks_token)
        }
        if (bracketed(s, Chars.skipBlanks(s, end))) {
            return end;   // a call's arguments, a test's class or location, a table's next cell: no value in prose
        }
        KeyNames.Key key = KeyNames.classify(scan, b, end);
        if (key != KeyNames.Key.PASSWORD && key != KeyNames.Key.SECRET && key != KeyNames.Key.AWS_SECRET
                || reader(s, b, word) || testName(s, b)) {
            return end;
        }
        int near = near(scan, end, key == KeyNames.Key.PASSWORD);
        return near >= 0 ? near : end;
    }

    /**
     * Verbs that read, test or look up a secret: a compound that joins one to the secret's word names a function, a
     * flag or a predicate ({@code uv_get_password}, {@code check_token}, {@code has_secret}, {@code no-password}), and
     * what follows it in prose is its argument or the sentence, not the secret's value.
     */
    private static final String[] READERS = {"get", "check", "verify", "validate", "has", "is", "read", "load", "fetch",
        "lookup", "find", "require", "requires", "missing", "no", "without", "hash", "compare", "prompt", "ask", "forgot",
        "parse", "handle"};

    /**
     * Whether what follows a compound name at {@code v} is a bracket or a table's bar that no colon or {@code =} closes:
     * {@code test_signup_rejects_weak_password (accounts.tests.SignupTests)}, {@code test_masks_token [test/…:19]:} (the
     * colon ends the heading, not the bracket), {@code | DB_PASSWORD | …}; not a label's note, {@code x-api-key (tag):…}.
     */
    private static boolean bracketed(String s, int v) {
        if (v >= s.length() || "([{<|".indexOf(s.charAt(v)) < 0) {
            return false;
        }
        char open = s.charAt(v);
        char close = open == '(' ? ')' : open == '[' ? ']' : 0;
        if (close == 0) {
            return true;
        }
        int c = v + 1;
        while (c < s.length() && c - v <= SUBJECT && s.charAt(c) != close && s.charAt(c) != '\n') {
            c++;
        }
        return c + 1 >= s.length() || s.charAt(c) != close || s.charAt(c + 1) != ':' && s.charAt(c + 1) != '=';
    }

    /** How a test's name starts ({@code test_login_with_invalid_password}, {@code should_reject_expired_token}). */
    private static final String[] TEST_NAMES = {"test_", "test-", "should_", "it_", "when_", "given_"};

    private static boolean testName(String s, int start) {
        for (String t : TEST_NAMES) {
            if (s.regionMatches(true, start, t, 0, t.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the part of the compound {@code s[start, word)} just before its last word is one of {@link #READERS}. */
    private static boolean reader(String s, int start, int word) {
        int p = word - 1;
        int a = p;
        while (a > start && Chars.letter(s.charAt(a - 1))) {
            a--;
        }
        return (a == start || s.charAt(a - 1) == '_' || s.charAt(a - 1) == '-') && Chars.isAny(s, a, p, READERS);
    }

    /**
     * Where the password of a {@code user:password} or {@code user/password} pair (perhaps {@code @host} after it) starts
     * in the value {@code s[start, stop)}: the user a name of letters, digits and {@code . _ -} that starts with a letter,
     * the password after the one separator like one ({@link Values#passwordLike}). -1 where the value is not so.
     */
    /** A Selenium or Browser library locator's strategies, written {@code strategy:value} or {@code strategy=value}. */
    private static final String[] LOCATOR_STRATEGIES = {"id", "name", "css", "xpath", "class", "link", "tag", "dom",
        "identifier", "jquery", "sizzle"};

    /**
     * Whether {@code s[start, stop)} is an element's locator, a strategy of {@link #LOCATOR_STRATEGIES} then {@code :} or
     * {@code =} and a field's name, as keyword-driven tests give it before the text they type ({@code id:password},
     * {@code name=pass}, {@code css=#pwd}): the name of a field, no secret.
     */
    static boolean locator(String s, int start, int stop) {
        int sep = start;
        while (sep < stop && Chars.lower(s.charAt(sep))) {
            sep++;
        }
        if (sep == start || sep + 1 >= stop || s.charAt(sep) != ':' && s.charAt(sep) != '='
                || !Chars.isAnyExactly(s, start, sep, LOCATOR_STRATEGIES)) {
            return false;
        }
        char c = s.charAt(sep + 1);
        return Chars.letter(c) || c == '#' || c == '.' || c == '/' || c == '[' || c == '_';
    }

    static int pairPassword(String s, int start, int stop) {
        if (stop - start < 4 || !Chars.letter(s.charAt(start))) {
            return -1;
        }
        int sep = start + 1;
        while (sep < stop && sep - start <= 32 && (Chars.word(s.charAt(sep)) || s.charAt(sep) == '.' || s.charAt(sep) == '-')) {
            sep++;
        }
        if (sep >= stop - 1 || s.charAt(sep) != ':' && s.charAt(sep) != '/' || keyId(s, start, sep)) {
            return -1;   // an access key's id before its secret (AKIA…/…) is no user: the pair is one secret
        }
        if (Values.generated(s, start, sep)) {
            return -1;   // no user's name but a key's first part: AWS's base64 secrets have slashes (…Kqz/ujvw…)
        }
        int end = stop;
        int at = Chars.lastIndexOf(s, '@', sep + 1, stop);
        if (at > sep + 1) {
            end = at;   // user/password@host
        }
        if (Chars.indexOf(s, s.charAt(sep), sep + 1, end) >= 0 || !Values.passwordLike(s, sep + 1, end)) {
            return -1;   // a path, a time, host:port
        }
        return sep + 1;
    }

    /** Sixteen or more capitals and digits, a digit among them: an access key's id (AKIA…), which no user name is. */
    private static boolean keyId(String s, int start, int end) {
        if (end - start < 16) {
            return false;
        }
        boolean digit = false;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (!Chars.upper(c) && !Chars.digit(c)) {
                return false;
            }
            digit |= Chars.digit(c);
        }
        return digit;
    }

    private static boolean passwordName(String s, int start, int end) {
        return Chars.is(s, start, end, "password") || Chars.is(s, start, end, "passwd")
                || Chars.is(s, start, end, "passphrase") || Chars.is(s, start, end, "pwd");
    }

    /**
     * A setting given as two arguments, name then value, as configuration commands take it: {@code CONFIG SET
     * requirepass …} (redis-cli), {@code aws configure set aws_secret_access_key …}, {@code npm config set _authToken …},
     * {@code dotnet user-secrets set "Db:Password" …}, {@code git config --global user.password …}. Called at
     * {@code set} (after config, configure, user-secrets or secret) or at git's {@code config}; returns where scanning
     * goes on, or -1 when the text is not so.
     */
    private static int setting(Scan scan, int word, int end, boolean quotedWord) {
        String s = scan.text;
        boolean set = Chars.is(s, word, end, "set");
        if (set) {
            int p = quotedWord ? word - 2 : word - 1;
            while (p >= 0 && Chars.blank(s.charAt(p))) {
                p--;
            }
            if (quotedWord && p >= 0 && s.charAt(p) == '"') {
                p--;   // Redis MONITOR quotes every argument: "CONFIG" "SET" "masterauth" "…"
            }
            int q = p;
            while (q >= 0 && (Chars.alnum(s.charAt(q)) || s.charAt(q) == '-')) {
                q--;
            }
            if (p == word - 1 || !(Chars.is(s, q + 1, p + 1, "config") || Chars.is(s, q + 1, p + 1, "configure")
                    || Chars.is(s, q + 1, p + 1, "user-secrets") || Chars.is(s, q + 1, p + 1, "secret"))) {
                return -1;
            }
        } else if (!Chars.is(s, word, end, "config") || word < 4 || !s.startsWith("git ", word - 4)) {
            return -1;
        }
        int i = quotedWord ? end + 1 : end;
        while (true) {   // blanks and options: --global, --local, -f file
            while (i < s.length() && Chars.blank(s.charAt(i))) {
                i++;
            }
            if (i < s.length() && s.charAt(i) == '-') {
                while (i < s.length() && !Chars.space(s.charAt(i))) {
                    i++;
                }
                continue;
            }
            break;
        }
        int quote = Quotes.open(s, i);
        int nameStart = i + quote;
        int nameEnd = nameStart;
        while (nameEnd < s.length() && nameEnd - nameStart <= KeyNames.MAX_LENGTH && !Chars.space(s.charAt(nameEnd))
                && s.charAt(nameEnd) != '=' && s.charAt(nameEnd) != '"' && s.charAt(nameEnd) != '\'') {
            nameEnd++;
        }
        if (nameEnd == nameStart || nameEnd >= s.length() || s.charAt(nameEnd) == '=') {
            return -1;   // NAME=VALUE is the key-value rules'
        }
        int v = nameEnd + quote;
        if (v >= s.length() || !Chars.blank(s.charAt(v))) {
            return -1;
        }
        while (v < s.length() && Chars.blank(s.charAt(v))) {
            v++;
        }
        KeyNames.Key key = KeyNames.classify(scan, nameStart, nameEnd);
        if (key == KeyNames.Key.NONE || key == KeyNames.Key.COOKIE || key == KeyNames.Key.AUTHORIZATION
                || v >= s.length() || s.charAt(v) == '-') {
            return -1;
        }
        int q = Quotes.open(s, v);
        int start = v + q;
        int stop = q > 0 ? Quotes.close(s, start, q) : start;
        while (q == 0 && stop < s.length() && !Chars.space(s.charAt(stop))) {
            stop++;
        }
        SecretKind kind = Judge.value(key, s, start, stop);
        if (kind == null) {
            return -1;
        }
        scan.add(kind, start, stop);
        return start;
    }

    /**
     * Redis' {@code AUTH [username] password}: its last argument, where the text is Redis' own: a command typed at
     * redis-cli's prompt ({@code 127.0.0.1:6379> AUTH …}), a line of {@code MONITOR} with every argument quoted
     * ({@code "AUTH" "…"}), or the {@code AUTH} of a {@code HELLO 3 AUTH user …}. Called at the word {@code auth};
     * returns where scanning goes on, or -1 when the text is not so ("AUTH failed" in prose stays).
     */
    private static int redisAuth(Scan scan, int word, int after, boolean quoted) {
        String s = scan.text;
        int p = quoted ? word - 2 : word - 1;
        while (p >= 0 && Chars.blank(s.charAt(p))) {
            p--;
        }
        boolean prompt = p > 0 && s.charAt(p) == '>' && redisPrompt(s, p);
        boolean hello = false;
        if (!prompt && !quoted) {
            int q = p;
            while (q >= 0 && Chars.digit(s.charAt(q))) {
                q--;
            }
            hello = q < p && q >= 6 && Chars.blank(s.charAt(q)) && s.regionMatches(true, q - 5, "hello", 0, 5)
                    && (q == 5 || !Chars.word(s.charAt(q - 6)));
        }
        // the command as a server's or a proxy's log quotes it after a sentence: "…pair; AUTH worker …", "… AUTH …" on
        // a line of its own; in capitals, and only a password's shape goes ("SMTP; AUTH failed" stays)
        boolean command = !quoted && !prompt && !hello && s.startsWith("AUTH", word)
                && (p < 0 || s.charAt(p) == ';' || s.charAt(p) == '\n' || s.charAt(p) == '\r');
        if (!quoted && !prompt && !hello && !command) {
            return -1;
        }
        int lastStart = -1;
        int lastEnd = -1;
        int args = 0;
        int i = after;
        while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            if (Chars.blank(s.charAt(i))) {
                i++;
                continue;
            }
            if (command && (s.charAt(i) == ';' || s.startsWith("from ", i))) {
                break;   // the log's words after the command: "… from 10.0.4.17:51240"
            }
            int start;
            int stop;
            if (quoted) {
                if (s.charAt(i) != '"') {
                    return -1;
                }
                start = i + 1;
                stop = Quotes.close(s, start, 1);
                if (stop >= s.length() || s.charAt(stop) != '"') {
                    return -1;
                }
                i = stop + 1;
            } else {
                start = i;
                while (i < s.length() && !Chars.space(s.charAt(i))) {
                    i++;
                }
                stop = i;
            }
            args++;
            lastStart = start;
            lastEnd = stop;
        }
        if (args < 1 || args > 2 || lastEnd <= lastStart || Values.placeholder(s, lastStart, lastEnd)
                || command && (!Values.passwordLike(s, lastStart, lastEnd) || mechanism(s, Chars.skipBlanks(s, after)))) {
            return -1;
        }
        scan.add(SecretKind.PASSWORD, lastStart, lastEnd);
        return lastEnd;
    }

    /** Whether a SASL mechanism's name in capitals starts at {@code i} ({@code PLAIN}, {@code XOAUTH2}): SMTP's AUTH. */
    private static boolean mechanism(String s, int i) {
        return i + 1 < s.length() && Chars.upper(s.charAt(i)) && Chars.upper(s.charAt(i + 1));
    }

    /**
     * A value a sentence about the name introduces with a colon, alone at the end of its line or alone on the next
     * line, as tools print what they generated: "A temporary password is generated for root@localhost: …" (MySQL),
     * "Please use the following password to proceed to installation:" then the password on a line of its own
     * (Jenkins). The words between name and colon are plain (no quote, no {@code =}); on the same line the value must
     * mix letters with digits or signs ("password for user bob: rejected" stays), on the next line look generated.
     * Returns where scanning goes on, or -1 when the text is not so.
     */
    private static int labelled(Scan scan, int name, int nameEnd) {
        String s = scan.text;
        int p = nameEnd;
        while (p < s.length() && p - nameEnd <= LABEL_REACH) {
            char c = s.charAt(p);
            if (c == ':') {
                break;
            }
            if (!(Chars.alnum(c) || Chars.blank(c) || c == '@' || c == '.' || c == '_' || c == '-' || c == '/')
                    || c == '.' && p + 1 < s.length() && Chars.space(s.charAt(p + 1))) {
                return -1;   // a sign other than a name's, or the end of the sentence ("… secret ID. Trace ID: …")
            }
            p++;
        }
        if (p >= s.length() || s.charAt(p) != ':' || p - nameEnd > LABEL_REACH) {
            return -1;
        }
        int last = p;
        while (last > nameEnd && Chars.letter(s.charAt(last - 1))) {
            last--;
        }
        if (last == p) {
            return -1;   // "password: …" and "password 2: …" are the key-value rules'
        }
        if (Chars.is(s, last, p, "id") || Chars.is(s, last, p, "ids")) {
            return -1;   // "the secret's ID: …" introduces an id
        }
        if (Chars.isAnyExactly(s, last, p, MEANS)) {
            return -1;   // "Looking for credentials via: shared-credentials-file": where or how, not the secret
        }
        int v = p + 1;
        if (v < s.length() && !Chars.space(s.charAt(v))) {
            return -1;   // host:port, a URL, a time
        }
        while (v < s.length() && Chars.blank(s.charAt(v))) {
            v++;
        }
        boolean nextLine = v >= s.length() || s.charAt(v) == '\n' || s.charAt(v) == '\r';
        if (nextLine) {
            int lines = 0;
            while (v < s.length() && Chars.space(s.charAt(v)) && lines <= 2) {
                if (s.charAt(v) == '\n') {
                    lines++;
                }
                v++;
            }
            if (lines == 0 || lines > 2) {
                return -1;
            }
        }
        int e = v;
        while (e < s.length() && !Chars.space(s.charAt(e))) {
            e++;
        }
        int after = e;
        while (after < s.length() && Chars.blank(s.charAt(after))) {
            after++;
        }
        int closes = nextLine ? -1 : stringEnd(s, name, v, e);
        if (closes >= 0) {
            e = closes;   // the label stands in a JSON string: "Exception":"…API Key provided: sk_live_****","Properties":…
            after = s.length();
        }
        if (e == v || after < s.length() && s.charAt(after) != '\n' && s.charAt(after) != '\r'
                || Values.placeholder(s, v, e)) {
            return -1;   // more than one word: a sentence
        }
        if (Values.nestedPair(s, v, e)) {
            return -1;   // a form's or a query's parameters, "token body: grant_type=…&code=…": each judged by its name
        }
        if (s.startsWith("https://", v) || s.startsWith("http://", v)) {
            return -1;   // "reset your password here: https://…?token=…": a link, whose token the URL's rules take
        }
        int pair = pairPassword(s, v, e);
        if (pair > v) {
            int at = Chars.lastIndexOf(s, '@', pair + 1, e);
            scan.add(SecretKind.PASSWORD, pair, at > pair ? at : e);   // "valid credentials found: admin:…"
            return pair;
        }
        boolean password = s.charAt(name) == 'p' || s.charAt(name) == 'P';
        boolean ok = nextLine ? e - v >= 12 && Values.secretLike(s, v, e)
                : password ? e - v >= 6 && mixed(s, v, e) : Values.secretLike(s, v, e);
        if (!ok) {
            return -1;
        }
        scan.add(password ? SecretKind.PASSWORD : SecretKind.GENERIC_SECRET, v, e);
        return v;   // a token of known shape names it better
    }

    /**
     * Where the value {@code s[v, e)} of a label that starts at {@code name} ends when the label stands inside a quoted
     * string (an odd number of double quotes before it on its line, as a JSON log record holds an exception's message):
     * at the quote that closes that string, {@code \"} escaped too, so the record's next fields are none of it. -1
     * where the label stands outside a string or no quote closes it within the value's word.
     */
    private static int stringEnd(String s, int name, int v, int e) {
        int quotes = 0;
        for (int k = name - 1; k >= 0 && s.charAt(k) != '\n'; k--) {
            if (s.charAt(k) == '"' && (k == 0 || s.charAt(k - 1) != '\\')) {
                quotes++;
            }
        }
        if (quotes % 2 == 0) {
            return -1;
        }
        int q = Chars.indexOf(s, '"', v, e);
        if (q < 0) {
            return -1;
        }
        while (q > v && s.charAt(q - 1) == '\\') {
            q--;
        }
        return q;
    }

    /**
     * Whether the {@code >} at {@code gt} ends redis-cli's prompt, attached to what it names: {@code host:6379>},
     * {@code 127.0.0.1:6379[2]>}, {@code redis>}; not the {@code " > "} of a test title ("auth.spec.ts:12:7 > auth works").
     */
    private static boolean redisPrompt(String s, int gt) {
        int e = gt;
        if (e > 0 && s.charAt(e - 1) == ']') {
            e--;
            while (e > 0 && Chars.digit(s.charAt(e - 1))) {
                e--;
            }
            if (e == 0 || s.charAt(e - 1) != '[') {
                return false;
            }
            e--;
        }
        int b = e;
        while (b > 0 && !Chars.space(s.charAt(b - 1))) {
            b--;
        }
        if (b == e) {
            return false;
        }
        int digits = e;
        while (digits > b && Chars.digit(s.charAt(digits - 1))) {
            digits--;
        }
        if (digits < e && digits > b && s.charAt(digits - 1) == ':') {
            return true;   // host:port
        }
        for (int k = b; k + 5 <= e; k++) {
            if (s.regionMatches(true, k, "redis", 0, 5) || s.regionMatches(true, k, "valkey", 0, Math.min(6, e - k))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the word at {@code word} follows a pipe: {@code … | chpasswd}. */
    private static boolean piped(String s, int word) {
        int p = word - 1;
        while (p >= 0 && Chars.blank(s.charAt(p))) {
            p--;
        }
        return p > 0 && s.charAt(p) == '|' && s.charAt(p - 1) != '|';
    }

    /** Whether {@code s[start, end)} has a letter and a digit or a sign. */
    private static boolean mixed(String s, int start, int end) {
        boolean letter = false;
        boolean other = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            letter |= Chars.letter(c);
            other |= !Chars.letter(c);
        }
        return letter && other;
    }

    private static boolean named(String s, int start, int end) {
        if (Chars.isAny(s, start, end, NAMES)) {
            return true;
        }
        if (!Chars.is(s, start, end, "key") || start < 2 || s.charAt(start - 1) != ' ') {
            return false;
        }
        int w = start - 1;
        while (w > 0 && Chars.letter(s.charAt(w - 1))) {
            w--;
        }
        for (String q : KeyNames.KEY_QUALIFIERS) {
            if (Chars.is(s, w, start - 1, q)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Words before a bare "key" in prose that name an event service's key, which sends alerts on a team's behalf:
     * PagerDuty's routing key (Events API v2) and integration key, as Grafana's, Alertmanager's and the PagerDuty
     * clients' errors print it ({@code invalid routing key …}).
     */
    private static final String[] EVENT_KEY_QUALIFIERS = {"routing", "integration"};
    /** Whether {@code s[start, end)} has a letter. */
    private static boolean letter(String s, int start, int end) {
        for (int k = start; k < end; k++) {
            if (Chars.letter(s.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    /** The length of PagerDuty's routing and integration keys: 32 letters and digits. */
    private static final int EVENT_KEY_LENGTH = 32;

    /**
     * For the bare "key" {@code s[i, end)} after one of {@link #EVENT_KEY_QUALIFIERS} and a blank: the key of 32 letters
     * and digits after one blank, with a digit and a letter in it and no word character after it, goes. An AMQP routing
     * key ({@code routing key order.created}, words and dots) and any other length stay. Returns where scanning goes on,
     * or -1.
     */
    private static int eventKey(Scan scan, int i, int end) {
        String s = scan.text;
        int w = i - 1;
        while (w > 0 && i - 1 - w < 12 && Chars.letter(s.charAt(w - 1))) {
            w--;
        }
        if (!Chars.isAny(s, w, i - 1, EVENT_KEY_QUALIFIERS) || w > 0 && Chars.word(s.charAt(w - 1))
                || end >= s.length() || s.charAt(end) != ' ') {
            return -1;
        }
        int v = end + 1;
        int e = v;
        while (e < s.length() && e - v <= EVENT_KEY_LENGTH && Chars.alnum(s.charAt(e))) {
            e++;
        }
        if (e - v != EVENT_KEY_LENGTH || e < s.length() && (Chars.word(s.charAt(e)) || s.charAt(e) == '.'
                && e + 1 < s.length() && Chars.word(s.charAt(e + 1))) || !Chars.hasDigit(s, v, e)
                || !letter(s, v, e)) {
            return -1;
        }
        scan.add(SecretKind.GENERIC_SECRET, v, e);
        return e;
    }

    /**
     * A bare "key" in prose with its value quoted right after it, as a BDD step writes what a client sends ({@code And
     * the API client uses key "…"}, {@code Given a tenant with key '…'}): the value goes where it is one run of
     * letters, digits and Base64's signs that mixes small and capital letters with digits and looks generated, as a
     * bare {@code key=}'s does ({@link KeyValues}), so {@code press key "Enter"}, {@code cache key "user:42:profile"},
     * {@code key "orders-2024-06-01-eu-west-1"} and an index's name ({@code for key 'customer.UNIQ_8139…'}) stay.
     * Returns where scanning goes on, or -1 where no quoted value stands there.
     */
    private static int quotedKey(Scan scan, int end) {
        String s = scan.text;
        if (end + 2 >= s.length() || s.charAt(end) != ' ' || s.charAt(end + 1) != '"' && s.charAt(end + 1) != '\'') {
            return -1;
        }
        int start = end + 2;
        int close = Quotes.close(s, start, 1);
        if (close <= start || close >= s.length() || s.charAt(close) != s.charAt(end + 1)) {
            return -1;
        }
        for (int k = start; k < close; k++) {
            char c = s.charAt(k);
            if (!Chars.alnum(c) && "+/=-_".indexOf(c) < 0) {
                return -1;   // a dotted or spaced name: MySQL's "Duplicate entry '…' for key 'customer.UNIQ_8139…'"
            }
        }
        SecretKind kind = Values.mixedCase(s, start, close) ? Judge.value(KeyNames.Key.KEY, s, start, close) : null;
        if (kind == null) {
            return -1;
        }
        scan.add(kind, start, close);
        return close + 1;
    }

    private static boolean valueChar(char c) {
        return Chars.alnum(c) || c == '_' || c == '-' || c == '+' || c == '/' || c == '=' || c == '.' || c == '~';
    }

    /**
     * Whether the word at {@code i} stands where a protocol transcript puts its command: first on its line, or after a
     * short prefix that ends in {@code >} or {@code :} ({@code > PASS …} in curl's, {@code Command:  PASS …} in
     * FluentFTP's, {@code C: PASS …} in a POP3 client's).
     */
    static boolean commandPosition(String s, int i) {
        int k = i - 1;
        while (k >= 0 && Chars.blank(s.charAt(k))) {
            k--;
        }
        if (k < 0 || s.charAt(k) == '\n') {
            return true;
        }
        if (s.charAt(k) != '>' && s.charAt(k) != ':') {
            return false;
        }
        int line = k;
        while (line >= 0 && s.charAt(line) != '\n') {
            if (k - line > 12 || !(Chars.alnum(s.charAt(line)) || "<>:- ".indexOf(s.charAt(line)) >= 0)) {
                return false;
            }
            line--;
        }
        return true;
    }

    /** The argument of a PASS command at {@code v}, up to a blank or the line's end, as a password. */
    private static int protocolPassword(Scan scan, int v, int otherwise) {
        String s = scan.text;
        int e = v;
        while (e < s.length() && !Chars.space(s.charAt(e))) {
            e++;
        }
        if (e == v || Values.placeholder(s, v, e)) {
            return otherwise;
        }
        scan.add(SecretKind.PASSWORD, v, e);
        return e;
    }
}
