package dev.healdesk.core.redact;

import java.util.Arrays;

/**
 * Says what a key name promises about its value ({@code DB_PASSWORD}, {@code apiKey}, {@code X-Auth-Token},
 * {@code JSESSIONID}), word by word: a name splits at {@code _ - .} and at camel-case humps, so {@code author}
 * is not {@code auth} and {@code token_count} is not a token. The words follow the key names of the public
 * secret-scanning rule sets (gitleaks' generic-api-key keywords, detect-secrets' keyword plugin).
 */
final class KeyNames {

    /** The kinds of key this class tells apart. */
    enum Key {
        NONE, COOKIE, AUTHORIZATION, SESSION, AWS_SECRET, PASSWORD, SECRET, SSN,
        /**
         * A person's number by its label, other than a US social security number: {@code national_id}, {@code Passport},
         * {@code Driver licence}, {@code tax_id}, {@code cpf}, {@code bsn}: a secret when the value is a number's shape
         * ({@link Judge#personalNumber}), so that {@code passport_country: DE} stays.
         */
        PERSONAL_ID,
        /**
         * A "key" after a word that does not say which (a vendor's {@code ALGOLIA_ADMIN_KEY}, {@code tls.key},
         * {@code FERNET_KEY}): a secret only when the value looks generated ({@link Values#generated}), so that
         * {@code sort_key: created_at} stays.
         */
        KEY
    }

    static final int MAX_SEGMENTS = 8;
    static final int MAX_LENGTH = 64;

