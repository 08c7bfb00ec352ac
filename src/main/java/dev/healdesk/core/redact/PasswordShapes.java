package dev.healdesk.core.redact;

/**
 * A password by its shape alone, where nothing names it: a run without blanks of 8 to 64 characters that has a small
 * letter, a capital, a digit and a sign ({@code ! # % ^ * ~}) after its first character, and changes between
 * those classes at least four times, the shape password rules make people choose ({@code Summer7847!yz},
 * {@code ZKfY%mp7wGM#2}). Paths, URLs, assignments and e-mail addresses are no such run ({@link Values#passwordLike});
 * {@code Build#1234}, {@code #Submit2}, {@code 100%}, {@code Foo$1.run} and {@code C#} stay; a run that starts with a dash
 * is a command-line flag, left to {@link CommandLines}; a run that holds a UUID is a composite key's id, as DynamoDB's
 * single-table design writes one ({@code CUST#0f2a…-…}, {@code ORDER#<uuid>#ITEM#3}); Flutter's identity of an object,
 * {@code TextEditingController#1a2b3}, stays. Triggered by the sign.
 */
final class PasswordShapes extends Detector {

    static final String SIGNS = "!#%^*~";
    private static final int MIN = 8;
    private static final int MAX = 64;
    private static final int MIN_CHANGES = 4;

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int start = i;
        while (start > 0 && i - start <= MAX && part(s.charAt(start - 1))) {
            start--;
        }
        int end = i + 1;
        while (end < s.length() && end - start <= MAX && part(s.charAt(end))) {
            end++;
        }
        start = TestIds.parameterStart(s, afterUser(s, start, i), i);   // test_x[user-Pa55word!], one parameter
        if (start > i || s.charAt(start) == '-') {
            return i + 1;
        }
        if (end - start < MIN || end - start > MAX || start > i || joined(s, start, end) || !shaped(s, start, end)
                || Values.holdsUuid(s, start, end) || identity(s, start, i, end) || reference(s, start, end)
                || instanceMethod(s, start, i, end) || glob(s, start, end) || branchName(s, start, end)) {
            return i + 1;
        }
        scan.add(SecretKind.PASSWORD, start, end);
        return end;
    }

    /**
     * Flutter's identity of an object ({@code describeIdentity}: its type, {@code #} and the five hex digits of its
     * short hash), as a widget's or a controller's toString prints it: {@code TextEditingController#1a2b3},
     * {@code _RenderInkFeatures#0c9f2}. The type is a camel-cased name of letters (two capitals or more, a leading
     * underscore allowed) and the hash five small hex digits that end the run.
     */
    private static boolean identity(String s, int start, int hash, int end) {
        if (s.charAt(hash) != '#' || end - hash != 6) {
            return false;
        }
        for (int k = hash + 1; k < end; k++) {
            char c = s.charAt(k);
            if (!Chars.digit(c) && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        int k = s.charAt(start) == '_' ? start + 1 : start;
        if (k >= hash || !Chars.upper(s.charAt(k))) {
            return false;
        }
        int capitals = 0;
        for (; k < hash; k++) {
            char c = s.charAt(k);
            if (!Chars.letter(c)) {
                return false;
            }
            capitals += Chars.upper(c) ? 1 : 0;
        }
        return capitals >= 2;
    }

    /**
     * An instance method as Ruby's documentation and its test tools name one, {@code Class#method}: RSpec's example
     * group for {@code describe Branch, "#phone_e164"} prints {@code Branch#phone_e164}, Minitest its test as
     * {@code ApiTokenTest#test_masks_token}. The class a constant's name (a capital, then letters and digits,
     * {@code ::} between namespaces), the method Ruby's snake case with an underscore in it (small letters, digits,
     * {@code _}, a closing {@code ?}, {@code !} or {@code =}): a test's name, no password. {@code Summer#2024ab} and
     * {@code Spring#pass7} have no such method and are judged by the shape.
     */
    private static boolean instanceMethod(String s, int start, int hash, int end) {
        if (s.charAt(hash) != '#' || !Chars.upper(s.charAt(start))) {
            return false;
        }
        for (int k = start; k < hash; k++) {
            char c = s.charAt(k);
            if (c == ':' && k + 2 < hash && s.charAt(k + 1) == ':' && Chars.upper(s.charAt(k + 2))) {
                k++;   // Billing::Invoice#due_on: a namespace's
            } else if (!Chars.alnum(c)) {
                return false;
            }
        }
        int m = hash + 1;
        if (m >= end || !Chars.lower(s.charAt(m))) {
            return false;
        }
        int last = end;
        char tail = s.charAt(end - 1);
        if (tail == '?' || tail == '!' || tail == '=') {
            last--;
        }
        boolean underscore = false;
        for (int k = m; k < last; k++) {
            char c = s.charAt(k);
            if (c == '_') {
                underscore = true;
            } else if (!Chars.lower(c) && !Chars.digit(c)) {
                return false;
            }
        }
        return underscore;
    }

    /**
     * A reference by number, as bug trackers and changelogs write one after a word of letters: {@code #} and digits
     * twice or more ({@code Bug#51433#14}, a Debian bug's message), or once {@code #} and an abbreviated commit, seven
     * small hex digits or more with a digit and a letter among them ({@code Git#4f5afaf1fd}); a full stop may end the
     * sentence after it. One {@code #} and a number is left to the shape, which {@code Build#1234} fails already.
     */
    private static boolean reference(String s, int start, int end) {
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        int k = start;
        while (k < end && Chars.letter(s.charAt(k))) {
            k++;
        }
        if (k == start) {
            return false;
        }
        int groups = 0;
        boolean numbers = true;
        boolean commit = false;
        while (k < end && s.charAt(k) == '#') {
            int g = ++k;
            boolean digits = true;
            boolean letters = false;
            while (k < end && (Chars.digit(s.charAt(k)) || s.charAt(k) >= 'a' && s.charAt(k) <= 'f')) {
                digits &= Chars.digit(s.charAt(k));
                letters |= !Chars.digit(s.charAt(k));
                k++;
            }
            if (k == g) {
                return false;
            }
            groups++;
            numbers &= digits;
            commit = letters && k - g >= 7 && Chars.hasDigit(s, g, k);
        }
        return k == end && (numbers && groups >= 2 || groups == 1 && commit);
    }

    /**
     * A wildcard pattern of names, as changelogs write a family of files, tests or functions: its only signs are
     * {@code *}, one of them at least beside a {@code _}, {@code -} or {@code .} that joins it to a name's parts
     * ({@code CVE-2024-1234-*.patch}, {@code unixSelect-1.*}, {@code XXH3_*_withSeed}, {@code 0001-Revert-*}).
     * {@code Welcome1*} and {@code Dragon*Fly9}, a star among letters and digits, are judged by the shape.
     */
    private static boolean glob(String s, int start, int end) {
        boolean joined = false;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (c == '*') {
                joined |= k > start && "_-.".indexOf(s.charAt(k - 1)) >= 0
                        || k + 1 < end && "_-.".indexOf(s.charAt(k + 1)) >= 0;
            } else if (SIGNS.indexOf(c) >= 0) {
                return false;
            }
        }
        return joined;
    }

    /**
     * A branch named for an issue, as a merge commit's subject quotes it: a prefix of small letters, {@code _#}, the
     * issue's number and {@code _} with more of the name ({@code fix_#29_tiffcp_orientationTag}, {@code
     * feature_#112_Login}), the only sign that {@code #}. {@code Welcome_#12_Home} starts with a capital and
     * {@code Summer_#2024x} has no underscore after the number: judged by the shape.
     */
    private static boolean branchName(String s, int start, int end) {
        int hash = -1;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (c == '#' && hash < 0) {
                hash = k;
            } else if (SIGNS.indexOf(c) >= 0) {
                return false;
            }
        }
        if (hash <= start + 1 || s.charAt(hash - 1) != '_' || !lowerOnly(s, start, hash - 1)) {
            return false;   // a branch's prefix in small letters: fix_, feature_, bug_
        }
        int k = hash + 1;
        while (k < end && Chars.digit(s.charAt(k))) {
            k++;
        }
        return k > hash + 1 && k + 1 < end && s.charAt(k) == '_' && Chars.letter(s.charAt(k + 1));
    }

    /** Whether {@code s[start, end)} is small letters only. */
    private static boolean lowerOnly(String s, int start, int end) {
        for (int k = start; k < end; k++) {
            if (!Chars.lower(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** {@code %2F} (URL encoding) and {@code #011} (syslog's octal escapes) are no signs. */
    private static boolean escape(String s, int k, int end) {
        char c = s.charAt(k);
        if (c == '%') {
            return k + 2 < end && Chars.hex(s.charAt(k + 1)) && Chars.hex(s.charAt(k + 2));
        }
        return c == '#' && k + 3 < end && Chars.digit(s.charAt(k + 1)) && Chars.digit(s.charAt(k + 2))
                && Chars.digit(s.charAt(k + 3));
    }

    /**
     * Whether the URL escape at {@code k} stands for a sign ({@code %21 !}, {@code %23 #}, {@code %24 $},
     * {@code %26 &}, {@code %2A *}, {@code %40 @}, {@code %5E ^}, {@code %7E ~}): a password URL-encoded, as a script
     * that echoes a form's or a connection string's escaped value prints it ({@code Testing: 43LLdIhr%40k6a7%2178});
     * {@code %20} (a blank), {@code %2F} (a path's slash), {@code %3D} and {@code %25} (a URL encoded twice,
     * {@code %253D}) say nothing of a password.
     */
    private static boolean escapedSign(String s, int k) {
        char hi = s.charAt(k + 1);
        char lo = (char) (s.charAt(k + 2) | 0x20);
        return switch (hi) {
            case '2' -> lo == '1' || lo == '3' || lo == '4' || lo == '6' || lo == 'a';
            case '4' -> lo == '0';
            case '5' -> lo == 'e';
            case '7' -> lo == 'e';
            default -> false;
        };
    }

    /** Characters a password run holds; anything else (blanks, quotes, brackets, separators) bounds it. */
    private static boolean part(char c) {
        return Chars.alnum(c) || SIGNS.indexOf(c) >= 0 || c == '-' || c == '_' || c == '.' || c == '@' || c == '$';
    }

    /** Samba's {@code user%password}: a plain lower-case name before a {@code %} is the user's and stays. */
    private static int afterUser(String s, int start, int i) {
        for (int k = start; k <= i; k++) {
            char c = s.charAt(k);
            if (c == '%' && k > start && !escape(s, k, i + 1)) {
                return k + 1;
            }
            if (!(Chars.lower(c) || c == '-' || c == '_' || c == '.')) {
                return start;
            }
        }
        return start;
    }

    /** A piece of a path, a URL, base64 or an assignment ({@code /}, {@code +}, {@code =}, {@code &} on either side). */
    private static boolean joined(String s, int start, int end) {
        return start > 0 && "/+=&?".indexOf(s.charAt(start - 1)) >= 0
                || end < s.length() && "/+=&?".indexOf(s.charAt(end)) >= 0;
    }

    private static boolean shaped(String s, int start, int end) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean sign = false;
        int changes = 0;
        int last = -1;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            int cls = Chars.lower(c) ? 0 : Chars.upper(c) ? 1 : Chars.digit(c) ? 2 : 3;
            if (c == '$' || c == '@') {
                return false;
            }
            if (c == '%' && k > start && escape(s, k, end) && escapedSign(s, k)) {
                sign = true;   // one sign, URL-encoded: its hex digits are no capital or digit of the password
                if (last >= 0 && last != 3) {
                    changes++;
                }
                last = 3;
                k += 2;
                continue;
            }
            lower |= cls == 0;
            upper |= cls == 1;
            digit |= cls == 2;
            sign |= cls == 3 && k > start && SIGNS.indexOf(c) >= 0 && !escape(s, k, end);
            if (last >= 0 && cls != last) {
                changes++;
            }
            last = cls;
        }
        return lower && upper && digit && sign && changes >= MIN_CHANGES && Values.passwordLike(s, start, end);
    }
}
