package dev.healdesk.core.redact;

import java.util.Locale;
import java.util.Set;

/**
 * Tests on a candidate value: is it a placeholder rather than a secret, is it random enough to be a key,
 * does a card number check out. Kept apart so every detector judges values the same way.
 */
final class Values {

    /**
     * Shannon entropy, in bits per character over the value's own character counts, from which a value under a
     * secret-sounding key counts as a key: random base64 or hex keys score 3.5 to 5.5, words and phrases
     * ("expired", "not-configured") mostly under 3. A deliberate middle: {@code token=invalid} stays, a
     * sixteen-character random token goes.
     */
    static final double MIN_SECRET_ENTROPY = 3.0;
    /** Shorter values under a secret-sounding key are words or flags, not keys. */
    static final int MIN_SECRET_LENGTH = 8;

    private static final Set<String> PLACEHOLDER_WORDS = Set.of("null", "nil", "none", "undefined", "true",
            "false", "empty", "redacted", "hidden", "masked", "filtered", "omitted", "removed", "n/a",
            // what a test or a tool prints where the value is not there: nock's { authorization: 'token expected' }
            "expected", "actual", "invalid", "expired", "missing", "unknown", "unset", "required",
            // what a sample config, a chart's values or a compose file writes for a value to be set (DB_PASSWORD=changeme)
            "changeme", "change_me", "replaceme");

    /** Words a CI or a tool prints in brackets for a value it hid ({@link #ciMask}). */
    private static final Set<String> CI_MASK_WORDS = Set.of("secure", "sensitive", "protected", "encrypted", "secret",
            "private");

    private Values() {
    }

    /**
     * Whether {@code s[start, end)} stands in for a value rather than being one: empty, a mask ({@code ****},
     * {@code xxxx}), a reference ({@code ${PASSWORD}}, {@code $PASSWORD}, {@code {{ secrets.X }}},
     * {@code <password>}, {@code %s}, Concourse's and CredHub's {@code ((db_password))}), something already redacted ({@code [REDACTED_…]}) or a word such as
     * null or true.
     */
    static boolean placeholder(String s, int start, int end) {
        if (end <= start) {
            return true;
        }
        char c = s.charAt(start);
        char next = start + 1 < end ? s.charAt(start + 1) : 0;
        if (c == '<' || c == '[' || c == '{' || c == '(' && (next == '(' || maskPhrase(s, start))
                || (c == '$' && (Chars.letter(next) || next == '{' || next == '_'))
                || (c == '%' && (Chars.letter(next) || next == '('))) {
            return true;
        }
        boolean same = true;
        for (int i = start + 1; i < end && same; i++) {
            same = s.charAt(i) == c;
        }
        if (same || Chars.contains(s, start, end, Chars.TOKEN_PREFIX, false) || maskedTail(s, start, end)) {
            return true;   // a mask, or a value redacted in part already
        }
        if (awsExample(s, start, end)) {
            return true;   // Credential=AKIAIOSFODNN7EXAMPLE/…: AWS's documentation's example key, which tests copy
        }
        if (quotedMask(s, start, end)) {
            return true;   // '********************': Django's technical 500 page prints a masked setting so, in its repr
        }
        if (countingDigits(s, start, end)) {
            return true;   // "otp": "123456", pin=1234: a mock's or a documentation's code, as 000000 is a mask
        }
        if ((c == '@' || c == ':') && bindName(s, start + 1, end)) {
            return true;   // EF Core's @__apiKey_1 and @p0: the SQL names the parameter bound there
        }
        if (envName(s, s.startsWith("env:", start) ? start + 4 : start, end)) {
            return true;   // DB_PASSWORD, env:GITHUB_TOKEN: the variable that holds the secret, named where it is passed
        }
        if (metavariable(s, start, end)) {
            return true;   // --passwd=FILE, -passphrase filename, -auth authorization-file: a synopsis names the argument
        }
        if (end - start > 9) {
            return false;
        }
        String word = s.substring(start, end).toLowerCase(Locale.ROOT);
        return PLACEHOLDER_WORDS.contains(word) || ciMask(s, start, end) && CI_MASK_WORDS.contains(word);
    }

