package dev.healdesk.core.redact;

/**
 * What a value named by a key is: the one place that decides it, for every syntax that pairs a name with its value.
 * The syntaxes (a {@code key=value}, an XML element, an SQL column, a table's cell, a typed fill, a label before a
 * number...) find a name and its value and ask here; none of them re-decides what a password, a social security
 * number or another person's number looks like.
 *
 * <p>The name has been read by {@link KeyNames} into a {@link KeyNames.Key}. How sure the syntax is that the text is
 * the named field's whole value picks the reading:
 * <ul>
 * <li>{@link #value}: a value next to its key in text ({@code password=…}, {@code "apiKey": "…"}, a column of a
 *   table or a CSV row, a bound parameter): it goes when it looks the part (a password: anything but a small count or
 *   a path; a token: random-looking; a person's number: its shape).</li>
 * <li>{@link #field}: the syntax bounds the named field's content exactly (an element's text, a value of an SQL
 *   {@code INSERT} under its column, a bound parameter, a flag's argument): a password is whatever is there.</li>
 * <li>{@link #typed}: text a test types into a field a locator or label names: under any credential's name it goes
 *   whole.</li>
 * <li>{@link #labelled}: a number that a label names in prose ({@code no customer with SSN 078051120}): only a
 *   person's number, in its strict shape (a social security number's valid areas).</li>
 * </ul>
 * {@link #inProse} says which values go even after a word of prose ("Invalid password: too short" stays), and
 * {@link #personal} which names call a person's number rather than a credential.
 */
final class Judge {

    private Judge() {
    }

    /** What the value {@code s[start, end)} next to a key of kind {@code key} is, or null when it is no secret. */
    static SecretKind value(KeyNames.Key key, String s, int start, int end) {
        if (Values.placeholder(s, start, end) || s.startsWith("-----BEGIN", start)) {
            return null;   // a PEM block is the private-key detector's
        }
        if (bindParameter(s, start, end)) {
            return null;   // password = ?, password = $2: a prepared statement's placeholder, its value bound apart
        }
        if ((key == KeyNames.Key.SECRET || key == KeyNames.Key.KEY) && Values.nestedPair(s, start, end)) {
            return null;   // "credentials: user=admin pass=…": each pair is judged by its own name
        }
        if (reference(key, s, start, end) || digest(s, start, end)) {
            return null;
        }
        switch (key) {
            case SSN:
                return ssnValue(s, start, end) ? SecretKind.SSN : null;
            case PERSONAL_ID:
                return personalNumber(s, start, end) ? SecretKind.NATIONAL_ID : null;
            case PASSWORD:
                return password(s, start, end) ? SecretKind.PASSWORD : null;
            case AWS_SECRET:
                return awsSecret(s, start, end) ? SecretKind.AWS_SECRET_KEY
                        : Values.secretLike(s, start, end) ? SecretKind.GENERIC_SECRET : null;
            case SESSION:
                return Values.secretLike(s, start, end) && !constantPath(s, start, end) && !resourceSid(s, start, end)
                        ? SecretKind.SESSION_ID : null;
            case SECRET:
                return Values.secretLike(s, start, end) && !credentialScope(s, start, end)
                        && !resourceName(s, start, end) ? SecretKind.GENERIC_SECRET : null;
            case KEY:
                return Values.generated(s, start, end) || hexKey(s, start, end) ? SecretKind.GENERIC_SECRET : null;
            default:
                return null;
        }
    }

