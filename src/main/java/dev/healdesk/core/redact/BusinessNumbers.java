package dev.healdesk.core.redact;

/**
 * Taiwan's unified business number (統一編號, UBN: a firm's or a sole trader's tax number, eight digits) where a label
 * names it and its check holds: the label Stripe's tax-id type {@code tw_vat} ({@code Invalid value for tw_vat: …}),
 * the abbreviation {@code ubn}, or the country's code {@code TW} as a call's argument before it
 * ({@code is_valid_vat('TW', '…')}), then at most a separator ({@code :}, {@code =}, {@code ,}), blanks and a quote
 * before the eight digits, no digit or letter after them. The check (the Ministry of Finance's): the digits times 1, 2,
 * 1, 2, 1, 2, 4, 1, each product's digits summed, the total a multiple of 10; where the seventh digit is 7 its product
 * 28 counts as 1 or as 0. One in ten of eight random digits passes, so the label must be there too: {@code TW 12345678}
 * with a failing check, eight digits after another country's code, an order number under {@code ubn} that fails, stay.
 * Triggered by the labels' first letter at their exact lengths.
 */
final class BusinessNumbers extends Detector {

    private static final int[] WEIGHTS = {1, 2, 1, 2, 1, 2, 4, 1};
    /** How far after the label the number may start. */
    private static final int REACH = 6;

    @Override
    long wordLengths(char c) {
        return c == 't' || c == 'T' ? 1L << 2 | 1L << 6 : 1L << 3;   // TW, tw_vat; ubn
    }

    @Override
    int at(Scan scan, int i) {
        String s = scan.text;
        int end = scan.wordEnd(i);
        if (!(Chars.is(s, i, end, "tw_vat") || Chars.is(s, i, end, "ubn") || s.startsWith("TW", i) && end - i == 2)
                || i > 0 && (Chars.alnum(s.charAt(i - 1)) || s.charAt(i - 1) == '_' || s.charAt(i - 1) == '.')) {
            return end;
        }
        int k = end;
        if (end - i == 2) {
            // the country's code alone: an argument in quotes before the number's, as a call writes them
            if (i == 0 || s.charAt(i - 1) != '\'' && s.charAt(i - 1) != '"' || k >= s.length()
                    || s.charAt(k) != s.charAt(i - 1)) {
                return end;
            }
            k++;
        }
        int limit = Math.min(s.length(), k + REACH);
        boolean separator = false;
        while (k < limit && !Chars.digit(s.charAt(k))) {
            char c = s.charAt(k);
            if (c == ':' || c == '=' || c == ',') {
                if (separator) {
                    return end;
                }
                separator = true;
            } else if (c != ' ' && c != '\'' && c != '"') {
                return end;
            }
            k++;
        }
        if (k + 8 > s.length() || k + 8 < s.length() && (Chars.alnum(s.charAt(k + 8)) || s.charAt(k + 8) == '_')) {
            return end;
        }
        for (int j = k; j < k + 8; j++) {
            if (!Chars.digit(s.charAt(j))) {
                return end;
            }
        }
        if (!ubn(s, k)) {
            return end;
        }
        scan.add(SecretKind.NATIONAL_ID, k, k + 8);
        return k + 8;
    }

    /** Whether the eight digits at {@code k} pass the unified business number's check. */
    static boolean ubn(String s, int k) {
        int sum = 0;
        for (int j = 0; j < 8; j++) {
            int p = (s.charAt(k + j) - '0') * WEIGHTS[j];
            sum += p / 10 + p % 10;
        }
        if (sum % 10 == 0) {
            return true;
        }
        // 7 × 4 = 28, whose digits sum to 10: read as 1 (1 + 0) or as 0, either makes the check
        return s.charAt(k + 6) == '7' && (sum - 9) % 10 == 0;
    }
}
