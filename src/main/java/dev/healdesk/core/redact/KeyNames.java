package dev.healdesk.core.redact;

/**
 * Says what a key name promises about its value ({@code DB_PASSWORD}, {@code apiKey}, {@code X-Auth-Token},
 * {@code JSESSIONID}), word by word: a name splits at {@code _ - .} and at camel-case humps, so {@code author}
 * is not {@code auth} and {@code token_count} is not a token. The words follow the key names of the public
 * secret-scanning rule sets (gitleaks' generic-api-key keywords, detect-secrets' keyword plugin).
 */
final class KeyNames {

    /** The kinds of key this class tells apart. */
    enum Key {
        NONE, COOKIE, AUTHORIZATION, SESSION, AWS_SECRET, PASSWORD, SECRET, SSN
    }

    static final int MAX_SEGMENTS = 8;
    static final int MAX_LENGTH = 64;

    private static final String[] PASSWORD_WORDS = {"password", "passwd", "passphrase", "passcode", "pwd", "pass",
            "pw", "otp", "pin"};
    private static final String[] SECRET_WORDS = {"secret", "secrets", "token", "apikey", "apitoken", "secretkey",
            "accesskey", "privatekey", "clientsecret", "authtoken", "accesstoken", "refreshtoken", "credential",
            "credentials", "auth", "signature", "sig", "csrftoken", "xsrftoken", "sessionsecret", "jwtsecret", "webhooksecret"};
    /** Words that make a following "key" a secret one: api_key, accessKey, x-api-key, AccountKey... */
    private static final String[] KEY_QUALIFIERS = {"api", "access", "secret", "private", "client", "signing",
            "encryption", "master", "app", "account", "license", "subscription", "service", "auth", "shared"};
    /** Trailing words that say how a secret is spelt, not what it is: secret_key_base, token_value. */
    private static final String[] TRAILERS = {"value", "base"};
    private static final String[] SESSION_WORDS = {"jsessionid", "phpsessid", "sessionid", "sessid", "sid",
            "sessionkey", "sessiontoken"};
    /** Words after "session" that make it a session id: session_id, sessionKey, session-token. */
    private static final String[] SESSION_SUFFIXES = {"id", "key", "token"};

    private KeyNames() {
    }

    /** Classifies the key name {@code scan.text[start, end)}. */
    static Key classify(Scan scan, int start, int end) {
        if (end - start < 2 || end - start > MAX_LENGTH) {
            return Key.NONE;
        }
        String s = scan.text;
        int[] seg = scan.segments;
        int count = split(s, start, end, seg);
        if (count == 0) {
            return Key.NONE;
        }
        if (count == 1 && is(s, seg, 0, "cookie") || count == 2 && is(s, seg, 0, "set") && is(s, seg, 1, "cookie")) {
            return Key.COOKIE;
        }
        if (count == 1 && is(s, seg, 0, "authorization")
                || count == 2 && is(s, seg, 0, "proxy") && is(s, seg, 1, "authorization")) {
            return Key.AUTHORIZATION;
        }
        if (ssn(s, seg, count)) {
            return Key.SSN;
        }
        boolean secret = false;
        boolean aws = false;
        boolean access = false;
        for (int k = 0; k < count; k++) {
            if (anyOf(s, seg, k, SESSION_WORDS) || is(s, seg, k, "session")
                    && (k == count - 1 || anyOf(s, seg, k + 1, SESSION_SUFFIXES))) {
                return Key.SESSION;
            }
            secret |= is(s, seg, k, "secret");
            aws |= is(s, seg, k, "aws");
            access |= is(s, seg, k, "access");
        }
        if (secret && (aws || access)) {
            return Key.AWS_SECRET;
        }
        int last = count - 1;
        while (last > 0 && anyOf(s, seg, last, TRAILERS)) {
            last--;
        }
        if (anyOf(s, seg, last, PASSWORD_WORDS) || endsWith(s, seg, last, "password")
                || endsWith(s, seg, last, "passwd")) {
            return Key.PASSWORD;
        }
        if (anyOf(s, seg, last, SECRET_WORDS)
                || last > 0 && (is(s, seg, last, "key") || is(s, seg, last, "keys"))
                && anyOf(s, seg, last - 1, KEY_QUALIFIERS)) {
            return Key.SECRET;
        }
        return Key.NONE;
    }

    /** {@code ssn}, {@code social_security_number}, {@code SocialSecurityNo}: a US social security number. */
    private static boolean ssn(String s, int[] seg, int count) {
        for (int k = 0; k < count; k++) {
            if (is(s, seg, k, "ssn") || k + 1 < count && is(s, seg, k, "social") && is(s, seg, k + 1, "security")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Splits {@code s[start, end)} into words: runs of letters and digits, broken at every other character and
     * where case rises (apiKey → api Key, APIKey → API Key). Returns how many, at most {@link #MAX_SEGMENTS}
     * (the last ones, which carry the meaning: {@code spring.datasource.password}).
     */
    private static int split(String s, int start, int end, int[] seg) {
        int count = 0;
        int i = start;
        while (i < end) {
            while (i < end && !Chars.alnum(s.charAt(i))) {
                i++;
            }
            if (i >= end) {
                break;
            }
            int from = i;
            i++;
            while (i < end && Chars.alnum(s.charAt(i)) && !hump(s, i, end)) {
                i++;
            }
            if (count == MAX_SEGMENTS) {
                System.arraycopy(seg, 2, seg, 0, seg.length - 2);
                count--;
            }
            seg[2 * count] = from;
            seg[2 * count + 1] = i;
            count++;
        }
        return count;
    }

    /** Whether a new word starts at {@code i}: aB, or the B of ABc. */
    private static boolean hump(String s, int i, int end) {
        char c = s.charAt(i);
        if (!Chars.upper(c)) {
            return false;
        }
        char before = s.charAt(i - 1);
        return Chars.lower(before) || Chars.digit(before)
                || Chars.upper(before) && i + 1 < end && Chars.lower(s.charAt(i + 1));
    }

    private static boolean is(String s, int[] seg, int k, String word) {
        return Chars.is(s, seg[2 * k], seg[2 * k + 1], word);
    }

    private static boolean anyOf(String s, int[] seg, int k, String[] words) {
        for (String w : words) {
            if (is(s, seg, k, w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWith(String s, int[] seg, int k, String word) {
        int end = seg[2 * k + 1];
        int from = end - word.length();
        return from >= seg[2 * k] && s.regionMatches(true, from, word, 0, word.length());
    }
}
