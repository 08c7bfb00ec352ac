package dev.healdesk.core.redact;

/**
 * A key or token that an API's path carries as the resource it names, as a gateway's or a secret store's admin API
 * takes it and a curl line, an access log or a client's debug output prints it: Tyk's {@code /tyk/keys/…}, a token
 * service's {@code /tokens/…}, {@code /api-keys/…}. The segment after {@code /keys/}, {@code /key/}, {@code /tokens/},
 * {@code /token/}, {@code /apikeys/}, {@code /api-keys/} or {@code /api_keys/} goes when it is at least 48 hex digits,
 * or 32 letters and digits that look generated ({@link Values#generated}); a UUID, a name, a short id and a key id of
 * 32 hex digits stay ({@code /keys/primary}, {@code /tokens/42}, {@code /keys/2aa3e26c-1151-4c1a-8f0e-2b2c2a2d4118}). Triggered
 * by the {@code /} after such a word.
 */
final class PathKeys extends Detector {

    private static final boolean[] WORD_END = Chars.set("sSyYnN");
    private static final String[] NAMES = {"keys", "key", "tokens", "token", "apikeys", "api-keys", "api_keys"};
    private static final int MIN = 32;
    /**
     * Hex digits alone must be longer than an id's 32 (an MD5-sized key id, {@code /keys/3f2a…/rotate}): Tyk's keys are
     * its organisation's 24 and 32 more.
     */
    private static final int MIN_HEX = 48;
    private static final int MAX = 256;

    @Override
    boolean[] befores(char c) {
        return WORD_END;
    }

    @Override
    int at(Scan scan, int slash) {
        String s = scan.text;
        if (!Chars.routeWord(s, slash, 8, NAMES)) {
            return slash + 1;
        }
        int start = slash + 1;
        int end = start;
        boolean hex = true;
        while (end < s.length() && end - start <= MAX && (Chars.alnum(s.charAt(end)) || s.charAt(end) == '_')) {
            hex &= Chars.hex(s.charAt(end));
            end++;
        }
        if (end - start < MIN || end - start > MAX) {
            return slash + 1;
        }
        if (end < s.length() && s.charAt(end) == '-') {
            return slash + 1;   // a UUID, a name with hyphens
        }
        if (hex ? end - start >= MIN_HEX : Values.generated(s, start, end)) {
            scan.add(SecretKind.GENERIC_SECRET, start, end);
            return end;
        }
        return slash + 1;
    }
}
