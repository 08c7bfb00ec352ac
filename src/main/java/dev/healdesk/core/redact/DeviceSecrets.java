package dev.healdesk.core.redact;

/**
 * A secret in a network device's configuration, as Cisco IOS, IOS-XE, NX-OS, ASA and the many boxes that copy their
 * syntax print it in {@code show running-config}, an Ansible or Netmiko command list, or a config diff: the word
 * {@code secret}, {@code password}, {@code key} or {@code key-string}, then the encryption type (one digit: 0 for
 * clear text, 4/5/8/9 for hashes, 6 for AES, 7 for the reversible cipher), then the value
 * ({@code enable secret 9 $9$…}, {@code username backup password 0 …}, {@code tacacs … key 7 0822455D0A16}). An SNMP
 * community without a type goes where it has a password's shape, small and capital letters and a digit, and no
 * provider's prefix ({@code snmp-server community Winter6564.jm RO}); a bare {@code key …} or {@code secret …} is left
 * to {@link NamedValues}, which names a provider's key better. {@code snmp-server community public RO},
 * {@code primary key id},
 * {@code key 1 of 3}, {@code password 0 attempts}, {@code key 5 2024-05-14T10:22:31Z} and {@code secret 5} at the
 * line's end stay. Triggered by the word.
 */
final class DeviceSecrets extends Detector {

    private static final boolean[] SECOND = Chars.set("eaoEAO");
    /** Values of a typed secret shorter than this are words or counts ({@code key 1 of 3}). */
    private static final int MIN_TYPED = 6;
    private static final int MAX = 128;
    /** The encryption types IOS knows: 0 clear, 4/5/8/9 hashes, 6 AES, 7 Vigenère. */
    private static final String TYPES = "0456789";

    @Override
    public boolean[] seconds(char c) {
        return SECOND;
    }

    @Override
    public long wordLengths(char c) {
        return 1L << 3 | 1L << 6 | 1L << 8 | 1L << 9;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int end = scan.wordEnd(i);
        if (!(Chars.is(s, i, end, "key") || Chars.is(s, i, end, "secret") || Chars.is(s, i, end, "password")
                || Chars.is(s, i, end, "community"))
                || i > 0 && !Chars.blank(s.charAt(i - 1)) && s.charAt(i - 1) != '"' && s.charAt(i - 1) != '\n') {
            return end;
        }
        int k = end;
        if (s.startsWith("-string", k)) {
            k += 7;
        }
        if (k + 2 >= s.length() || s.charAt(k) != ' ') {
            return end;
        }
        k++;
        boolean typed = TYPES.indexOf(s.charAt(k)) >= 0 && s.charAt(k + 1) == ' ';
        int v = typed ? k + 2 : k;
        int stop = v;
        while (stop < s.length() && stop - v <= MAX && !Chars.space(s.charAt(stop)) && s.charAt(stop) != '"') {
            stop++;
        }
        while (stop > v && ",;)]".indexOf(s.charAt(stop - 1)) >= 0) {
            stop--;   // the list's or sentence's comma after the value
        }
        if (stop == v || stop - v > MAX || Values.placeholder(s, v, stop)) {
            return end;
        }
        boolean secret = typed ? stop - v >= MIN_TYPED && hasLetter(s, v, stop) && !Chars.lettersOnly(s, v, stop)
                && !date(s, v, stop) : (end - i == 9 || end - i == 3 && configCommand(s, i))
                && !providerPrefix(s, v, stop) && Values.passwordLike(s, v, stop) && Values.mixedCase(s, v, stop);
        if (!secret) {
            return end;
        }
        scan.add(SecretKind.PASSWORD, v, stop);
        return stop;
    }

    /**
     * Whether the {@code key} at {@code i} ends a device's configuration command: one or two words before it on its line
     * or in its quoted element of a command list, the first at the start ({@code radius-server key …},
     * {@code crypto isakmp key … address …}, {@code tacacs-server key …}, {@code "ntp trusted-key …"} is no secret's
     * shape), none of them a word that makes a key no secret ({@code primary key}, {@code sort key}, {@code public key}).
     */
    private static boolean configCommand(String s, int i) {
        int k = i - 1;
        boolean dash = false;
        for (int words = 0; words < 2; words++) {
            if (k < 0 || s.charAt(k) != ' ') {
                return false;
            }
            int wordEnd = k;
            while (k > 0 && (Chars.lower(s.charAt(k - 1)) || s.charAt(k - 1) == '-')) {
                dash |= s.charAt(k - 1) == '-';
                k--;
            }
            if (k == wordEnd || Chars.isAny(s, k, wordEnd, NOT_DEVICE_WORDS)
                    || Chars.isAny(s, k, wordEnd, KeyNames.KEY_QUALIFIERS)) {
                return false;   // "api key …" and "secret key …" are NamedValues', which names a provider's key
            }
            if (k == 0 || s.charAt(k - 1) == '\n' || s.charAt(k - 1) == '"' || s.charAt(k - 1) == ' '
                    && (k == 1 || s.charAt(k - 2) == '\n')) {
                return dash || words == 1;   // radius-server key, crypto isakmp key: a command and its subcommand
            }
            k--;
        }
        return false;
    }

    /** Words before {@code key} that say it is no secret: a table's, a sort's, a map's, a public one. */
    private static final String[] NOT_DEVICE_WORDS = {"primary", "foreign", "sort", "partition", "unique", "public",
            "composite", "hash", "range", "cache", "the", "a", "an", "this", "that", "no", "same", "by", "of", "for"};

    /**
     * {@code pypi-…}, {@code ghp_…}, {@code glpat-…}: a provider's token, which {@link Tokens} names better. Small
     * letters, then a dash or an underscore.
     */
    private static boolean providerPrefix(String s, int start, int end) {
        int i = start;
        while (i < end && i - start <= 12 && Chars.lower(s.charAt(i))) {
            i++;
        }
        return i - start >= 2 && i < end && (s.charAt(i) == '-' || s.charAt(i) == '_');
    }

    private static boolean hasLetter(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Chars.letter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code 2024-05-14T10:22:31Z}: a time stamp after {@code key 5}, no secret. */
    private static boolean date(String s, int start, int end) {
        return end - start >= 10 && Chars.digit(s.charAt(start)) && Chars.digit(s.charAt(start + 3))
                && s.charAt(start + 4) == '-';
    }
}
