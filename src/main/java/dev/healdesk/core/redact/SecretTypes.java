package dev.healdesk.core.redact;

/**
 * A secret after the word that says what kind of secret it is, as IPsec's secrets files write one a line
 * ({@code [selectors] : TYPE secret}: strongSwan's and Libreswan's {@code ipsec.secrets}, {@code cat} in a failed VPN
 * job): {@code vpn.acme.net %any : PSK "…"}, {@code deploy-bot : EAP "…"}, {@code : XAUTH …}, {@code : NTLM …}. The
 * secret is quoted, or one run without blanks that looks like one ({@code 0s…} base64, {@code 0x…} hex, a password with
 * a digit: {@link Judge#inProse}), so {@code Type : EAP TLS} stays; a placeholder stays. Only these
 * upper-case types, which name a shared secret or a password; {@code : RSA key.pem} names a file and stays. Triggered by
 * a colon with a blank on both sides.
 */
final class SecretTypes extends Detector {

    private static final String[] TYPES = {"PSK", "EAP", "XAUTH", "NTLM"};
    private static final boolean[] BLANK = Chars.set(" \t");
    private static final boolean[] BEFORE = Chars.set(" \t\n");
    private static final int MAX_SECRET = 512;

    @Override
    public boolean[] seconds(char c) {
        return BLANK;
    }

    @Override
    public boolean[] befores(char c) {
        return BEFORE;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int t = Chars.skipBlanks(s, i + 1);
        int e = t;
        while (e < s.length() && e - t <= 5 && Chars.upper(s.charAt(e))) {
            e++;
        }
        if (e == t || e >= s.length() || !Chars.blank(s.charAt(e)) || !Chars.isAnyExactly(s, t, e, TYPES)) {
            return i + 1;
        }
        int v = Chars.skipBlanks(s, e);
        if (v >= s.length() || Chars.space(s.charAt(v))) {
            return i + 1;
        }
        int quote = Quotes.open(s, v);
        int start = v + quote;
        int end = Quotes.valueEnd(s, start, quote, "", MAX_SECRET);
        if (end <= start || end > s.length() || Values.placeholder(s, start, end)
                || quote == 0 && !Judge.inProse(KeyNames.Key.PASSWORD, s, start, end)) {
            return i + 1;   // unquoted, a word of a table's or a form's line stays: "Type : EAP TLS"
        }
        scan.add(SecretKind.PASSWORD, start, end);
        return end;
    }
}
