package dev.healdesk.core.redact;

/**
 * A {@code value} whose meaning is in its sibling {@code name} or {@code key}, as cookies and local storage are written
 * in Playwright storage-state files, in the objects a test prints ({@code { name: 'connect.sid', value: '…' }}), in
 * Python dicts ({@code {'name': 'sessionid', 'value': '…'}}), in Ruby hashes ({@code {:name=>"_shop_session", :value=>"…"}}),
 * in Kubernetes env lists ({@code - name: DB_PASSWORD}
 * then {@code value: …}, the name unquoted), in CI variable APIs ({@code {"key":"DEPLOY_TOKEN","value":"…"}}) and in
 * .NET and NuGet configs ({@code <add key="ClearTextPassword" value="…"/>}), in CI logs that name a variable before its value ({@code Injecting variable : DB_PASSWORD, value : …}),
 * and where a {@code type} says what it is
 * (Keycloak's credential representations, {@code {"type":"password","value":"…"}}): the name is looked for in the same object
 * or element, before the value or after it, and judged as a key name would be ({@link KeyNames}). Where the object
 * has no name, the key it is the value of speaks for it ({@code "spring.redis.password": {"value": "…"}}).
 */
final class NameValuePairs {

    /** How far from {@code value} the sibling {@code name} may stand. */
    static final int REACH = 400;

    private NameValuePairs() {
    }

    /** What the {@code name} beside the {@code value} key at {@code s[valueKey, …)} says, or {@code NONE}. */
    static KeyNames.Key named(Scan scan, int valueKey, int sep) {
        String s = scan.text;
        for (int j = valueKey - 1; j >= 0 && valueKey - j <= REACH; j--) {
            char c = s.charAt(j);
            if (c == '{') {
                KeyNames.Key parent = parentKey(scan, j);
                if (parent != KeyNames.Key.NONE) {
                    return parent;
                }
                break;
            }
            if (c == '}' || c == '<' || c == '>' && !arrow(s, j)) {
                break;
            }
            KeyNames.Key key = nameAt(scan, j);
            if (key != null) {
                return key;
            }
        }
        for (int j = sep + 1; j < s.length() && j - sep <= REACH; j++) {
            char c = s.charAt(j);
            if (c == '{' || c == '}' || c == '<' || c == '>' && !arrow(s, j)) {
                break;
            }
            KeyNames.Key key = nameAt(scan, j);
            if (key != null) {
                return key;
            }
        }
        return KeyNames.Key.NONE;
    }

    /**
     * What the {@code name} or {@code key} beside a typed value's holder says, for OpenTelemetry's AnyValue whose type
     * is its only member, as OTLP's JSON, the collector's file exporter and trace backends write an attribute:
     * {@code {"key": "twilio.auth_token", "value": {"stringValue": "…"}}} (and {@code bytesValue}). The member at
     * {@code s[keyStart, keyEnd)} must open the object that is a {@code value}'s; NONE otherwise.
     */
    static KeyNames.Key anyValue(Scan scan, int keyStart, int keyEnd) {
        String s = scan.text;
        if (!Chars.is(s, keyStart, keyEnd, "stringValue") && !Chars.is(s, keyStart, keyEnd, "bytesValue")) {
            return KeyNames.Key.NONE;
        }
        int k = keyStart - 1;
        if (k >= 0 && (s.charAt(k) == '"' || s.charAt(k) == '\'')) {
            k--;
        }
        while (k >= 0 && Chars.space(s.charAt(k))) {
            k--;
        }
        if (k < 1 || s.charAt(k) != '{') {
            return KeyNames.Key.NONE;
        }
        k--;
        while (k >= 0 && Chars.space(s.charAt(k))) {
            k--;
        }
        if (k < 5 || s.charAt(k) != ':') {
            return KeyNames.Key.NONE;
        }
        int colon = k;
        k--;
        if (s.charAt(k) == '"' || s.charAt(k) == '\'') {
            k--;
        }
        int holderEnd = k + 1;
        int holderStart = holderEnd - 5;
        if (holderStart < 0 || !Chars.is(s, holderStart, holderEnd, "value")
                || holderStart > 0 && Chars.word(s.charAt(holderStart - 1))) {
            return KeyNames.Key.NONE;
        }
        return named(scan, holderStart, colon);
    }

