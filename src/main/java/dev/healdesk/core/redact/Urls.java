package dev.healdesk.core.redact;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a URL gives away, found at its {@code ://}: a database URL (connection strings carry hosts, users and
 * often passwords) goes whole but for its scheme, {@code postgres://[REDACTED_DATABASE_URL]}, so a reader still
 * sees which database failed; a database URL on this machine without credentials stays, since it is what
 * test setups print. Elsewhere the password of {@code user:password@} goes, and a Slack incoming-webhook URL
 * goes whole. Hosts, paths and query strings are the other detectors' (IPs, emails, {@code ?token=}).
 * Text kept at rest ({@link Redactor#atRest()}) keeps a database URL's host and name: only its password goes, as
 * in any other URL.
 */
final class Urls implements Detector {

    private static final Set<String> DATABASE_SCHEMES = Set.of("postgres", "postgresql", "mysql", "mariadb",
            "mongodb", "mongodb+srv", "redis", "rediss", "amqp", "amqps", "mssql", "sqlserver", "oracle",
            "cockroachdb", "clickhouse", "cassandra", "couchbase", "couchbases", "neo4j", "neo4j+s", "bolt",
            "memcached", "db2", "snowflake");
    // gitleaks slack-webhook-url; services/T…/B…/secret, workflows and triggers.
    private static final Pattern SLACK_WEBHOOK =
            Pattern.compile("hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_-]{20,200}+");

    private final boolean wholeDatabaseUrls;

    /** @param wholeDatabaseUrls whether a database URL goes whole but for its scheme, or only its password */
    Urls(boolean wholeDatabaseUrls) {
        this.wholeDatabaseUrls = wholeDatabaseUrls;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (!s.startsWith("://", i)) {
            return i + 1;
        }
        int schemeStart = i;
        while (schemeStart > 0 && schemeChar(s.charAt(schemeStart - 1)) && i - schemeStart < 20) {
            schemeStart--;
        }
        while (schemeStart < i && !Chars.letter(s.charAt(schemeStart))) {
            schemeStart++;
        }
        if (schemeStart == i) {
            return i + 1;
        }
        int authStart = i + 3;
        int authEnd = authStart;
        while (authEnd < s.length() && authorityChar(s.charAt(authEnd))) {
            authEnd++;
        }
        int at = Chars.lastIndexOf(s, '@', authStart, authEnd);
        if (wholeDatabaseUrls && database(s, schemeStart, i)) {
            return database(scan, authStart, at, authEnd);
        }
        if (Chars.is(s, authStart, authEnd, "hooks.slack.com")) {
            Matcher m = SLACK_WEBHOOK.matcher(s).region(authStart, Math.min(s.length(), authStart + 256));
            if (m.lookingAt()) {
                scan.add(SecretKind.SLACK_WEBHOOK, schemeStart, m.end());
                return m.end();
            }
        }
        if (at >= 0) {
            int colon = Chars.indexOf(s, ':', authStart, at);
            if (colon >= 0 && !Values.placeholder(s, colon + 1, at)) {
                scan.add(SecretKind.PASSWORD, colon + 1, at);
            }
        }
        return i + 3;
    }

    private static boolean schemeChar(char c) {
        return Chars.alnum(c) || c == '+' || c == '-' || c == '.';
    }

    /** Characters of {@code user:password@host:port}; a password with {@code / ? #} in it must be %-encoded. */
    private static boolean authorityChar(char c) {
        return c > ' ' && c != '/' && c != '?' && c != '#' && c != '"' && c != '\'' && c != '<' && c != '>'
                && c != '`' && c != '\\' && c < 127;
    }

    /** A database scheme, or any scheme after {@code jdbc:}. */
    private static boolean database(String s, int schemeStart, int schemeEnd) {
        if (schemeStart >= 5 && s.regionMatches(true, schemeStart - 5, "jdbc:", 0, 5)) {
            return true;
        }
        if (schemeEnd - schemeStart > 12) {
            return false;
        }
        return DATABASE_SCHEMES.contains(s.substring(schemeStart, schemeEnd).toLowerCase(Locale.ROOT));
    }

    private static int database(Scan scan, int authStart, int at, int authEnd) {
        String s = scan.text;
        if (s.startsWith("[REDACTED_", authStart)) {
            return authStart;
        }
        int end = authStart;
        while (end < s.length() && urlChar(s.charAt(end))) {
            end++;
        }
        while (end > authStart && ".,;:)]".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        int hostStart = at >= 0 ? at + 1 : authStart;
        if (at < 0 && Hosts.local(s, hostStart, Hosts.withoutPort(s, hostStart, authEnd))
                && !Chars.contains(s, authStart, end, "password", true) && !Chars.contains(s, authStart, end, "pwd=", true)) {
            return authEnd;
        }
        scan.add(SecretKind.DATABASE_URL, authStart, end);
        return Math.max(end, authStart + 1);
    }

    private static boolean urlChar(char c) {
        return c > ' ' && c != '"' && c != '\'' && c != '<' && c != '>' && c != '`' && c != '\\' && c < 127;
    }
}
