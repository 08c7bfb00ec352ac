package dev.healdesk.core.redact;

/**
 * Values of XML elements named like secrets, as Maven settings, SOAP faults and .NET configs print them:
 * {@code <password>…</password>}, {@code <ApiKey>…</ApiKey>}. Triggered by the {@code >} closing the start tag; the
 * value runs to the next {@code <}.
 */
final class Elements implements Detector {

    private static final int MAX_VALUE = 4096;

    @Override
    public int at(Scan scan, int gt) {
        String s = scan.text;
        int open = gt - 1;
        while (open >= 0 && gt - open <= KeyNames.MAX_LENGTH && (Chars.alnum(s.charAt(open)) || s.charAt(open) == '_'
                || s.charAt(open) == '-' || s.charAt(open) == '.' || s.charAt(open) == ':')) {
            open--;
        }
        if (open < 0 || s.charAt(open) != '<' || open + 1 == gt) {
            return gt + 1;
        }
        int nameStart = open + 1;
        int colon = Chars.lastIndexOf(s, ':', nameStart, gt);
        KeyNames.Key key = KeyNames.classify(scan, colon >= 0 ? colon + 1 : nameStart, gt);
        if (key == KeyNames.Key.NONE || key == KeyNames.Key.COOKIE) {
            return gt + 1;
        }
        int start = gt + 1;
        int end = start;
        while (end < s.length() && end - start < MAX_VALUE && s.charAt(end) != '<' && s.charAt(end) != '\n') {
            end++;
        }
        if (end >= s.length() || s.charAt(end) != '<' || Values.placeholder(s, start, end)) {
            return gt + 1;
        }
        SecretKind kind = key == KeyNames.Key.PASSWORD ? SecretKind.PASSWORD
                : key == KeyNames.Key.SSN ? SecretKind.SSN
                : key == KeyNames.Key.KEY ? KeyValues.judge(key, s, start, end)
                : Values.secretLike(s, start, end)
                ? key == KeyNames.Key.SESSION ? SecretKind.SESSION_ID : SecretKind.GENERIC_SECRET : null;
        if (kind == null) {
            return gt + 1;
        }
        scan.add(kind, start, end);
        return start;
    }
}
