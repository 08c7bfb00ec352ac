package dev.healdesk.core.redact;

/**
 * A stored password's hash in the modular crypt format that crypt(3), the PHC string format and their users write
 * ({@code $id$[params$]salt$hash}): bcrypt's {@code $2b$12$…}, sha512crypt's {@code $6$rounds=5000$salt$hash},
 * md5crypt's {@code $1$}, Apache's {@code $apr1$}, yescrypt's {@code $y$}, Argon2's
 * {@code $argon2id$v=19$m=65536,t=3,p=4$salt$hash}, PBKDF2's and scrypt's. A hash can be cracked offline, so it is a
 * credential wherever it is printed (a user database file, an ORM's inspect, an INSERT's values), with or without a
 * name beside it. The algorithm and its parameters stay (what an operator compares: cost, version, memory); the salt
 * and the hash go. Only the ids of the format's published schemes, two or more segments after the id, and a last
 * segment of at least {@value #MIN_HASH} characters of the format's alphabet ({@value #BCRYPT} exactly for bcrypt), so
 * a shell's {@code $1} or {@code $HOME$PATH}, a price in dollars and a truncated fixture value stay. Triggered by a
 * dollar sign that starts a word.
 */
final class PasswordHashes extends Detector {

    private static final String[] IDS = {"1", "2a", "2b", "2x", "2y", "5", "6", "7", "y", "gy", "apr1", "md5", "sha1",
        "argon2i", "argon2d", "argon2id", "pbkdf2", "pbkdf2-sha1", "pbkdf2-sha256", "pbkdf2-sha512", "scrypt"};
    private static final boolean[] SECOND = Chars.set("125676yagmsp");
    private static final boolean[] BEFORE = Chars.set(" \t\n\"'`=:(,[{>");
    private static final int MIN_HASH = 20;
    private static final int BCRYPT = 53;
    private static final int MAX_LENGTH = 400;

    @Override
    public boolean[] seconds(char c) {
        return SECOND;
    }

    @Override
    public boolean[] befores(char c) {
        return BEFORE;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int e = i + 1;
        while (e < s.length() && e - i <= 14 && (Chars.lower(s.charAt(e)) || Chars.digit(s.charAt(e))
                || s.charAt(e) == '-')) {
            e++;
        }
        if (e >= s.length() || s.charAt(e) != '$' || !Chars.isAnyExactly(s, i + 1, e, IDS)) {
            return i + 1;
        }
        int secret = -1;   // where the salt starts: past the segments that are parameters (a cost, name=value)
        int segments = 0;
        int last = e + 1;
        int k = e + 1;
        while (k <= s.length() && k - i <= MAX_LENGTH) {
            char c = k < s.length() ? s.charAt(k) : ' ';
            if (c == '$' || !alphabet(c)) {
                if (k == last) {
                    return i + 1;   // an empty segment: not the format
                }
                segments++;
                if (secret < 0 && !parameters(s, last, k)) {
                    secret = last;
                }
                if (c != '$') {
                    break;
                }
                last = k + 1;
            }
            k++;
        }
        while (k > last && s.charAt(k - 1) == ',') {
            k--;   // a list's comma after the hash (an SQL error's bound values, unquoted): no hash ends with one
        }
        if (segments < 2 || secret < 0 || k - last < MIN_HASH) {
            return i + 1;
        }
        if (s.charAt(i + 1) == '2' && (segments != 2 || k - last != BCRYPT)) {
            return i + 1;   // bcrypt's salt and hash are 22 and 31 characters, run together; a shorter one is no hash
        }
        scan.add(SecretKind.PASSWORD, secret, k);
        return k;
    }

    /** The characters of a segment: base64's and crypt's alphabets, and a parameter list's {@code = ,}. */
    private static boolean alphabet(char c) {
        return Chars.letter(c) && c < 128 || Chars.digit(c) || c == '.' || c == '/' || c == '+' || c == '='
                || c == ',' || c == '-';
    }

    /** A segment of parameters: all digits (bcrypt's cost) or {@code name=value} pairs (rounds=5000, m=65536,t=3). */
    private static boolean parameters(String s, int start, int end) {
        boolean digits = true;
        for (int k = start; k < end; k++) {
            digits &= Chars.digit(s.charAt(k));
        }
        if (digits) {
            return end - start <= 2;
        }
        int eq = Chars.indexOf(s, '=', start, end);
        return eq > start && eq < end - 1 && Chars.lower(s.charAt(start));
    }
}
