package dev.healdesk.core.redact;

/**
 * Values of XML elements named like secrets, as Maven settings, SOAP faults and .NET configs print them:
 * {@code <password>…</password>}, {@code <ApiKey>…</ApiKey>}; and of a generic element whose {@code name}, {@code key}
 * or {@code id} attribute names the setting ({@code <entry key="db.password">…</entry>}). Triggered by the {@code >}
 * closing the start tag; the value runs to the next {@code <}, or is a CDATA section. And a value element after the element that names it, as Hadoop's, Hive's and Spark's
 * {@code *-site.xml} properties and web.xml's {@code <param-name>}/{@code <param-value>} pair them ({@link #nameBefore}).
 */
final class Elements extends Detector {

    private static final int MAX_VALUE = 4096;
    /** How long a start tag with attributes may be. */
    private static final int MAX_TAG = 256;
    private static final String CDATA = "<![CDATA[";

    @Override
    public int at(Scan scan, int gt) {
        String s = scan.text;
        int open = gt - 1;
        while (open >= 0 && gt - open <= KeyNames.MAX_LENGTH && (Chars.alnum(s.charAt(open)) || s.charAt(open) == '_'
                || s.charAt(open) == '-' || s.charAt(open) == '.' || s.charAt(open) == ':')) {
            open--;
        }
        KeyNames.Key key;
        boolean attribute = false;
        if (open >= 0 && s.charAt(open) == '<' && open + 1 < gt) {
            int nameStart = open + 1;
            int colon = Chars.lastIndexOf(s, ':', nameStart, gt);
            key = KeyNames.classify(scan, colon >= 0 ? colon + 1 : nameStart, gt);
            if (key == KeyNames.Key.NONE && gt - nameStart >= 5 && s.regionMatches(true, gt - 5, "value", 0, 5)) {
                key = nameBefore(scan, open);   // <name>fs.s3a.secret.key</name> <value>…</value>
                attribute = true;
            }
        } else if (open == gt - 1 && gt > 0 && (s.charAt(gt - 1) == '"' || s.charAt(gt - 1) == '\'')) {
            key = named(scan, gt);   // <entry key="db.password">…, <param name="token">…
            attribute = true;
            if (key == KeyNames.Key.NONE) {
                key = ownName(scan, gt);   // <wsse:Password Type="…#PasswordText">…</wsse:Password>
            }
        } else {
            return gt + 1;
        }
        if (key == KeyNames.Key.NONE || key == KeyNames.Key.COOKIE) {
            return gt + 1;
        }
        int start = gt + 1;
        int end;
        if (s.startsWith(CDATA, start)) {
            start += CDATA.length();
            end = s.indexOf("]]>", start);
            if (end < 0 || end - start > MAX_VALUE) {
                return gt + 1;
            }
        } else {
            end = start;
            while (end < s.length() && end - start < MAX_VALUE && s.charAt(end) != '<' && s.charAt(end) != '\n') {
                end++;
            }
            if (end >= s.length() || s.charAt(end) != '<') {
                return gt + 1;
            }
        }
        if (Values.placeholder(s, start, end)) {
            return gt + 1;
        }
        if (attribute && (Chars.indexOf(s, ' ', start, end) >= 0 || key == KeyNames.Key.PASSWORD
                && !Values.passwordLike(s, start, end) && !Values.secretLike(s, start, end) && !pin(s, start, end))) {
            return gt + 1;   // the text of a form's control, <button name="password">Show</button>: no value
        }
        SecretKind kind = Judge.field(key, s, start, end);
        if (kind == null) {
            return gt + 1;
        }
        scan.add(kind, start, end);
        return start;
    }

