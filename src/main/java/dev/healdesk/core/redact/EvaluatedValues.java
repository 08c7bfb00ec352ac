package dev.healdesk.core.redact;

/**
 * The value an expression evaluator's debug trace gives for an expression that names a secret, as GitHub Actions'
 * runner writes it with step debugging on ({@code ##[debug]Evaluating: secrets.NPM_TOKEN}, then, a few lines down,
 * {@code ##[debug]Result: '…'}; Gitea's and Forgejo's act runner print the same): a secret the runner did not know to
 * mask (one built from others, one read from a file) comes out there in clear. The expression's last name ({@code
 * NPM_TOKEN} of {@code secrets.NPM_TOKEN}, {@code password} of {@code steps.login.outputs['password']}) is read as a
 * key ({@link KeyNames}) and the quoted result judged as its value ({@link Judge#value}); {@code Evaluating:
 * github.ref} keeps its result. Triggered by the word {@code Result} before {@code : '}.
 */
final class EvaluatedValues extends Detector {

    /** How far back the "Evaluating:" line may stand: the evaluator's steps come between. */
    private static final int REACH = 1200;
    private static final int MAX_VALUE = 512;

    @Override
    long wordLengths(char c) {
        return 1L << 6;
    }

    @Override
    int at(Scan scan, int r) {
        String s = scan.text;
        int end = scan.wordEnd(r);
        if (end - r != 6 || !s.startsWith("Result: '", r)) {
            return end;
        }
        int start = r + 9;
        int close = Chars.indexOf(s, '\'', start, Math.min(s.length(), start + MAX_VALUE));
        if (close <= start || Chars.indexOf(s, '\n', start, close) >= 0) {
            return end;
        }
        int from = Math.max(0, r - REACH);
        int e = -1;
        for (int k = r - 12; k >= from; k--) {
            if (s.startsWith("Evaluating: ", k)) {
                e = k + 12;
                break;
            }
            if (k < r - 12 && s.startsWith("Result: ", k)) {
                return end;   // the result of an expression before
            }
        }
        if (e < 0) {
            return end;
        }
        int lineEnd = s.indexOf('\n', e);
        lineEnd = lineEnd < 0 ? s.length() : lineEnd;
        while (lineEnd > e && (Chars.space(s.charAt(lineEnd - 1)) || s.charAt(lineEnd - 1) == ']'
                || s.charAt(lineEnd - 1) == '\'' || s.charAt(lineEnd - 1) == '"')) {
            lineEnd--;
        }
        int nameStart = lineEnd;
        while (nameStart > e && lineEnd - nameStart < KeyNames.MAX_LENGTH
                && (Chars.word(s.charAt(nameStart - 1)) || s.charAt(nameStart - 1) == '-')) {
            nameStart--;
        }
        if (nameStart == lineEnd) {
            return end;
        }
        KeyNames.Key key = KeyNames.classify(scan, nameStart, lineEnd);
        boolean secrets = s.startsWith("secrets.", e);
        if (key == KeyNames.Key.NONE && !secrets) {
            return end;
        }
        SecretKind kind = key == KeyNames.Key.NONE ? Values.secretLike(s, start, close) ? SecretKind.GENERIC_SECRET
                : null : Judge.value(key, s, start, close);
        if (kind != null && !Chars.is(s, start, close, "***")) {
            scan.add(kind, start, close);
            return close;
        }
        return end;
    }
}
