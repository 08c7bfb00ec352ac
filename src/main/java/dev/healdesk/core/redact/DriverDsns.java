package dev.healdesk.core.redact;

/**
 * A data source name with no scheme, where the user and password stand before an {@code @} and the protocol and address
 * after it in brackets: Go's MySQL driver ({@code billing_rw:…@tcp(db.internal:3306)/orders?parseTime=true},
 * {@code …@unix(/var/run/mysqld/mysqld.sock)/db}, {@code …@cloudsql(project:region:instance)/db}), as a service's
 * {@code --dsn} flag, its config dump and its panics print it. The password goes; the user, the protocol, the address
 * and the database stay. Triggered by the {@code @}, a letter after it.
 */
final class DriverDsns extends Detector {

    /** How long a user and a password may be together. */
    private static final int REACH = 256;
    private static final boolean[] LETTER = Chars.set(Chars.LETTERS);

    @Override
    public boolean[] seconds(char c) {
        return LETTER;
    }

    @Override
    public int at(Scan scan, int at) {
        String s = scan.text;
        int p = at + 1;
        while (p < s.length() && p - at <= 10 && (Chars.letter(s.charAt(p)) || p > at + 1 && Chars.digit(s.charAt(p)))) {
            p++;
        }
        if (p >= s.length() || s.charAt(p) != '(' || p - at < 4) {
            return at + 1;   // tcp(, tcp6( and unix( ... need a bracket right after the protocol's name
        }
        int start = at;
        while (start > 0 && at - start < REACH && credentialChar(s.charAt(start - 1))) {
            start--;
        }
        int colon = Chars.indexOf(s, ':', start, at);
        if (colon <= start || colon + 1 >= at || Values.placeholder(s, colon + 1, at)) {
            return at + 1;
        }
        scan.add(SecretKind.PASSWORD, colon + 1, at);
        return at + 1;
    }

    /** What a user or password may hold here: not a blank, a quote, {@code =}, a bracket or a slash. */
    private static boolean credentialChar(char c) {
        return c > ' ' && "\"'`=()[]{}<>/,;".indexOf(c) < 0;
    }
}
