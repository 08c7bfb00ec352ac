package dev.healdesk.core.redact;

/**
 * A one-time code in the text of a message sent to a person, as mail and SMS fixtures, mail catchers and notification
 * logs print it: {@code Your one-time code is 339928}, {@code verification code: 4821-77}, {@code Your login PIN is
 * 0420}, {@code OTP = 551230}. The code is the word "code", "passcode", "PIN" or "OTP" after a word that says what it
 * is for ({@link #QUALIFIERS}: one-time, verification, security, login, your, …), then "is", ":" or "=", then 4 to 8
 * digits (one blank or dash may group them); or, as a message's subject or text writes it, a blank alone, then 4 to 8
 * digits ungrouped that end there ({@code subject: 'Your code 666133'}, {@code Your verification code 4821 expires}). {@code exit code 137}, {@code status code: 500} and {@code error code:
 * 12345} stay: their words say nothing of a secret. A number in three groups or more is no code either, though its first
 * two groups alone would fit one: taking those cut a longer number in two and left its end in the text (Werkzeug's
 * {@code Debugger PIN: 118-402-771}, nine digits, went as {@code [REDACTED_PASSWORD]-771}); a label's key-value rule
 * judges such a number whole ({@link KeyValues}). Triggered by the first letter of the word.
 */
final class OneTimeCodes extends Detector {

    private static final String[] WORDS = {"code", "passcode", "pin", "otp"};
    private static final String[] QUALIFIERS = {"time", "verification", "security", "confirmation", "login", "signin",
            "in", "authentication", "auth", "access", "otp", "2fa", "mfa", "your", "reset", "sms", "passcode", "pin",
            "recovery", "backup", "activation", "unlock"};
    private static final boolean[] SECONDS = Chars.set("oOaAiItT");

    @Override
    public boolean[] seconds(char c) {
        return SECONDS;
    }