    private static final String[] PASSWORD_WORDS = {"password", "passwd", "passphrase", "passcode", "pwd", "pass",
            "passwords", "requirepass", "masterauth",
            "pw", "otp", "pin", "psk",   // psk: a Wi-Fi or IPsec pre-shared key, a passphrase
            // a time- or counter-based one-time code by its bare name, as a form or an API body sends it ({"totp": …})
            "totp", "hotp",
            // a card's verification code (CVV2, CVC2, CVN), three or four digits that pay with the card's number
            "cvv", "cvc", "cvn", "cvv2", "cvc2",
            // the word misspelt, as a connection string that fails on "Keyword not supported: 'pasword'" carries it,
            // and in the languages a localised tool or a hand-written config names it in
            "pasword", "paswd", "pswd", "passwrd", "passwort", "passord", "wachtwoord", "senha", "contrasena",
            "salasana", "haslo", "losenord"};
    /** Words that end in "pass" and are no password: a name like {@code LDAP_ROOTPASS} or {@code adminpass} is one. */
    private static final String[] NOT_PASSWORDS = {"bypass", "compass", "surpass", "overpass", "underpass", "trespass",
            "multipass", "onepass", "firstpass", "secondpass", "renderpass", "subpass"};
    private static final String[] SECRET_WORDS = {"secret", "secrets", "token", "apikey", "apitoken", "secretkey",
            "accesskey", "privatekey", "clientsecret", "authtoken", "accesstoken", "refreshtoken", "credential",
            "credentials", "creds", "auth", "signature", "sig", "csrftoken", "xsrftoken", "sessionsecret", "jwtsecret",
            // a request's signature by its short name, as Argentina's AFIP (WSAA's token and sign pair) and the open APIs
            // of Alibaba, Tencent and WeChat Pay send it (sign=…); its value must still look random, so sign=-1 stays
            "sign",
            "webhooksecret", "pat", "bearer", "dockerconfigjson", "dockercfg", "privkey", "passkey", "hmac", "accessor",
            "samlresponse",
            // a cross-site request forgery token by its cookie's or field's name: _csrf, XSRF-TOKEN's xsrf, ASP.NET
            // Core's .AspNetCore.Antiforgery.<id>, Rails' authenticity_token is "token" already
            "csrf", "xsrf", "antiforgery",
            // a refresh token by the short name an API returns it under beside its access token ({"token": …,
            // "refresh": …}, Django REST framework SimpleJWT's {"access": …, "refresh": …}); its value must still look
            // random ({@link Values#secretLike}), so "refresh": "5m" and "refresh": true stay
            "refresh",
            // a proof of possession a client keeps until it redeems a code: PKCE's code_verifier (RFC 7636), OAuth
            // 1.0a's oauth_verifier (RFC 5849); its value must still look random, so "verifier": "strict" stays
            "verifier",
            // an invitation's code or token in a link or a field (?invite=…, "invitation": …): whoever holds it joins as
            // the one invited; its value must still look random, so invite=true and "invite": "ann@…" stay
            "invite", "invitation",
            // a share link's token (Vercel's preview ?_vercel_share=…, a document's or a board's ?share=…): whoever
            // holds the link sees what it shares; its value must still look random, so share=true and
            // "share": "facebook" stay
            "share",
            // a URL's userinfo (RFC 3986), user:password, as Confluent's basic.auth.user.info carries it
            "userinfo",
            // a header or field that carries the credential by that name (AppsFlyer's server-to-server API sends its dev
            // key as "authentication"); its value must still look random, so authentication: required stays
            "authentication"};
    /** Words that make a following "key" a secret one: api_key, accessKey, x-api-key, AccountKey... */
    static final String[] KEY_QUALIFIERS = {"api", "access", "secret", "private", "client", "signing",
            "encryption", "master", "app", "account", "license", "subscription", "service", "auth", "shared", "preshared"};
    /**
     * Words before "key" that say it is no secret: database and cache keys, public keys, keys of keyboards and maps
     * (the allowlist of gitleaks' generic-api-key rule).
     */
    private static final String[] NOT_SECRET_KEY_QUALIFIERS = {"primary", "foreign", "sort", "partition", "hash",
            "range", "cache", "idempotency", "public", "pub", "bucket", "object", "row", "unique", "composite", "natural",
            "shard", "lookup", "map", "dedup", "dedupe", "message", "hot", "idx", "index", "schema",
            "sequence", "group", "item", "i18n", "translation", "locale", "label", "field", "column", "table", "query",
            "react", "list", "dict", "redis", "storage", "s3", "file", "path", "event", "request", "trace", "span",
            "correlation", "tracking", "partitioning", "cluster", "ssh", "host", "gpg", "pgp", "kms",
            // gpg's --recv-keys (and apt-key's, dirmngr's) names public keys by their fingerprints
            "recv",
            // Cocoa names every key of an error's userInfo so: NSErrorFailingURLStringKey, NSURLErrorFailingURLErrorKey,
            // _kCFStreamErrorDomainKey, NSLocalizedDescriptionKey; what they hold is a URL, a domain, a message
            "url", "uri", "string", "error", "domain", "description",
            // CodePush's deployment key (App Center; CODEPUSH_KEY in a React Native app's config), which ships inside
            // the app it updates and only reads that deployment's releases, as a publishable key does (redact65)
            "codepush"};
    /**
     * Names of a person's number, the words that end such a label (a word of its own: {@code national_id}, {@code
     * passportNumber}, {@code Driver licence}, {@code tax-id}): national identity numbers of many countries (the UK's
     * NINO, Canada's SIN, Brazil's CPF, the Netherlands' BSN, Australia's TFN, Japan's My Number, India's Aadhaar and
     * PAN, Poland's PESEL, Spain's DNI/NIE/NIF, Mexico's CURP), passports and driving licences.
     */
    private static final String[] PERSONAL_ID_WORDS = {"passport", "nino", "nin", "sin", "cpf", "cnpj", "bsn", "tfn",
            "mynumber", "aadhaar", "aadhar", "pesel", "dni", "nie", "nif", "curp", "rfc", "nationalid", "taxid", "tin",
            "licence", "license", "ssnumber", "insee", "steuerid", "codicefiscale", "personnummer", "hetu", "cnp",
            // and more countries' numbers by their usual abbreviations: France's NIR and NSS, Switzerland's AHV,
            // Austria's SVNR, Belgium's RRN, Denmark's CPR, Norway's FNR, Ireland's PPSN, Greece's AMKA, Bulgaria's EGN,
            // the Balkans' JMBG and EMSO, Croatia's OIB, Argentina's CUIT and CUIL, Singapore's NRIC, Hong Kong's HKID,
            // Malaysia's MyKad, Turkey's TCKN, the Netherlands' former sofinummer
            "nir", "nss", "ahv", "svnr", "rrn", "cpr", "fnr", "ppsn", "amka", "egn", "jmbg", "emso", "oib", "cuit", "cuil",
            "nric", "hkid", "mykad", "tckn", "sofinummer",
            // Ireland's PPS number as a bare "pps", India's PAN (a card's primary account number is no less a secret)
            "pps", "pan",
            // Chile's RUT, New Zealand's IRD number, Hungary's TAJ (social insurance)
            "rut", "ird", "taj",
            // Latin America's cédula (de identidad), Pakistan's CNIC, Iceland's kennitala, Estonia's isikukood,
            // Turkey's kimlik (no), a national id card's NID (Bangladesh, Saudi Arabia)
            "cedula", "cnic", "kennitala", "isikukood", "kimlik", "nid",
            // Russia's INN (a person's has two control digits, a company's one; too weak to read a bare number by,
            // 1 in 100 of twelve-digit ids and image tags pass) and Kazakhstan's IIN, by their label
            "inn", "iin",
            // Ukraine's taxpayer number of a person (РНОКПП, before 2017 ІПН) in Latin letters, as a key names it
            "rnokpp", "ipn",
            // the Maghreb's and francophone Africa's carte d'identité nationale (Morocco's CIN: a letter or two and
            // digits); its value must still be a number's shape, so "cin": "stdin" stays
            "cin",
            // Greece's tax number (ΑΦΜ), Poland's NIP, Colombia's NIT, Australia's ABN, France's SIREN and SIRET, and
            // Mexico's CLABE (a person's bank account: 18 digits whose check one in ten passes, so by its label only)
            "afm", "nip", "nit", "abn", "siren", "siret", "clabe",
            // New Zealand's business number (NZBN, a sole trader's too: thirteen digits, a GS1 number with the 94 prefix,
            // whose one check digit one in ten passes), by its label (redact63)
            "nzbn",
            // Australia's Medicare card number, a key of its own in health and insurance records ("medicare": …)
            "medicare",
            // Norway's organisation number (orgnr, a sole trader's is the person's) and Denmark's CVR number, by their
            // label only: one mod-11 check digit, which one in eleven random numbers passes; and Poland's REGON (a sole
            // trader's business register number, weights 8 9 2 3 4 5 6 7 mod 11), by its label for the same reason
            "orgnr", "cvr", "regon",
            // a US bank's ABA routing number beside the account it pays (WS-ROUTING, routing_number, "aba": …; its check,
            // 3-7-1 weights mod 10, one in ten passes, so by its label only; routing_key stays a key), and Korea's,
            // Malaysia's and Mauritius' business registration number, a sole trader's own (brn: "853-51-38178")
            "routing", "aba", "brn",
            // the US National Provider Identifier of a doctor or a nurse, a person's own number, a key of its own in
            // health records and claims ("npi": …); by its label only: its one Luhn digit (over 80840 and the first
            // nine) one in ten passes, and SMPP's numbering plan indicator (npi=1) is too short for a number's shape
            "npi",
            // Brazil's PIS/PASEP (NIS, and NIT for the self-employed: one worker's social-integration number, printed
            // DDD.DDDDD.DD-D; NationalIds reads that layout alone by its check), New Zealand's NHI (a patient's
            // National Health Index number, three letters and four digits or the 2022 letters-digits-letters form,
            // one check character) and a vehicle's VIN (17 letters and digits, a car's own and its owner's), by their
            // labels: their values must still be a number's shape, so "vin": "rouge" and "nhi": true stay
            "pis", "pasep", "nhi", "vin",
            // Serbia's PIB (poreski identifikacioni broj: a firm's or a sole trader's tax number, nine digits, ISO 7064
            // MOD 11,10, one in ten passes) and Indonesia's NPWP (a person's tax number, printed 99.999.999.9-999.999,
            // a Luhn digit ninth), by their labels: their values must still be a number's shape
            "pib", "npwp"};
    /** Words before "id"/"number" that make it a person's number: national_id, tax-number, insurance_number. */
    private static final String[] PERSONAL_ID_QUALIFIERS = {"national", "tax", "identity", "identification",
            "insurance", "citizen", "resident", "voter", "health", "medicare", "passport", "licence", "license", "social",
            "personal", "fiscal",
            // the Emirates ID, Kuwait's and Oman's civil ID, the Czech and Slovak birth number (rodné číslo)
            "emirates", "civil", "birth",
            // a VAT identification number (vat_id, vatNumber, VAT No), a tax number of a firm or a sole trader's own
            "vat"};
    /** Words after a person's number's name that say which part of it: {@code passport_number}, {@code licence_no}. */
    private static final String[] NUMBER_WORDS = {"number", "no", "num", "nr", "id"};
    /**
     * Words after a person's number's name that say whose it is (bsn_eigenaar, cpf_titular, passport_holder): the
     * number is still that person's, in the languages a form or a record names its holder in.
     */
    private static final String[] HOLDER_WORDS = {"holder", "owner", "customer", "client", "patient", "employee",
            "eigenaar", "houder", "klant", "werknemer", "inhaber", "kunde", "titular", "titulaire", "titolare",
            "cliente", "proprietario", "propietario", "innehavare", "haltija", "tulajdonos"};
    /** Trailing words that say how a secret is spelt, not what it is: secret_key_base, token_value. */
    private static final String[] TRAILERS = {"value", "base",
            // a try at the secret: what a user typed for it is the secret (Devise's otp_attempt, a password_attempt)
            "attempt"};
    private static final String[] SESSION_WORDS = {"jsessionid", "phpsessid", "sessionid", "sessid", "sid",
            "sessionkey", "sessiontoken",
            "sess",   // connect-redis' and express-session stores' key prefix
            "aspxauth"};   // ASP.NET's forms-authentication ticket cookie, .ASPXAUTH
    /** Words after "session" that make it a session id: session_id, sessionKey, session-token. */
    private static final String[] SESSION_SUFFIXES = {"id", "key", "token"};

