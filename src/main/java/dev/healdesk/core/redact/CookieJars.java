package dev.healdesk.core.redact;

/**
 * A line of a Netscape cookie file, as curl ({@code -c}/{@code -b}), wget ({@code --save-cookies}), yt-dlp, Python's
 * {@code MozillaCookieJar} and browser-export tools write it and as a failing job prints it ({@code cat cookies.txt}):
 * seven fields parted by tabs, {@code domain  TRUE|FALSE  path  TRUE|FALSE  expiry  name  value}, the domain perhaps
 * after {@code #HttpOnly_}. The name is judged as a key name would be ({@link KeyNames}: {@code sessionid},
 * {@code csrftoken}, {@code _app_session}); under any other name a value that looks generated goes too ({@link
 * Values#generated}), since a jar holds what a server set, and {@code theme  dark} stays. Triggered by the tab before
 * the second field, whose {@code TRUE} or {@code FALSE} marks the format.
 */
final class CookieJars extends Detector {

    private static final boolean[] FLAG = Chars.set("TF");
    /** How many characters a field other than the value may have. */
    private static final int MAX_FIELD = 300;

    @Override
    public boolean[] seconds(char c) {
        return FLAG;
    }

    @Override
    public int at(Scan scan, int tab) {
        String s = scan.text;
        int i = flag(s, tab + 1);   // include subdomains
        if (i < 0) {
            return tab + 1;
        }
        int pathEnd = field(s, i);   // path
        if (pathEnd < 0) {
            return tab + 1;
        }
        int secure = flag(s, pathEnd + 1);
        if (secure < 0) {
            return tab + 1;
        }
        int expiryEnd = field(s, secure);
        if (expiryEnd < 0 || !Chars.digitsOnly(s, secure, expiryEnd)) {
            return tab + 1;
        }
        int nameStart = expiryEnd + 1;
        int nameEnd = field(s, nameStart);
        if (nameEnd <= nameStart) {
            return tab + 1;
        }
        int start = nameEnd + 1;
        int end = start;
        while (end < s.length() && s.charAt(end) != '\n' && s.charAt(end) != '\r' && s.charAt(end) != '\t') {
            end++;
        }
        if (end == start) {
            return start;
        }
        KeyNames.Key key = KeyNames.classify(scan, nameStart, nameEnd);
        SecretKind kind = key == KeyNames.Key.NONE || key == KeyNames.Key.COOKIE || key == KeyNames.Key.AUTHORIZATION
                ? (Values.generated(s, start, end) ? SecretKind.COOKIE : null)
                : Judge.value(key, s, start, end);
        if (kind != null) {
            scan.add(kind, start, end);
        }
        return end;
    }

    /** After a {@code TRUE} or {@code FALSE} field at {@code i} and its tab, where the next field starts; else -1. */
    private static int flag(String s, int i) {
        int n = s.startsWith("TRUE\t", i) ? 5 : s.startsWith("FALSE\t", i) ? 6 : 0;
        return n == 0 ? -1 : i + n;
    }

    /** Where the field at {@code i} ends, at its tab; -1 where the line ends first or the field is too long. */
    private static int field(String s, int i) {
        for (int j = i; j < s.length() && j - i <= MAX_FIELD; j++) {
            char c = s.charAt(j);
            if (c == '\t') {
                return j;
            }
            if (c == '\n' || c == '\r') {
                return -1;
            }
        }
        return -1;
    }
}
