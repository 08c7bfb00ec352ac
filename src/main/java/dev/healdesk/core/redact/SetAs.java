package dev.healdesk.core.redact;

/**
 * A setting announced in prose, "NAME has been set as VALUE", "NAME was set to VALUE", "NAME is set to VALUE", as
 * configuration loaders log each key they read ({@code config=trustStorePass has been set as …}). The name is judged
 * as a key name ({@link KeyNames}, so camel case and compounds count), the value as {@link NamedValues#near} judges
 * a name's value in prose: a password's when it looks like one, any other secret's when it looks random. So
 * {@code serverAddr has been set as db-03:8848} and {@code password has been set as expected} stay. And Bundler's
 * {@code bundle config} lines ({@link #bundlerSetting}): a gem source's credentials. Triggered by {@code set}.
 */
final class SetAs extends Detector {

    /** Words that may stand between the name and "set": "has been", "was", "is", "is being". */
    private static final String[] AUXILIARIES = {"has", "have", "had", "been", "is", "was", "are", "were", "being",
        "be", "got", "gets"};
    private static final int MAX_AUXILIARIES = 3;
    private static final boolean[] SECOND = Chars.set("eE");

    @Override
    public boolean[] seconds(char c) {
        return SECOND;
    }

    @Override
    public long wordLengths(char c) {
        return 1L << 3;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int end = scan.wordEnd(i);
        if (end - i == 3 && s.startsWith("Set ", i) && (i == 0 || s.charAt(i - 1) == '\n')) {
            return bundlerSetting(scan, i, end);
        }
        if (i >= 2 && s.charAt(i - 1) == ':' && s.charAt(i - 2) == ':') {
            return workflowCommand(scan, i, end);
        }
        if (end - i != 3 || !Chars.is(s, i, end, "set") || i < 3 || s.charAt(i - 1) != ' '
                || end + 4 >= s.length() || s.charAt(end) != ' ' || s.charAt(end + 3) != ' '
                || !(Chars.is(s, end + 1, end + 3, "as") || Chars.is(s, end + 1, end + 3, "to"))) {
            return end;
        }
        int e = i - 1;
        int auxiliaries = 0;
        int b;
        while (true) {
            while (e > 0 && s.charAt(e - 1) == ' ') {
                e--;
            }
            b = e;
            while (b > 0 && e - b <= KeyNames.MAX_LENGTH && nameChar(s.charAt(b - 1))) {
                b--;
            }
            if (b == e || !auxiliary(s, b, e)) {
                break;
            }
            if (++auxiliaries > MAX_AUXILIARIES) {
                return end;
            }
            e = b;
        }
        if (b == e || e - b > KeyNames.MAX_LENGTH) {
            return end;
        }
        KeyNames.Key key = KeyNames.classify(scan, b, e);
        if (key != KeyNames.Key.PASSWORD && key != KeyNames.Key.SECRET && key != KeyNames.Key.AWS_SECRET) {
            return end;
        }
        int near = NamedValues.near(scan, end, key == KeyNames.Key.PASSWORD);
        return near >= 0 ? near : end;
    }

    /** GitHub Actions' workflow commands that set a named value: a step's output, an environment variable. */
    private static final String[] SETTING_COMMANDS = {"set-output", "set-env"};

    /**
     * A GitHub Actions workflow command that sets a named value, {@code ::set-output name=token::…} or {@code
     * ::set-env name=API_KEY::…} (deprecated, still printed by old actions and echoed by the runner's warnings): the
     * command's {@code name} parameter names the value that follows the second {@code ::} to the line's end, judged
     * as a key's value in prose is ({@link NamedValues#near}). {@code ::set-output name=version::1.2.3} and {@code
     * ::error file=app.js::…} stay.
     */
    private static int workflowCommand(Scan scan, int i, int end) {
        String s = scan.text;
        int c = i;
        while (c < s.length() && c - i < 12 && (Chars.lower(s.charAt(c)) || s.charAt(c) == '-')) {
            c++;
        }
        if (!Chars.isAnyExactly(s, i, c, SETTING_COMMANDS) || !s.startsWith(" name=", c)) {
            return end;
        }
        int b = c + 6;
        int e = b;
        while (e < s.length() && e - b <= KeyNames.MAX_LENGTH && nameChar(s.charAt(e))) {
            e++;
        }
        if (e == b || !s.startsWith("::", e)) {
            return end;
        }
        KeyNames.Key key = KeyNames.classify(scan, b, e);
        if (key != KeyNames.Key.PASSWORD && key != KeyNames.Key.SECRET && key != KeyNames.Key.AWS_SECRET) {
            return end;
        }
        int near = NamedValues.near(scan, e + 2, key == KeyNames.Key.PASSWORD);
        return near >= 0 ? near : end;
    }

