package dev.healdesk.core.redact;

/**
 * Passwords in Redis' ACL rules, as {@code ACL LIST}, {@code ACL SETUSER}, an {@code aclfile} and a {@code users.acl}
 * print them: {@code user sessions-rw on >Copper0654.dv ~cache:* +@read}, where {@code >} adds a password and
 * {@code <} removes one (both clear text; {@code #…} is its SHA-256, which stays). Only on a line that reads as an ACL
 * rule: it starts with {@code user} (after a prompt's number or a quote) or holds {@code SETUSER}, and the {@code >}
 * starts a word. Triggered by the {@code >} and {@code <}.
 */
final class RedisAcls extends Detector {

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (i == 0 || s.charAt(i - 1) != ' ' || i + 1 >= s.length() || Chars.space(s.charAt(i + 1))
                || s.charAt(i + 1) == '>' || s.charAt(i + 1) == '=') {
            return i + 1;
        }
        int lineStart = i;
        while (lineStart > 0 && s.charAt(lineStart - 1) != '\n' && i - lineStart < 1024) {
            lineStart--;
        }
        if (!aclLine(s, lineStart, i)) {
            return i + 1;
        }
        int end = i + 1;
        while (end < s.length() && !Chars.space(s.charAt(end)) && !(s.charAt(end) == '"' && end + 1 >= s.length())
                && s.charAt(end) != '"') {
            end++;
        }
        if (end - (i + 1) < 3 || Values.placeholder(s, i + 1, end)) {
            return i + 1;
        }
        scan.add(SecretKind.PASSWORD, i + 1, end);
        return end;
    }

    /** Whether {@code s[lineStart, i)} begins an ACL rule: {@code user NAME …} or {@code … SETUSER NAME …}. */
    private static boolean aclLine(String s, int lineStart, int i) {
        int p = lineStart;
        while (p < i && (Chars.blank(s.charAt(p)) || Chars.digit(s.charAt(p)) || s.charAt(p) == ')'
                || s.charAt(p) == '"' || s.charAt(p) == '\'' || s.charAt(p) == '>' || s.charAt(p) == '.')) {
            p++;
        }
        if (i - p > 5 && s.startsWith("user ", p)) {
            return Chars.contains(s, p, i, " on", false) || Chars.contains(s, p, i, " off", false)
                    || Chars.contains(s, p, i, " reset", false);
        }
        return Chars.contains(s, lineStart, i, "setuser ", true);
    }
}
