package dev.healdesk.core.redact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keys and tokens that announce themselves with a fixed prefix ({@code ghp_}, {@code AKIA}, {@code eyJ}...).
 * A rule's regex runs only where a word starts with one of its prefixes, and only over a window there
 * ({@link Matcher#region}), which is what keeps the redactor fast on long logs. Formats follow the public
 * rule sets: gitleaks' default config (openai-api-key, anthropic-api-key, github-pat / -oauth / -app-token /
 * -refresh-token / -fine-grained-pat, slack-*-token, aws-access-token, stripe-access-token, gcp-api-key,
 * twilio-api-key, jwt) and GitHub secret scanning's partner patterns. Where gitleaks pins exact lengths or
 * checksum markers, these rules take a range, to catch keys of newer issue too.
 */
final class Tokens implements Detector {

    /**
     * One format: its kind, the literal prefixes that trigger it, its regex (anchored at the prefix), how far
     * the regex may look, and whether what follows the prefix must mix digits, capitals and small letters.
     */
    private record Rule(SecretKind kind, String[] prefixes, Pattern regex, int window, boolean mixed) {
    }

    private static final String TAIL = "(?![A-Za-z0-9_-])";
    private final Rule[][] byFirstChar = new Rule[128][];

    Tokens() {
        List<Rule> rules = new ArrayList<>();
        rules.add(rule(SecretKind.ANTHROPIC_KEY, "sk-ant-[a-z]{2,8}[0-9]{2}-[A-Za-z0-9_-]{20,1000}+" + TAIL, false,
                "sk-ant-"));
        // OpenAI: legacy sk-<48>, project, service-account and admin keys; must mix digits and both cases
        // (so "sk-learn-…" package names stay).
        rules.add(rule(SecretKind.OPENAI_KEY, "sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,1000}+" + TAIL, true,
                "sk-"));
        // Stripe: secret, restricted and (publishable, identifying an account) keys, live and test.
        rules.add(rule(SecretKind.STRIPE_KEY, "[spr]k_(?:live|test|prod)_[A-Za-z0-9]{10,247}+" + TAIL, false,
                "sk_", "rk_", "pk_"));
        rules.add(rule(SecretKind.GITHUB_TOKEN, "gh[pousr]_[A-Za-z0-9]{36,255}+" + TAIL, false,
                "ghp_", "gho_", "ghu_", "ghs_", "ghr_"));
        rules.add(rule(SecretKind.GITHUB_TOKEN, "github_pat_[A-Za-z0-9_]{36,255}+" + TAIL, false, "github_pat_"));
        // Slack: bot, user, app, config and refresh tokens all go on with a numeric part.
        rules.add(rule(SecretKind.SLACK_TOKEN, "xox(?:[abeoprs]|e\\.xox[bp])-[0-9]+-[A-Za-z0-9-]{8,250}+" + TAIL, false,
                "xoxa-", "xoxb-", "xoxe-", "xoxe.", "xoxo-", "xoxp-", "xoxr-", "xoxs-"));
        rules.add(rule(SecretKind.SLACK_TOKEN, "xapp-[0-9]-[A-Z0-9]+-[0-9]+-[a-z0-9]+" + TAIL, false, "xapp-"));
        rules.add(rule(SecretKind.AWS_ACCESS_KEY, "(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}" + TAIL, false,
                "AKIA", "ASIA", "ABIA", "ACCA", "A3T"));
        rules.add(rule(SecretKind.GOOGLE_API_KEY, "AIza[0-9A-Za-z_-]{35}" + TAIL, false, "AIza"));
        // Twilio: account SIDs (AC) and API key SIDs (SK), 32 hex.
        rules.add(rule(SecretKind.TWILIO_KEY, "AC[a-f0-9]{32}" + TAIL, false, "AC"));
        rules.add(rule(SecretKind.TWILIO_KEY, "SK[0-9a-fA-F]{32}" + TAIL, false, "SK"));
        // JWT: header and payload are base64url JSON objects ("eyJ" is '{"'); the signature may be empty (alg none).
        rules.add(new Rule(SecretKind.JWT, new String[] {"eyJ"},
                Pattern.compile("eyJ[A-Za-z0-9_-]{8,}+\\.ey[A-Za-z0-9_-]{8,}+\\.[A-Za-z0-9_-]*+"), 16384, false));
        Map<Character, Set<Rule>> byChar = new LinkedHashMap<>();
        for (Rule r : rules) {
            for (String p : r.prefixes()) {
                byChar.computeIfAbsent(p.charAt(0), c -> new LinkedHashSet<>()).add(r);
            }
        }
        byChar.forEach((c, set) -> byFirstChar[c] = set.toArray(new Rule[0]));
    }

    private static Rule rule(SecretKind kind, String regex, boolean mixed, String... prefixes) {
        return new Rule(kind, prefixes, Pattern.compile(regex), 1100, mixed);
    }

    /** The characters that can start a token, for {@link Redactor}'s trigger table. */
    String firstChars() {
        StringBuilder b = new StringBuilder();
        for (char c = 0; c < 128; c++) {
            if (byFirstChar[c] != null) {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (Chars.joinedBefore(s, i)) {
            return wordEnd(s, i);
        }
        Rule[] rules = byFirstChar[s.charAt(i)];
        for (Rule r : rules) {
            int prefix = prefixLength(s, i, r.prefixes());
            if (prefix < 0) {
                continue;
            }
            Matcher m = r.regex().matcher(s).region(i, Math.min(s.length(), i + r.window()))
                    .useTransparentBounds(true);
            if (m.lookingAt() && (!r.mixed() || mixed(s, i + prefix, m.end()))) {
                scan.add(r.kind(), i, m.end());
                return m.end();
            }
        }
        return wordEnd(s, i);
    }

    /** The length of the prefix that {@code s} has at {@code i}, or -1 for none. */
    private static int prefixLength(String s, int i, String[] prefixes) {
        for (String p : prefixes) {
            if (s.startsWith(p, i)) {
                return p.length();
            }
        }
        return -1;
    }

    /** Whether {@code s[start, end)} has digits, capitals and small letters, as random keys do and names do not. */
    private static boolean mixed(String s, int start, int end) {
        boolean digit = false;
        boolean upper = false;
        boolean lower = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            digit |= Chars.digit(c);
            upper |= Chars.upper(c);
            lower |= Chars.lower(c);
        }
        return digit && upper && lower;
    }

    /** The end of the run of word characters at {@code i}, at least {@code i + 1}. */
    static int wordEnd(String s, int i) {
        int j = i + 1;
        while (j < s.length() && Chars.word(s.charAt(j))) {
            j++;
        }
        return j;
    }
}