    @Override
    public long wordLengths(char c) {
        return 1L << 3 | 1L << 4 | 1L << 8;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int end = scan.wordEnd(i);
        if (i > 0 && Chars.word(s.charAt(i - 1)) || !Chars.isAny(s, i, end, WORDS)) {
            return end;
        }
        boolean otp = end - i == 3 && (s.charAt(i) | 0x20) == 'o';
        // "PIN" in capitals (the acronym, a personal identification number) and "passcode" name a secret by
        // themselves, as "OTP" does: a code after them needs no qualifier before ("login failed for ann@… with PIN
        // 888321"); "code" alone says nothing of one (exit code 137), nor a small "pin" (pin 4021 of a GPIO header)
        boolean field = !otp && !qualified(s, i) && !s.startsWith("PIN", i) && !Chars.is(s, i, end, "passcode");
        int body = field ? smsBody(scan, i, end) : -1;
        if (body > 0) {
            return body;
        }
        if (field && !addressed(s, i, end)) {
            return end;
        }
        int p = field ? end + (s.charAt(end) == '\\' ? 2 : 1) : end;   // past the field name's closing quote
        while (p < s.length() && s.charAt(p) == ' ') {
            p++;
        }
        boolean plain = false;
        if (s.startsWith("is ", p) || s.startsWith("was ", p)) {
            p = s.indexOf(' ', p) + 1;
        } else if (p < s.length() && (s.charAt(p) == ':' || s.charAt(p) == '=')) {
            p++;
        } else if (!field && p == end + 1 && s.charAt(end) == ' ' && p < s.length() && Chars.digit(s.charAt(p))) {
            plain = true;   // a message's subject or text: "Your code 666133", "verification code 4821 expires…"
        } else {
            return end;
        }
        while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '"' || s.charAt(p) == '\''
                || field && s.charAt(p) == '\\' && p + 1 < s.length() && s.charAt(p + 1) == '"')) {
            p++;
        }
        int start = p;
        int digits = 0;
        boolean grouped = false;
        while (p < s.length()) {
            char c = s.charAt(p);
            if (Chars.digit(c)) {
                digits++;
                p++;
            } else if ((c == ' ' || c == '-') && !grouped && !plain && digits > 0 && p + 1 < s.length()
                    && Chars.digit(s.charAt(p + 1))) {
                grouped = true;
                p++;
            } else {
                break;
            }
        }
        if (digits < 4 || digits > 8 || p < s.length() && (Chars.word(s.charAt(p)) || s.charAt(p) == '.'
                && p + 1 < s.length() && Chars.digit(s.charAt(p + 1)))
                || grouped && p + 1 < s.length() && (s.charAt(p) == '-' || s.charAt(p) == ' ')
                && Chars.digit(s.charAt(p + 1))
                || plain && p < s.length() && !plainEnd(s.charAt(p))) {
            return end;
        }
        scan.add(SecretKind.PASSWORD, start, p);
        return p;
    }

    /**
     * A text message's whole body, a quoted string that is the word and the code alone ({@code "Code 804075"}, {@code
     * 'PIN 0420'}), on a line about a text message or a call ({@link Numbers#messaging}: Twilio's {@code
     * Message.creator(to, from, "Code 804075")}, an SMS gateway's log): the code, claimed; where scanning goes on, or -1.
     * A string with more in it ({@code "Code 5001: quota exceeded"}) and a line about no message stay.
     */
    private static int smsBody(Scan scan, int i, int end) {
        String s = scan.text;
        if (i == 0 || s.charAt(i - 1) != '"' && s.charAt(i - 1) != '\'' || end + 1 >= s.length() || s.charAt(end) != ' ') {
            return -1;
        }
        int p = end + 1;
        while (p < s.length() && Chars.digit(s.charAt(p))) {
            p++;
        }
        if (p - end - 1 < 4 || p - end - 1 > 8 || p >= s.length() || s.charAt(p) != s.charAt(i - 1)
                || !Numbers.messaging(s, i)) {
            return -1;
        }
        scan.add(SecretKind.PASSWORD, end + 1, p);
        return p;
    }

    /** Fields that say an object is a message to a person: its recipient. */
    private static final String[] RECIPIENTS = {"\"to\"", "\"recipient\"", "\"phone\"", "\"msisdn\"", "\"mobile\""};
    /**
     * {@link #RECIPIENTS} as a JSON string inside a string writes them. A loop, not a stream: the redactor's only stream
     * at start, whose pipeline's classes and lambdas cost a short process ~3 ms to link (docs/benchmarks, CLI start,
     * sixteenth pass).
     */
    private static final String[] ESCAPED_RECIPIENTS = escaped(RECIPIENTS);
    /** How far back the object's opening brace is looked for. */
    private static final int OBJECT_REACH = 400;

    private static String[] escaped(String[] fields) {
        String[] out = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            out[i] = fields[i].replace("\"", "\\\"");
        }
        return out;
    }

    /**
     * Whether the word {@code [i, end)} is a quoted {@code "code"} field of a JSON object that also names a recipient
     * ({@code {"to": "…", "phone": "…", "code": "969563"}}): a message or notification queued for a person, as a queue's
     * or a mail catcher's dump prints it, whose code is one person's to use. {@code {"error": {"code": "4012"}}} and
     * {@code "code": 404} stay: no recipient, and a number where a code sent is a string. The same object as a request's
     * body inside a string, its quotes escaped ({@code "body": "{\"phone\":\"…\",\"code\":\"191961\"}"}, as a
     * mock's recorded call prints a verify request), is read alike.
     */
    private static boolean addressed(String s, int i, int end) {
        boolean escaped = i >= 2 && s.charAt(i - 2) == '\\';
        String quote = escaped ? "\\\"" : "\"";
        if (i == 0 || s.charAt(i - 1) != '"' || end >= s.length() || !s.startsWith(quote, end)) {
            return false;
        }
        int colon = Chars.skipBlanks(s, end + quote.length());
        if (colon >= s.length() || s.charAt(colon) != ':') {
            return false;
        }
        int v = Chars.skipBlanks(s, colon + 1);
        if (v >= s.length() || !s.startsWith(quote, v)) {
            return false;
        }
        int open = i;
        int depth = 0;
        while (open > 0 && i - open <= OBJECT_REACH) {
            char c = s.charAt(--open);
            if (c == '}') {
                depth++;
            } else if (c == '{' && depth-- == 0) {
                break;
            } else if (c == '\n') {
                return false;
            }
        }
        if (s.charAt(open) != '{') {
            return false;
        }
        for (String r : escaped ? ESCAPED_RECIPIENTS : RECIPIENTS) {
            int at = s.indexOf(r, open);
            if (at > 0 && at < i) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code c} ends a code that follows its word after a blank alone: a blank, a quote, the end of a sentence or
     * of a bracket; not a dash, a slash, a colon or a dot before more (a date, a range, a time, a version).
     */
    private static boolean plainEnd(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '"' || c == '\'' || c == '.' || c == ','
                || c == ';' || c == ')' || c == ']' || c == '}' || c == '<' || c == '\\';
    }

    /** Whether the word before {@code i} (across one blank or dash) says what the code is for. */
    private static boolean qualified(String s, int i) {
        int e = i - 1;
        if (e < 1 || s.charAt(e) != ' ' && s.charAt(e) != '-' && s.charAt(e) != '_') {
            return false;
        }
        int w = e;
        while (w > 0 && Chars.alnum(s.charAt(w - 1))) {
            w--;
        }
        if (w >= 1 && s.charAt(w - 1) == '\\' && e - w > 1 && "ntr".indexOf(s.charAt(w)) >= 0) {
            w++;   // a line written as \n in a quoted body: body="…\nYour code: 218109"
        }
        return Chars.isAny(s, w, e, QUALIFIERS) && !(Chars.is(s, w, e, "in") && !(w >= 5
                && s.regionMatches(true, w - 5, "sign", 0, 4)));
    }
}