    /** Whether the {@code >} at {@code j} ends a hash's arrow, {@code =>} (Ruby, PHP, Perl): no element's bracket. */
    private static boolean arrow(String s, int j) {
        return s.charAt(j) == '>' && j > 0 && s.charAt(j - 1) == '=';
    }

    /**
     * What the key says whose value is the object opening at {@code brace}, as Spring Boot's {@code /actuator/env}
     * writes a property: {@code "spring.datasource.password": { "value": "…", "origin": "…" }}.
     */
    private static KeyNames.Key parentKey(Scan scan, int brace) {
        String s = scan.text;
        int p = brace - 1;
        while (p >= 0 && Chars.space(s.charAt(p))) {
            p--;
        }
        if (p < 0 || s.charAt(p) != ':' && s.charAt(p) != '=') {
            return KeyNames.Key.NONE;
        }
        p--;
        while (p >= 0 && Chars.blank(s.charAt(p))) {
            p--;
        }
        if (p < 1 || s.charAt(p) != '"' && s.charAt(p) != '\'') {
            return KeyNames.Key.NONE;
        }
        int end = p;
        int start = end - 1;
        while (start >= 0 && end - start <= KeyNames.MAX_LENGTH && s.charAt(start) != s.charAt(end)
                && s.charAt(start) != '\n') {
            start--;
        }
        if (start < 0 || s.charAt(start) != s.charAt(end)) {
            return KeyNames.Key.NONE;
        }
        return KeyNames.classify(scan, start + 1, end);
    }

    /** If a {@code name: 'x'} (or {@code key="x"}, or YAML's {@code name: x}) starts at {@code j}, what x says; else null. */
    private static KeyNames.Key nameAt(Scan scan, int j) {
        String s = scan.text;
        char c = s.charAt(j);
        int length = (c == 'n' || c == 'N') && s.regionMatches(true, j, "name", 0, 4) ? 4
                : (c == 'k' || c == 'K') && s.regionMatches(true, j, "key", 0, 3) ? 3
                : (c == 't' || c == 'T') && s.regionMatches(true, j, "type", 0, 4) ? 4   // Keycloak's credentials
                : (c == 'v' || c == 'V') && s.regionMatches(true, j, "variable", 0, 8) ? 8 : 0;   // CI variable logs
        if (length == 0 || j > 0 && (Chars.word(s.charAt(j - 1)) || s.charAt(j - 1) == '-' || s.charAt(j - 1) == '.')) {
            return null;
        }
        int p = j + length;
        if (p < s.length() && (s.charAt(p) == '"' || s.charAt(p) == '\'')) {
            p++;
        } else if (p + 1 < s.length() && s.charAt(p) == '\\' && s.charAt(p + 1) == '"') {
            p += 2;   // JSON inside a JSON string: \"name\":\"…\"
        }
        while (p < s.length() && Chars.blank(s.charAt(p))) {
            p++;
        }
        if (p >= s.length() || s.charAt(p) != ':' && s.charAt(p) != '=') {
            return null;
        }
        p++;
        if (p < s.length() && arrow(s, p)) {
            p++;   // Ruby's and PHP's :name => "_shop_session"
        }
        while (p < s.length() && Chars.blank(s.charAt(p))) {
            p++;
        }
        int quote = Quotes.open(s, p);
        int start = p + quote;
        int end;
        if (quote > 0) {
            end = Quotes.close(s, start, quote);
        } else {
            end = start;   // YAML: name: DB_PASSWORD
            while (end < s.length() && (Chars.word(s.charAt(end)) || s.charAt(end) == '-' || s.charAt(end) == '.')) {
                end++;
            }
            if (end < s.length() && !Chars.space(s.charAt(end)) && s.charAt(end) != ',') {
                return null;
            }
        }
        return KeyNames.classify(scan, start, end);
    }
}
