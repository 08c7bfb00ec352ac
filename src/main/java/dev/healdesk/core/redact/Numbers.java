package dev.healdesk.core.redact;

/**
 * Numbers that identify someone, read at the start of a number as digit groups joined by one kind of
 * separator: IPv4 addresses (four octets of at most 255; private and reserved ones stay, {@link Addresses}), card
 * numbers (13 to 19 digits, whole or in groups of four, or 4-6-5; an issuer's first digit, 2 to 6; the Luhn check),
 * US social security numbers (3-2-4 with dashes; no area 000, 666 or 9xx, no zero group or serial) and phone numbers:
 * US 3-3-4 with dashes or dots, {@code (415) 555-0132}, {@code 1-800-…} (area and exchange 2-9xx), and
 * international {@code +CC …} with 8 to 15 digits (E.164), and national numbers with their trunk prefix 0
 * ({@code 020 7946 0958}, {@code (020) 7946 0958}, {@code 06-12345678}). The shape must fit exactly, which is what keeps
 * dates (2024-06-01), versions (1.2.3, 17.0.10), times, durations, ports and ids out.
 */
final class Numbers extends Detector {

    static final int MAX_GROUPS = 8;

    private static final boolean[] DIGIT = Chars.set(Chars.DIGITS);
    private static final boolean[] COUNTRY = Chars.set("123456789");

    /** A digit after {@code (}; a country code, 1-9, after {@code +}. */
    @Override
    public boolean[] seconds(char c) {
        return c == '(' ? DIGIT : c == '+' ? COUNTRY : null;
    }

    @Override
    public int at(Scan scan, int i) {
        int found = scan.spanCount();
        int next = shaped(scan, i);
        if (scan.spanCount() == found && labelMayStandBefore(scan.chars, i)) {
            int labelled = labelledPhone(scan, i);
            if (labelled > 0) {
                return labelled;
            }
        }
        return next;
    }

    /**
     * Whether the character before {@code i} is one that {@link #labelledPhone} can find its label behind: the sign or
     * blank after a label ({@code :}, {@code =}, a blank), a quote, {@code [}, {@code >} or the {@code (} of
     * {@code Key (phone)=(}. Anything else (a slash, a dash, a letter, a line feed, the text's start) rules out both a
     * label right before and the word "number" a blank before, so the call is spared: a third of the numbers of a log
     * (paths, versions, ids, the first number of a line).
     */
    private static boolean labelMayStandBefore(char[] chars, int i) {
        if (i == 0) {
            return false;
        }
        char b = chars[i - 1];
        return b == ':' || b == '=' || Chars.blank(b) || b == '"' || b == '\'' || b == '[' || b == '>' || b == '(';
    }

    /** A number of one of the shapes above at {@code i}; where scanning may go on. */
    private int shaped(Scan scan, int i) {
        String s = scan.text;
        char c = s.charAt(i);
        if (c == '+') {
            return international(scan, i);
        }
        if (c == '(') {
            return parenthesised(scan, i);
        }
        if (Chars.joinedBefore(s, i) || i > 0 && s.charAt(i - 1) == '.') {
            return scan.wordEnd(i);
        }
        int[] g = scan.groups();
        int count = 0;
        char sep = 0;
        int j = i;
        int n = s.length();
        char[] chars = scan.chars;
        while (true) {
            int from = j;
            while (j < n && Chars.digit(chars[j]) && j - from < 20) {
                j++;
            }
            g[2 * count] = from;
            g[2 * count + 1] = j;
            count++;
            if (count == MAX_GROUPS || j + 1 >= n) {
                break;
            }
            char next = s.charAt(j);
            if ((next == '.' || next == '-' || next == ' ') && (sep == 0 || next == sep) && Chars.digit(s.charAt(j + 1))) {
                sep = next;
                j++;
            } else {
                break;
            }
        }
        int end = j;
        int skip = sep == ' ' ? g[1] : end;
        if (Chars.joinedAt(s, end) || end < n && continues(s, end)) {
            int mixed = end < n && continues(s, end) ? mixedEnd(s, end) : -1;
            if (mixed > 0 && NationalIds.claim(scan, i, mixed)) {
                return mixed;   // Brazil's CPF 123.456.789-09, Belgium's 85.07.30-033.28
            }
            return skip;
        }
        if (sep == '-' && end + 1 < n && s.charAt(end) == '-' && Chars.letter(s.charAt(end + 1))) {
            return end;   // an id's hyphenated parts go on in letters: Databricks' cluster id 0611-084455-b2k9q7xz
        }
        switch (sep) {
            case '.':
                if (count == 4 && ipv4(s, g) && !productVersion(s, i) && !versionBound(s, i) && !buildSuffix(s, end)
                        && !changelogHeading(s, i, end) && !coordinateVersion(s, i, end) && !requiredVersion(s, i)
                        && !bumpedVersion(s, i) && !releaseDated(s, i, end) && !standardsVersion(s, i)
                        && !backported(s, i) && !objectIdentifier(s, i, end) && !releaseHeading(s, i, end)) {
                    if (!(Addresses.reserved(value(s, g, 0), value(s, g, 1), value(s, g, 2)) || network(s, g))) {
                        scan.add(SecretKind.IP_ADDRESS, i, end);
                    }
                } else if (usPhone(s, g, 0, count) || frenchDots(s, g, count) && !productVersion(s, i)) {
                    scan.add(SecretKind.PHONE, i, end);
                } else if (count == 4 && len(g, 0) == 3) {
                    NationalIds.claim(scan, i, end);   // Switzerland's AHV number, 756.1234.5678.97
                } else if (count == 3 && lengths(g, 4, 3, 3) && NationalIds.claim(scan, i, end)) {
                    return end;   // Belgium's enterprise number, 0403.170.701, by its check
                } else if (count == 3 && lengths(g, 3, 3, 3) && i >= 4 && s.startsWith("CHE-", i - 4)) {
                    NationalIds.claim(scan, i - 4, end);   // a Swiss business's UID, CHE-116.281.710
                } else if (nationalPhone(s, g, count) && !productVersion(s, i) && !zeroed(s, i, end)
                        && (!lengths(g, 4, 3, 3) || PhonePlans.afterWord(scan, i))) {
                    // a national number grouped by dots, as Vietnam, Belgium and Spain write theirs (0912.336.221,
                    // 0470.12.34.56): the trunk 0 first, as with blanks or dashes; written 4-3-3 as Belgium's
                    // enterprise numbers are (whose check it failed above), only after a phone's word
                    scan.add(SecretKind.PHONE, i, end);
                }
                return end;
            case '-':
                if (count == 3 && lengths(g, 3, 2, 4) && ssn(s, g)) {
                    scan.add(SecretKind.SSN, i, end);
                } else if (usPhone(s, g, 0, count) || count == 4 && len(g, 0) == 1 && s.charAt(i) == '1'
                        && usPhone(s, g, 1, count)) {
                    scan.add(SecretKind.PHONE, i, end);
                } else if (card(s, g, count)) {
                    scan.add(SecretKind.CREDIT_CARD, i, end);
                } else if (nationalPhone(s, g, count) || trunkEight(s, g, count)) {
                    scan.add(SecretKind.PHONE, i, end);
                } else if (!NumberLabels.claim(scan, i, end)   // tax id 12-3456789
                        && !NationalIds.claim(scan, i, end)) {   // a Swedish or Korean number by its checks
                    PhonePlans.claim(scan, i, end, g, count, true);   // 7037-5255 after "phone is formatted"
                }
                return end;
            case ' ':
                for (int k = count; k >= 3; k--) {   // three: American Express and Diners, 3782 822463 10005
                    if (card(s, g, k)) {
                        scan.add(SecretKind.CREDIT_CARD, i, g[2 * k - 1]);
                        return g[2 * k - 1];
                    }
                }
                boolean column = numberColumns(s, i);
                if (!column && (usPhone(s, g, 0, count) || nationalPhone(s, g, count) || chineseMobile(s, g, count)
                        || trunkEight(s, g, count))) {
                    scan.add(SecretKind.PHONE, i, end);
                    return end;
                }
                if (count == 3 && lengths(g, 4, 4, 4) && s.charAt(i) >= '2') {
                    scan.add(SecretKind.NATIONAL_ID, i, end);   // Aadhaar's printed layout: 1234 5678 9012
                    return end;
                }
                if (NumberLabels.claim(scan, i, end)) {
                    return end;   // SSN: 123 45 6789, "phone":"98692 42106"
                }
                if (NationalIds.claim(scan, i, end)) {
                    return end;   // a national number grouped by blanks that passes its checks
                }
                if (!column && PhonePlans.claim(scan, i, end, g, count, false)) {
                    return end;   // 677 7541 beside an e-mail address: a phone in its country's own layout
                }
                return skip;
            default:
                if (card(s, g, 1) && !underIdKey(s, i) && !globalId(s, i)) {
                    scan.add(SecretKind.CREDIT_CARD, i, end);
                } else if (end - i == 6 && end + 5 <= n && s.charAt(end) == '/' && digits(s, end + 1, 4)
                        && NationalIds.claim(scan, i, end + 5)) {
                    return end + 5;   // a Czech or Slovak birth number, 661218/9529
                } else if (!NumberLabels.claim(scan, i, end)) {   // with SSN 078051120 on file
                    NationalIds.claim(scan, i, end);   // a national number alone as a value, by its checks
                }
                return end;
        }
    }