    // What a word of a key name can be, as bits: one look-up per word instead of a comparison with every list.
    private static final int SESSION_WORD = 1;
    private static final int PASSWORD_WORD = 1 << 1;
    private static final int SECRET_WORD = 1 << 2;
    private static final int KEY_QUALIFIER = 1 << 3;
    private static final int TRAILER = 1 << 4;
    private static final int SESSION_SUFFIX = 1 << 5;
    private static final int COOKIE = 1 << 6;
    private static final int SET = 1 << 7;
    private static final int AUTHORIZATION = 1 << 8;
    private static final int PROXY = 1 << 9;
    private static final int SSN = 1 << 10;
    private static final int SOCIAL = 1 << 11;
    private static final int SECURITY = 1 << 12;
    private static final int SESSION = 1 << 13;
    private static final int SECRET = 1 << 14;
    private static final int AWS = 1 << 15;
    private static final int ACCESS = 1 << 16;
    private static final int KEY = 1 << 17;
    private static final int NOT_SECRET_KEY_QUALIFIER = 1 << 18;
    private static final int CODE = 1 << 19;
    private static final int ONE_TIME = 1 << 20;
    private static final int PERSONAL_ID_WORD = 1 << 21;
    private static final int PERSONAL_ID_QUALIFIER = 1 << 22;
    private static final int NUMBER_WORD = 1 << 23;
    private static final int LICENCE_PURPOSE = 1 << 24;
    private static final int SALT = 1 << 25;
    private static final int SAML = 1 << 26;
    private static final int HOLDER = 1 << 27;
    private static final int LONGEST_WORD = 16;
    private static final int TABLE_SIZE = 1024;   // a power of two, at least twice the words (checked as they are put)
    private static final String[] TABLE_WORDS = new String[TABLE_SIZE];
    private static final int[] TABLE_BITS = new int[TABLE_SIZE];
    /** Slots taken so far; a table over half full makes every miss probe long runs. */
    private static int tableTaken;

