package dev.healdesk.core.redact;

/**
 * What a {@code value} is, by the sibling that names it in the same object: {@code { Name: 'phone_number', Value: '…'
 * }} (AWS' attribute lists, Cognito's UserAttributes), {@code {"field": "/payer/phone/phone_number/national_number",
 * "value": "…"}} (a validation error that prints the offending field's path beside its value, as PayPal's, Stripe's and
 * JSON Schema validators' do), {@code {"key": "mobile", "value": …}}, {@code {"attribute": "phone", "value": …}}. The
 * object is read from its {@code {} to its {@code }} (at most {@value #REACH} characters either side of the value's
 * key, on no nested brace); the sibling's key must be one of {@link #NAMERS} and its value a string.
 */
final class SiblingNames {

    static final int REACH = 300;

    /** Keys whose value names the field a sibling "value" holds. */
    private static final String[] NAMERS = {"name", "field", "key", "path", "attribute", "param", "parameter",
            "property", "pointer", "loc"};

    private SiblingNames() {
    }

    /** Whether a sibling of the {@code value} key at {@code valueKey} names a telephone number. */
    static boolean phone(String s, int valueKey) {
        int from = valueKey;
        while (from > 0 && valueKey - from < REACH && s.charAt(from - 1) != '{') {
            char c = s.charAt(from - 1);
            if (c == '}' || c == '[') {
                return false;
            }
            from--;
        }
        if (from == 0 || s.charAt(from - 1) != '{') {
            return false;
        }
        int to = valueKey;
        while (to < s.length() && to - valueKey < REACH && s.charAt(to) != '}' && s.charAt(to) != '{') {
            to++;
        }
        for (int k = from; k < to; k++) {
            if (!Chars.letter(s.charAt(k)) || k > from && Chars.alnum(s.charAt(k - 1))) {
                continue;
            }
            int w = k;
            while (w < to && Chars.alnum(s.charAt(w))) {
                w++;
            }
            if (Chars.isAny(s, k, w, NAMERS)) {
                int v = w;
                if (v < to && (s.charAt(v) == '"' || s.charAt(v) == '\'')) {
                    v++;
                }
                v = Chars.skipBlanks(s, v);
                if (v < to && (s.charAt(v) == ':' || s.charAt(v) == '=')) {
                    v = Chars.skipBlanks(s, v + 1);
                    if (v < to && (s.charAt(v) == '"' || s.charAt(v) == '\'')) {
                        int close = s.indexOf(s.charAt(v), v + 1);
                        if (close > v && close <= to && Numbers.phoneWords(s, v + 1, close)) {
                            return true;
                        }
                    }
                }
            }
            k = w;
        }
        return false;
    }
}
