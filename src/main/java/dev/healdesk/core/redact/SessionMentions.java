package dev.healdesk.core.redact;

/**
 * A session id that follows the word for it in prose or a command log, with no {@code =} or {@code :} between: a session
 * store's debug lines ({@code express-session saving …}, {@code session fetching …}, {@code session destroyed …}) and a
 * test runner's command log ({@code setCookie  sessionid, …}). After "session" one verb may stand (a word of small
 * letters); after "sessionid" a comma. The id goes when it looks generated ({@link Values#generated}) and is not hex
 * digits only, so "session expired", "no session found" and a WebDriver session's hex id ({@code session
 * 4f3a…}, an id the operator needs) stay. Triggered by the word's first letter.
 */
final class SessionMentions extends Detector {

    /** What the id may be: ids are shorter than this; a longer run is something else. */
    private static final int MAX_LENGTH = 256;
    private static final int MAX_VERB = 12;
    private static final boolean[] E = Chars.set("eE");

    @Override
    public boolean[] seconds(char c) {
        return E;
    }

    @Override
    public long wordLengths(char c) {
        return 1L << 7 | 1L << 9;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int w = scan.wordEnd(i);
        boolean session = w - i == 7 && Chars.is(s, i, w, "session");
        if (!session && !(w - i == 9 && Chars.is(s, i, w, "sessionid"))) {
            return w;
        }
        int p = w;
        if (!session && p < s.length() && s.charAt(p) == ',') {
            p++;
        }
        int blanks = p;
        p = Chars.skipBlanks(s, p);
        if (p == blanks || p - blanks > 4) {
            return w;
        }
        if (session) {
            int v = p;
            while (v < s.length() && v - p <= MAX_VERB && Chars.lower(s.charAt(v))) {
                v++;
            }
            if (v > p && v - p <= MAX_VERB && v < s.length() && s.charAt(v) == ' ') {
                p = Chars.skipBlanks(s, v);   // session saving …: one verb
            }
        }
        p = cookieValue(s, p);   // session cookie __session=…: the cookie's name stays
        if (s.startsWith("eyJ", p)) {
            return w;   // a JWT is the token detector's, and goes as one
        }
        int end = p;
        while (end < s.length() && end - p <= MAX_LENGTH && !Chars.space(s.charAt(end))
                && "\"'`),;]}".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        while (end > p && ".:!?".indexOf(s.charAt(end - 1)) >= 0) {
            end--;   // the sentence's punctuation: "for session 29473a5d-…: refresh failed"
        }
        if (end - p < NamedValues.MIN_LENGTH || end - p > MAX_LENGTH || Values.hexId(s, p, end)
                || !Values.generated(s, p, end)) {
            return w;
        }
        scan.add(SecretKind.SESSION_ID, p, end);
        return end;
    }

    /** How long a cookie's name before its {@code =} may be. */
    private static final int MAX_NAME = 64;

    /**
     * Where the id starts when the word at {@code p} is a cookie written {@code name=value}, as a framework's error names
     * the cookie it read ({@code session cookie __session=…}, Remix's and SvelteKit's loaders; {@code session
     * connect.sid=…}): past the {@code =}, so the name stays as a key-value pair's does. Else {@code p}.
     */
    private static int cookieValue(String s, int p) {
        int k = p;
        boolean letter = false;
        while (k < s.length() && k - p < MAX_NAME && (Chars.word(s.charAt(k)) || s.charAt(k) == '.' || s.charAt(k) == '-')) {
            letter |= Chars.letter(s.charAt(k));
            k++;
        }
        return letter && k < s.length() && s.charAt(k) == '=' ? k + 1 : p;
    }
}