    static {
        word(SESSION_WORD, SESSION_WORDS);
        word(PASSWORD_WORD, PASSWORD_WORDS);
        word(SECRET_WORD, SECRET_WORDS);
        word(KEY_QUALIFIER, KEY_QUALIFIERS);
        word(TRAILER, TRAILERS);
        word(SESSION_SUFFIX, SESSION_SUFFIXES);
        word(COOKIE, "cookie");
        word(SET, "set");
        word(AUTHORIZATION, "authorization");
        word(PROXY, "proxy");
        word(SSN, "ssn");
        word(SOCIAL, "social");
        word(SECURITY, "security");
        word(SESSION, "session");
        word(SECRET, "secret");
        word(AWS, "aws");
        word(ACCESS, "access");
        word(KEY, "key", "keys");
        word(NOT_SECRET_KEY_QUALIFIER, NOT_SECRET_KEY_QUALIFIERS);
        word(CODE, "code", "token");
        word(ONE_TIME, "mfa", "2fa", "totp", "hotp", "twofactor", "sms");   // sms: smsCode, sms_code (redact43)
        word(PERSONAL_ID_WORD, PERSONAL_ID_WORDS);
        word(PERSONAL_ID_QUALIFIER, PERSONAL_ID_QUALIFIERS);
        word(NUMBER_WORD, NUMBER_WORDS);
        word(LICENCE_PURPOSE, "driver", "drivers", "driving");
        word(SALT, "salt", "pepper");
        word(SAML, "saml", "saml2");
        word(HOLDER, HOLDER_WORDS);
    }

    private KeyNames() {
    }

    private static void word(int bit, String... words) {
        for (String w : words) {
            if (w.length() > LONGEST_WORD) {
                throw new IllegalStateException("key word longer than " + LONGEST_WORD + ": " + w);
            }
            int letters = 0;
            for (char c : w.toCharArray()) {
                if (!Chars.lower(c) && !Chars.digit(c)) {   // what lookUp's comparison takes for granted
                    throw new IllegalStateException("key word not in small letters and digits: " + w);
                }
                letters += Chars.lower(c) ? 1 : 0;
            }
            if (letters < 2 && bit != NOT_SECRET_KEY_QUALIFIER) {
                // what classify takes for granted: a name with fewer than two letters is no key (s3 qualifies only a
                // "key" after it)
                throw new IllegalStateException("key word with fewer than two letters: " + w);
            }
            int h = hash(w, 0, w.length());
            while (TABLE_WORDS[h] != null && !TABLE_WORDS[h].equals(w)) {
                h = (h + 1) & (TABLE_SIZE - 1);
            }
            if (TABLE_WORDS[h] == null && ++tableTaken * 2 > TABLE_SIZE) {
                throw new IllegalStateException("the key word table is over half full: double TABLE_SIZE");
            }
            TABLE_WORDS[h] = w;
            TABLE_BITS[h] |= bit;
        }
    }

    /** A hash of {@code s[start, end)} in ASCII lower case, as a slot of the word table. */
    private static int hash(String s, int start, int end) {
        int h = end - start;
        for (int i = start; i < end; i++) {
            h = 31 * h + (s.charAt(i) | 0x20);
        }
        h ^= h >>> 11;
        return h & (TABLE_SIZE - 1);
    }