    /**
     * What the content {@code s[start, end)} of a field named {@code key} is, where the syntax bounds it exactly (an
     * element's text, an SQL column's value, typed text): a password whatever it is, a social security number when it
     * has nine digits, another person's number by its shape, a token or a session when it looks random, a bare key
     * when it looks generated; a statement's placeholder ({@code ?}, {@code $2}) or a secret's name is none. Null for
     * no secret.
     */
    static SecretKind field(KeyNames.Key key, String s, int start, int end) {
        if (end <= start || Values.placeholder(s, start, end) || bindParameter(s, start, end)
                || reference(key, s, start, end) || storedPassword(s, start, end)) {
            return null;
        }
        switch (key) {
            case PASSWORD:
                return SecretKind.PASSWORD;
            case SSN:
                return nineDigits(s, start, end) ? SecretKind.SSN : null;
            case PERSONAL_ID:
                return personalNumber(s, start, end) ? SecretKind.NATIONAL_ID : null;
            case KEY:
                return (Values.generated(s, start, end) || hexKey(s, start, end)) && !Values.nestedPair(s, start, end)
                        ? SecretKind.GENERIC_SECRET : null;
            case SESSION:
                return Values.secretLike(s, start, end) ? SecretKind.SESSION_ID : null;
            case COOKIE:
            case AUTHORIZATION:
            case SECRET:
            case AWS_SECRET:
                return Values.secretLike(s, start, end) ? SecretKind.GENERIC_SECRET : null;
            default:
                return null;
        }
    }

    /**
     * What the text {@code s[start, end)} that a test types into a field named {@code key} is: under a credential's
     * name it goes whatever it looks like (a test types what the field takes, {@code fill('#api-token', 'abc')}), a
     * password as a password and any other credential as a generic secret; a person's number as {@link #field}
     * judges it. Null for no secret.
     */
    static SecretKind typed(KeyNames.Key key, String s, int start, int end) {
        if (personal(key)) {
            return field(key, s, start, end);
        }
        if (!credential(key) || Values.placeholder(s, start, end)) {
            return null;
        }
        return key == KeyNames.Key.PASSWORD ? SecretKind.PASSWORD : SecretKind.GENERIC_SECRET;
    }

    /**
     * What the number {@code s[start, end)} that a label of kind {@code key} names in prose is: a social security
     * number with nine digits in its valid shape (no area 000, 666 or 9xx, no zero group or serial), another person's
     * number by its shape; null for any other label.
     */
    static SecretKind labelled(KeyNames.Key key, String s, int start, int end) {
        switch (key) {
            case SSN:
                return ssnShape(s, start, end) ? SecretKind.SSN : null;
            case PERSONAL_ID:
                return personalNumber(s, start, end) ? SecretKind.NATIONAL_ID : null;
            default:
                return null;
        }
    }

    /**
     * Whether the unquoted value {@code s[start, end)} of a key written after a word of prose still goes: it looks
     * random, it is a password's with a digit in it, or it is a person's number; so "Invalid password: too short"
     * stays.
     */
    static boolean inProse(KeyNames.Key key, String s, int start, int end) {
        return Values.secretLike(s, start, end) && !(key != KeyNames.Key.PASSWORD && word(s, start, end))
                || key == KeyNames.Key.PASSWORD && end - start >= 4 && Chars.hasDigit(s, start, end)
                || key == KeyNames.Key.PERSONAL_ID && personalNumber(s, start, end);
    }

