package dev.healdesk.core.redact;

/**
 * The two values of Go's test failure, {@code got …, want …}, under the field's name the message gives before the got
 * value: {@code got token "…", want "…"}, {@code Config.APIKey = "…"; want "…"}, {@code client.Token() = "…", want
 * "…"}, {@code password: got "…", want "…"}, as {@code t.Errorf} writes them by the Go wiki's convention. The name is the
 * word (a path's or a call's last step) right before the got value, after "got", a {@code =} or a colon; it is read as a
 * key ({@link KeyNames}) and each quoted value judged as its value ({@link Judge#value}), so {@code got status "paid",
 * want "open"} keeps both. Triggered by the word {@code want} after a comma or a semicolon.
 */
final class WantValues extends Detector {

    private static final int MAX_VALUE = 256;
    private static final boolean[] BLANK = Chars.set(" ");

    @Override
    boolean[] befores(char c) {
        return BLANK;
    }

    @Override
    long wordLengths(char c) {
        return 1L << 4;
    }

    @Override
    int at(Scan scan, int w) {
        String s = scan.text;
        int end = scan.wordEnd(w);
        if (end - w != 4 || !s.startsWith("want", w) || w < 6 || s.charAt(w - 1) != ' '
                || s.charAt(w - 2) != ',' && s.charAt(w - 2) != ';') {
            return end;
        }
        int v = Chars.skipBlanks(s, end);
        if (v >= s.length() || s.charAt(v) != '"' && s.charAt(v) != '\'' && s.charAt(v) != '`') {
            return end;
        }
        int wantEnd = Chars.indexOf(s, s.charAt(v), v + 1, Math.min(s.length(), v + 1 + MAX_VALUE));
        int gotClose = w - 3;
        if (wantEnd < 0 || s.charAt(gotClose) != s.charAt(v)) {
            return end;
        }
        int gotOpen = Chars.lastIndexOf(s, s.charAt(v), Math.max(0, gotClose - MAX_VALUE), gotClose);
        if (gotOpen < 2 || Chars.indexOf(s, '\n', gotOpen, gotClose) >= 0) {
            return end;
        }
        int k = gotOpen - 1;
        while (k > 0 && s.charAt(k) == ' ') {
            k--;
        }
        if (s.charAt(k) == '=' || s.charAt(k) == ':') {
            k--;
            while (k > 0 && s.charAt(k) == ' ') {
                k--;
            }
        } else if (k >= 3 && s.startsWith("got", k - 2)) {
            k -= 3;   // password: got "…"
            while (k > 0 && (s.charAt(k) == ' ' || s.charAt(k) == ':')) {
                k--;
            }
        }
        if (k >= 1 && s.charAt(k) == ')' && s.charAt(k - 1) == '(') {
            k -= 2;   // client.Token() = "…"
        }
        int nameEnd = k + 1;
        while (k >= 0 && nameEnd - k <= KeyNames.MAX_LENGTH && (Chars.word(s.charAt(k)) || s.charAt(k) == '-')) {
            k--;
        }
        int nameStart = k + 1;
        if (nameEnd - nameStart < 2 || Chars.is(s, nameStart, nameEnd, "got")) {
            return end;
        }
        KeyNames.Key key = KeyNames.classify(scan, nameStart, nameEnd);
        if (key == KeyNames.Key.NONE) {
            return end;
        }
        SecretKind got = Judge.value(key, s, gotOpen + 1, gotClose);
        if (got != null) {
            scan.add(got, gotOpen + 1, gotClose);
        }
        SecretKind want = Judge.value(key, s, v + 1, wantEnd);
        if (want != null) {
            scan.add(want, v + 1, wantEnd);
            return wantEnd;
        }
        return end;
    }
}