    /**
     * What the word {@code c[start, end)} (letters and digits) can be, as bits, 0 for a word of none of the lists;
     * {@code h} is its {@link #hash} before the last two steps (which this takes).
     */
    private static int lookUp(char[] c, int start, int end, int h) {
        int length = end - start;
        if (length > LONGEST_WORD) {
            return 0;
        }
        h ^= h >>> 11;
        for (h &= TABLE_SIZE - 1; TABLE_WORDS[h] != null; h = (h + 1) & (TABLE_SIZE - 1)) {
            String w = TABLE_WORDS[h];
            if (w.length() == length && same(c, start, w)) {
                return TABLE_BITS[h];
            }
        }
        return 0;
    }

    /**
     * Whether the letters and digits at {@code c[start]} are {@code w} (small letters and digits), ignoring case: a
     * letter's bit 0x20 is its case, and a digit has it set.
     */
    private static boolean same(char[] c, int start, String w) {
        for (int k = 0; k < w.length(); k++) {
            if ((c[start + k] | 0x20) != w.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Classifies the key name {@code scan.text[start, end)}. What a key is depends on its characters alone, and a log
     * names the same few keys again and again ({@code "ts"}, {@code "level"}, {@code "msg"}): the answer is kept in the
     * calling thread's {@link Scan.Buffers}, where the scan has them, by the key's exact characters.
     */
    static Key classify(Scan scan, int start, int end) {
        if (end - start < 2 || end - start > MAX_LENGTH) {
            return Key.NONE;
        }
        Scan.Buffers kept = scan.buffers;
        if (kept == null) {
            return judge(scan, start, end);
        }
        char[] c = scan.chars;
        int h = end - start;
        int letters = 0;
        for (int k = start; k < end; k++) {
            h = 31 * h + c[k];
            letters += Chars.letter(c[k]) ? 1 : 0;
        }
        if (letters < 2) {
            // every word of the lists has two letters or more ({@link #word}), and every ending compared: the hours of
            // a timestamp read back from its colon (2024-09-27T13), an index, a port; not kept, as each one differs
            return Key.NONE;
        }
        int slot = (h ^ h >>> 16) & (Scan.Buffers.KEY_SLOTS - 1);
        char[] name = kept.keyNames[slot];
        if (name != null && same(name, c, start, end)) {
            return kept.keyKinds[slot];
        }
        Key key = judge(scan, start, end);
        kept.keyNames[slot] = Arrays.copyOfRange(c, start, end);
        kept.keyKinds[slot] = key;
        return key;
    }

    /**
     * Whether {@code name} is {@code c[start, end)}: a loop, as names are a few characters long, where
     * {@link Arrays#equals(char[], int, int, char[], int, int)} sets up a vectorised comparison first.
     */
    private static boolean same(char[] name, char[] c, int start, int end) {
        if (name.length != end - start) {
            return false;
        }
        for (int k = 0; k < name.length; k++) {
            if (name[k] != c[start + k]) {
                return false;
            }
        }
        return true;
    }

    /** {@link #classify}, worked out. */
    private static Key judge(Scan scan, int start, int end) {
        String s = scan.text;
        int[] seg = scan.segments();
        int[] bits = scan.wordBits();
        int count = split(scan.chars, start, end, seg, bits);
        if (count == 0) {
            return Key.NONE;
        }
        if (count >= 3 && Chars.is(s, seg[2 * (count - 2)], seg[2 * (count - 2) + 1], "to")) {
            // "X to V" names X, what the verb is done to: botocore's StringToSign, bytes_to_sign, path_to_key,
            // token_to_revoke; the verb after "to" is no secret's name
            return judge(scan, start, seg[2 * (count - 3) + 1]);
        }
        if (end - start == 13 && s.startsWith("kSecValueData", start)) {
            // Apple's Keychain Services: an item's data is its secret (a password, a key), dumped beside its attributes
            return Key.SECRET;
        }
        // HTTP_COOKIE, HTTP_AUTHORIZATION: CGI's name for a request's header (RFC 3875, 4.1.18), as Rack's env and
        // Rails' request dump print it; the header's value is the header's
        boolean cgi = count == 2 && Chars.is(s, seg[0], seg[1], "http");
        if (count == 1 && has(bits[0], COOKIE) || count == 2 && (has(bits[0], SET) || cgi) && has(bits[1], COOKIE)) {
            return Key.COOKIE;
        }
        if ((count == 1 || cgi) && has(bits[count - 1], AUTHORIZATION)
                || count == 2 && has(bits[0], PROXY) && has(bits[1], AUTHORIZATION)) {
            return Key.AUTHORIZATION;
        }
        if (count >= 2 && has(bits[count - 1], AUTHORIZATION) && Chars.is(s, seg[0], seg[1], "x")) {
            // a vendor's own authorization header, X-Tyk-Authorization, a gateway's X-…-Authorization: a bare key, no scheme
            return Key.SECRET;
        }
        boolean secret = false;
        boolean aws = false;
        boolean access = false;
        for (int k = 0; k < count; k++) {
            if (has(bits[k], SSN) || k + 1 < count && has(bits[k], SOCIAL) && has(bits[k + 1], SECURITY)) {
                return Key.SSN;
            }
        }
        if (personalId(s, seg, bits, count)) {
            return Key.PERSONAL_ID;
        }
        for (int k = 0; k < count; k++) {
            if (has(bits[k], SESSION_WORD) || has(bits[k], SESSION)
                    && (k == count - 1 || has(bits[k + 1], SESSION_SUFFIX))) {
                return Key.SESSION;
            }
            secret |= has(bits[k], SECRET);
            aws |= has(bits[k], AWS);
            access |= has(bits[k], ACCESS);
        }
        if (secret && (aws || access)) {
            return Key.AWS_SECRET;
        }
        int last = count - 1;
        while (last > 0 && (has(bits[last], TRAILER) || digits(s, seg, last))) {
            last--;   // token_value, X-Hub-Signature-256, api_key_2: the name is in the words before
        }
        int suffix = last > 0 ? idSuffix(s, seg[2 * last + 1]) : -1;
        if (suffix > 0) {
            int before = last;
            while (before > 0 && seg[2 * before] >= suffix) {
                before--;
            }
            if (seg[2 * before] < suffix && has(bits[before], SECRET_WORD)) {
                last = before;   // .AspNetCore.Antiforgery.x1Yz: an app's id after the cookie's name, the name before it
            }
        }
        if (last > 0 && has(bits[last], CODE) && (has(bits[last - 1], PASSWORD_WORD) || has(bits[last - 1], ONE_TIME))) {
            return Key.PASSWORD;   // a one-time code, a PIN: otpCode, mfa_code, totp-token, pin_code (error_code stays)
        }
        if (last > 0 && has(bits[last - 1], SECURITY) && Chars.is(s, seg[2 * last], seg[2 * last + 1], "code")) {
            return Key.PASSWORD;   // a card's security code, PayPal's security_code and Adyen's securityCode: its CVV
        }
        if (last > 0 && spelt(s, seg, last - 1, last, PASSWORD_WORDS)) {
            return Key.PASSWORD;   // a password's word spelt in two parts: pass_phrase (OCI's config), pass-word, PassCode
        }
        if (last > 0 && spelt(s, seg, last - 1, last, SECRET_WORDS)) {
            return Key.SECRET;   // and a secret's: user.info (a URL's userinfo, Confluent's basic.auth.user.info), pass_key
        }
        if (last > 0 && has(bits[last - 1], SECRET) && Chars.is(s, seg[2 * last], seg[2 * last + 1], "hash")) {
            return Key.SECRET;   // a hash keyed by a secret is as good as it, Cognito's SECRET_HASH
        }
        if (last > 0 && has(bits[last - 1], PASSWORD_WORD) && (Chars.is(s, seg[2 * last], seg[2 * last + 1], "hash")
                || Chars.is(s, seg[2 * last], seg[2 * last + 1], "digest"))) {
            // a password's stored hash (passwordHash, password_digest: Rails' has_secure_password): a dictionary
            // undoes an unsalted one, so it goes where it looks generated (a hex digest, base64); "password_hash":
            // "bcrypt" and a column's name stay
            return Key.KEY;
        }
        // a name run together with what it is for, by its end (adminpass, dbpwd, slapd's bindpw, apptoken): the last
        // letter picks the endings to compare, since a key is classified wherever one meets its value
        char lastLetter = (char) (s.charAt(seg[2 * last + 1] - 1) | 0x20);
        boolean passwordEnd = switch (lastLetter) {
            case 'd' -> endsWith(s, seg, last, "password") || endsWith(s, seg, last, "passwd")
                    || endsWith(s, seg, last, "pwd");
            case 's' -> endsWith(s, seg, last, "pass") && !notPassword(s, seg, last);
            case 'w' -> endsWith(s, seg, last, "pw");
            default -> false;
        };
        if (passwordEnd || has(bits[last], PASSWORD_WORD)) {
            return Key.PASSWORD;
        }
        if (has(bits[last], SECRET_WORD) || last > 0 && has(bits[last], KEY) && has(bits[last - 1], KEY_QUALIFIER)
                || lastLetter == 't' && endsWith(s, seg, last, "secret")
                || lastLetter == 'n' && endsWith(s, seg, last, "token")) {
            return Key.SECRET;
        }
        if (last > 0 && has(bits[last - 1], SAML) && endsWith(s, seg, last, "response")
                && seg[2 * last + 1] - seg[2 * last] == 8) {
            return Key.SECRET;   // SAMLResponse: a signed assertion, the login itself until it expires (SAMLRequest stays)
        }
        if (last > 0 && Chars.is(s, seg[2 * last], seg[2 * last + 1], "team")
                && Chars.is(s, seg[2 * last - 2], seg[2 * last - 1], "honeycomb")) {
            return Key.SECRET;   // X-Honeycomb-Team: the header Honeycomb reads its API key from, no secret's word in it
        }
        if (last > 0 && has(bits[last], KEY) && seg[2 * last + 1] - seg[0] >= 14
                && s.regionMatches(true, seg[2 * last + 1] - 14, "clickhouse-key", 0, 14)) {
            // X-ClickHouse-Key: the header ClickHouse's HTTP interface reads the user's password from (beside
            // X-ClickHouse-User), a chosen password as often as a generated key
            return Key.PASSWORD;
        }
        if (last > 0 && has(bits[last - 1], SECRET) && endsWith(s, seg, last, "id") && seg[2 * last + 1] - seg[2 * last] == 2) {
            return Key.SECRET;   // a secret's id is the secret itself: Vault's secret_id, Consul's and Nomad's SecretID
        }
        if (last > 0 && has(bits[last], KEY) && !has(bits[last - 1], NOT_SECRET_KEY_QUALIFIER)) {
            return Key.KEY;
        }
        if (last > 0 && has(bits[last], COOKIE)) {
            return Key.KEY;   // a cookie that is a value of its own, RABBITMQ_ERLANG_COOKIE: a secret when generated
        }
        if (has(bits[last], SALT)) {
            // an application's salt or pepper (WordPress' AUTH_SALT, a forum's Cookie.Salt, HASHIDS_SALT) keys its
            // signatures and hashes: a secret when generated, so that salt_rounds: 10 and "salt": "sea" stay
            return Key.KEY;
        }
        return Key.NONE;
    }

    /**
     * Whether the words name a person's number: they end in one of {@link #PERSONAL_ID_WORDS} (a licence only after a
     * driver's word, or alone), possibly followed by a number word ({@code passport_no}), or in a number word after a
     * qualifier ({@code national_id}, {@code tax_number}, {@code social_insurance_number}).
     */
    private static boolean personalId(String s, int[] seg, int[] bits, int count) {
        int last = count - 1;
        if (last > 0 && has(bits[last], NUMBER_WORD)) {
            if (has(bits[last - 1], PERSONAL_ID_QUALIFIER)
                    || last > 1 && has(bits[last - 2], PERSONAL_ID_QUALIFIER) && has(bits[last - 1], NUMBER_WORD)) {
                return true;   // national_id, tax_number, social_insurance_number, national_id_no
            }
            if (spelt(s, seg, last - 1, last)) {
                return true;   // a name run together spelt in parts: my_number, My Number (Japan's)
            }
            if (last == 1 && Chars.is(s, seg[0], seg[1], "id") && !Chars.is(s, seg[2], seg[3], "id")) {
                // "ID number", id_number, IdNo: an identity document's number, as South Africa, Kenya, Nigeria, Israel,
                // Hong Kong and most forms in English name a national id; a whole name of those two words only, so
                // order_id_number and id_id stay
                return true;
            }
            last--;
        }
        if (last > 0 && Chars.is(s, seg[2 * last], seg[2 * last + 1], "code")
                && Chars.is(s, seg[2 * last - 2], seg[2 * last - 1], "personal")) {
            return true;   // personal_code: the Baltic states' numbers in English (isikukood, personas kods, asmens kodas)
        }
        if (last > 0 && Chars.is(s, seg[2 * last], seg[2 * last + 1], "insurance")
                && Chars.is(s, seg[2 * last - 2], seg[2 * last - 1], "national")) {
            return true;   // the UK's National Insurance number by its bare label (NationalInsurance, national_insurance)
        }
        if (last > 0 && has(bits[last], HOLDER) && has(bits[last - 1], PERSONAL_ID_WORD)
                && !endsWith(s, seg, last - 1, "licence") && !endsWith(s, seg, last - 1, "license")) {
            last--;   // bsn_eigenaar, cpf_titular: the number's name, then whose it is
        }
        if (!has(bits[last], PERSONAL_ID_WORD)) {
            return false;
        }
        boolean licence = endsWith(s, seg, last, "licence") || endsWith(s, seg, last, "license");
        return !licence || last == 0 || has(bits[last - 1], LICENCE_PURPOSE);
    }

    /**
     * Whether the word {@code c[start, end)} can end a person's number's label ({@link NumberLabels}): a US social
     * security number's name, a person's number's ({@link #PERSONAL_ID_WORDS}), or a number word ("number", "no",
     * "id") that a qualifier before it may make one.
     */
    static boolean labelsNumber(char[] c, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + (c[i] | 0x20);
        }
        int bits = lookUp(c, start, end, h + (end - start) * pow31(end - start));
        return has(bits, SSN) || has(bits, PERSONAL_ID_WORD) || has(bits, NUMBER_WORD);
    }

    private static int pow31(int n) {
        int p = 1;
        for (int i = 0; i < n; i++) {
            p *= 31;
        }
        return p;
    }

    /** Whether words {@code a} and {@code b}, run together, are one of {@link #PERSONAL_ID_WORDS}. */
    private static boolean spelt(String s, int[] seg, int a, int b) {
        return spelt(s, seg, a, b, PERSONAL_ID_WORDS);
    }

    /** Whether words {@code a} and {@code b} together spell one of {@code words}. */
    private static boolean spelt(String s, int[] seg, int a, int b, String[] words) {
        int la = seg[2 * a + 1] - seg[2 * a];
        int lb = seg[2 * b + 1] - seg[2 * b];
        for (String w : words) {
            if (w.length() == la + lb && s.regionMatches(true, seg[2 * a], w, 0, la)
                    && s.regionMatches(true, seg[2 * b], w, la, lb)) {
                return true;
            }
        }
        return false;
    }

    /** Whether word {@code k} is all digits. */
    /**
     * Where a short id set after a name by a dot starts, the name ending at {@code end}: letters and digits mixed
     * ({@code x1Yz}), as ASP.NET Core names its antiforgery cookie per application; -1 where there is none.
     */
    private static int idSuffix(String s, int end) {
        int a = end;
        boolean digit = false;
        boolean letter = false;
        while (a > 0 && end - a <= 8 && Chars.alnum(s.charAt(a - 1))) {
            a--;
            digit |= Chars.digit(s.charAt(a));
            letter |= Chars.letter(s.charAt(a));
        }
        return end - a >= 2 && end - a <= 8 && a > 0 && s.charAt(a - 1) == '.' && digit && letter ? a : -1;
    }

    private static boolean digits(String s, int[] seg, int k) {
        for (int i = seg[2 * k]; i < seg[2 * k + 1]; i++) {
            if (!Chars.digit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean notPassword(String s, int[] seg, int k) {
        for (String w : NOT_PASSWORDS) {
            if (endsWith(s, seg, k, w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code scan.text[start, end)} is itself a key's name made of words, one of them a password's, a secret's,
     * a session's or a key's ({@code password_confirmation}, {@code api_token}, {@code sessionId}): letters and
     * {@code _ - .} only, parted into two words or more. A list of such names is a redaction filter's configuration
     * ({@code filter_keys: ["password", "password_confirmation"]}), not a name and its secret.
     */
    static boolean secretName(Scan scan, int start, int end) {
        if (end - start < 4 || end - start > MAX_LENGTH) {
            return false;
        }
        char[] c = scan.chars;
        boolean parted = false;
        for (int k = start; k < end; k++) {
            if (c[k] == '_' || c[k] == '-' || c[k] == '.' || k > start && Chars.upper(c[k]) && Chars.lower(c[k - 1])) {
                parted = true;
            } else if (!Chars.letter(c[k])) {
                return false;
            }
        }
        if (!parted) {
            return false;
        }
        int[] seg = scan.segments();
        int[] bits = scan.wordBits();
        int count = split(c, start, end, seg, bits);
        for (int k = 0; k < count; k++) {
            if ((bits[k] & (PASSWORD_WORD | SECRET_WORD | SESSION_WORD | SECRET | KEY)) != 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(int bits, int bit) {
        return (bits & bit) != 0;
    }

    /**
     * Splits {@code s[start, end)} into words: runs of letters and digits, broken at every other character and
     * where case rises (apiKey → api Key, APIKey → API Key), each looked up as it is read (its bounds into {@code seg},
     * what it can be into {@code bits}). Returns how many, at most {@link #MAX_SEGMENTS} (the last ones, which carry the
     * meaning: {@code spring.datasource.password}).
     */
    private static int split(char[] s, int start, int end, int[] seg, int[] bits) {
        int count = 0;
        int i = start;
        while (i < end) {
            while (i < end && !Chars.alnum(s[i])) {
                i++;
            }
            if (i >= end) {
                break;
            }
            int from = i;
            // the word's hash as it is read: hash() starts from the length, which adds length * 31^length at the end
            int sum = s[i] | 0x20;
            int power = 31;
            i++;
            while (i < end && Chars.alnum(s[i]) && !hump(s, i, end)) {
                sum = 31 * sum + (s[i] | 0x20);
                power *= 31;
                i++;
            }
            if (count == MAX_SEGMENTS) {
                System.arraycopy(seg, 2, seg, 0, seg.length - 2);
                System.arraycopy(bits, 1, bits, 0, bits.length - 1);
                count--;
            }
            seg[2 * count] = from;
            seg[2 * count + 1] = i;
            bits[count] = lookUp(s, from, i, (i - from) * power + sum);
            count++;
        }
        return count;
    }

    /** Whether a new word starts at {@code i}: aB, or the B of ABc. */
    private static boolean hump(char[] s, int i, int end) {
        char c = s[i];
        if (!Chars.upper(c)) {
            return false;
        }
        char before = s[i - 1];
        return Chars.lower(before) || Chars.digit(before)
                || Chars.upper(before) && i + 1 < end && Chars.lower(s[i + 1]);
    }

    private static boolean endsWith(String s, int[] seg, int k, String word) {
        int end = seg[2 * k + 1];
        int from = end - word.length();
        return from >= seg[2 * k] && s.regionMatches(true, from, word, 0, word.length());
    }
}
