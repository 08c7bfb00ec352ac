package dev.healdesk.core.redact;

/**
 * Key material a debug log dumps in hex under the key's name, as wpa_supplicant and hostapd print it with their key
 * output on ({@code -K}): {@code WPA: PMK - hexdump(len=32): ec0b…}, {@code WPA: PTK - hexdump(len=48): …},
 * {@code EAP: MSK - hexdump(len=64): …}, {@code PSK (passphrase) - hexdump_ascii(len=19): …}, the bytes written whole
 * or in spaced pairs. The dump goes where one of the label's words names key material: the Wi-Fi and EAP keys by
 * their acronyms (PMK, PTK, KCK, KEK, TK, GTK, IGTK, BIGTK, MSK, EMSK, PSK) or a password's or a secret's word; a
 * frame, a nonce, a counter or a MIC ({@code EAPOL-Key}, {@code ANonce}, {@code Replay Counter}, {@code Key MIC})
 * keeps its bytes, which are no secret. Triggered by the word {@code hexdump}.
 */
final class KeyDumps extends Detector {

    private static final boolean[] SECOND = Chars.set("e");
    /** How far back on its line the label may start. */
    private static final int REACH = 96;
    private static final int MAX_DUMP = 2048;
    private static final String[] KEY_WORDS = {"pmk", "ptk", "kck", "kek", "tk", "gtk", "igtk", "bigtk", "msk",
            "emsk", "psk", "pmk-r0", "pmk-r1", "passphrase", "password", "passwd", "secret"};

    @Override
    public boolean[] seconds(char c) {
        return SECOND;
    }

    @Override
    public long wordLengths(char c) {
        return 1L << 7 | 1L << 13;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int end = scan.wordEnd(i);
        if (!s.startsWith("hexdump", i) || i < 4 || !s.startsWith(" - ", i - 3) || end >= s.length()
                || s.charAt(end) != '(') {
            return end;
        }
        int close = Chars.indexOf(s, ')', end, Math.min(s.length(), end + 16));
        if (close < 0 || !s.startsWith(": ", close + 1)) {
            return end;
        }
        int labelEnd = i - 3;
        int lineStart = Chars.lastIndexOf(s, '\n', Math.max(0, labelEnd - REACH), labelEnd) + 1;
        if (!keyLabel(s, lineStart, labelEnd)) {
            return end;
        }
        int start = close + 3;
        int stop = Chars.indexOf(s, '\n', start, Math.min(s.length(), start + MAX_DUMP));
        stop = stop < 0 ? Math.min(s.length(), start + MAX_DUMP) : stop;
        while (stop > start && (s.charAt(stop - 1) == ' ' || s.charAt(stop - 1) == '\r')) {
            stop--;
        }
        if (stop > start && !Values.placeholder(s, start, stop)) {
            scan.add(SecretKind.GENERIC_SECRET, start, stop);
        }
        return stop;
    }

    /** Whether a word of the label {@code s[from, to)} (after its last {@code :}) names key material. */
    private static boolean keyLabel(String s, int from, int to) {
        int colon = Chars.lastIndexOf(s, ':', from, to);
        int w = colon < 0 ? from : colon + 1;
        for (int k = w; k <= to; k++) {
            char c = k < to ? s.charAt(k) : ' ';
            if (!(Chars.alnum(c) || c == '-')) {
                if (k > w && Chars.isAny(s, w, k, KEY_WORDS)) {
                    return true;
                }
                w = k + 1;
            }
        }
        return false;
    }
}
