package dev.healdesk.core.redact;

/**
 * A field compared with a literal by a query language's word operator, as a request's filter carries it into an access
 * log, an API client's trace or a test's failure: OData's {@code $filter=Phone eq '…'} (its blanks written {@code +}
 * or {@code %20} in a URL: {@code Phone+eq+'…'}), SCIM's {@code filter=userName eq "…"}, Microsoft Graph's and
 * Dynamics' queries, Okta's {@code search=profile.mobilePhone+eq+%22…%22} (the quotes percent-encoded too);
 * {@code eq} and {@code ne}. The literal is judged as the named field's whole content
 * ({@link FieldDiffs#judge}): a phone under {@code Phone}, a person's number under {@code NationalId}, a secret under a
 * secret's name; {@code Status eq 'Open'} and {@code Id eq 42} keep theirs. Triggered by the operator's {@code e} or
 * {@code n} and its length.
 */
final class FilterValues extends Detector {

    private static final int MAX_VALUE = 128;
    private static final boolean[] SECOND = Chars.set("qe");
    private static final boolean[] PERCENT_SECOND = Chars.set("2");

    /** After the operator's {@code e} or {@code n}: {@code q} or {@code e}; after a {@code %}: the {@code 2} of {@code %20}. */
    @Override
    public boolean[] seconds(char c) {
        return c == '%' ? PERCENT_SECOND : SECOND;
    }

    @Override
    public long wordLengths(char c) {
        return 1L << 2;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (s.charAt(i) == '%') {
            return encoded(scan, i);
        }
        int end = scan.wordEnd(i);
        if (end - i != 2 || !(s.startsWith("eq", i) || s.startsWith("ne", i)) || i < 2 || end + 2 >= s.length()) {
            return end;
        }
        char before = s.charAt(i - 1);
        char after = s.charAt(end);
        if (!(before == ' ' || before == '+') || after != before) {
            return end;
        }
        return compared(scan, i - 1, end + 1, end);
    }

    /**
     * The operator with its blanks percent-encoded, {@code Phone%20eq%20'…'} (a URL's query as a browser, an HTTP
     * client or an access log writes it), at the {@code %} of the first {@code %20}: the digits run into the operator
     * there, so no word starts at its {@code e}.
     */
    private static int encoded(Scan scan, int i) {
        String s = scan.text;
        if (i < 2 || !s.startsWith("%20", i) || !(s.startsWith("eq%20", i + 3) || s.startsWith("ne%20", i + 3))
                || i + 9 >= s.length()) {
            return i + 1;
        }
        compared(scan, i, i + 8, i + 8);
        return i + 8;
    }

    /**
     * Judges the literal at {@code v} compared with the field whose name ends at {@code nameEnd}; {@code end} is where
     * scanning goes on.
     */
    private static int compared(Scan scan, int nameEnd, int v, int end) {
        String s = scan.text;
        int nameStart = nameEnd;
        while (nameStart > 0 && nameEnd - nameStart < KeyNames.MAX_LENGTH
                && (Chars.word(s.charAt(nameStart - 1)) || s.charAt(nameStart - 1) == '/')) {
            nameStart--;
        }
        int slash = Chars.lastIndexOf(s, '/', nameStart, nameEnd);
        if (slash >= 0) {
            nameStart = slash + 1;   // a navigation path: Address/Phone eq '…'
        }
        if (nameEnd - nameStart < 2) {
            return end;
        }
        char q = s.charAt(v);
        if (q == '%' && (s.startsWith("%22", v) || s.startsWith("%27", v))) {
            // the quotes percent-encoded in a URL's query: search=profile.mobilePhone+eq+%22…%22 (Okta's, SCIM's)
            int close = s.indexOf(s.substring(v, v + 3), v + 3);
            if (close > v + 3 && close - v <= MAX_VALUE) {
                FieldDiffs.judge(scan, new int[] {nameStart, nameEnd}, v + 3, close);
            }
            return end;
        }
        if (q != '\'' && q != '"') {
            return end;
        }
        int close = Chars.indexOf(s, q, v + 1, Math.min(s.length(), v + 2 + MAX_VALUE));
        if (close <= v + 1) {
            return end;
        }
        FieldDiffs.judge(scan, new int[] {nameStart, nameEnd}, v + 1, close);
        return end;
    }
}