    /**
     * Whether {@code s[start, end)} is written as a word of prose is: letters only, all small or a capital first and
     * small ones after ({@code unauthorized}, {@code Authentication}), so the error words after a token's or a
     * secret's name in a message stay ({@code failed to update app secrets: unauthorized}, MongoDB's {@code bad auth :
     * Authentication failed.}), and spelt as words are: a vowel (y counted) in three letters or more, no run of more
     * than four other letters. A generated secret mixes digits or both cases in, and one of small letters alone seldom
     * passes the spelling ({@code kqzjxwvbnmlpfhrtd} goes); a password is judged apart.
     */
    private static boolean word(String s, int start, int end) {
        int vowels = 0;
        int run = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (!(Chars.lower(c) || i == start && Chars.upper(c))) {
                return false;
            }
            if ("aeiouy".indexOf(c | 0x20) >= 0) {
                vowels++;
                run = 0;
            } else if (++run > 4) {
                return false;
            }
        }
        return 10 * vowels >= 3 * (end - start);
    }

    /**
     * Whether the key names a person's number (a social security number, a passport, a national id), whose value is
     * judged by its shape, rather than a credential, whose value a test id or a line below may hold.
     */
    static boolean personal(KeyNames.Key key) {
        return key == KeyNames.Key.SSN || key == KeyNames.Key.PERSONAL_ID;
    }

    /**
     * Whether the value of a bare key ({@link KeyNames.Key#KEY}) is 32 to 64 hex digits, letters and digits both: the
     * integration keys of alerting and analytics services ({@code routing_key: 29e0…} for PagerDuty's Events API,
     * {@code integration_key}, {@code write_key}), which one case of hex keeps under the entropy {@link Values#generated}
     * asks; a key whose word says it is a hash's or a cache's ({@code cache_key}, {@code dedup_key}) is none already.
     */
    static boolean hexKey(String s, int start, int end) {
        if (end - start < 32 || end - start > 64) {
            return false;
        }
        boolean letter = false;
        boolean digit = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (Chars.digit(c)) {
                digit = true;
            } else if (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
                letter = true;
            } else {
                return false;
            }
        }
        return letter && digit;
    }

    /** Whether the key names a credential: a password, a token, a session, a key; not a person's number, not nothing. */
    static boolean credential(KeyNames.Key key) {
        return key != KeyNames.Key.NONE && !personal(key);
    }

    /** {@code ?} or {@code $} and digits: a placeholder of a prepared statement (JDBC's, PostgreSQL's). */
    private static boolean bindParameter(String s, int start, int end) {
        if (end - start == 1) {
            return s.charAt(start) == '?';
        }
        if (end - start > 4 || s.charAt(start) != '$') {
            return false;
        }
        for (int i = start + 1; i < end; i++) {
            if (!Chars.digit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code s[start, end)} is a Twilio resource's SID, two capitals and 32 hex digits in small letters, under a
     * name with "sid" in it ({@code Message SID: SM…}, {@code call_sid=CA…}): the id of a message, a call or a number,
     * which support looks up, no session. The account's SID ({@code AC…}, the user of its API key pair) is not one.
     */
    static boolean resourceSid(String s, int start, int end) {
        if (end - start != 34 || !Chars.upper(s.charAt(start)) || !Chars.upper(s.charAt(start + 1))
                || s.startsWith("AC", start)) {
            return false;
        }
        return lowerHex(s, start + 2, end);
    }

    /**
     * Whether {@code s[start, end)} is a class's or a module's qualified name, capitalised names joined by {@code ::}
     * (Ruby, C++, Rust, PHP's static calls): {@code session: ShopifyAPI::Auth::Session} prints the object's class where
     * its inspect() shows no id. No session id or token is written so.
     */
    static boolean constantPath(String s, int start, int end) {
        int parts = 0;
        int k = start;
        while (k < end) {
            if (!Chars.upper(s.charAt(k))) {
                return false;
            }
            int part = k;
            while (k < end && (Chars.alnum(s.charAt(k)) || s.charAt(k) == '_')) {
                k++;
            }
            if (Values.generated(s, part, k)) {
                return false;   // Auth::Zk3pQ9…: a random part is no class's name
            }
            parts++;
            if (k == end) {
                break;
            }
            if (k + 2 >= end || s.charAt(k) != ':' || s.charAt(k + 1) != ':') {
                return false;
            }
            k += 2;
        }
        return parts >= 2;
    }

    /**
     * Where Apple's upload and notary tools read a password from instead ({@code altool -p @keychain:AC_PASSWORD},
     * {@code -p @env:APP_SPECIFIC_PASSWORD}): the name of a stored secret, not the secret.
     */
    private static boolean storedPassword(String s, int start, int end) {
        return end - start > 6 && (s.startsWith("@keychain:", start) || s.startsWith("@env:", start));
    }

    /**
     * Whether the value {@code s[start, end)} under a secret's or a key's name is the secret's name rather than the
     * secret, as secret stores and cloud CLIs print it: a path of lower-case words ({@code --secret-id ci/e2e/credentials},
     * {@code secret_name: prod/orders/db}, Vault's {@code secret/data/ci}), or the last part of a resource name
     * ({@code arn:aws:secretsmanager:…:secret:ci/e2e/credentials-qPYMBE}, where the key "secret" is the ARN's resource
     * type); or the path of the file that holds it ({@code nats --creds ~/.nkeys/creds/ci/ORDERS/ci.creds},
     * {@link #filePath}). A random value has capitals or no slash, and goes.
     */
    private static boolean reference(KeyNames.Key key, String s, int start, int end) {
        if (key != KeyNames.Key.SECRET && key != KeyNames.Key.KEY && key != KeyNames.Key.AWS_SECRET) {
            return false;
        }
        return wordPath(s, start, end) || resourceName(s, start) || pageAddress(s, start, end) || filePath(s, start, end);
    }

    /**
     * Whether {@code s[start, end)} is a digest and no secret: Vault's audit device writes every sensitive value it logs
     * as its salted HMAC, {@code hmac-sha256:} and hex digits ({@code "client_token":"hmac-sha256:7e1d…"}, {@code
     * accessor  hmac-sha256:…}), which cannot be turned back into the token (operators match it with
     * {@code sys/audit-hash}); and an OCI image pinned by its content digest, a repository's name (a registry's host and
     * port, path parts of small letters, digits and {@code . _ -}, a tag) then {@code @sha256:} and 64 hex digits
     * ({@code ghcr.io/acme/api@sha256:…}), as cosign, crane and kubectl print what they sign, copy or run. Either must
     * be the whole value; a value with a secret's shape after such a prefix ({@code hmac-sha256:Zx9…}) is no digest.
     */
    static boolean digest(String s, int start, int end) {
        if (s.startsWith("hmac-sha256:", start)) {
            return end - start - 12 >= 8 && lowerHex(s, start + 12, end);
        }
        int at = end - 72;
        if (at <= start || !s.startsWith("@sha256:", at) || !lowerHex(s, at + 8, end)) {
            return false;
        }
        boolean tag = false;   // after the name's last part, a tag's ':' (capitals allowed there: v2-RC1)
        for (int i = start; i < at; i++) {
            char c = s.charAt(i);
            if (c == ':') {
                tag = s.indexOf('/', i) < 0 || s.indexOf('/', i) >= at;
            } else if (c == '/') {
                tag = false;
            } else if (!(Chars.lower(c) || Chars.digit(c) || c == '.' || c == '_' || c == '-' || tag && Chars.upper(c))) {
                return false;
            }
        }
        return Chars.lower(s.charAt(start)) || Chars.digit(s.charAt(start));
    }

    /** Whether {@code s[start, end)} is hex digits in small letters, as digests are printed. */
    private static boolean lowerHex(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (!Chars.digit(c) && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return end > start;
    }

    /**
     * A file's path: from the root, the home or the working directory ({@code /}, {@code ~/}, {@code ./}, {@code ../}),
     * parts of letters, digits, {@code - _ .} parted by single slashes, the last a file's name with an extension of one
     * to six small letters, digits after the first ({@code ~/.nkeys/creds/ci/ORDERS/jenkins.creds}, {@code
     * /etc/ci/sa-key.json}, {@code ./keys/AuthKey_4X7.p8}), or one of OpenSSH's identity files, which have none
     * ({@code /home/ci/.ssh/id_ed25519}). No generated
     * secret is written so: Base64 has no dot, Base64url, hex and JWTs no slash.
     */
    static boolean filePath(String s, int start, int end) {
        int p = s.startsWith("~/", start) || s.startsWith("./", start) ? start + 2
                : s.startsWith("../", start) ? start + 3 : s.startsWith("/", start) ? start + 1 : -1;
        if (p < 0 || p >= end) {
            return false;
        }
        int part = p;
        for (int i = p; i < end; i++) {
            char c = s.charAt(i);
            if (c == '/') {
                if (i == part) {
                    return false;
                }
                part = i + 1;
            } else if (!Chars.alnum(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        if (part > p && sshIdentity(s, part, end)) {
            return true;   // OpenSSH's identity file, which has no extension: privateKey=/home/ci/.ssh/id_ed25519
        }
        int dot = s.lastIndexOf('.', end - 1);
        if (dot <= part || end - dot - 1 < 1 || end - dot - 1 > 6 || !Chars.lower(s.charAt(dot + 1))) {
            return false;   // no extension in the last part, or a dot file's name alone (.env)
        }
        for (int i = dot + 1; i < end; i++) {
            if (!Chars.lower(s.charAt(i)) && !Chars.digit(s.charAt(i))) {
                return false;   // an extension is small letters, digits after the first (.pem, .p8, .p12)
            }
        }
        return part > p;   // a directory at least: /x.y alone is too short to tell
    }

    /** OpenSSH's names for a private key's file by its type: {@code id_rsa}, {@code id_ed25519}, {@code id_ecdsa_sk}. */
    private static final String[] SSH_IDENTITIES = {"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk",
            "id_ed25519_sk"};

    /** Whether {@code s[start, end)} is one of OpenSSH's identity files' names ({@link #SSH_IDENTITIES}). */
    private static boolean sshIdentity(String s, int start, int end) {
        return Chars.isAnyExactly(s, start, end, SSH_IDENTITIES);
    }

    /**
     * A web page's address with nothing generated in it, {@code https://www.chromatic.com/docs/cli#configure} after
     * "set the project token:": where to read about the secret, not the secret. An address with a user in it is left to
     * the URL detector, which masks its password and keeps its host; one with a part that looks generated (a webhook's
     * key in its path, a token in its query) is judged as before.
     */
    private static boolean pageAddress(String s, int start, int end) {
        int p = s.startsWith("https://", start) ? start + 8 : s.startsWith("http://", start) ? start + 7 : -1;
        if (p < 0 || p >= end) {
            return false;
        }
        int authority = p;
        while (authority < end && s.charAt(authority) != '/' && s.charAt(authority) != '?') {
            authority++;
        }
        if (Chars.indexOf(s, '@', p, authority) >= 0) {
            return true;   // a user's password in it is the URL detector's, which keeps the host (Urls)
        }
        int part = p;
        for (int i = p; i <= end; i++) {
            char c = i < end ? s.charAt(i) : '/';
            if (c == '/' || c == '?' || c == '&' || c == '=' || c == '#') {
                if (i > part && Values.generated(s, part, i)) {
                    return false;
                }
                part = i + 1;
            }
        }
        return true;
    }

    /** Lower-case words, digits, {@code - _ .} in two or more parts parted by single slashes, a letter in each. */
    private static boolean wordPath(String s, int start, int end) {
        if (end - start < 3 || s.charAt(start) == '/' || s.charAt(end - 1) == '/') {
            return false;
        }
        int parts = 1;
        boolean letter = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '/') {
                if (!letter || s.charAt(i - 1) == '/') {
                    return false;
                }
                parts++;
                letter = false;
            } else if (Chars.lower(c)) {
                letter = true;
            } else if (!Chars.digit(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return parts >= 2 && letter;
    }

    /** Whether the run of text that holds {@code start} (no blank, quote or {@code =} in it) opens with {@code arn:}. */
    private static boolean resourceName(String s, int start) {
        int i = start - 1;
        while (i >= 0 && start - i <= 256) {
            char c = s.charAt(i);
            if (Chars.space(c) || c == '"' || c == '\'' || c == '=' || c == ',') {
                break;
            }
            i--;
        }
        return s.startsWith("arn:", i + 1);
    }

    /**
     * Whether {@code s[start, end)} has a person's number's shape, as national identity numbers, passports and driving
     * licences are written: 6 to 20 digits, at most 3 letters, grouped by blanks, dots, dashes or slashes
     * ({@code 588715641}, {@code P12712635}, {@code QQ 12 34 56 C}, {@code 123.456.789-09}), its check character
     * perhaps in parentheses at the end, as Hong Kong's HKID and Singapore's old NRIC print it ({@code A123456(7)}); a
     * country, a date or a word stays.
     */
    static boolean personalNumber(String s, int start, int end) {
        if (end - start > 26) {
            return false;
        }
        int digits = 0;
        int letters = 0;
        if (exampleDigits(s, start, end)) {
            return false;   // 11.111.111-1, A123456(7): a documentation's example, no one's number
        }
        if (end - start >= 9 && s.charAt(end - 1) == ')' && s.charAt(end - 3) == '('
                && Chars.alnum(s.charAt(end - 2))) {
            end -= 3;   // HKID's check character in parentheses: A123456(7)
        }
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (Chars.digit(c)) {
                digits++;
            } else if (Chars.letter(c)) {
                letters++;
            } else if (c != ' ' && c != '-' && c != '.' && c != '/') {
                return false;
            }
        }
        return digits >= 6 && digits <= 20 && letters <= 3 && !date(s, start, end)
                || lettersAndDigits(s, start, end, digits, letters) || nhi(s, start, end);
    }

    /** The letters of New Zealand's NHI, the alphabet without I and O: A is worth 1, Z 24. */
    private static final String NHI_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    /**
     * Whether {@code s[start, end)} is a New Zealand NHI number in its first layout (HISO 10046): three capitals of
     * {@link #NHI_LETTERS}, three digits and a check digit, 11 less the sum of the letters' worth times 7, 6, 5 and the
     * digits times 4, 3, 2 mod 11, 10 written 0, a rest of 0 never issued. Too short for {@link #lettersAndDigits}; a
     * key that names a person's number holds it ("nhi": "ZAC5361"), and one in eleven of such codes pass, so by a
     * label only.
     */
    static boolean nhi(String s, int start, int end) {
        if (end - start != 7) {
            return false;
        }
        int sum = 0;
        for (int k = 0; k < 6; k++) {
            char c = s.charAt(start + k);
            int worth = k < 3 ? NHI_LETTERS.indexOf(c) + 1 : Chars.digit(c) ? c - '0' : -1;
            if (worth <= 0 && (k < 3 || worth < 0)) {
                return false;
            }
            sum += worth * (7 - k);
        }
        char last = s.charAt(end - 1);
        int rest = sum % 11;
        return rest != 0 && Chars.digit(last) && (11 - rest) % 10 == last - '0';
    }

    /**
     * Whether the digits of {@code s[start, end)}, its last one (a check digit) left out, are one digit repeated or the
     * run 1, 2, 3 … from 1 or 0, six at least: the example numbers that forms, documentation and test fixtures show
     * ({@code 11.111.111-1}, {@code 111-11-1111}, {@code A123456(7)}, {@code 123456789}), no one's number.
     */
    static boolean exampleDigits(String s, int start, int end) {
        int n = 0;
        for (int i = start; i < end; i++) {
            n += Chars.digit(s.charAt(i)) ? 1 : 0;
        }
        if (n < 7) {
            return false;
        }
        int first = -1;
        int previous = -1;
        boolean same = true;
        boolean run = true;
        int m = 0;
        for (int i = start; i < end && m < n - 1; i++) {   // the check digit, the last, may break the pattern
            char c = s.charAt(i);
            if (!Chars.digit(c)) {
                continue;
            }
            int d = c - '0';
            if (first < 0) {
                first = d;
                run = d <= 1;
            } else {
                same &= d == first;
                run &= d == previous + 1;
            }
            previous = d;
            m++;
        }
        return same || run;
    }

    /**
     * Whether {@code s[start, end)} is one run of 8 to 20 capital letters and digits, at least 4 of each, that begins
     * and ends with neither a dash nor a blank: the national numbers written with letters among their digits, as a key
     * that names a person's number holds them (India's PAN {@code ABCPE1234F}, Italy's codice fiscale
     * {@code RSSMRA85T10A562S}, Spain's NIE {@code X1234567L} has too few letters and passes above); a word, a
     * country, a version or a lower-case reference stays.
     */
    private static boolean lettersAndDigits(String s, int start, int end, int digits, int letters) {
        if (digits < 4 || letters < 4 || end - start != digits + letters || end - start > 20) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return false;
            }
        }
        return true;
    }

    /** Nine digits, or 3-2-4 with dashes or blanks: what a column or field named ssn holds. */
    private static boolean ssnValue(String s, int start, int end) {
        int digits = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (Chars.digit(c)) {
                digits++;
            } else if (c != '-' && c != ' ') {
                return false;
            }
        }
        return digits == 9;
    }

    /** Nine digits in at most eleven characters, however grouped: a field's social security number. */
    private static boolean nineDigits(String s, int start, int end) {
        int digits = 0;
        for (int i = start; i < end; i++) {
            if (Chars.digit(s.charAt(i))) {
                digits++;
            }
        }
        return digits == 9 && end - start <= 11;
    }

    /** Nine digits, whole or 3-2-4, with no area 000, 666 or 9xx and no zero group or serial. */
    private static boolean ssnShape(String s, int start, int end) {
        int[] groups = new int[3];
        int[] sizes = {3, 2, 4};
        int k = 0;
        int inGroup = 0;
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (!Chars.digit(c)) {
                continue;   // 3-2-4 or whole: the groups' values are what matter
            }
            if (k == 3) {
                return false;   // a tenth digit
            }
            value = value * 10 + (c - '0');
            inGroup++;
            if (inGroup == sizes[k]) {
                groups[k++] = value;
                value = 0;
                inGroup = 0;
            }
        }
        return k == 3 && groups[0] != 0 && groups[0] != 666 && groups[0] < 900 && groups[1] != 0 && groups[2] != 0;
    }

    /** {@code 2024-05-14}, {@code 14.05.2024}, {@code 14/05/2024}: a date, never a person's number. */
    private static boolean date(String s, int start, int end) {
        int n = end - start;
        if (n != 10) {
            return false;
        }
        char a = s.charAt(start + 4);
        char b = s.charAt(start + 2);
        return a == '-' && s.charAt(start + 7) == '-' || (b == '.' || b == '/' || b == '-') && s.charAt(start + 5) == b;
    }

    /**
     * A signed request's credential scope, {@code X-Goog-Credential=<account>/<date>/<region>/<service>/goog4_request}
     * (and AWS' {@code …/aws4_request}): who signed and for what, no secret. An access key id at its start is a token
     * of known shape and goes all the same.
     */
    private static boolean credentialScope(String s, int start, int end) {
        return end - start > 13 && (s.regionMatches(true, end - 12, "aws4_request", 0, 12)
                || s.regionMatches(true, end - 13, "goog4_request", 0, 13));
    }

    /**
     * A secret's name rather than the secret, as a secret manager's CLI and a cluster's manifests take it ({@code gcloud
     * secrets versions access latest --secret=orders-api-env}, {@code secretName: tls-cert}): words of small letters
     * joined by dashes, as resource names are written; nothing a generator makes (no digit, no capital, no other sign).
     */
    private static boolean resourceName(String s, int start, int end) {
        int dashes = 0;
        int part = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '-') {
                if (part < 2) {
                    return false;
                }
                dashes++;
                part = 0;
            } else if (Chars.lower(c)) {
                part++;
            } else {
                return false;
            }
        }
        return dashes > 0 && part >= 2;
    }

    /** Any value but a small count ({@code pass=3} in a test summary) or a path ({@code PWD=/home/ci}). */
    private static boolean password(String s, int start, int end) {
        if (s.charAt(start) == '/' || s.charAt(start) == '~') {
            return false;
        }
        if (s.startsWith("https://", start) || s.startsWith("http://", start)) {
            return false;   // "reset your password here: https://…": a link, whose token the URL's rules take
        }
        if (typeName(s, start, end)) {
            return false;   // signIn(email: String, password: String), $password: String!: a declaration's type
        }
        if (throwableName(s, start, end)) {
            return false;   // "Unable to decrypt server password: org.…SecDispatcherException": the error's class
        }
        if (end - start > 3) {
            return true;
        }
        for (int i = start; i < end; i++) {
            if (!Chars.digit(s.charAt(i))) {
                return true;
            }
        }
        return end - start == 3 && (cardCode(s, start) || LocalLabels.cardCode(s, start));
    }

    /**
     * Whether {@code s[start, end)} is a Java error's fully qualified class name, as a message that failed on a
     * password names its cause ({@code Unable to decrypt server password: org.sonatype.plexus.components.sec.dispatcher
     * .SecDispatcherException}): two package names or more of small letters and digits, then a class name in camel
     * case from a capital that ends in {@code Exception} or {@code Error}.
     */
    static boolean throwableName(String s, int start, int end) {
        int dot = Chars.lastIndexOf(s, '.', start, end);
        if (dot < 0 || dot + 1 >= end) {
            return false;
        }
        boolean named = end - dot - 1 > 9 && s.startsWith("Exception", end - 9)
                || end - dot - 1 > 5 && s.startsWith("Error", end - 5);
        if (!named || !Chars.upper(s.charAt(dot + 1))) {
            return false;
        }
        for (int i = dot + 1; i < end; i++) {
            if (!Chars.alnum(s.charAt(i))) {
                return false;
            }
        }
        int packages = 0;
        int part = start;
        for (int i = start; i <= dot; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (i == part || !Chars.lower(s.charAt(part))) {
                    return false;
                }
                packages++;
                part = i + 1;
            } else if (!Chars.lower(c) && !Chars.digit(c) && c != '_') {
                return false;
            }
        }
        return packages >= 2;
    }

    /** Scalar types that a signature, a schema or a GraphQL operation declares a password's parameter as. */
    private static final java.util.Set<String> TYPE_NAMES = java.util.Set.of("String", "string", "str", "Int", "Integer",
            "Boolean", "Bool", "ID", "Float", "Double", "Long", "bytes", "CharSequence", "SecretStr", "SecureString");

    /**
     * Whether {@code s[start, end)} is a scalar type after a colon, as a declaration writes a parameter's type rather
     * than its value: Swift's and Kotlin's {@code password: String}, Python's {@code password: str}, GraphQL's
     * {@code $password: String!} (a non-null mark or an optional's {@code ?} may follow the name). A value is written
     * after {@code =} or in quotes, so {@code password=String!} and {@code password: "String"} are no types.
     */
    static boolean typeName(String s, int start, int end) {
        int e = end;
        if (e - start > 1 && (s.charAt(e - 1) == '!' || s.charAt(e - 1) == '?')) {
            e--;
        }
        if (!TYPE_NAMES.contains(s.substring(start, e))) {
            return false;
        }
        int k = start - 1;
        while (k >= 0 && s.charAt(k) == ' ') {
            k--;
        }
        return k >= 0 && k < start - 1 && s.charAt(k) == ':';
    }

    /**
     * Whether the name just before the value at {@code start} (within 16 characters of its line) is a card's
     * verification code, cvv, cvc or cvn ({@code "cvc":"314"}, {@code :cvv=>"271"}), or its security code as PayPal's
     * and Adyen's fields name it ({@code "security_code":"633"}, {@code securityCode}): its three digits are the secret
     * a short number under another password's name ({@code pass: 120}) is not.
     */
    private static boolean cardCode(String s, int start) {
        for (int k = start - 3; k >= 0 && start - k <= 16 && s.charAt(k) != '\n'; k--) {
            if (s.regionMatches(true, k, "cvv", 0, 3) || s.regionMatches(true, k, "cvc", 0, 3)
                    || s.regionMatches(true, k, "cvn", 0, 3)) {
                return true;
            }
            if (s.regionMatches(true, k, "code", 0, 4) && k >= 8) {
                int w = s.charAt(k - 1) == '_' || s.charAt(k - 1) == '-' ? k - 9 : k - 8;
                if (w >= 0 && s.regionMatches(true, w, "security", 0, 8)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The AWS secret access key format: 40 characters of base64 without padding. */
    private static boolean awsSecret(String s, int start, int end) {
        if (end - start != 40) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (!Chars.alnum(c) && c != '/' && c != '+') {
                return false;
            }
        }
        return true;
    }
}
