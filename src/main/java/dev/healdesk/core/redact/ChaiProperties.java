package dev.healdesk.core.redact;

/**
 * The values Chai's {@code have.property} assertion prints beside the property's name, as Mocha, Cypress and Chai's
 * users see them: {@code expected { Object (status, body) } to have property 'token' of '…', but got '…'}. Triggered
 * by the word {@code property} followed by the quoted name; the expected value after {@code of} and the actual one
 * after {@code but got} are judged as the name's values ({@link Judge#value}), so {@code property 'status' of 200}
 * and {@code property 'role' of 'admin'} keep theirs.
 */
final class ChaiProperties extends Detector {

    private static final int MAX_VALUE = 512;

    @Override
    long wordLengths(char c) {
        return 1L << 8;
    }

    @Override
    int at(Scan scan, int i) {
        String s = scan.text;
        int w = scan.wordEnd(i);
        if (w - i != 8 || !s.startsWith("property '", i) || i > 0 && Chars.word(s.charAt(i - 1))) {
            return w;
        }
        int ns = w + 2;
        int ne = ns;
        while (ne < s.length() && ne - ns <= KeyNames.MAX_LENGTH && s.charAt(ne) != '\'' && s.charAt(ne) != '\n') {
            ne++;
        }
        if (ne == ns || ne >= s.length() || s.charAt(ne) != '\'' || !s.startsWith(" of '", ne + 1)) {
            return w;
        }
        KeyNames.Key key = KeyNames.classify(scan, ns, ne);
        if (key == KeyNames.Key.NONE) {
            return w;
        }
        int end = value(scan, key, ne + 6);
        if (end > 0 && s.startsWith(", but got '", end + 1)) {
            value(scan, key, end + 12);
        }
        return w;
    }

    /** Judges the value quoted from {@code start} (after its quote) under {@code key}; its closing quote, or -1. */
    private static int value(Scan scan, KeyNames.Key key, int start) {
        String s = scan.text;
        int end = start;
        while (end < s.length() && end - start <= MAX_VALUE && s.charAt(end) != '\'' && s.charAt(end) != '\n') {
            end++;
        }
        if (end >= s.length() || s.charAt(end) != '\'') {
            return -1;
        }
        if (end > start) {
            SecretKind kind = Judge.value(key, s, start, end);
            if (kind != null) {
                scan.add(kind, start, end);
            }
        }
        return end;
    }
}
