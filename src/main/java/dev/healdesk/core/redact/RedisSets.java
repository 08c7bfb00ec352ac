package dev.healdesk.core.redact;

/**
 * A secret stored by a Redis {@code SET} under a key that names it, as a client's error, a REST API or {@code MONITOR}
 * echo the command: {@code ["set","otp:4711","464099","EX","300"]} (Upstash's REST body, ioredis' and node-redis'
 * error {@code command}), {@code "SET" "session:abc" "…"} (MONITOR), {@code 127.0.0.1:6379> SET password hunter2},
 * {@code SETEX reset_token:42 600 …} (redis-cli). The key is read as namespaced by colons: its first or its last part is judged as
 * a key name ({@link KeyNames}: {@code otp}, {@code password}, {@code reset_token}, {@code session}), and the value as
 * that key's ({@link Judge#value}), so {@code SET counter:hits 41} and {@code SET otp:sent true} stay. Quoted, the
 * command may be in any case; bare, it must be written in capitals after a blank or a line's start, and follow a
 * prompt's {@code > } or name a key with a colon, so that prose's "we set password to …" and SQL's {@code SET PASSWORD
 * FOR …} stay. Triggered by {@code set} and {@code setex}.
 */
final class RedisSets extends Detector {

    private static final boolean[] SECOND = Chars.set("eE");

    @Override
    public boolean[] seconds(char c) {
        return SECOND;
    }

    @Override
    public long wordLengths(char c) {
        return 1L << 3 | 1L << 5;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int end = scan.wordEnd(i);
        boolean setex = Chars.is(s, i, end, "setex");
        if (!setex && !Chars.is(s, i, end, "set")) {
            return end;
        }
        char quote = i > 0 && (s.charAt(i - 1) == '"' || s.charAt(i - 1) == '\'') ? s.charAt(i - 1) : 0;
        int p;
        if (quote != 0) {
            if (end >= s.length() || s.charAt(end) != quote) {
                return end;
            }
            p = end + 1;
        } else {
            if (!Chars.upper(s.charAt(i)) || !Chars.upper(s.charAt(i + 1)) || i > 0 && !Chars.space(s.charAt(i - 1))
                    && s.charAt(i - 1) != '>') {
                return end;
            }
            p = end;
        }
        int[] key = new int[2];
        p = argument(s, p, quote, key);
        if (p < 0) {
            return end;
        }
        if (quote == 0 && !(i >= 2 && s.charAt(i - 2) == '>') && Chars.indexOf(s, ':', key[0], key[1]) < 0) {
            return end;   // bare, a prompt's command or a namespaced key: SQL's SET PASSWORD FOR … stays SqlValues'
        }
        KeyNames.Key named = name(scan, key[0], key[1]);
        if (named == KeyNames.Key.NONE) {
            return end;
        }
        int[] value = new int[2];
        if (setex) {
            p = argument(s, p, quote, value);
            if (p < 0 || !digits(s, value[0], value[1])) {
                return end;
            }
        }
        p = argument(s, p, quote, value);
        if (p < 0) {
            return end;
        }
        SecretKind kind = Judge.value(named, s, value[0], value[1]);
        if (kind != null) {
            scan.add(kind, value[0], value[1]);
        }
        return end;   // the key's own parts are read by the others as before
    }

    /**
     * Reads the next argument after {@code p}: past a separator (blanks, a comma between quoted items), then a string
     * in {@code quote} or, with none, a run of non-blank characters; its bounds go into {@code at}. Where it ends, or -1.
     */
    /** How long a Redis command's name may be ({@code ZREMRANGEBYSCORE}, sixteen letters, is among the longest). */
    private static final int MAX_COMMAND = 20;

    /**
     * Whether the word at {@code keyStart} is the first argument of a command typed at redis-cli's prompt ({@code
     * cache-01:6379> HSET session:… email …}, {@code 127.0.0.1:6379[2]> GET user:42:profile}): the key of nearly every
     * Redis command, a name whose colons part its namespace ({@code session:<id>}, {@code otp:4711}), not a name and
     * its value. The prompt is a host, a colon, the port's digits (a database's index in brackets after them), {@code
     * > } and the command's letters.
     */
    static boolean promptKey(String s, int keyStart) {
        int c = keyStart - 1;
        if (c < 3 || s.charAt(c) != ' ') {
            return false;
        }
        int command = c;
        while (command > 0 && c - command < MAX_COMMAND && Chars.letter(s.charAt(command - 1))) {
            command--;
        }
        if (command == c || command < 3 || s.charAt(command - 1) != ' ' || s.charAt(command - 2) != '>') {
            return false;
        }
        int k = command - 3;
        if (s.charAt(k) == ']') {
            int open = Chars.lastIndexOf(s, '[', Math.max(0, k - 4), k);
            if (open < 0 || open == k - 1 || !Chars.digitsOnly(s, open + 1, k)) {
                return false;
            }
            k = open - 1;
        }
        int port = k;
        while (k >= 0 && port - k < 5 && Chars.digit(s.charAt(k))) {
            k--;
        }
        return k < port && k > 0 && s.charAt(k) == ':' && (Chars.alnum(s.charAt(k - 1)) || s.charAt(k - 1) == ']');
    }

    private static int argument(String s, int p, char quote, int[] at) {
        int n = s.length();
        int q = p;
        while (q < n && (Chars.blank(s.charAt(q)) || quote != 0 && s.charAt(q) == ',')) {
            q++;
        }
        if (q == p || q >= n) {
            return -1;
        }
        if (quote != 0) {
            if (s.charAt(q) != quote) {
                return -1;
            }
            int close = q + 1;
            while (close < n && s.charAt(close) != quote && s.charAt(close) != '\n' && close - q <= 512) {
                close += s.charAt(close) == '\\' ? 2 : 1;
            }
            if (close >= n || s.charAt(close) != quote || close == q + 1) {
                return -1;
            }
            at[0] = q + 1;
            at[1] = close;
            return close + 1;
        }
        int e = q;
        while (e < n && !Chars.space(s.charAt(e)) && e - q <= 512) {
            e++;
        }
        at[0] = q;
        at[1] = e;
        return e;
    }

    /** What the key's first or last colon-parted part names, as a key name. */
    private static KeyNames.Key name(Scan scan, int start, int end) {
        String s = scan.text;
        int first = Chars.indexOf(s, ':', start, end);
        if (first < 0) {
            return KeyNames.classify(scan, start, end);
        }
        KeyNames.Key key = KeyNames.classify(scan, start, first);
        if (key != KeyNames.Key.NONE) {
            return key;
        }
        int last = s.lastIndexOf(':', end - 1);
        return KeyNames.classify(scan, last + 1, end);
    }

    private static boolean digits(String s, int start, int end) {
        for (int k = start; k < end; k++) {
            if (!Chars.digit(s.charAt(k))) {
                return false;
            }
        }
        return end > start;
    }
}