    /**
     * Whether {@code s[start, end)} is one of the example credentials AWS's documentation prints and tests copy: an
     * access key id of capitals and digits that ends in {@code EXAMPLE} ({@code AKIAIOSFODNN7EXAMPLE}, a test's
     * shortened {@code AKIAEXAMPLE}), alone or before a SigV4 credential scope's {@code /}, or a secret access key
     * that ends in {@code EXAMPLEKEY} ({@code wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY}). AWS issues no key that
     * spells a word at its end in capitals; {@code AKIAEXAMPLES1}, {@code example} in small letters or {@code EXAMPLE}
     * inside a longer value are judged as before.
     */
    static boolean awsExample(String s, int start, int end) {
        if (end - start < 10) {
            return false;
        }
        if (s.startsWith("EXAMPLEKEY", end - 10)) {
            return true;
        }
        int k = start;
        while (k < end && (Chars.upper(s.charAt(k)) || Chars.digit(s.charAt(k)))) {
            k++;
        }
        return k - start >= 11 && (k == end || s.charAt(k) == '/') && s.startsWith("EXAMPLE", k - 7);
    }

    /**
     * Whether {@code s[start, end)} is a mask in quotes: one quote, three or more of one sign that no generator or
     * person writes as a whole secret ({@code *}, {@code •}, {@code x}, {@code X}, {@code #}), the same quote
     * ({@code '********************'}, as Django's SafeExceptionReporterFilter masks a setting and its repr quotes it;
     * {@code "••••••••"}). The unquoted run is a mask already; a quoted value with anything else in it is judged as it was.
     */
    static boolean quotedMask(String s, int start, int end) {
        if (end - start < 5) {
            return false;
        }
        char q = s.charAt(start);
        if (q != '\'' && q != '"' || s.charAt(end - 1) != q) {
            return false;
        }
        char c = s.charAt(start + 1);
        if (c != '*' && c != '\u2022' && c != 'x' && c != 'X' && c != '#') {
            return false;
        }
        for (int k = start + 2; k < end - 1; k++) {
            if (s.charAt(k) != c) {
                return false;
            }
        }
        return true;
    }

    /** The words a usage synopsis or a man page writes for an argument's kind where the value goes. */
    private static final Set<String> ARGUMENT_KINDS = Set.of("file", "filename", "pathname", "path", "string", "value",
            "arg", "argument", "dir", "directory");
    /**
     * The words a synopsis writes in capitals for a credential's or an argument's place ({@code --password=PASSWORD},
     * {@code -k KEY}, {@code --token TOKEN}): named, so a password that is a word in capitals ({@code LETMEIN},
     * {@code QWERTYUIOP}) is not one of them.
     */
    private static final Set<String> ARGUMENT_CAPITALS = Set.of("file", "filename", "pathname", "path", "string",
            "value", "arg", "argument", "dir", "directory", "key", "keyfile", "token", "secret", "pass", "passwd",
            "password", "passphrase", "pwd", "pin", "user", "username", "name", "id", "url", "uri", "host", "cert",
            "certificate", "credential", "credentials", "creds", "text", "data", "number", "num", "word", "code", "hex");

