package dev.healdesk.core.redact;

/**
 * A credential written {@code user:password}, as HTTP basic authentication, a URL's userinfo (RFC 3986) and the
 * tools that take one so name it: {@code creds=svc-e2e:…}, Confluent's {@code basic.auth.user.info=release-eng:…},
 * Solr's {@code -Dbasicauth=deploy-bot:…}, buildah's {@code --creds user:pass}. A value any detector masks as a generic
 * secret is masked after its first colon only ({@link Scan#add}), so the account a failure was about stays readable
 * and only its password goes. The part before the colon must read as an account's name (letters, digits,
 * {@code . _ - @ +}, a small letter among them, at most {@value #MAX_USER} characters, not mixing small and capital
 * letters with digits as a generated key's id does, not a long run of hex digits as an API key used as the user is), and
 * the part after it be one word that is no URL's rest ({@code https://…}); a value of any other form is judged whole.
 */
final class UserPasswords {

    static final int MAX_USER = 64;

    private UserPasswords() {
    }

    /** Where the password of {@code s[start, end)} starts when the value is {@code user:password}; -1 otherwise. */
    static int passwordStart(String s, int start, int end) {
        boolean letter = false;   // a small letter: an access key's id (AKIA…, all capitals and digits) is no user
        int k = start;
        for (; k < end && k - start <= MAX_USER; k++) {
            char c = s.charAt(k);
            if (c == ':') {
                break;
            }
            if (!(Chars.alnum(c) || c == '.' || c == '_' || c == '-' || c == '@' || c == '+')) {
                return -1;
            }
            letter |= Chars.lower(c);
        }
        if (k == start || k >= end - 1 || s.charAt(k) != ':' || !letter || Values.mixedCase(s, start, k)
                || s.charAt(k + 1) == '/' || hexRun(s, start, k)) {
            return -1;   // not user:password; https://…: a URL's scheme is no user
        }
        for (int j = k + 1; j < end; j++) {
            char c = s.charAt(j);
            if (Chars.blank(c) || c == '\n' || c == '\r' || c == '@') {
                return -1;   // words, or a URL's user:password@host, which is judged whole as before
            }
        }
        return k + 1;
    }

    /** Sixteen or more hex digits, a digit among them: a key's id or an API key, not an account's name. */
    private static boolean hexRun(String s, int start, int end) {
        if (end - start < 16) {
            return false;
        }
        boolean digit = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (!Chars.hex(c)) {
                return false;
            }
            digit |= Chars.digit(c);
        }
        return digit;
    }
}
