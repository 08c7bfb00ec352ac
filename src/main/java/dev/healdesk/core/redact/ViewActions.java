package dev.healdesk.core.redact;

/**
 * The text an Android UI test typed into a password field, as Espresso names the failed action: {@code Error
 * performing 'type text(…)' on view 'with id is <com.acme:id/password>'} (and {@code replace text(…)}). Triggered by
 * the bracket after {@code type text} or {@code replace text}; the text goes when the view's description after it, on
 * its line, names a password, a PIN or a passcode, so the text typed into a search box or a name field stays.
 */
final class ViewActions extends Detector {

    private static final boolean[] BEFORE = Chars.set("t");
    private static final String ON_VIEW = ")' on view '";
    private static final int MAX_TEXT = 256;
    private static final int MAX_VIEW = 200;
    private static final String[] FIELDS = {"password", "passwd", "passcode", "pin"};

    @Override
    public boolean[] befores(char c) {
        return BEFORE;
    }

    @Override
    int at(Scan scan, int open) {
        String s = scan.text;
        if (!(open >= 9 && s.regionMatches(true, open - 9, "type text", 0, 9)
                || open >= 12 && s.regionMatches(true, open - 12, "replace text", 0, 12))) {
            return open + 1;
        }
        int start = open + 1;
        int end = start;
        while (end < s.length() && end - start <= MAX_TEXT && s.charAt(end) != '\n' && !s.startsWith(ON_VIEW, end)) {
            end++;
        }
        if (end == start || end >= s.length() || !s.startsWith(ON_VIEW, end)) {
            return open + 1;
        }
        int view = end + ON_VIEW.length();
        int viewEnd = view;
        while (viewEnd < s.length() && viewEnd - view < MAX_VIEW && s.charAt(viewEnd) != '\n') {
            viewEnd++;
        }
        for (int k = view; k < viewEnd; k++) {
            for (String f : FIELDS) {
                if (s.regionMatches(true, k, f, 0, f.length())
                        && (k + f.length() >= s.length() || !Chars.lower(s.charAt(k + f.length())) || f.length() > 3)) {
                    scan.add(SecretKind.PASSWORD, start, end);
                    return end;
                }
            }
        }
        return open + 1;
    }
}
