package dev.healdesk.core.redact;

/**
 * A quoted name, a comma and its quoted value, the way lists of header pairs print: Envoy's and Istio's debug logs
 * ({@code 'authorization', 'Bearer …'} a line), Elixir and Erlang tuples ({@code {"x-api-key", "…"}}), Python's
 * lists of pairs ({@code [('Cookie', 'sessionid=…')]}). The name is judged by {@link KeyNames} and the value as a value
 * under that name ({@link KeyValues#claim}). Only where the pair opens a tuple, a list or a line, so that the
 * arguments of a call ({@code f('user', 'password', …)}) stay. Triggered by the comma after the name's closing quote,
 * a blank after it.
 */
final class Pairs implements Detector {

    private static final boolean[] QUOTES = Chars.set("'\"");
    private static final boolean[] BLANK = Chars.set(" ");

    @Override
    public boolean[] befores(char c) {
        return QUOTES;
    }

    /** A blank after the comma, as pairs print ({@code ', '}): compact JSON's {@code ","} is passed over. */
    @Override
    public boolean[] seconds(char c) {
        return BLANK;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int close = i - 1;
        if (close < 1) {
            return i + 1;
        }
        int v = i + 1;
        while (v < s.length() && v - i <= 4 && Chars.blank(s.charAt(v))) {
            v++;
        }
        if (Quotes.open(s, v) != 1) {
            return i + 1;
        }
        char q = s.charAt(close);
        int k = close - 1;
        while (k >= 0 && close - k <= KeyNames.MAX_LENGTH && nameChar(s.charAt(k))) {
            k--;
        }
        if (k < 0 || s.charAt(k) != q || k == close - 1) {
            return i + 1;
        }
        int nameStart = k + 1;
        int b = k - 1;
        while (b >= 0 && Chars.blank(s.charAt(b))) {
            b--;
        }
        if (b >= 0 && "([{|\n".indexOf(s.charAt(b)) < 0) {
            return i + 1;
        }
        int quote = 1;
        KeyNames.Key key = KeyNames.classify(scan, nameStart, close);
        if (key == KeyNames.Key.NONE) {
            return i + 1;
        }
        int start = v + 1;
        return KeyValues.claim(scan, key, start, Quotes.close(s, start, quote), true, i);
    }

    private static boolean nameChar(char c) {
        return Chars.word(c) || c == '-' || c == '.' || c == ':';
    }
}