    /**
     * Whether {@code s[start, end)} is a metavariable, the name a usage synopsis or a man page writes in a value's place
     * (POSIX utility syntax, man-pages(7)): one word in capitals that names an argument's kind ({@code --passwd=FILE},
     * {@code password=PASSWORD}, {@code -k KEY}; not any word in capitals, which a person may choose); a word for the argument's kind, alone or last after a hyphen or an
     * underscore ({@code -passphrase filename}, {@code -auth authorization-file}, {@code --password-file pw_file}); or
     * words opened by {@code your-} or {@code your_} ({@code --change-passphrase your-user-id}). A generated value has
     * digits or mixed case; a random run of capitals has seldom a vowel.
     */
    static boolean metavariable(String s, int start, int end) {
        while (end > start && ").,;:]".indexOf(s.charAt(end - 1)) >= 0) {
            end--;   // the sentence's or the bracket's end that an unquoted value ran into: "(… your-user-id)."
        }
        if (end == start) {
            return false;
        }
        int joint = start;
        while (joint < end && ":|[".indexOf(s.charAt(joint)) < 0) {
            joint++;
        }
        if (joint < end) {
            return composite(s, start, end);
        }
        int n = end - start;
        if (n >= 2 && n <= 12 && Chars.upper(s.charAt(start))) {
            boolean vowel = false;
            int i = start;
            while (i < end && Chars.upper(s.charAt(i))) {
                vowel |= "AEIOUY".indexOf(s.charAt(i)) >= 0;
                i++;
            }
            if (i == end) {
                return vowel && ARGUMENT_CAPITALS.contains(s.substring(start, end).toLowerCase(Locale.ROOT));
            }
        }
        if (n > 40 || !Chars.lower(s.charAt(start))) {
            return false;
        }
        int last = start;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '-' || c == '_') {
                if (i == last || i + 1 == end) {
                    return false;
                }
                last = i + 1;
            } else if (!Chars.lower(c)) {
                return false;
            }
        }
        if ((s.startsWith("your-", start) || s.startsWith("your_", start)) && n > 5) {
            return true;
        }
        return ARGUMENT_KINDS.contains(s.substring(last, end));
    }

    /** The encodings a synopsis names before a metavariable ({@code base64:HEX}). */
    private static final Set<String> ENCODINGS = Set.of("base64", "hex");

    /**
     * Whether {@code s[start, end)} is metavariables joined as a synopsis joins them: {@code ID:VALUE}, an optional part
     * in brackets ({@code ID[:PATH]}), alternatives ({@code PATH|base64:HEX}), each part a metavariable or an encoding's
     * name, two parts or more (systemd.exec(5)'s {@code SetCredential=ID:VALUE}). {@code admin:Hunter2} has no
     * metavariable in it.
     */
    private static boolean composite(String s, int start, int end) {
        int parts = 0;
        int part = start;
        for (int k = start; k <= end; k++) {
            if (k == end || ":|[]".indexOf(s.charAt(k)) >= 0) {
                if (k > part) {
                    if (!ENCODINGS.contains(s.substring(part, k)) && !metavariable(s, part, k)) {
                        return false;
                    }
                    parts++;
                }
                part = k + 1;
            }
        }
        return parts >= 2;
    }

    /**
     * Whether {@code s[start, end)} is the digits counted up from 0 or 1, four to eight of them as a one-time code or a
     * PIN has ({@code 1234}, {@code 123456}, {@code 01234567}): the code a test's mock answers, a sample config writes
     * and documentation shows, as a row of one digit ({@code 000000}) is a mask. A drawn code is so made once in a
     * million (six digits) and then it is the code everybody tries first. Nine digits and more are a number's, which
     * the number rules judge ({@code 123456789} in an {@code ssn} column).
     */
    static boolean countingDigits(String s, int start, int end) {
        if (end - start < 4 || end - start > 8 || s.charAt(start) != '0' && s.charAt(start) != '1') {
            return false;
        }
        for (int i = start + 1; i < end; i++) {
            if (s.charAt(i) != s.charAt(i - 1) + 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code s[start, end)}, after an {@code @} or a colon, is the name of a SQL statement's bound parameter as
     * ORMs generate one: EF Core's name for a captured variable ({@code __apiKey_1}: two underscores, a letter, then
     * letters, digits and underscores, at most 64) or for a positional one ({@code p0}, {@code p12}: p and an index of
     * at most three digits). A password seldom opens with two underscores or is p and a number.
     */
    static boolean bindName(String s, int start, int end) {
        if (end - start < 2 || end - start > 64) {
            return false;
        }
        if (s.charAt(start) == 'p') {
            return end - start <= 4 && Chars.digitsOnly(s, start + 1, end);
        }
        if (end - start < 3 || !s.startsWith("__", start) || !Chars.letter(s.charAt(start + 2))) {
            return false;
        }
        for (int i = start + 3; i < end; i++) {
            char c = s.charAt(i);
            if (!Chars.alnum(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code s[start, end)} is an environment variable's name as shells and CI files write one: capitals,
     * digits and single underscores, a capital first, two parts or more, and a last part of three letters or more
     * ({@code DB_PASSWORD}, {@code HF_TOKEN}, {@code AWS_SECRET_ACCESS_KEY}). Build tools and CLIs take a secret by the
     * name of the variable that holds it ({@code earthly --secret DB_PASSWORD}, {@code dagger --token=env:GH_TOKEN},
     * {@code docker build --secret id=NPM_TOKEN}); a generated value has small letters or no such parts.
     */
    static boolean envName(String s, int start, int end) {
        if (end - start < 5 || !Chars.upper(s.charAt(start)) || s.charAt(end - 1) == '_') {
            return false;
        }
        int parts = 1;
        int letters = 0;
        for (int i = start + 1; i < end; i++) {
            char c = s.charAt(i);
            if (c == '_') {
                if (s.charAt(i - 1) == '_') {
                    return false;
                }
                parts++;
                letters = 0;
            } else if (Chars.upper(c)) {
                letters++;
            } else if (Chars.digit(c)) {
                letters = -64;   // a digit in the last part: not a word
            } else {
                return false;
            }
        }
        return parts >= 2 && letters >= 3;
    }

    /**
     * Whether {@code s[start, end)} is a value masked but for a few characters first, as a redacting logger or a test's
     * expected value writes one: {@code s%3A***} (express-session's cookie with its id starred), {@code sk_live_***},
     * {@code ab12****}: at least three stars at its end and at most {@value #MASK_PREFIX} other characters before; or
     * four stars or more and then at most {@value #MASK_SUFFIX} letters and digits ({@code sk_live_****Xk9Q}).
     */
    private static boolean maskedTail(String s, int start, int end) {
        int shown = end;
        while (shown > start && end - shown < MASK_SUFFIX && Chars.alnum(s.charAt(shown - 1))) {
            shown--;
        }
        return stars(s, start, end, 3) || shown < end && stars(s, start, shown, 4);
    }

    /** Whether {@code s[start, end)} ends in {@code min} stars or more, with at most {@value #MASK_PREFIX} characters before. */
    private static boolean stars(String s, int start, int end, int min) {
        int k = end;
        while (k > start && s.charAt(k - 1) == '*') {
            k--;
        }
        return end - k >= min && k - start <= MASK_PREFIX;
    }

    /** The most characters a partly masked value may show before its stars. */
    private static final int MASK_PREFIX = 8;
    /**
     * The most letters and digits a masked value may show after its stars, as API errors and card masks show the last
     * four ({@code sk_live_********************Xk9Q}, Stripe's "Invalid API Key provided"; {@code ************4242}).
     */
    private static final int MASK_SUFFIX = 4;

    /**
     * Whether {@code s[start, end)} stands in brackets, as a word a CI prints where it hid a secret does: Travis'
     * {@code DB_PASSWORD=[secure]}, {@code [sensitive]}, {@code [protected]}, {@code [encrypted]}. The secret never
     * reached the log; the word says that it was set, which is worth keeping. A bare word ({@code password=secure})
     * is still a value.
     */
    private static boolean ciMask(String s, int start, int end) {
        return start > 0 && end < s.length() && s.charAt(start - 1) == '[' && s.charAt(end) == ']';
    }

    /** How many characters a tool's phrase in parentheses for a hidden value may have ({@link #maskPhrase}). */
    private static final int MAX_MASK_PHRASE = 32;

    /**
     * Whether the parenthesis at {@code open} holds what a tool prints in a value's place, no value: small letters only,
     * in two to four words ({@code (sensitive value)}, {@code (known after apply)} of Terraform's and OpenTofu's plans,
     * {@code (write-only attribute)}) or one of {@link #CI_MASK_WORDS} ({@code (sensitive)}). A password has no blank
     * and seldom only small letters; one word in parentheses that is no such mask ({@code (hunter)}) is still judged.
     */
    static boolean maskPhrase(String s, int open) {
        int i = open + 1;
        int words = 1;
        while (i < s.length() && i - open <= MAX_MASK_PHRASE && s.charAt(i) != ')') {
            char c = s.charAt(i);
            if (c == ' ' || c == '-') {
                if (i == open + 1 || s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '-') {
                    return false;
                }
                words++;
            } else if (!Chars.lower(c)) {
                return false;
            }
            i++;
        }
        if (i >= s.length() || s.charAt(i) != ')' || i == open + 1 || s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '-') {
            return false;
        }
        return words >= 2 && words <= 4 || CI_MASK_WORDS.contains(s.substring(open + 1, i));
    }

    /**
     * The logins documentation and test doubles show as Basic credentials: no account's, and what a mock's
     * "doesn't match {'Authorization': 'Basic dGVzdDp0ZXN0'}" needs kept to be read.
     */
    private static final Set<String> EXAMPLE_LOGINS = Set.of("test:test", "user:pass", "user:password",
            "username:password", "foo:bar", "demo:demo", "example:example", "aladdin:opensesame",
            "Aladdin:open sesame");

    /**
     * Whether the base64 {@code s[start, end)} decodes to one of the example logins of documentation and test doubles
     * ({@code test:test}, {@code user:pass}, RFC 7617's {@code Aladdin:open sesame}).
     */
    static boolean exampleLogin(String s, int start, int end) {
        if (end - start < 8 || end - start > 40) {
            return false;
        }
        try {
            String login = new String(java.util.Base64.getDecoder().decode(s.substring(start, end)),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            return EXAMPLE_LOGINS.contains(login);
        } catch (IllegalArgumentException e) {
            return false;   // no base64
        }
    }

    /**
     * Words a test double or a documentation page writes where a bearer token goes ({@code 'Authorization': 'Bearer
     * token'}, {@code "Bearer test"}): the credential's own name or a test's word, in small letters alone.
     */
    private static final Set<String> EXAMPLE_TOKENS = Set.of("token", "test", "testing", "dummy", "fake", "mock",
            "stub", "example", "sample", "foo", "bar", "placeholder");

    /** Whether {@code s[start, end)} is one of {@link #EXAMPLE_TOKENS}, written in small letters: no issued token. */
    static boolean exampleToken(String s, int start, int end) {
        if (end - start < 3 || end - start > 11) {
            return false;
        }
        for (int k = start; k < end; k++) {
            if (!Chars.lower(s.charAt(k))) {
                return false;
            }
        }
        return EXAMPLE_TOKENS.contains(s.substring(start, end));
    }

    /** Whether a value under a secret-sounding key name is random enough to be the secret itself. */
    static boolean secretLike(String s, int start, int end) {
        if (end - start < MIN_SECRET_LENGTH || placeholder(s, start, end)) {
            return false;
        }
        boolean allDigits = true;
        for (int i = start; i < end && allDigits; i++) {
            allDigits = Chars.digit(s.charAt(i));
        }
        return !allDigits && entropy(s, start, end) >= MIN_SECRET_ENTROPY;
    }

    /**
     * Whether {@code s[start, end)} looks generated rather than chosen: at least {@value NamedValues#MIN_LENGTH}
     * characters with letters and digits, no blank, and {@value NamedValues#MIN_ENTROPY} bits of entropy a character
     * ({@value #MIN_SECRET_ENTROPY} where small and capital letters mix, and it is no path, URL or e-mail address)
     * (what a name that says little, such as {@code FERNET_KEY}, needs before its value goes).
     */
    static boolean generated(String s, int start, int end) {
        if (end - start < NamedValues.MIN_LENGTH || placeholder(s, start, end)) {
            return false;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (Chars.space(c)) {
                return false;
            }
            lower |= Chars.lower(c);
            upper |= Chars.upper(c);
            digit |= Chars.digit(c);
        }
        if (!digit || !lower && !upper) {
            return false;
        }
        double bits = entropy(s, start, end);
        // small and capital letters with digits look generated at a lower entropy than one case does
        return bits >= NamedValues.MIN_ENTROPY || lower && upper && bits >= MIN_SECRET_ENTROPY && !notAValue(s, start, end);
    }

    /**
     * Whether a value a password's name points at in prose or code, with no {@code =} or {@code :} between
     * ({@link NamedValues#near}), is the password: at least six characters with a letter, and a digit, a capital after
     * the first letter, or a sign other than {@code - _ . '}; not a placeholder, a path, a URL, an e-mail address, a
     * nested {@code name=value}, a plain number or an error code ({@code ORA-01017}, {@code E1234}). So "hunter2Xy9!"
     * goes and "authentication", "Expired", "reset-link" stay.
     */
    static boolean passwordLike(String s, int start, int end) {
        if (end - start < 6 || placeholder(s, start, end) || notAValue(s, start, end)) {
            return false;
        }
        boolean letter = false;
        boolean lower = false;
        boolean strong = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (Chars.letter(c)) {
                letter = true;
                lower |= Chars.lower(c);
                strong |= Chars.upper(c) && i > start && Chars.lower(s.charAt(i - 1));
            } else {
                strong |= "-_.'".indexOf(c) < 0;
            }
        }
        return letter && lower && strong;
    }

    /**
     * Whether a value a secret's name (token, secret, api key) points at in prose or code is the secret: no blank, a
     * letter and a digit, {@value #MIN_SECRET_ENTROPY} bits of entropy a character, and at least
     * {@value NamedValues#MIN_LENGTH} characters, or twelve with small and capital letters; not a placeholder, a path,
     * a URL, an e-mail address or a nested {@code name=value}. So "Zx8kk2LmQaaBB12" goes and "expired" stays.
     */
    static boolean tokenLike(String s, int start, int end) {
        if (end - start < 12 || placeholder(s, start, end) || notAValue(s, start, end)) {
            return false;
        }
        boolean digit = false;
        boolean lower = false;
        boolean upper = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (Chars.space(c)) {
                return false;
            }
            digit |= Chars.digit(c);
            lower |= Chars.lower(c);
            upper |= Chars.upper(c);
        }
        return digit && (lower || upper) && (end - start >= NamedValues.MIN_LENGTH || lower && upper)
                && entropy(s, start, end) >= MIN_SECRET_ENTROPY;
    }

    /**
     * Whether {@code s[start, end)} is something else than a secret that follows a name: a path, a URL, an e-mail
     * address, a nested {@code name=value} ({@code credentials: user=admin}), an error code (capitals and digits:
     * {@code ORA-01017}, {@code E1234}).
     */
    private static boolean notAValue(String s, int start, int end) {
        char c = s.charAt(start);
        if (c == '/' || c == '~' || c == '.' || c == '\\' || Chars.contains(s, start, end, "://", false)) {
            return true;
        }
        int at = Chars.indexOf(s, '@', start, end);
        if (at > start && Chars.indexOf(s, '.', at, end) > at) {
            return true;
        }
        if (nestedPair(s, start, end)) {
            return true;
        }
        boolean lower = false;
        for (int i = start; i < end && !lower; i++) {
            lower = Chars.lower(s.charAt(i));
        }
        return !lower && end - start <= 12 && Chars.upper(c);
    }

    /**
     * Whether {@code s[start, end)} is itself a {@code name=value} (a word, {@code =}, more), as in "credentials:
     * user=admin pass=…": the pair is the key-value rules' to judge, name by name. A name is short, and base64's
     * {@code =} pads the end of a value (a list of them: {@code a2V5=,b3Ro=}).
     */
    static boolean nestedPair(String s, int start, int end) {
        if (call(s, start, end)) {
            return true;
        }
        int eq = Chars.indexOf(s, '=', start, end);
        if (eq <= start || eq - start > 24 || eq + 1 >= end || !Chars.alnum(s.charAt(eq + 1))
                || !Chars.letter(s.charAt(start))) {
            return false;
        }
        for (int i = start; i < eq; i++) {
            if (!Chars.word(s.charAt(i))) {
                return false;
            }
        }
        return !algorithm(s, start, eq);
    }

    /**
     * Whether {@code s[start, end)} starts as an object's printed form with named arguments, {@code
     * PlainCredentials(username=} (pika's repr), {@code Credentials(user=} (a Kotlin data class's or Lombok's
     * toString), or a Go struct's as {@code %+v} and {@code %#v} print it, its package before its type and a colon
     * after each field's name ({@code aws.Credentials{AccessKeyID:}, {@code &oauth2.Token{AccessToken:}): a value of
     * its own pairs, each judged by its name, not one secret.
     */
    private static boolean call(String s, int start, int end) {
        if (start < end && s.charAt(start) == '&') {
            start++;   // Go's pointer to a struct: &oauth2.Token{…}
        }
        if (start >= end || !Chars.letter(s.charAt(start))) {
            return false;
        }
        int k = start;
        while (k < end && k - start <= 48 && (Chars.word(s.charAt(k)) || s.charAt(k) == '.' && k > start
                && Chars.letter(s.charAt(k - 1)) && k + 1 < end && Chars.letter(s.charAt(k + 1)))) {
            k++;
        }
        if (k >= end || s.charAt(k) != '(' && s.charAt(k) != '{' || k + 1 >= end || !Chars.letter(s.charAt(k + 1))) {
            return false;
        }
        char sign = s.charAt(k) == '(' ? '=' : ':';
        k++;
        int name = k;
        while (k < end && k - name <= 24 && Chars.word(s.charAt(k))) {
            k++;
        }
        return k < end && s.charAt(k) == sign;
    }

    /**
     * Whether {@code s[start, end)} names a digest algorithm ({@code sha1}, {@code sha256}, {@code md5}): written before
     * a signature, GitHub's and Gitea's {@code X-Hub-Signature-256: sha256=…}, it says how the value was made, and is
     * no name of a pair of its own.
     */
    private static boolean algorithm(String s, int start, int end) {
        if (end - start == 3 && s.regionMatches(true, start, "md5", 0, 3)) {
            return true;
        }
        if (end - start < 4 || end - start > 6 || !s.regionMatches(true, start, "sha", 0, 3)) {
            return false;
        }
        for (int i = start + 3; i < end; i++) {
            if (!Chars.digit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the signature in {@code s[start, end)} starts: past a digest algorithm's name and its {@code =} where 16 or
     * more hex digits follow to the end, as webhooks sign a body ({@code X-Hub-Signature-256: sha256=…}, {@code
     * X-Signature: sha1=…}): the algorithm says how the value was made, which an operator needs and no one can sign
     * with; else {@code start}.
     */
    static int signatureStart(String s, int start, int end) {
        int eq = start + 3 < end ? Chars.indexOf(s, '=', start + 3, Math.min(end, start + 7)) : -1;
        if (eq < 0 || end - eq - 1 < 16 || !algorithm(s, start, eq)) {
            return start;
        }
        for (int i = eq + 1; i < end; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return start;
            }
        }
        return eq + 1;
    }

    /** The random part a scoped token's dotted words must leave, at least. */
    private static final int SCOPED_RANDOM = 20;

    /**
     * Where the random part of {@code s[start, end)} starts when the token writes its issuer, its type and its scope
     * before it in dotted words, as Doppler's are ({@code dp.st.ci.…}: a service token of the config "ci";
     * {@code dp.pt.…}, {@code dp.sa.…}): a first word of two to four small letters, then one or two words of two or more
     * small letters, digits, {@code _} or {@code -}, each ended by a dot, then {@value #SCOPED_RANDOM} letters and digits or
     * more to the end. Those words say whose token and which config it opens, which the operator needs, and no one can
     * sign in with them; else {@code start}.
     */
    static int scopedTokenStart(String s, int start, int end) {
        int k = start;
        while (k < end && k - start < 4 && Chars.lower(s.charAt(k))) {
            k++;
        }
        if (k - start < 2 || k >= end || s.charAt(k) != '.') {
            return start;
        }
        int random = -1;
        for (int words = 0; words < 2; words++) {
            int w = ++k;
            while (k < end && k - w < 35 && (Chars.lower(s.charAt(k)) || Chars.digit(s.charAt(k)) || s.charAt(k) == '_'
                    || s.charAt(k) == '-')) {
                k++;
            }
            if (k - w < 2 || k >= end || s.charAt(k) != '.') {   // Dropbox's sl.u.…: one letter is no scope
                break;
            }
            random = k + 1;
        }
        if (random < 0 || end - random < SCOPED_RANDOM) {
            return start;
        }
        for (int i = random; i < end; i++) {
            if (!Chars.alnum(s.charAt(i))) {
                return start;
            }
        }
        return random;
    }

    /** Whether {@code s[start, end)} has small letters, capitals and digits. */
    static boolean mixedCase(String s, int start, int end) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            lower |= Chars.lower(c);
            upper |= Chars.upper(c);
            digit |= Chars.digit(c);
        }
        return lower && upper && digit;
    }

    /** Shannon entropy of {@code s[start, end)} in bits per character. */
    static double entropy(String s, int start, int end) {
        int[] counts = new int[129];
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            counts[c < 128 ? c : 128]++;
        }
        double n = end - start;
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = count / n;
                bits -= p * Math.log(p);
            }
        }
        return bits / Math.log(2);
    }

    /** Whether {@code s[start, end)} is hex digits and dashes alone: a UUID, a commit or a request id. */
    static boolean hexId(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Chars.hex(s.charAt(i)) && s.charAt(i) != '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code s[start, end)} holds a UUID written as RFC 9562 writes one, 8-4-4-4-12 hex digits, not run into
     * more hex digits or dashes on either side: an id, as a composite key carries one after its type
     * ({@code CUST#0f2a…}, DynamoDB's single-table design), whatever stands around it.
     */
    static boolean holdsUuid(String s, int start, int end) {
        for (int k = start; k + 36 <= end; k++) {
            if (uuidAt(s, k) && (k == start || !Chars.hex(s.charAt(k - 1)) && s.charAt(k - 1) != '-')
                    && (k + 36 == end || !Chars.hex(s.charAt(k + 36)) && s.charAt(k + 36) != '-')) {
                return true;
            }
        }
        return false;
    }

    private static boolean uuidAt(String s, int k) {
        for (int j = 0; j < 36; j++) {
            char c = s.charAt(k + j);
            if (j == 8 || j == 13 || j == 18 || j == 23 ? c != '-' : !Chars.hex(c)) {
                return false;
            }
        }
        return true;
    }

    /** The Luhn check over the digits of {@code s[start, end)} (other characters skipped). */
    static boolean luhn(String s, int start, int end) {
        int sum = 0;
        boolean twice = false;
        for (int i = end - 1; i >= start; i--) {
            char c = s.charAt(i);
            if (!Chars.digit(c)) {
                continue;
            }
            int d = c - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