    /** Bundler's settings with a dot that are no gem source's host: build flags, local overrides, mirrors, bundle gem's. */
    private static final String[] NOT_SOURCES = {"build.", "local.", "mirror.", "gem."};

    /**
     * Bundler's {@code bundle config} listing, where a setting's value is given on a line of its own below its name:
     * {@code Set for your local app (…/.bundle/config): "…"}, {@code Set for the current user (…): "…"}, {@code Set via
     * BUNDLE_PKGS__ACME__NET: "…"} (bundle-config(1); a name's dots are {@code __} in the variable). A setting named for a
     * gem source's host or URL (the line above the "Set" lines, the {@code Settings for `…`} header of {@code bundle
     * config get}, or the variable) holds the source's credentials, {@code username:password} or a token: the password
     * goes and the user stays ({@link Scan#add}), a token or a key used as the user goes whole. {@code path},
     * {@code build.nokogiri} and a mirror's URL keep their values.
     */
    private static int bundlerSetting(Scan scan, int i, int end) {
        String s = scan.text;
        int k = end + 1;
        int lineEnd = Chars.indexOf(s, '\n', k, s.length());
        lineEnd = lineEnd < 0 ? s.length() : lineEnd;
        int colon;
        String name;
        if (s.startsWith("via ", k)) {
            colon = Chars.indexOf(s, ':', k + 4, lineEnd);
            if (colon < 0 || !s.startsWith("BUNDLE_", k + 4)) {
                return end;
            }
            name = s.substring(k + 11, colon).replace("__", ".").toLowerCase(java.util.Locale.ROOT);
        } else if (s.startsWith("for ", k)) {
            colon = s.lastIndexOf("): \"", lineEnd);
            if (colon < k) {
                return end;
            }
            colon++;
            name = settingAbove(s, i);
        } else {
            return end;
        }
        if (name == null || !source(name) || colon + 3 >= lineEnd || s.charAt(colon + 1) != ' '
                || s.charAt(colon + 2) != '"') {
            return end;
        }
        int start = colon + 3;
        int close = s.lastIndexOf('"', lineEnd - 1);
        if (close <= start || close < lineEnd - 2 && !s.substring(close + 1, lineEnd).isBlank()) {
            return end;
        }
        int userEnd = Chars.indexOf(s, ':', start, close);
        boolean login = userEnd > start && userEnd + 1 < close;
        if (Chars.indexOf(s, ' ', start, close) >= 0 || s.startsWith("/", start) || Chars.contains(s, start, close, "://",
                false) || Values.placeholder(s, login ? userEnd + 1 : start, close)
                || !login && !Values.secretLike(s, start, close)) {
            return end;
        }
        scan.add(SecretKind.GENERIC_SECRET, start, close);
        return start;   // the value may be a token of known format, which names it better
    }

    /**
     * The name of the setting whose "Set" lines include the one at {@code i}: the nearest line above that is no "Set"
     * line, or the {@code X} of a {@code Settings for `X` in order of priority} header; null where there is none.
     */
    private static String settingAbove(String s, int i) {
        int lineStart = i;
        for (int lines = 0; lines < 6 && lineStart > 0; lines++) {
            int prevEnd = lineStart - 1;
            int prevStart = s.lastIndexOf('\n', prevEnd - 1) + 1;
            if (s.startsWith("Set ", prevStart)) {
                lineStart = prevStart;
                continue;
            }
            String line = s.substring(prevStart, prevEnd).strip();
            if (line.startsWith("Settings for `")) {
                int tick = line.indexOf('`', 14);
                return tick > 14 ? line.substring(14, tick).toLowerCase(java.util.Locale.ROOT) : null;
            }
            return line.isEmpty() || line.indexOf(' ') >= 0 ? null : line.toLowerCase(java.util.Locale.ROOT);
        }
        return null;
    }

    /** Whether a setting's name is a gem source's host or URL: a dot in it, and none of Bundler's own dotted settings. */
    private static boolean source(String name) {
        if (name.indexOf('.') < 0) {
            return false;
        }
        for (String p : NOT_SOURCES) {
            if (name.startsWith(p)) {
                return false;
            }
        }
        return true;
    }

    private static boolean nameChar(char c) {
        return Chars.word(c) || c == '.' || c == '-';
    }

    private static boolean auxiliary(String s, int start, int end) {
        return Chars.isAny(s, start, end, AUXILIARIES);
    }
}
