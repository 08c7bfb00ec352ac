package dev.healdesk.core.redact;

/**
 * The value an assertion found, under the name of the member it expected something of, as FluentAssertions words it:
 * {@code Expected property customer.Oib to be <null>, but found "56501623044".}, {@code Expected member Password to be
 * "***", but found "hunter2".}. The subject's last name ({@code Oib}, {@code Password}) is read as a key and the found
 * value judged as its value ({@link Judge#value}), a phone's by {@link Records#phone} under a phone's name; {@code
 * Expected customer.Status to be "paid", but found "open".} and {@code Expected string to be …} keep theirs. Triggered
 * by the word "found" after "but ".
 */
final class FoundValues extends Detector {

    private static final boolean[] O = Chars.set("oO");
    /** How far back on the line "Expected" may stand. */
    private static final int REACH = 200;
    private static final int MAX_VALUE = 128;

    @Override
    boolean[] seconds(char c) {
        return O;
    }

    @Override
    long wordLengths(char c) {
        return 1L << 5;
    }

    @Override
    int at(Scan scan, int i) {
        String s = scan.text;
        int w = scan.wordEnd(i);
        if (i < 4 || !s.startsWith("but ", i - 4) || !Chars.is(s, i, w, "found") || w + 1 >= s.length()
                || s.charAt(w) != ' ' || Quotes.open(s, w + 1) != 1) {
            return w;
        }
        int start = w + 2;
        int end = Quotes.close(s, start, 1);
        if (end >= s.length() || s.charAt(end) != s.charAt(w + 1) || end == start || end - start > MAX_VALUE) {
            return w;
        }
        int from = Math.max(0, i - REACH);
        int expected = -1;
        for (int k = i - 4; k >= from && s.charAt(k) != '\n'; k--) {
            if (s.startsWith("Expected ", k)) {
                expected = k + 9;
                break;
            }
        }
        if (expected < 0) {
            return w;
        }
        for (String word : new String[] {"property ", "member ", "field "}) {
            if (s.startsWith(word, expected)) {
                expected += word.length();
                break;
            }
        }
        int subjectEnd = expected;
        while (subjectEnd < i && (Chars.alnum(s.charAt(subjectEnd)) || s.charAt(subjectEnd) == '_'
                || s.charAt(subjectEnd) == '.' || s.charAt(subjectEnd) == '[' || s.charAt(subjectEnd) == ']')) {
            subjectEnd++;
        }
        if (subjectEnd == expected || !s.startsWith(" to ", subjectEnd)) {
            return w;
        }
        int name = subjectEnd;
        while (name > expected && (Chars.alnum(s.charAt(name - 1)) || s.charAt(name - 1) == '_')) {
            name--;
        }
        if (name == subjectEnd) {
            return w;
        }
        SecretKind kind;
        if (Numbers.phoneWords(s, name, subjectEnd)) {
            kind = Records.phone(s, start, end) ? SecretKind.PHONE : null;
        } else {
            kind = Judge.value(KeyNames.classify(scan, name, subjectEnd), s, start, end);
        }
        if (kind == null) {
            return w;   // the value is read by the other rules as before (an IBAN, a card)
        }
        scan.add(kind, start, end);
        return end;
    }
}
