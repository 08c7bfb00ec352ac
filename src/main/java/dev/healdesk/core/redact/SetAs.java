package dev.healdesk.core.redact;

/**
 * A setting announced in prose, "NAME has been set as VALUE", "NAME was set to VALUE", "NAME is set to VALUE", as
 * configuration loaders log each key they read ({@code config=trustStorePass has been set as …}). The name is judged
 * as a key name ({@link KeyNames}, so camel case and compounds count), the value as {@link NamedValues#near} judges
 * a name's value in prose: a password's when it looks like one, any other secret's when it looks random. So
 * {@code serverAddr has been set as db-03:8848} and {@code password has been set as expected} stay. Triggered by
 * {@code set}.
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

    private static boolean nameChar(char c) {
        return Chars.word(c) || c == '.' || c == '-';
    }

    private static boolean auxiliary(String s, int start, int end) {
        return Chars.isAny(s, start, end, AUXILIARIES);
    }
}
