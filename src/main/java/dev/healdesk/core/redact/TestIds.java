package dev.healdesk.core.redact;

/**
 * The parameters in a parametrized test's id, as pytest prints them in its progress lines, its summaries and its
 * failure headers ({@code tests/test_auth.py::test_login[ci-bot-Hunter2024!x] FAILED}, {@code ____ test_api_key[…] ____})
 * and as other runners name a case by its arguments: the parameters joined by {@code -} in brackets after the test's
 * name. The test's name says what they are: a name with a login or password word ({@code test_login},
 * {@code test_sign_in_rejects}, {@code test_password_reset}) takes a user and a password, and the last parameter goes
 * when it looks like a password ({@link Values#passwordLike}); a name with a secret's name in it ({@code
 * test_api_key_is_accepted}, {@code test_token_refresh}) takes the secret, and each parameter goes that looks random
 * ({@link Values#secretLike}). So {@code test_login[anonymous-]}, {@code test_login[admin-expired]} and
 * {@code test_parse[utf-8-BOM]} keep theirs. A name with a phone's word ({@code test_normalize_phone}) takes phone
 * numbers: each parameter that is one ({@link Numbers#phoneValue}) goes, in any country's grouping, blanks and dashes
 * in it too, so {@code test_normalize_phone[772 468 804-+967]} keeps its prefix. Triggered by the bracket after a word.
 */
final class TestIds extends Detector {

    /** The longest test name read back. */
    private static final int MAX_NAME = 128;
    /** The longest id read. */
    private static final int MAX_ID = 256;
    private static final String[] LOGIN_WORDS = {"login", "logon", "signin", "sign", "authenticate", "authentication",
            "auth", "credentials", "credential"};
    private static final boolean[] WORD_BEFORE = Chars.set(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    @Override
    public boolean[] befores(char c) {
        return WORD_BEFORE;
    }

    @Override
    public int at(Scan scan, int b) {
        String s = scan.text;
        int nameStart = nameStart(s, b);
        if (nameStart < 0) {
            return b + 1;
        }
        int close = b + 1;
        boolean blanks = false;
        while (close < s.length() && close - b <= MAX_ID && s.charAt(close) != ']') {
            char c = s.charAt(close);
            if (c == ' ') {
                blanks = true;   // pytest's id of a string with blanks keeps them: test_phone[772 468 804-+967]
            } else if (Chars.space(c) || c == '[') {
                return b + 1;
            }
            close++;
        }
        if (close >= s.length() || s.charAt(close) != ']' || close == b + 1) {
            return b + 1;
        }
        if (Numbers.phoneWords(s, nameStart, b)) {
            // a test named for a phone (test_normalize_phone, testMobileNumber) takes phone numbers: each parameter
            // that is one, in any country's grouping, goes; its prefix and other words stay
            int from = b + 1;
            for (int k = b + 1; k <= close; k++) {
                if (k == close || s.charAt(k) == '-' && k > from && !Chars.digit(s.charAt(k + 1))
                        && s.charAt(k + 1) != ' ') {
                    if (Numbers.phoneValue(s, from, k)) {
                        scan.add(SecretKind.PHONE, from, k);
                    }
                    from = k + 1;
                }
            }
            return b + 1;
        }
        if (blanks) {
            return b + 1;
        }
        boolean login = false;
        KeyNames.Key key = KeyNames.Key.NONE;
        int previous = -1;
        int w = nameStart;
        for (int k = nameStart + 1; k <= b; k++) {
            if (k == b || s.charAt(k) == '_' || Chars.upper(s.charAt(k)) && Chars.lower(s.charAt(k - 1))) {
                login |= Chars.isAny(s, w, k, LOGIN_WORDS);
                KeyNames.Key one = KeyNames.classify(scan, w, k);
                KeyNames.Key two = previous < 0 ? KeyNames.Key.NONE : KeyNames.classify(scan, previous, k);
                key = one != KeyNames.Key.NONE ? one : two != KeyNames.Key.NONE ? two : key;
                previous = w;
                w = s.charAt(k) == '_' ? k + 1 : k;
            }
        }
        if (login || key == KeyNames.Key.PASSWORD) {
            int dash = Chars.lastIndexOf(s, '-', b + 1, close);
            int from = dash < 0 ? b + 1 : dash + 1;
            if (Values.passwordLike(s, from, close)) {
                scan.add(SecretKind.PASSWORD, from, close);
            }
        } else if (Judge.credential(key)) {
            int from = b + 1;
            for (int k = b + 1; k <= close; k++) {
                if (k == close || s.charAt(k) == '-') {
                    if (Values.secretLike(s, from, k) && Values.tokenLike(s, from, k)) {
                        scan.add(SecretKind.GENERIC_SECRET, from, k);
                    }
                    from = k + 1;
                }
            }
        }
        return b + 1;   // the parameters are read again by the rules of their shapes (a card, a phone)
    }

    /**
     * Where the test's name that ends at the bracket {@code b} starts, when it is one ({@code test_…}, {@code test…}
     * after a blank, {@code ::}, a dot or the line's start); -1 otherwise.
     */
    static int nameStart(String s, int b) {
        int k = b;
        while (k > 0 && b - k <= MAX_NAME && (Chars.alnum(s.charAt(k - 1)) || s.charAt(k - 1) == '_')) {
            k--;
        }
        if (b - k < 5 || !s.regionMatches(true, k, "test", 0, 4)
                || k > 0 && !(Chars.space(s.charAt(k - 1)) || s.charAt(k - 1) == ':' || s.charAt(k - 1) == '.')) {
            return -1;
        }
        return k;
    }

    /**
     * Where the parameter that holds {@code i} starts, when {@code start} is the first character of a test id's brackets
     * ({@link #nameStart}) and a {@code -} parts parameters before {@code i}; else {@code start}.
     */
    static int parameterStart(String s, int start, int i) {
        if (start == 0 || s.charAt(start - 1) != '[' || nameStart(s, start - 1) < 0) {
            return start;
        }
        int dash = Chars.lastIndexOf(s, '-', start, i);
        return dash < 0 ? start : dash + 1;
    }
}