    /**
     * Whether {@code s[start, end)} is 4 to 12 digits: a PIN or a passcode as a password-named setting holds it
     * ({@code <string name="pin">047130</string>} in Android's shared_prefs); no form control's text is a number.
     */
    private static boolean pin(String s, int start, int end) {
        if (end - start < 4 || end - start > 12) {
            return false;
        }
        for (int k = start; k < end; k++) {
            if (!Chars.digit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What the element just before the value element whose {@code <} is at {@code lt} names, when it is a name or key
     * element: {@code <name>fs.s3a.secret.key</name>}, {@code <param-name>db.password</param-name>}, {@code <key>…</key>},
     * with only blanks and line breaks between the two. NONE otherwise.
     */
    private static KeyNames.Key nameBefore(Scan scan, int lt) {
        String s = scan.text;
        int gt = lt - 1;
        while (gt >= 0 && lt - gt <= 80 && Chars.space(s.charAt(gt))) {
            gt--;
        }
        if (gt < 0 || s.charAt(gt) != '>') {
            return KeyNames.Key.NONE;
        }
        int tag = gt;
        while (tag > 0 && gt - tag <= KeyNames.MAX_LENGTH && (Chars.alnum(s.charAt(tag - 1)) || s.charAt(tag - 1) == '-'
                || s.charAt(tag - 1) == '_' || s.charAt(tag - 1) == ':')) {
            tag--;
        }
        if (tag < 2 || s.charAt(tag - 1) != '/' || s.charAt(tag - 2) != '<' || !(gt - tag >= 4
                && s.regionMatches(true, gt - 4, "name", 0, 4) || gt - tag >= 3 && s.regionMatches(true, gt - 3, "key", 0, 3))) {
            return KeyNames.Key.NONE;
        }
        int end = tag - 2;
        int start = end;
        while (start > 0 && end - start <= KeyNames.MAX_LENGTH && s.charAt(start - 1) != '>' && s.charAt(start - 1) != '<'
                && s.charAt(start - 1) != '\n') {
            start--;
        }
        if (start == 0 || s.charAt(start - 1) != '>' || start == end) {
            return KeyNames.Key.NONE;
        }
        return KeyNames.classify(scan, start, end);
    }

    /**
     * What the name of the element whose start tag with attributes {@code gt} closes says, when its end tag closes the
     * text that follows on the line ({@code <wsse:Password Type="…">…</wsse:Password>}, {@code <password
     * encrypted="false">…</password>}): NONE for another tag or where no such end tag follows (an {@code <input>}).
     */
    private static KeyNames.Key ownName(Scan scan, int gt) {
        String s = scan.text;
        int lt = tagStart(s, gt);
        if (lt < 0) {
            return KeyNames.Key.NONE;
        }
        int nameEnd = lt + 1;
        while (nameEnd < gt && nameEnd - lt <= KeyNames.MAX_LENGTH && (Chars.alnum(s.charAt(nameEnd))
                || s.charAt(nameEnd) == '_' || s.charAt(nameEnd) == '-' || s.charAt(nameEnd) == '.' || s.charAt(nameEnd) == ':')) {
            nameEnd++;
        }
        if (nameEnd >= gt || s.charAt(nameEnd) != ' ') {
            return KeyNames.Key.NONE;
        }
        int lt2 = gt + 1;
        while (lt2 < s.length() && lt2 - gt <= MAX_VALUE && s.charAt(lt2) != '<' && s.charAt(lt2) != '\n') {
            lt2++;
        }
        int length = nameEnd - lt - 1;
        if (lt2 + 2 + length >= s.length() || s.charAt(lt2) != '<' || s.charAt(lt2 + 1) != '/'
                || !s.regionMatches(lt2 + 2, s, lt + 1, length) || s.charAt(lt2 + 2 + length) != '>') {
            return KeyNames.Key.NONE;
        }
        int colon = Chars.lastIndexOf(s, ':', lt + 1, nameEnd);
        return KeyNames.classify(scan, colon >= 0 ? colon + 1 : lt + 1, nameEnd);
    }

    /** The {@code <} of the start tag with a name that {@code gt} closes on its line; -1 where there is none. */
    private static int tagStart(String s, int gt) {
        int lt = gt - 1;
        while (lt >= 0 && gt - lt <= MAX_TAG && s.charAt(lt) != '<' && s.charAt(lt) != '>' && s.charAt(lt) != '\n') {
            lt--;
        }
        return lt < 0 || s.charAt(lt) != '<' || lt + 1 >= gt || !Chars.letter(s.charAt(lt + 1)) ? -1 : lt;
    }

    /**
     * What the start tag that {@code gt} closes says through its {@code name}, {@code key} or {@code id} attribute, as
     * generic elements carry a setting's name: {@code <entry key="db.password">}, {@code <param name="token">},
     * {@code <property name="password">}. NONE for another tag, an end tag, a self-closing one or none.
     */
    private static KeyNames.Key named(Scan scan, int gt) {
        String s = scan.text;
        int lt = tagStart(s, gt);
        if (lt < 0) {
            return KeyNames.Key.NONE;
        }
        for (int a = lt + 1; a < gt; a++) {
            if (s.charAt(a) != ' ') {
                continue;
            }
            int n = a + 1;
            int length = s.regionMatches(true, n, "name=", 0, 5) ? 4 : s.regionMatches(true, n, "key=", 0, 4) ? 3
                    : s.regionMatches(true, n, "id=", 0, 3) ? 2 : 0;
            if (length == 0) {
                continue;
            }
            int q = Quotes.open(s, n + length + 1);
            if (q != 1) {
                continue;
            }
            int start = n + length + 2;
            int end = Quotes.close(s, start, 1);
            if (end < gt) {
                return KeyNames.classify(scan, start, end);
            }
        }
        return KeyNames.Key.NONE;
    }
}