    /**
     * The end of a number that mixes its separators ({@code 123.456.789-09}) from {@code i}, where one goes on with
     * digits: digits, dots and dashes, at most 24 characters.
     */
    private static int mixedEnd(String s, int i) {
        int j = i;
        int n = s.length();
        while (j < n && j - i < 24 && (Chars.digit(s.charAt(j))
                || (s.charAt(j) == '.' || s.charAt(j) == '-') && j + 1 < n && Chars.digit(s.charAt(j + 1)))) {
            j++;
        }
        return j < n && Chars.joinedAt(s, j) ? -1 : j;
    }

    /** A different separator going on with more digits: the number is longer than what was read. */
    private static boolean continues(String s, int i) {
        char c = s.charAt(i);
        return (c == '.' || c == '-') && i + 1 < s.length() && Chars.digit(s.charAt(i + 1));
    }

    private static int len(int[] g, int k) {
        return g[2 * k + 1] - g[2 * k];
    }

    private static boolean lengths(int[] g, int... lengths) {
        for (int k = 0; k < lengths.length; k++) {
            if (len(g, k) != lengths[k]) {
                return false;
            }
        }
        return true;
    }

    private static int value(String s, int[] g, int k) {
        int v = 0;
        for (int i = g[2 * k]; i < g[2 * k + 1]; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    private static boolean ipv4(String s, int[] g) {
        for (int k = 0; k < 4; k++) {
            if (len(g, k) > 3 || value(s, g, k) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * An address that names no host: its last octet 0, a network's own address ({@code 10.9.0.0/24},
     * {@code 172.18.4.0/22}, a /8's base) rather than a machine's, and the shape of a version whose last part is 0
     * (Chrome's reduced version {@code Chrome 124.0.0.0}, {@code DB2/LINUXX8664 11.5.9.0}, {@code Oracle 19.3.0.0}).
     */
    private static boolean network(String s, int[] g) {
        return value(s, g, 3) == 0;
    }

    /**
     * {@code Chrome/120.0.0.0}: a product's version in a user agent, not an address; and four numbers a version's word
     * names, as servers and drivers print their build ({@code (version 24.3.2.23 (official build))}, {@code Version:
     * 10.0.19045.4412}, {@code ver 5.7.44.1}, {@code v1.22.3.4}): the word whole, right before the number, or a blank,
     * a colon or an equals sign between them. So is an object identifier of four arcs after its word ({@code
     * urn:oid:2.5.4.42}, SAML's attribute name for givenName; {@code OID 1.3.6.1}). {@code server 10.0.3.7} and
     * {@code conversion 10.2.3.4} stay addresses.
     */
    private static boolean productVersion(String s, int i) {
        if (i >= 2 && s.charAt(i - 1) == '/' && Chars.alnum(s.charAt(i - 2))) {
            return true;
        }
        if (i >= 1 && (s.charAt(i - 1) | 0x20) == 'v' && (i == 1 || !Chars.alnum(s.charAt(i - 2)))) {
            return true;   // v1.22.3.4
        }
        int k = i;
        while (k > 0 && i - k < 3 && (s.charAt(k - 1) == ' ' || s.charAt(k - 1) == ':' || s.charAt(k - 1) == '=')) {
            k--;
        }
        if (k == i) {
            return false;
        }
        int w = k;
        while (w > 0 && k - w < 8 && Chars.letter(s.charAt(w - 1))) {
            w--;
        }
        return (w == 0 || !Chars.alnum(s.charAt(w - 1))) && (Chars.is(s, w, k, "version") || Chars.is(s, w, k, "ver")
                || Chars.is(s, w, k, "oid"));
    }

    /**
     * Whether the number ending at {@code end} goes on with a version's suffix: {@code +} or {@code ~} and a letter or
     * digit, as Debian's and SemVer's grammars write a build, a repack or a pre-release ({@code 6.9.11.60+dfsg-1},
     * {@code 1.2.3.4~rc1}, {@code 1.0.99.1+git20200101}); an address is never so followed.
     */
    static boolean buildSuffix(String s, int end) {
        return end + 1 < s.length() && (s.charAt(end) == '+' || s.charAt(end) == '~') && Chars.alnum(s.charAt(end + 1));
    }

    /**
     * Whether the number {@code s[i, end)} is the version of a Debian changelog's heading, {@code package (version)
     * distribution; urgency=…} (deb-changelog(5)): in parentheses, its epoch before it where there is one, and
     * {@code urgency=} later on its line ({@code base-passwd (2.0.3.4) unstable; urgency=high}).
     */
    static boolean changelogHeading(String s, int i, int end) {
        int k = i;
        if (k >= 2 && s.charAt(k - 1) == ':' && Chars.digit(s.charAt(k - 2))) {
            k -= 2;
            while (k > 0 && Chars.digit(s.charAt(k - 1))) {
                k--;
            }
        }
        if (k == 0 || s.charAt(k - 1) != '(' || end >= s.length() || s.charAt(end) != ')') {
            return false;
        }
        for (int j = end + 1; j < s.length() && j < end + 200 && s.charAt(j) != '\n'; j++) {
            if (s.charAt(j) == ';' && s.startsWith("; urgency=", j)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the number at {@code i} is the bound of a version relation: after {@code >=}, {@code <=}, {@code >>},
     * {@code <<}, {@code ==} or {@code ~=} (Debian's, pip's and most package managers' dependency grammars), blanks and a
     * Debian epoch ({@code 1:}) between ({@code libxext-dev (>= 1:1.0.99.4)}, {@code zlib >= 1.2.2.3}); or after the
     * word {@code since} or {@code section}/{@code §} ({@code since 1.1.90.1}, {@code Section 8.6.8.2},
     * {@code #section-4.2.2.2}): a release or a standard's clause, not an address.
     */
    static boolean versionBound(String s, int i) {
        int k = i;
        if (k >= 2 && s.charAt(k - 1) == ':' && Chars.digit(s.charAt(k - 2))) {
            int epoch = k - 2;
            while (epoch > 0 && k - epoch < 4 && Chars.digit(s.charAt(epoch - 1))) {
                epoch--;
            }
            k = epoch;
        }
        while (k > 0 && i - k < 8 && (s.charAt(k - 1) == ' ' || s.charAt(k - 1) == '-')) {
            k--;
        }
        if (k >= 2) {
            char a = s.charAt(k - 2);
            char b = s.charAt(k - 1);
            if ((a == '>' || a == '<' || a == '=' || a == '~') && b == '=' || (a == '>' || a == '<') && a == b) {
                return true;
            }
        }
        if (k >= 1 && s.charAt(k - 1) == '§') {
            return true;
        }
        int w = wordBefore(s, k);
        return w < k && k < i && (w == 0 || !Chars.alnum(s.charAt(w - 1)))
                && (Chars.is(s, w, k, "since") || Chars.is(s, w, k, "section"));
    }

    /**
     * Whether the number at {@code i} is what a version bump names: {@code bump}, {@code bumps} or {@code bumped}, then
     * {@code to} or a colon, the word {@code version} between where it stands ({@code Bump to 1.2.99.1}, {@code Version
     * bump: 1.0.99.2}, {@code bumps version to 2.3.99.1}: X.Org's release commits), or a package's name and its
     * {@code version}, {@code dep} or {@code build-dep} ({@code Bumps libXt version to 1.0.99.1}, {@code Bump
     * libxt-dev build-dep to 1.0.99.1}). A release is bumped, an address is not; {@code jump to}, {@code bumped
     * traffic to} and {@code bump: failover moved to} leave it.
     */
    static boolean bumpedVersion(String s, int i) {
        int k = blanksBefore(s, i);
        if (k == i || k == 0) {
            return false;   // no blank before it, or only blanks (the text's start)
        }
        if (s.charAt(k - 1) == ':') {
            return bumpWord(s, k - 1);
        }
        int w = wordBefore(s, k);
        if (!Chars.is(s, w, k, "to")) {
            return false;
        }
        int v = blanksBefore(s, w);
        int x = wordBefore(s, v);
        if (v < w && (Chars.is(s, x, v, "version") || Chars.is(s, x, v, "dep"))) {
            if (x > 0 && bumpWord(s, x)) {
                return true;
            }
            if (x > 6 && s.startsWith("build-", x - 6)) {
                x -= 6;
            }
            int nameEnd = blanksBefore(s, x);
            int name = nameEnd;
            while (name > 0 && nameEnd - name < 40 && (Chars.alnum(s.charAt(name - 1))
                    || "-._+".indexOf(s.charAt(name - 1)) >= 0)) {
                name--;
            }
            return nameEnd < x && name < nameEnd && Chars.letter(s.charAt(name)) && name > 0 && bumpWord(s, name);
        }
        return v < w && bumpWord(s, w);
    }

    /** Whether the word right before {@code end}, blanks between, is {@code bump}, {@code bumps} or {@code bumped}. */
    private static boolean bumpWord(String s, int end) {
        int k = blanksBefore(s, end);
        int w = wordBefore(s, k);
        return w < k && (w == 0 || !Chars.alnum(s.charAt(w - 1)))
                && (Chars.is(s, w, k, "bump") || Chars.is(s, w, k, "bumps") || Chars.is(s, w, k, "bumped"));
    }

    /** The start of up to three blanks ending at {@code end}. */
    private static int blanksBefore(String s, int end) {
        int k = end;
        while (k > 0 && end - k < 3 && s.charAt(k - 1) == ' ') {
            k--;
        }
        return k;
    }

    /** The start of the run of (up to eight) letters ending at {@code end}; {@code end} itself where there is none. */
    private static int wordBefore(String s, int end) {
        int w = end;
        while (w > 0 && end - w < 8 && Chars.letter(s.charAt(w - 1))) {
            w--;
        }
        return w;
    }

    /**
     * Whether {@code s[k, k + 10)} is an ISO date, {@code 2015-05-09}, no digit or letter right before or after it.
     */
    private static boolean isoDate(String s, int k) {
        if (k < 0 || k + 10 > s.length() || k > 0 && Chars.alnum(s.charAt(k - 1))
                || k + 10 < s.length() && Chars.alnum(s.charAt(k + 10))) {
            return false;
        }
        return digits(s, k, 4) && s.charAt(k + 4) == '-' && digits(s, k + 5, 2) && s.charAt(k + 7) == '-'
                && digits(s, k + 8, 2);
    }

    /** The names of the months, as a release's date in words spells them ({@code 10 April 2011}). */
    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"};

    /**
     * Whether {@code s[k, close)} is a date in words, a day, a month's name and a year, either way round
     * ({@code 10 April 2011}, {@code April 10, 2011}), or an ISO date.
     */
    private static boolean dateInWords(String s, int k, int close) {
        if (close - k == 10 && isoDate(s, k)) {
            return true;
        }
        int month = -1;
        int numbers = 0;
        int w = k;
        while (w < close) {
            int e = w;
            while (e < close && Chars.alnum(s.charAt(e))) {
                e++;
            }
            if (e == w) {
                if (s.charAt(w) != ' ' && s.charAt(w) != ',') {
                    return false;
                }
                w++;
                continue;
            }
            if (Chars.digitsOnly(s, w, e) && e - w <= 4) {
                numbers++;
            } else if (Chars.isAny(s, w, e, MONTHS)) {
                month = w;
            } else {
                return false;
            }
            w = e;
        }
        return month >= 0 && numbers == 2;
    }

    /**
     * Whether the four numbers {@code s[i, end)} are the release a date stands beside on its line, as changelogs and
     * NEWS files head each release: after an ISO date that starts the line, blanks before it allowed (or after an HTML
     * tag's {@code >}), in parentheses
     * ending the line (or the tag), or with blanks between and an author's e-mail after, a GNU ChangeLog's heading with the
     * version in the name's place ({@code 2015-05-09 (3.8.10.1)}, {@code 2013-06-20  6.8.6.2 A. Author <a@…>}); or
     * starting its line, one package's name before it at most (none that ends in a digit or names a machine,
     * {@link #HOST_WORDS}), with the date after it ending the line ({@code 3.3.3.1 - 2012-06-25}, {@code man-db 2.6.0.1
     * (10 April 2011)}). An address is logged with a time ({@code 2024-06-01 10:02:11 10.0.0.5}), or beside more
     * words than these ({@code 2024-06-01 10.0.0.5 GET /login}).
     */
    static boolean releaseDated(String s, int i, int end) {
        int k = i;
        if (k > 0 && s.charAt(k - 1) == '(') {
            k--;
        }
        int blanks = k;
        while (k > 0 && blanks - k < 3 && s.charAt(k - 1) == ' ') {
            k--;
        }
        int after = end < s.length() && s.charAt(end) == ')' ? end + 1 : end;
        if (after == end + 1 && k == i) {
            return false;   // a closing parenthesis with no opening one
        }
        int lineEnd = Tables.lineEnd(s, after);
        if (k < blanks && isoDate(s, k - 10) && (k - 10 == 0 || s.charAt(k - 11) == '>'
                || Chars.skipBlanks(s, Tables.lineStart(s, k - 10)) == k - 10)) {
            int rest = Chars.skipBlanks(s, after);
            if (after == end + 1 && (rest >= lineEnd || s.startsWith("</", rest))) {
                return true;
            }
            int open = Chars.indexOf(s, '<', rest, lineEnd);
            return open > rest && after < rest && Chars.indexOf(s, '@', open, lineEnd) > open
                    && s.charAt(lineEnd - 1) == '>' && Chars.lettersOnly(s, rest, rest + 1);
        }
        if (i > 0 && s.charAt(i - 1) == '(') {
            return false;
        }
        int line = Chars.skipBlanks(s, Tables.lineStart(s, i));
        int name = line;
        while (name < i && (Chars.alnum(s.charAt(name)) || "-._+".indexOf(s.charAt(name)) >= 0)) {
            name++;
        }
        if (line < i && (name == line || !Chars.letter(s.charAt(line)) || name + 1 != i || s.charAt(name) != ' '
                || Chars.digit(s.charAt(name - 1)) || Chars.isAny(s, line, name, HOST_WORDS))) {
            // the release at the line's start, or after one package's name (man-db 2.6.0.1 (10 April 2011)); a host's
            // name ends in its number (web01) or is a word for one (client, server)
            return false;
        }
        int d = Chars.skipBlanks(s, after);
        if (d == after) {
            return false;
        }
        if (d + 1 < lineEnd && (s.charAt(d) == '-' || s.charAt(d) == '\u2013') && s.charAt(d + 1) == ' ') {
            int date = Chars.skipBlanks(s, d + 1);
            return isoDate(s, date) && Chars.skipBlanks(s, date + 10) >= lineEnd;
        }
        if (s.charAt(d) == '(' && after == end) {
            int close = Chars.indexOf(s, ')', d + 1, lineEnd);
            return close > d + 1 && dateInWords(s, d + 1, close) && Chars.skipBlanks(s, close + 1) >= lineEnd;
        }
        return false;
    }

    /**
     * Whether the number at {@code i} is a version of the Debian Policy (four parts since 3.0.0.0): the word
     * {@code standards} earlier on its line ({@code Standards-Version: 4.6.0.1}, {@code Bump Standards-Version to
     * 4.6.0.1}, {@code debian packaging standards 2.1.3.2}), or the word {@code Standard} or a capital {@code Policy}
     * right before it ({@code Debian Standard 2.1.2.2}, {@code compliance with Policy 4.6.0.1}). A network's policy or
     * standard says something else first ({@code policy route to 10.0.0.5}, {@code standard gateway 10.0.0.1}).
     */
    static boolean standardsVersion(String s, int i) {
        int k = blanksBefore(s, i);
        if (k == i) {
            return false;
        }
        int w = k;
        while (w > 0 && k - w < 8 && Chars.letter(s.charAt(w - 1))) {
            w--;
        }
        if (w < k && (w == 0 || !Chars.alnum(s.charAt(w - 1))) && (Chars.is(s, w, k, "standard")
                || s.startsWith("Policy", w) && k - w == 6)) {
            return true;
        }
        int from = Math.max(Tables.lineStart(s, i), i - 60);
        for (int j = i - 9; j >= from; j--) {
            if ((s.charAt(j) | 0x20) == 's' && s.regionMatches(true, j, "standards", 0, 9)
                    && (j == 0 || !Chars.alnum(s.charAt(j - 1))) && !Chars.alnum(s.charAt(j + 9))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the number at {@code i} is the release a change was carried back to or from: {@code to} or {@code from}
     * right before it and {@code backport} earlier on its line ({@code Backport MagickCore/policy to 6.9.13.59},
     * {@code Backported the fix from 2.4.0.2}). A change is backported to a release; traffic is never.
     */
    static boolean backported(String s, int i) {
        int k = blanksBefore(s, i);
        int w = wordBefore(s, k);
        if (k == i || !(Chars.is(s, w, k, "to") || Chars.is(s, w, k, "from"))) {
            return false;
        }
        int from = Math.max(Tables.lineStart(s, w), w - 80);
        for (int j = w - 9; j >= from; j--) {
            if ((s.charAt(j) | 0x20) == 'b' && s.regionMatches(true, j, "backport", 0, 8)
                    && (j == 0 || !Chars.alnum(s.charAt(j - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** The X.509 extensions whose values are object identifiers (OpenSSL's x509v3_config). */
    private static final String[] OID_EXTENSIONS = {"extendedKeyUsage", "certificatePolicies", "policyIdentifier"};

    /**
     * Whether the number at {@code i} is an object identifier by the grammar of an X.509 extension's value (OpenSSL's
     * x509v3_config(5)): a general name of type {@code RID:} or {@code otherName:} ({@code RID:1.2.3.4}), an item of
     * the value of an extension that lists identifiers ({@code extendedKeyUsage = critical, codeSigning, 1.2.3.4},
     * {@code certificatePolicies = 1.2.4.5, …}), the name of an arbitrary extension that starts its line
     * ({@code 1.2.3.4 = critical, ASN1:UTF8String:…}, {@code 1.2.3.4 = DER:01:02}), or after a comma that follows the
     * word {@code OID} on its line ({@code shortName = a long OID name, 1.2.3.4}). An address's general name is
     * {@code IP:} and stays one.
     */
    static boolean objectIdentifier(String s, int i, int end) {
        if (i >= 4 && s.startsWith("RID:", i - 4) || i >= 10 && s.startsWith("otherName:", i - 10)) {
            return true;
        }
        int k = blanksBefore(s, i);
        int line = Tables.lineStart(s, i);
        if (Chars.skipBlanks(s, line) == i && s.startsWith(" = ", end)) {
            int v = end + 3;
            return s.startsWith("critical,", v) || s.startsWith("ASN1:", v) || s.startsWith("DER:", v);
        }
        int key = Chars.skipBlanks(s, line);
        for (String name : OID_EXTENSIONS) {
            if (s.startsWith(name, key)) {
                int eq = Chars.skipBlanks(s, key + name.length());
                return eq < k && s.charAt(eq) == '=';
            }
        }
        if (k < i && k > 0 && s.charAt(k - 1) == ',') {
            for (int j = k - 4; j >= line && j > k - 60; j--) {
                if (s.startsWith("OID", j) && (j == 0 || !Chars.alnum(s.charAt(j - 1))) && !Chars.alnum(s.charAt(j + 3))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the number {@code s[i, end)} is a release a heading names: the line starts (blanks before allowed) with a
     * program's or a library's name written in mixed case, a capital after its first letter and a small letter in it
     * ({@code XFree86 4.3.0.1}, {@code libXi 1.5.99.2}, {@code libXinerama 1.0.99.1}: X.Org's changelogs), then one blank
     * and the number, which ends the line or is followed by a sentence's capital ({@code XFree86 4.3.99.16 Bring the
     * tree up to date}). A host's name is written in small letters ({@code web01 10.0.0.5}, {@code nameserver
     * 10.0.0.1}, {@code host db1 10.0.0.12}), and the first capital alone ({@code Server01 10.0.0.5}) says nothing.
     */
    static boolean releaseHeading(String s, int i, int end) {
        if (i < 3 || s.charAt(i - 1) != ' ') {
            return false;
        }
        int line = Chars.skipBlanks(s, Tables.lineStart(s, i));
        if (line >= i - 1 || !Chars.letter(s.charAt(line))) {
            return false;
        }
        boolean inner = false;
        boolean lower = false;
        for (int k = line; k < i - 1; k++) {
            char c = s.charAt(k);
            if (!Chars.alnum(c)) {
                return false;
            }
            inner |= k > line && Chars.upper(c);
            lower |= Chars.lower(c);
        }
        if (!inner || !lower) {
            return false;
        }
        int lineEnd = Tables.lineEnd(s, end);
        int next = Chars.skipBlanks(s, end);
        return next >= lineEnd || next == end + 1 && Chars.upper(s.charAt(next));
    }

    /**
     * Words that name a machine, never a package: after {@code requires} they still lead to an address, and before a
     * release's date ({@link #releaseDated}).
     */
    private static final String[] HOST_WORDS = {"host", "server", "address", "ip", "peer", "node", "gateway", "from",
            "to", "at", "on", "client", "remote"};

    /**
     * Whether the number at {@code i} is the version of a requirement: the word {@code require}, {@code requires} or
     * {@code required} (a colon after it, as pkg-config's and RPM's {@code Requires:} fields), one package's name
     * (a letter, then letters, digits, {@code - . _ +}) and the number, blanks between, on one line ({@code Require
     * inputproto 1.9.99.10}, {@code Requires libX11 1.2.99.1}: X.Org's changelogs, as the relation without its
     * {@code >=}); so is a release named after {@code since} ({@code since libxcb 1.1.90.1}). A word that names a
     * machine ({@code requires host 10.0.0.1}, {@code since peer 10.0.0.5}) or nothing between ({@code requires
     * 10.0.0.1}) leaves an address.
     */
    static boolean requiredVersion(String s, int i) {
        int k = blanksBefore(s, i);
        int nameEnd = k;
        while (k > 0 && nameEnd - k < 40 && (Chars.alnum(s.charAt(k - 1)) || "-._+".indexOf(s.charAt(k - 1)) >= 0)) {
            k--;
        }
        if (k == nameEnd || k == i || !Chars.letter(s.charAt(k)) || !Chars.letter(s.charAt(nameEnd - 1))
                && !Chars.digit(s.charAt(nameEnd - 1))) {
            return false;
        }
        for (String word : HOST_WORDS) {
            if (Chars.is(s, k, nameEnd, word)) {
                return false;
            }
        }
        int w = blanksBefore(s, k);
        if (w == k) {
            return false;
        }
        if (w > 0 && s.charAt(w - 1) == ':') {
            w--;
        }
        int end = w;
        w = wordBefore(s, end);
        return (w == 0 || !Chars.alnum(s.charAt(w - 1))) && (Chars.is(s, w, end, "require")
                || Chars.is(s, w, end, "requires") || Chars.is(s, w, end, "required") || Chars.is(s, w, end, "since"));
    }

    /** The extensions of a package's or an artifact's file, its name ending in its version ({@link #coordinateVersion}). */
    private static final String[] ARTIFACT_EXTENSIONS = {"pom", "jar", "war", "ear", "aar", "module", "nupkg",
            "snupkg", "tgz", "whl", "gem", "rpm", "deb", "crate", "egg"};

    /**
     * Four numbers at {@code s[i, end)} that are a version by the grammar of a package's coordinates, no address: the
     * last part of Maven's and Gradle's {@code group:artifact:version}, its group dotted and starting with a small
     * letter ({@code com.acme:orders-core:17.0.11.9}; Python's {@code INFO:werkzeug:10.0.3.7} has no such group);
     * Yarn's {@code name@npm:4.12.0.1} descriptor; and a package file's name, {@code artifact-VERSION.ext} with
     * the extension of {@link #ARTIFACT_EXTENSIONS} ({@code orders-core-17.0.11.9.pom},
     * {@code Acme.Core.4.2.0.1.nupkg}); a host's address in a log file's name ({@code access-10.0.3.7.log}) stays one.
     */
    static boolean coordinateVersion(String s, int i, int end) {
        if (i >= 5 && s.startsWith("@npm:", i - 5)) {
            return true;
        }
        if (i >= 2 && (s.charAt(i - 1) == '-' || s.charAt(i - 1) == '.' || s.charAt(i - 1) == '_')
                && (Chars.letter(s.charAt(i - 2)) || s.charAt(i - 1) == '-' && scalaSuffixed(s, i - 1))
                && end + 1 < s.length() && s.charAt(end) == '.') {
            int ext = end + 1;
            while (ext < s.length() && Chars.lower(s.charAt(ext))) {
                ext++;
            }
            return (ext == s.length() || !Chars.alnum(s.charAt(ext))) && Chars.isAny(s, end + 1, ext, ARTIFACT_EXTENSIONS);
        }
        if (i < 4 || s.charAt(i - 1) != ':') {
            return false;
        }
        int artifact = i - 1;
        while (artifact > 0 && (Chars.alnum(s.charAt(artifact - 1)) || s.charAt(artifact - 1) == '-'
                || s.charAt(artifact - 1) == '_' || s.charAt(artifact - 1) == '.')) {
            artifact--;
        }
        if (artifact == i - 1 || artifact < 2 || s.charAt(artifact - 1) != ':' || !Chars.letter(s.charAt(artifact))) {
            return false;
        }
        int group = artifact - 1;
        boolean dotted = false;
        while (group > 0 && (Chars.alnum(s.charAt(group - 1)) || s.charAt(group - 1) == '-'
                || s.charAt(group - 1) == '_' || s.charAt(group - 1) == '.')) {
            dotted |= s.charAt(group - 1) == '.';
            group--;
        }
        return dotted && Chars.lower(s.charAt(group)) && s.charAt(artifact - 2) != '.';
    }

    /**
     * Whether the artifact's name that ends at {@code s[dash]} ends in the Scala binary versions sbt appends to a
     * cross-built artifact ({@code orders_2.13}, {@code orders_3}, a plugin's {@code sbt-acme_2.12_1.0}, Scala.js'
     * {@code core_sjs1_2.13}): {@code _} and a version of one or two numbers, once or more, after a name that starts
     * with a letter (redact63: {@code orders_2.13-2.31.0.4.pom}, whose digit before the dash hid the artifact).
     */
    private static boolean scalaSuffixed(String s, int dash) {
        int k = dash;
        boolean suffix = false;
        while (true) {
            int d = k;
            int dots = 0;
            while (d > 0 && (Chars.digit(s.charAt(d - 1)) || s.charAt(d - 1) == '.' && d < k && ++dots <= 1)) {
                d--;
            }
            if (d == k || d < 2 || s.charAt(d - 1) != '_' || !Chars.digit(s.charAt(d)) || !Chars.digit(s.charAt(k - 1))) {
                break;
            }
            suffix = true;
            k = d - 1;
        }
        int w = k;
        while (suffix && w > 0 && Chars.alnum(s.charAt(w - 1)) && !Chars.letter(s.charAt(w - 1))) {
            w--;
        }
        return suffix && w > 0 && Chars.letter(s.charAt(w - 1));   // orders_2.13, core_sjs1_2.13: a name's letters
    }

    private static boolean ssn(String s, int[] g) {
        int area = value(s, g, 0);
        return area != 0 && area != 666 && area < 900 && value(s, g, 1) != 0 && value(s, g, 2) != 0;
    }

    /** Groups {@code from..count} are a NANP number: area and exchange 2-9xx, then four digits. */
    private static boolean usPhone(String s, int[] g, int from, int count) {
        return count - from == 3 && len(g, from) == 3 && len(g, from + 1) == 3 && len(g, from + 2) == 4
                && s.charAt(g[2 * from]) >= '2' && s.charAt(g[2 * from + 2]) >= '2';
    }

    /**
     * A national number as people write it, with its trunk prefix 0 and blanks, dashes or dots: {@code 020 7946 0958},
     * {@code 030 1234 5678}, {@code 01 23 45 67 89}, {@code 06-12345678}, {@code 0412 345 678}: a first group of 2 to
     * 5 digits starting 0 then 1-9, groups of at least 2 digits, 9 to 12 digits in all. A group of two zeros first
     * (a hex dump's {@code 00 12 34}) is not one.
     */
    private static boolean nationalPhone(String s, int[] g, int count) {
        if (count < 2 || len(g, 0) < 2 || len(g, 0) > 5 || s.charAt(g[0]) != '0' || s.charAt(g[0] + 1) == '0') {
            return false;
        }
        int digits = 0;
        for (int k = 0; k < count; k++) {
            if (len(g, k) < 2) {
                return false;
            }
            digits += len(g, k);
        }
        return digits >= 9 && digits <= 12;
    }

    /**
     * A French number as France writes one with dots, {@code 06.12.34.56.78}: five pairs, the trunk 0 and a digit 1 to
     * 9 first, ten digits (the national plan's length); not a placeholder's zeros. Five two-digit parts with a 0 first
     * are no version, address or date.
     */
    private static boolean frenchDots(String s, int[] g, int count) {
        return count == 5 && lengths(g, 2, 2, 2, 2, 2) && s.charAt(g[0]) == '0' && s.charAt(g[0] + 1) != '0'
                && !zeroed(s, g[0], g[9]);
    }

    /**
     * A Russian or Kazakh number as people there write it at home, with the trunk prefix 8 and the ten digits grouped
     * 3-3-2-2 or 3-3-4: {@code 8 701 936 72 88}, {@code 8-912-345-67-89}, {@code 8 701 936 7288}; the area or mobile
     * code starts 3, 4, 8 or 9 (Russia) or 7 (Kazakhstan). Eleven digits grouped 1-3-3-2-2 or 1-3-3-4 are rarely anything
     * else, and the second is no NANP number (whose country code is 1): read as one, its trunk 8 would stay.
     */
    private static boolean trunkEight(String s, int[] g, int count) {
        if (!(count == 5 && lengths(g, 1, 3, 3, 2, 2) || count == 4 && lengths(g, 1, 3, 3, 4))
                || s.charAt(g[0]) != '8') {
            return false;
        }
        char code = s.charAt(g[2]);
        return (code == '3' || code == '4' || code == '7' || code == '8' || code == '9')
                && !zeroed(s, g[0], g[2 * count - 1]);
    }

    /**
     * A Chinese mobile number as it is written, 3-4-4 with blanks: {@code 139 1234 5678}, the first group 13x to 19x
     * (the mobile ranges; landlines start 0). Eleven digits in that grouping are rarely anything else.
     */
    private static boolean chineseMobile(String s, int[] g, int count) {
        return count == 3 && lengths(g, 3, 4, 4) && s.charAt(g[0]) == '1' && s.charAt(g[0] + 1) >= '3'
                && !zeroed(s, g[0], g[5]);
    }

    /**
     * Whether the number at {@code i} is the value of a key whose last word is "id" ({@code "messageId": "5656…"},
     * {@code message_id=…}, {@code ack-id: …}, {@code orderID}): an id that the system issued, a Pub/Sub or a snowflake
     * id of 16 to 19 digits that passes Luhn one time in ten, no card's number; a card's or an account's id
     * ({@code card_id}, {@code pan_id}) is still read as a card.
     */
    static boolean underIdKey(String s, int i) {
        int k = i - 1;
        if (k >= 0 && (s.charAt(k) == '"' || s.charAt(k) == '\'')) {
            k--;
        }
        while (k >= 0 && s.charAt(k) == ' ') {
            k--;
        }
        if (k < 0 || s.charAt(k) != ':' && s.charAt(k) != '=') {
            return false;
        }
        k--;
        while (k >= 0 && s.charAt(k) == ' ') {
            k--;
        }
        if (k >= 0 && (s.charAt(k) == '"' || s.charAt(k) == '\'')) {
            k--;
        }
        if (k < 2 || !(s.charAt(k) == 'd' || s.charAt(k) == 'D') || !(s.charAt(k - 1) == 'i' || s.charAt(k - 1) == 'I')) {
            return false;
        }
        char before = s.charAt(k - 2);
        boolean word = before == '_' || before == '-' || before == '.'
                || Chars.lower(before) && s.charAt(k - 1) == 'I' || Chars.upper(before) && s.charAt(k - 1) == 'I'
                && s.charAt(k) == 'D';
        if (!word) {
            return false;
        }
        int start = k - 2;
        while (start > 0 && Chars.alnum(s.charAt(start - 1))) {
            start--;
        }
        String name = s.substring(start, k - 1).toLowerCase(java.util.Locale.ROOT);
        return !(name.endsWith("card") || name.endsWith("card_") || name.endsWith("card-") || name.endsWith("pan")
                || name.endsWith("pan_") || name.endsWith("pan-"));
    }

    /**
     * Whether the number at {@code i} is the id of a global id URI, {@code gid://app/Model/id} (Rails' GlobalID,
     * Shopify's and other GraphQL APIs' object ids: {@code gid://shopify/Order/5823741098123}): an object's id in the
     * last segment after its model's name, which passes Luhn one time in ten, no card's number. The app and the model
     * are names (letters, digits, {@code _ - . :}); a card's number after any other path ({@code /cards/4111…}) is still
     * a card's.
     */
    static boolean globalId(String s, int i) {
        int k = i - 1;
        if (k < 0 || s.charAt(k) != '/') {
            return false;
        }
        int model = k;
        while (model > 0 && model - k < 64 && (Chars.word(s.charAt(model - 1)) || s.charAt(model - 1) == ':'
                || s.charAt(model - 1) == '-' || s.charAt(model - 1) == '.')) {
            model--;
        }
        if (model == k || model == 0 || s.charAt(model - 1) != '/') {
            return false;
        }
        int app = model - 1;
        while (app > 0 && model - app < 64 && (Chars.word(s.charAt(app - 1)) || s.charAt(app - 1) == '-'
                || s.charAt(app - 1) == '.')) {
            app--;
        }
        return app < model - 1 && app >= 6 && s.regionMatches(true, app - 6, "gid://", 0, 6);
    }

    /** The first {@code count} groups are a card number: a card layout, an issuer's first digits, Luhn. */
    private static boolean card(String s, int[] g, int count) {
        int digits = 0;
        for (int k = 0; k < count; k++) {
            digits += len(g, k);
        }
        if (digits < 13 || digits > 19) {
            return false;
        }
        char first = s.charAt(g[0]);
        if (first < '2' || first > '6' || first == '2' && !twoSeries(s, g, digits)) {
            return false;
        }
        boolean layout = count == 1 || count == 3 && len(g, 0) == 4 && len(g, 1) == 6 && len(g, 2) >= 4;
        if (count >= 4) {
            layout = true;
            for (int k = 0; k < count - 1; k++) {
                layout &= len(g, k) == 4;
            }
        }
        return layout && Values.luhn(s, g[0], g[2 * count - 1]);
    }

    /**
     * Whether a number that starts with 2 is of a card range that does: Mastercard's 2-series (2221 to 2720) and Mir
     * (2200 to 2204), sixteen digits or more. A shorter one or another range is a timestamp's (yyyyMMddHHmmss, 14
     * digits, passes Luhn one time in ten) or an id's.
     */
    private static boolean twoSeries(String s, int[] g, int digits) {
        if (digits < 16 || len(g, 0) < 4) {
            return false;
        }
        int iin = Integer.parseInt(s, g[0], g[0] + 4, 10);
        return iin >= 2221 && iin <= 2720 || iin >= 2200 && iin <= 2204;
    }

    /** {@code +CC} and 8 to 15 digits in groups ({@code +44 20 7946 0958}, {@code +1 (415) 555-0132}). */
    private int international(Scan scan, int i) {
        String s = scan.text;
        int n = s.length();
        if (Chars.joinedBefore(s, i) || i > 0 && s.charAt(i - 1) == '+' || i + 1 >= n
                || s.charAt(i + 1) < '1' || s.charAt(i + 1) > '9') {
            return i + 1;
        }
        int j = i + 1;
        int digits = 0;
        int end = j;
        while (j < n && digits <= 15) {
            char c = s.charAt(j);
            if (Chars.digit(c)) {
                digits++;
                j++;
                end = j;
            } else if (c == '(' && j + 2 < n && Chars.digit(s.charAt(j + 1))) {
                int close = j + 1;
                while (close < n && Chars.digit(s.charAt(close)) && close - j <= 4) {
                    close++;
                }
                if (close >= n || s.charAt(close) != ')') {
                    break;
                }
                digits += close - j - 1;
                j = close + 1;
                end = j;
                if (j < n && s.charAt(j) == ' ') {
                    j++;
                }
            } else if ((c == ' ' || c == '-' || c == '.') && j + 1 < n
                    && (Chars.digit(s.charAt(j + 1)) || s.charAt(j + 1) == '(') && Chars.digit(s.charAt(j - 1))) {
                j++;
            } else {
                break;
            }
        }
        if ((digits < 8 && !(digits == 7 && fourDigitPlan(s, i, end))) || digits > 15 || Chars.joinedAt(s, end)
                || end < n && continues(s, end) || zeroed(s, i, end)) {
            return Math.max(i + 1, end);
        }
        scan.add(SecretKind.PHONE, i, end);
        return end;
    }

    /**
     * Whether {@code s[i, end)} is a number of the two closed plans of four digits, the shortest E.164 has: Niue's
     * ({@code +683}) and Tokelau's fixed lines ({@code +690}), the code written apart from the number by a blank or a
     * dash ({@code +683 7136}, {@code +690-2125}), the number's first digit not 0. Seven digits in all, which the
     * 8-digit floor of {@link #international} leaves; any other code before four digits (a diff's {@code +684 7136})
     * stays.
     */
    private static boolean fourDigitPlan(String s, int i, int end) {
        return end - i == 9 && (s.startsWith("+683", i) || s.startsWith("+690", i))
                && (s.charAt(i + 4) == ' ' || s.charAt(i + 4) == '-') && s.charAt(i + 5) != '0';
    }

    /**
     * Whether the blank-grouped number at {@code i} goes on a run of numbers from its left: a whole number, a blank,
     * then this one, as a record's numeric columns are written (an ALB access log's status codes, bytes received and
     * sent, {@code 0.000 200 200 412 1820}). A phone stands apart from such a run; only its first group is read as one
     * (a lone {@code 1} before, the NANP's trunk, {@code 1 415 555 0132}, is no column).
     */
    private static boolean numberColumns(String s, int i) {
        if (i < 2 || s.charAt(i - 1) != ' ' || !Chars.digit(s.charAt(i - 2))) {
            return false;
        }
        int k = i - 2;
        while (k > 0 && Chars.digit(s.charAt(k - 1))) {
            k--;
        }
        return (i - 2 > k || s.charAt(k) != '1') && (k == 0 || Chars.blank(s.charAt(k - 1)));
    }

    /** {@code (415) 555-0132}, and national numbers with their area code in brackets, {@code (020) 7946 0958}. */
    private int parenthesised(Scan scan, int i) {
        String s = scan.text;
        int national = nationalParenthesised(s, i);
        if (national > 0) {
            scan.add(SecretKind.PHONE, i, national);
            return national;
        }
        int j = i + 1;
        if (!digits(s, j, 3) || j + 3 >= s.length() || s.charAt(j + 3) != ')') {
            return i + 1;
        }
        int area = j;
        j += 4;
        if (j < s.length() && s.charAt(j) == ' ') {
            j++;
        }
        if (!digits(s, j, 3) || j + 3 >= s.length() || " -.".indexOf(s.charAt(j + 3)) < 0 || !digits(s, j + 4, 4)) {
            return i + 1;
        }
        int end = j + 8;
        if (Chars.joinedAt(s, end) || end < s.length() && continues(s, end)
                || s.charAt(area) < '2' || s.charAt(j) < '2') {
            return i + 1;
        }
        scan.add(SecretKind.PHONE, i, end);
        return end;
    }

    /** The end of {@code (0AA) NNNN NNNN} at {@code i}: trunk 0, 9 to 12 digits in all; -1 when it is not one. */
    private static int nationalParenthesised(String s, int i) {
        int j = i + 1;
        int n = s.length();
        if (j + 1 >= n || s.charAt(j) != '0' || !Chars.digit(s.charAt(j + 1)) || s.charAt(j + 1) == '0') {
            return -1;
        }
        int area = j;
        while (j < n && Chars.digit(s.charAt(j)) && j - area <= 5) {
            j++;
        }
        if (j - area < 2 || j - area > 5 || j >= n || s.charAt(j) != ')') {
            return -1;
        }
        int digits = j - area;
        j++;
        int groups = 0;
        int end = -1;
        while (groups < 4 && j + 1 < n && (s.charAt(j) == ' ' || s.charAt(j) == '-') && Chars.digit(s.charAt(j + 1))) {
            int from = ++j;
            while (j < n && Chars.digit(s.charAt(j)) && j - from < 8) {
                j++;
            }
            if (j - from < 2) {
                return -1;
            }
            digits += j - from;
            groups++;
            end = j;
        }
        if (groups == 0 || digits < 9 || digits > 12 || Chars.joinedAt(s, end) || end < n && continues(s, end)) {
            return -1;
        }
        return end;
    }

    private static boolean digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (!Chars.digit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Words that name a telephone number as a word of a label ({@code phone}, {@code phone_es}, {@code mobileNumber}). */
    private static final String[] PHONE_WORDS = {"phone", "phones", "mobile", "telephone", "tel", "cellphone",
            "msisdn", "whatsapp", "fax", "telefon", "telefono", "telefone", "telefoon",
            // a mobile's word in the languages a localised form's validation message names it in (teléfono parts
            // at its accent, and its tel is above)
            "cellulare", "celular", "cellular", "handy", "mobil", "mobiel", "portable",
            // the abbreviations forms and signatures write before a number: Danish and Norwegian tlf., the UK's mob.,
            // the gsm of Belgium and the Netherlands
            "tlf", "mob", "gsm",
            // Portugal's telemóvel as an ASCII key writes it (telemovel, telemovel_contacto)
            "telemovel",
            // Vietnamese: điện thoại as an ASCII key writes it (so_dien_thoai, dien_thoai, soDienThoai) and its
            // abbreviation SĐT (sdt), before a number in the national format, 0 and nine digits (redact61)
            "thoai", "sdt"};
    /** The most characters read back from a value to its label. */
    private static final int LABEL_REACH = 64;

    /**
     * A telephone number by its label, in whatever national format: the value of a key named for one ({@code phone:
     * "(11) 92749-4822"}, {@code 'phone_es': '623 77 17 57'}, {@code "mobile"=06 12 34 56 78}), 7 to 15 digits in
     * groups parted by blanks, dashes, dots or brackets, with perhaps a {@code +} before them, the whole value up to its
     * quote or the next field. The shapes above know a few countries' layouts; a label says it for every country's.
     * {@code phone_verified: 2024-05-14} (a date), {@code phones: 3} (a count) and a value whose last seven digits are
     * zeros (a placeholder, {@code +82 10-0000-0000}) stay. The end of the number, or -1 where it is none.
     */
    private static int labelledPhone(Scan scan, int i) {
        String s = scan.text;
        int n = s.length();
        int digits = 0;
        int j = i;
        while (j < n && j - i <= 24) {
            char c = s.charAt(j);
            if (Chars.digit(c)) {
                digits++;
            } else if (!(c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '+' && j == i
                    || c == '/' && Chars.digit(s.charAt(j - 1)) && j + 1 < n && Chars.digit(s.charAt(j + 1)))) {
                break;   // a slash only between digits: Germany's 0171/1124421, (089) 123/4567
            }
            j++;
        }
        int end = j;
        while (end > i && !Chars.digit(s.charAt(end - 1)) && s.charAt(end - 1) != ')') {
            end--;
        }
        // Key (phone)=(…): the brackets around the value are not the number's
        boolean bracketed = i > 0 && s.charAt(i - 1) == '(' && end > i && s.charAt(end - 1) == ')'
                && Chars.indexOf(s, '(', i, end) < 0;
        // (tel. 604 317 943): a closing bracket with no opening one in the number closes the prose around it
        boolean closes = !bracketed && end > i && s.charAt(end - 1) == ')' && Chars.indexOf(s, '(', i, end) < 0;
        if (bracketed || closes) {
            end--;
        }
        if (digits < 7 && !pairs(s, i, end) || digits > 15 || end < n && !fieldEnd(s.charAt(end)) && !bracketed && !closes
                || dated(s, i, end)
                || zeroed(s, i, end)) {
            return -1;   // most numbers: too short for a phone's, so the label is not read back
        }
        boolean grouped = s.charAt(i) == '+';
        for (int k = i + 1; k < end - 1 && !grouped; k++) {
            grouped = !Chars.digit(s.charAt(k));
        }
        if (!phoneLabelBefore(scan, i, grouped) && !namedInProse(s, i, end)) {
            return -1;   // no ':' or '=' right before the number, or a label that names no phone
        }
        scan.add(SecretKind.PHONE, i, end);
        return end;
    }

    /**
     * A number that an error message calls a number on a line about a phone, as an SMS or telephony API words it: {@code
     * The 'To' number 8123 4567 is not a valid phone number}, {@code mobile number 0412 345 678 is not reachable}: the
     * word {@code number} right before it, a phone word on the line, and the digits in groups (or after a {@code +}),
     * as people write a phone number and seldom an order's or a build's.
     */
    private static boolean namedInProse(String s, int i, int end) {
        boolean grouped = s.charAt(i) == '+';
        for (int k = i + 1; k < end - 1 && !grouped; k++) {
            grouped = !Chars.digit(s.charAt(k));
        }
        if (grouped && phoneWordBefore(s, i)) {
            return true;   // "creates a customer with phone 90 173 67 98", "call mobile 0412 345 678"
        }
        if (i < 7 || s.charAt(i - 1) != ' ' || !s.regionMatches(true, i - 7, "number", 0, 6)
                || i > 7 && Chars.alnum(s.charAt(i - 8))) {
            return false;
        }
        if (!grouped) {
            return false;
        }
        int from = i;
        while (from > 0 && i - from < 160 && s.charAt(from - 1) != '\n') {
            from--;
        }
        int to = end;
        while (to < s.length() && to - end < 160 && s.charAt(to) != '\n') {
            to++;
        }
        for (int k = from; k + 5 <= to; k++) {
            char c = (char) (s.charAt(k) | 0x20);
            if ((c == 'p' && s.regionMatches(true, k, "phone", 0, 5) || c == 'm' && k + 6 <= to
                    && s.regionMatches(true, k, "mobile", 0, 6)) && (k == from || !Chars.letter(s.charAt(k - 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * What may follow a value: its closing quote, the next field, the line's end, the {@code >} that closes a
     * Hamcrest or Java map entry ({@code <phone=680 189 012>}), the {@code &} before a form body's next field.
     */
    private static boolean fieldEnd(char c) {
        return c == '"' || c == '\'' || c == ',' || c == ';' || c == '}' || c == ']' || c == '\n' || c == '\r'
                || c == '\t' || c == ' ' || c == '|' || c == '\\' || c == '<' || c == '>' || c == '&';
    }

    /**
     * Whether the whole of {@code s[start, end)} is a telephone number as a label's value may hold one: 7 to 15 digits,
     * perhaps a {@code +} first, in groups parted by blanks, dashes, dots or brackets; no date, no placeholder of zeros.
     */
    static boolean phoneValue(String s, int start, int end) {
        int digits = 0;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (Chars.digit(c)) {
                digits++;
            } else if (!(c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '+' && k == start)) {
                return false;
            }
        }
        return digits >= 7 && digits <= 15 && Chars.digit(s.charAt(end - 1)) && !dated(s, start, end)
                && !zeroed(s, start, end);
    }

    /** The digits of Twilio's test numbers but the last: {@code +1 500 555 0000} to {@code 0009}. */
    private static final String TEST_NUMBER = "1500555000";

    /**
     * Whether {@code s[start, end)} is one of the numbers a telephony API documents for its test credentials, no one's:
     * Twilio's "magic" numbers {@code +15005550000} to {@code +15005550009} ({@code From: +15005550006} sends,
     * {@code To: +15005550001} is invalid), in any grouping. They are kept wherever a rule takes them for a phone, so a
     * failed test's message still says which case the test exercised.
     */
    static boolean testNumber(String s, int start, int end) {
        int n = 0;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (Chars.digit(c)) {
                if (n < TEST_NUMBER.length() ? c != TEST_NUMBER.charAt(n) : n > TEST_NUMBER.length()) {
                    return false;
                }
                n++;
            }
        }
        return n == TEST_NUMBER.length() + 1;
    }

    /** {@code 2024-05-14}, {@code 14.05.2024}: a date. */
    private static boolean dated(String s, int start, int end) {
        return end - start == 10 && (s.charAt(start + 4) == '-' && s.charAt(start + 7) == '-'
                || s.charAt(start + 2) == '.' && s.charAt(start + 5) == '.'
                || s.charAt(start + 2) == '/' && s.charAt(start + 5) == '/'
                || s.charAt(start + 4) == '/' && s.charAt(start + 7) == '/');
    }

    /**
     * Whether {@code s[start, end)} is six digits in three pairs parted by dots or blanks, as the French territories of
     * the Pacific and the Atlantic write their six-digit numbers (New Caledonia's {@code 78.66.79}, Wallis and Futuna's,
     * Saint Pierre and Miquelon's {@code 41 23 45}): read only after a phone's label, and not where the pairs are a
     * date ({@code 12.05.24}).
     */
    private static boolean pairs(String s, int start, int end) {
        if (end - start != 8) {
            return false;
        }
        char sep = s.charAt(start + 2);
        if (sep != '.' && sep != ' ' || s.charAt(start + 5) != sep) {
            return false;
        }
        for (int k : new int[] {0, 1, 3, 4, 6, 7}) {
            if (!Chars.digit(s.charAt(start + k))) {
                return false;
            }
        }
        int day = (s.charAt(start) - '0') * 10 + s.charAt(start + 1) - '0';
        int month = (s.charAt(start + 3) - '0') * 10 + s.charAt(start + 4) - '0';
        return !(day >= 1 && day <= 31 && month >= 1 && month <= 12);
    }

    /**
     * Whether the number's last six digits are all zeros: a placeholder, no one's number. Six, not seven: a test's
     * table writes a city's number as its codes and a run of zeros ({@code want "+662000000"}, Thailand's 66, Bangkok's
     * 2 and six zeros), and no plan gives a person's line six zeros at its end.
     */
    static boolean zeroed(String s, int start, int end) {
        int zeros = 0;
        for (int k = end - 1; k >= start && zeros < 6; k--) {
            char c = s.charAt(k);
            if (c == '0') {
                zeros++;
            } else if (Chars.digit(c)) {
                return false;
            }
        }
        return zeros == 6;
    }

    /**
     * Whether the word one blank before {@code i} names a phone ({@link #phoneWords}: phone, mobile, tel, msisdn…), as a
     * test's name or a step's prose puts one before a number in any country's grouping: {@code with phone 90 173 67 98}.
     * The number must be grouped (its caller's test), so "phone 2" and "mobile 12345678" stay.
     */
    private static boolean phoneWordBefore(String s, int i) {
        if (i < 4 || s.charAt(i - 1) != ' ') {
            return false;
        }
        int e = s.charAt(i - 2) == '.' ? i - 2 : i - 1;   // an abbreviation's dot: tel. 604 317 943, tlf. 23 25 27 89
        int b = e;
        while (b > 0 && e - b < 12 && (Chars.letter(s.charAt(b - 1))
                || s.charAt(b - 1) > 127 && Character.isLetter(s.charAt(b - 1)))) {
            b--;   // a word with an accent too: telemóvel 913 933 283
        }
        if (e < i - 1 && e - b > 4) {
            return false;   // a dot after a longer word ends a sentence: "… mobile. 12 34 56"
        }
        return b < e && (b == 0 || !Chars.alnum(s.charAt(b - 1))) && phoneWords(s, b, e);
    }

    /**
     * Whether a label that names a phone stands right before the value at {@code v}: {@code phone: }, {@code "phone_es":
     * '}, {@code mobile=}, {@code tel = "}, the label's words read as a key's ({@code phone_es}, {@code mobileNumber});
     * and, for a {@code grouped} value, a business's line ({@link #lineLabel}).
     */
    private static boolean phoneLabelBefore(Scan scan, int v, boolean grouped) {
        String s = scan.text;
        int k = v - 1;
        boolean parenthesised = k >= 2 && s.charAt(k) == '(' && s.charAt(k - 1) == '=' && s.charAt(k - 2) == ')';
        if (parenthesised) {
            k--;   // PostgreSQL's DETAIL: Key (phone)=(…) already exists.
        }
        if (k >= 0 && (s.charAt(k) == '"' || s.charAt(k) == '\'')) {
            k--;
            if (k >= 0 && s.charAt(k) == '\\') {
                k--;   // JSON inside a JSON string: \"phone\":\"…
            }
        }
        while (k >= 0 && Chars.blank(s.charAt(k))) {
            k--;
        }
        if (k >= 1 && s.charAt(k) == '[') {
            k--;   // a list of one number under the label, as Clerk's phoneNumber: ['…'] takes it
            while (k >= 0 && Chars.blank(s.charAt(k))) {
                k--;
            }
        }
        if (k >= 1 && s.charAt(k) == '>' && s.charAt(k - 1) == '=') {
            k--;   // a hash rocket: PHP's and Ruby's "phone" => "…"
        } else if (k >= 2 && s.charAt(k) == '>' && (s.charAt(k - 1) == '"' || s.charAt(k - 1) == '\'')) {
            return attributeNamesPhone(s, k - 1);   // <string name="phone">…</string>
        }
        if (k < 1 || s.charAt(k) != ':' && s.charAt(k) != '=') {
            return false;
        }
        k--;
        while (k >= 0 && Chars.blank(s.charAt(k))) {
            k--;
        }
        if (k >= 0 && (s.charAt(k) == '"' || s.charAt(k) == '\'')) {
            k--;
            if (k >= 0 && s.charAt(k) == '\\') {
                k--;
            }
        } else if (parenthesised && k >= 0 && s.charAt(k) == ')') {
            k--;
        }
        int end = k + 1;
        k = labelStart(s, k, end);
        if (phoneWords(s, k + 1, end) || grouped && lineLabel(s, k + 1, end)
                || Chars.is(s, k + 1, end, "value") && SiblingNames.phone(s, k + 1)
                || (Chars.is(s, k + 1, end, "to") || Chars.is(s, k + 1, end, "from")) && messaging(s, k + 1)) {
            return true;
        }
        int last = end > k + 1 && s.charAt(end - 1) == '.' ? end - 1 : end;
        if (k >= 1 && s.charAt(k) == ' ' && Chars.isAny(s, k + 1, last, NUMBER_WORDS)) {
            // a number's word after the phone's, as a form's label writes it: Mobile No:, Phone Nr.:, Tel. number:
            int to = s.charAt(k - 1) == '.' ? k - 1 : k;
            return phoneWords(s, labelStart(s, to - 1, to) + 1, to);
        }
        return false;
    }

    /**
     * Whether the label {@code [start, end)} ends in the word "line" after a word of its own ({@code SUPPORT_LINE},
     * {@code customerServiceLine}, {@code help-line}): the telephone line a business gives for support, as an {@code .env}
     * file or a config names it. Its caller asks for a grouped value (or one after a {@code +}), as people write a phone
     * and no line number is: "line" alone, a line number ({@code end_line: 1234567}) and prose ("on line: …") stay.
     */
    private static boolean lineLabel(String s, int start, int end) {
        int w = end - 4;
        if (w <= start || !s.regionMatches(true, w, "line", 0, 4)) {
            return false;
        }
        char b = s.charAt(w - 1);
        if (b == '_' || b == '-' || b == '.') {
            return w - 2 >= start && Chars.letter(s.charAt(w - 2));
        }
        return Chars.lower(b) && s.charAt(w) == 'L';   // a camel hump: supportLine
    }

    /**
     * Where the label that ends at {@code end} (its last character at {@code k}) starts, less one: letters (those with
     * an accent too, Teléfono, Téléphone), digits, {@code _}, {@code -} and {@code .} read back.
     */
    private static int labelStart(String s, int k, int end) {
        while (k >= 0 && end - k <= LABEL_REACH && (Chars.alnum(s.charAt(k)) || s.charAt(k) == '_' || s.charAt(k) == '-'
                || s.charAt(k) == '.' || s.charAt(k) > 127 && Character.isLetter(s.charAt(k)))) {
            k--;
        }
        return k;
    }

    /**
     * Words that say a line is about a text message or a call sent through a telephony API: the vendors' names, and
     * the {@code sid} of Twilio's account, message and service ids ({@code account_sid}, {@code MessagingServiceSid}).
     */
    private static final String[] MESSAGING_WORDS = {"sms", "mms", "twilio", "vonage", "nexmo", "plivo", "sinch",
            "messagebird", "telnyx", "whatsapp", "sid"};

    /**
     * Whether the line that holds the label at {@code label} is about a text message or a call ({@link
     * #MESSAGING_WORDS}, read as words of names: {@code account_sid}, {@code AccountSid}, {@code SmsService}), so that
     * its {@code to} and {@code from} are the two ends' phone numbers ({@code {"to":"…","from":"…","account_sid":…}},
     * {@code messages.create({ to: '…' })} below a Twilio client). {@code "to": "…"} on any other line stays.
     */
    static boolean messaging(String s, int label) {
        int from = label;
        while (from > 0 && label - from < 400 && s.charAt(from - 1) != '\n') {
            from--;
        }
        int to = label;
        while (to < s.length() && to - label < 400 && s.charAt(to) != '\n') {
            to++;
        }
        int w = -1;
        for (int k = from; k <= to; k++) {
            boolean letter = k < to && Chars.letter(s.charAt(k));
            boolean hump = letter && w >= 0 && Chars.upper(s.charAt(k)) && Chars.lower(s.charAt(k - 1));
            if (w >= 0 && (!letter || hump)) {
                if (Chars.isAny(s, w, k, MESSAGING_WORDS)) {
                    return true;
                }
                w = -1;
            }
            if (letter && w < 0) {
                w = k;
            }
        }
        return false;
    }

    /** A number's word, after a phone's word in a label or run into it: Mobile No, telefoonnummer, phoneNumber. */
    private static final String[] NUMBER_WORDS = {"no", "nr", "num", "number", "nummer", "numero", "n\u00famero"};

    /**
     * Whether the start tag whose attribute value closes with the quote at {@code q} names a phone by its {@code name}
     * or {@code key} attribute, as Android's shared_prefs, Java's XML properties and .NET's settings carry a setting's
     * name: {@code <string name="phone">}, {@code <entry key="user.mobile">}.
     */
    private static boolean attributeNamesPhone(String s, int q) {
        char quote = s.charAt(q);
        int open = q - 1;
        while (open >= 0 && q - open <= LABEL_REACH && s.charAt(open) != quote && s.charAt(open) != '\n') {
            open--;
        }
        if (open < 5 || s.charAt(open) != quote || s.charAt(open - 1) != '=') {
            return false;
        }
        boolean named = s.regionMatches(true, open - 5, "name", 0, 4) || s.regionMatches(true, open - 4, "key", 0, 3);
        return named && phoneWords(s, open + 1, q);
    }

    /**
     * Whether the word {@code [w, k)} is "contact" and ends the name, or only a number's word follows it ({@code
     * contact}, {@code contact_number}, {@code contactNo}): the field Razorpay, Paytm and many an Indian or Nepali API
     * send a customer's mobile under. {@code contact_id} and {@code contact_email} stay.
     */
    private static boolean contact(String s, int w, int k, int end) {
        if (!Chars.is(s, w, k, "contact")) {
            return false;
        }
        if (k == end) {
            return true;
        }
        int next = Chars.alnum(s.charAt(k)) ? k : k + 1;
        return Chars.isAny(s, next, end, CONTACT_NUMBER_WORDS);
    }

    private static final String[] CONTACT_NUMBER_WORDS = {"number", "no", "num", "nr"};

    /**
     * Whether a word of the name {@code [start, end)} (parted at {@code _ - .} and camel humps) names a phone; a sign
     * before the name is no part of it (VarDumper's {@code -phone:} and {@code +phone:}, a Ruby symbol's {@code :phone}).
     */
    static boolean phoneWords(String s, int start, int end) {
        while (start < end && !Chars.alnum(s.charAt(start))) {
            if (s.charAt(start) > 127 && Character.isLetter(s.charAt(start))) {
                return accented(s, start, end);   // a label in another script: Телефон
            }
            start++;
        }
        int w = start;
        for (int k = start + 1; k <= end; k++) {
            if (k == end || !Chars.alnum(s.charAt(k)) || Chars.upper(s.charAt(k)) && Chars.lower(s.charAt(k - 1))) {
                if (Chars.isAny(s, w, k, PHONE_WORDS) || contact(s, w, k, end) || compound(s, w, k)) {
                    return true;
                }
                if (k < end && s.charAt(k) > 127 && Character.isLetter(s.charAt(k)) && accented(s, w, end)) {
                    return true;   // a word the accent parts: telemóvel, móvil
                }
                w = k < end && !Chars.alnum(s.charAt(k)) ? k + 1 : k;
            }
        }
        return false;
    }

    /** A phone's word with a number's run into it in lower case: telefoonnummer, telefonnummer, phonenumber, telno. */
    private static boolean compound(String s, int w, int k) {
        for (String n : NUMBER_WORDS) {
            int at = k - n.length();
            if (at > w + 2 && s.regionMatches(true, at, n, 0, n.length()) && Chars.isAny(s, w, at, PHONE_WORDS)) {
                return true;
            }
        }
        return false;
    }

    /** A phone's word with letters outside ASCII, as a label in Portuguese, Spanish or Russian writes it. */
    private static final String[] ACCENTED_WORDS = {"telem\u00f3vel", "m\u00f3vil", "\u0442\u0435\u043b\u0435\u0444\u043e\u043d",
            "\u043c\u043e\u0431\u0438\u043b\u044c\u043d\u044b\u0439", "\u0442\u0435\u043b"};

    /** Whether one of {@link #ACCENTED_WORDS} starts the word at {@code w}, within {@code [w, end)}, case aside. */
    private static boolean accented(String s, int w, int end) {
        for (String a : ACCENTED_WORDS) {
            if (w + a.length() <= end && s.regionMatches(true, w, a, 0, a.length())
                    && (w + a.length() == end || !Character.isLetter(s.charAt(w + a.length())) || a.length() > 3)) {
                return true;
            }
        }
        return false;
    }
}
