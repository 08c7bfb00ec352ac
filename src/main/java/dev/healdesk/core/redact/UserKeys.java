package dev.healdesk.core.redact;

/**
 * A user name that is a generated key's id: where a service hands out an API key and its secret as the user and the
 * password of a plain login (Confluent Cloud's SASL {@code sasl.username}, a cloud's SMTP or registry logins), the user
 * is the key's half that names it, and is no person's or service account's name. The value of a user's name
 * ({@code username}, {@code user}, {@code sasl.username}, {@code login}) goes when it is 16 to 40 capital letters and
 * digits, at least three of each (or two digits with a letter after one, which a name's number at its end has not)
 * and a letter past {@code F} (so no hexadecimal digest), the shape such ids have; so
 * {@code username: "ci-bot"}, {@code user=ADMIN} and {@code user: DEADBEEF00112233} stay. Quoted, escaped quotes too: a
 * JAAS config inside a JSON log's message, {@code required username=\"…\" password=\"…\";}.
 */
final class UserKeys {

    private static final String[] USER_WORDS = {"username", "user", "login", "userid"};
    private static final int MIN = 16;
    private static final int MAX = 40;

    private UserKeys() {
    }

    /** Whether the key name {@code [start, end)} ends in a user's word (read after its last {@code . _ -} or hump). */
    static boolean named(String s, int start, int end) {
        int w = end;
        while (w > start && Chars.lower(s.charAt(w - 1))) {
            w--;
        }
        if (w == end) {
            while (w > start && Chars.upper(s.charAt(w - 1))) {
                w--;   // SASL_USERNAME
            }
        } else if (w > start && Chars.upper(s.charAt(w - 1))) {
            w--;   // a camel hump's capital: userName, User
        }
        return Chars.isAny(s, w, end, USER_WORDS)
                || Chars.is(s, w, end, "name") && w - 4 >= start && Chars.is(s, w - 4, w, "user");
    }

    /** Claims the value after the separator at {@code sep} when it has a key id's shape. */
    static void value(Scan scan, int sep) {
        String s = scan.text;
        int v = Chars.skipBlanks(s, sep + 1);
        // a JAAS config in a JSON log's message escapes its quotes, username=\"…\": the value ends at the closing backslash
        boolean escaped = v + 1 < s.length() && s.charAt(v) == '\\' && s.charAt(v + 1) == '"';
        if (escaped) {
            v++;
        }
        char q = v < s.length() && (s.charAt(v) == '"' || s.charAt(v) == '\'') ? s.charAt(v) : 0;
        int start = q == 0 ? v : v + 1;
        int end = start;
        int digits = 0;
        int letters = 0;
        boolean pastHex = false;
        boolean inside = false;   // a letter after a digit: the digits are not a name's number at its end
        while (end < s.length() && end - start <= MAX && (Chars.upper(s.charAt(end)) || Chars.digit(s.charAt(end)))) {
            char c = s.charAt(end);
            if (Chars.digit(c)) {
                digits++;
            } else {
                letters++;
                pastHex |= c > 'F';
                inside |= digits > 0;
            }
            end++;
        }
        if (end - start < MIN || end - start > MAX || digits < (inside ? 2 : 3) || letters < 3
                || !pastHex) {
            keyWithoutPassword(scan, start, escaped ? 0 : q);
            return;
        }
        if (end < s.length() && (q != 0 ? s.charAt(end) != (escaped ? '\\' : q)
                : !(Chars.space(s.charAt(end)) || s.charAt(end) == ',' || s.charAt(end) == ';' || s.charAt(end) == '}'))) {
            return;
        }
        scan.add(SecretKind.GENERIC_SECRET, start, end);
    }

    private static final String[] PASSWORD_WORDS = {"password", "pass", "passwd", "pwd"};

    /**
     * Claims the quoted user at {@code start} (closed by {@code q}) where it is an API key sent as HTTP Basic's user
     * with an empty password, the way Segment's HTTP API and libraries send a write key (axios' {@code auth:
     * {username: writeKey, password: ''}}), and Stripe's, Chargebee's and Recurly's APIs take a secret key
     * ({@code curl -u sk_…:} is {@link Urls}'): the password right after it, within the same object, is empty, and the
     * user looks generated: 16 to 128 letters and digits, small and capital letters and digits all in it, random
     * enough ({@link Values#secretLike}). A person's or a service's name beside an empty password
     * ({@code username: 'ci-bot', password: ''}, {@code 'deploy_user_2024'}) stays.
     */
    private static void keyWithoutPassword(Scan scan, int start, char q) {
        String s = scan.text;
        if (q == 0) {
            return;
        }
        int end = start;
        int kinds = 0;
        while (end < s.length() && end - start <= 128 && Chars.alnum(s.charAt(end))) {
            char c = s.charAt(end);
            kinds |= Chars.lower(c) ? 1 : Chars.upper(c) ? 2 : 4;
            end++;
        }
        if (end - start < MIN || end - start > 128 || end >= s.length() || s.charAt(end) != q || kinds != 7
                || !Values.secretLike(s, start, end)) {
            return;
        }
        int k = end + 1;
        while (k < s.length() && k - end < 8 && (Chars.blank(s.charAt(k)) || s.charAt(k) == ',' || s.charAt(k) == '\n'
                || s.charAt(k) == '\r')) {
            k++;
        }
        if (k < s.length() && (s.charAt(k) == '"' || s.charAt(k) == '\'')) {
            k++;   // "password": …
        }
        int w = k;
        while (k < s.length() && Chars.letter(s.charAt(k))) {
            k++;
        }
        if (!Chars.isAny(s, w, k, PASSWORD_WORDS)) {
            return;
        }
        if (k < s.length() && (s.charAt(k) == '"' || s.charAt(k) == '\'')) {
            k++;
        }
        k = Chars.skipBlanks(s, k);
        if (k >= s.length() || s.charAt(k) != ':' && s.charAt(k) != '=') {
            return;
        }
        k = Chars.skipBlanks(s, k + 1);
        boolean empty = k + 1 < s.length() && (s.charAt(k) == '"' || s.charAt(k) == '\'') && s.charAt(k + 1) == s.charAt(k);
        if (empty) {
            scan.add(SecretKind.GENERIC_SECRET, start, end);
        }
    }
}
