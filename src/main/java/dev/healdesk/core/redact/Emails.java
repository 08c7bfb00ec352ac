package dev.healdesk.core.redact;

import java.util.Locale;
import java.util.Set;

/**
 * E-mail addresses, found at their {@code @}: a local part of {@code [A-Za-z0-9._%+-]} and a domain of at least
 * two labels ending in a letters-only TLD; {@code %40} counts as the {@code @} (an address in a query string). Reserved example and test domains stay ({@link Hosts}), and so do
 * service accounts ({@code …@…iam.gserviceaccount.com}), and look-alikes: {@code user:pw@host} in a URL (its password is {@link Urls}'; a
 * user that is itself an address, {@code smtp://ana%40mail.com:…@host}, goes), {@code pkg@1.2.3},
 * {@code Object@1b6d3586}, {@code icon@2x.png} (a file extension is not a TLD here), a shell prompt's {@code root@host:~#}
 * and an SSH remote's {@code git@github.com:acme/shop.git}.
 */
final class Emails extends Detector {

    private static final String[] FILE_EXTENSIONS = {"png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "js",
            "mjs", "cjs", "ts", "tsx", "jsx", "css", "scss", "map", "json", "html", "java", "kt", "py", "rb", "go",
            "rs", "txt", "log", "yml", "yaml", "xml", "lock", "zip", "jar", "class"};

    private static final boolean[] ENCODED_AT = Chars.set("4");

    /** {@code %40}. */
    @Override
    public boolean[] seconds(char c) {
        return c == '%' ? ENCODED_AT : null;
    }

    @Override
    public int at(Scan scan, int at) {
        String s = scan.text;
        int sep = s.charAt(at) == '@' ? 1 : s.startsWith("%40", at) ? 3 : 0;   // %40: an address in a query string
        if (sep == 0) {
            return at + 1;
        }
        int start = at;
        while (start > 0 && at - start < 64 && localChar(s.charAt(start - 1)) && (sep == 1 || s.charAt(start - 1) != '%')) {
            start--;
        }
        if (sep == 3 && start > 0 && s.charAt(start - 1) == '%') {
            return at + 1;   // user%3Apassword%40host: encoded credentials, read decoded by Encoded
        }
        if (start == at || s.charAt(start) == '.' || s.charAt(at - 1) == '.' || Chars.joinedBefore(s, start)) {
            return at + 1;
        }
        // an address as a whole segment of a URL's path, as REST APIs name a resource by it (Kong's Admin API,
        // /consumers/{username or id}/key-auth; /users/{email}/…): after a slash that no other slash or colon stands
        // before (not a URL's user@host), and followed by a slash (checked below)
        boolean segment = start > 1 && s.charAt(start - 1) == '/' && s.charAt(start - 2) != '/' && s.charAt(start - 2) != ':'
                && !Chars.space(s.charAt(start - 2));
        // an address as a URL's user, an Airflow connection's login (smtp://ana%40mail.com:…@smtp.host:587; checked below)
        boolean urlUser = start > 1 && s.charAt(start - 1) == '/' && s.charAt(start - 2) == '/';
        if (start > 0 && (s.charAt(start - 1) == '/' && !segment && !urlUser
                || s.charAt(start - 1) == ':' && !mailto(s, start - 1) && !mailKey(s, start - 1)
                && !robotVariable(s, start - 1) && !workflowValue(s, start - 1))) {
            return at + 1;
        }
        int end = at + sep;
        int labels = 0;
        int lastLabel = end;
        while (true) {
            int label = end;
            while (end < s.length() && end - at < 254 && (Chars.alnum(s.charAt(end)) || s.charAt(end) == '-')) {
                end++;
            }
            if (end == label) {
                break;
            }
            labels++;
            lastLabel = label;
            if (end + 1 < s.length() && s.charAt(end) == '.' && Chars.alnum(s.charAt(end + 1))) {
                end++;
            } else {
                break;
            }
        }
        end = joinedSuffix(s, start, lastLabel, end);
        if (urlUser && !userInfo(s, end)) {
            return Math.max(at + 1, end);   // scheme://user@host: the host after a user, no address
        }
        if (segment && (end >= s.length() || s.charAt(end) != '/')) {
            return Math.max(at + 1, end);   // a path's name@version or name@host, no segment of its own
        }
        if (labels < 2 || end - lastLabel < 2 || !Chars.lettersOnly(s, lastLabel, end) || fileExtension(s, lastLabel, end)
                || Hosts.reserved(s, at + sep, end) || serviceAccount(s, end) || prompt(s, end) || remote(s, end)
                || systemMailbox(s, start, at) || sshDestination(s, start, end) || programMailbox(s, start, at)
                || realm(s, start, at, at + sep, end) || generatedId(s, start, at) || roleSender(s, start, at)) {
            return Math.max(at + 1, end);
        }
        scan.add(SecretKind.EMAIL, start, end);
        return end;
    }

    /**
     * Whether the address that ends at {@code end}, right after a URL's {@code //}, is the user of the URL's user
     * information: a {@code :} and a password, or nothing, then the {@code @} before the host, within the authority
     * (no {@code /}, blank or quote before it). So Airflow's connection URIs and SQLAlchemy's URLs name a login that is
     * an e-mail address ({@code smtp://ana%40mail.com:…@smtp.host:587}, RFC 3986's encoded {@code @}; Airflow's
     * {@code connections add} prints it so), where {@code ssh://git@github.com/…} names a host after its user.
     */
    private static boolean userInfo(String s, int end) {
        if (end >= s.length() || s.charAt(end) != ':' && s.charAt(end) != '@' && !s.startsWith("%40", end)) {
            return false;
        }
        for (int k = end; k < s.length() && k - end < 256; k++) {
            char c = s.charAt(k);
            if (c == '@' || k > end && s.startsWith("%40", k)) {
                return true;
            }
            if (c == '/' || Chars.space(c) || c == '"' || c == '\'' || c == '?' || c == '#' || c == ',') {
                return false;
            }
        }
        return false;
    }

    /**
     * Where an address whose last label {@code s[label, end)} runs into a number after a hyphen ends: at the hyphen
     * ({@code ana@mail.com-1}, the values of a composite unique key joined as MySQL's "Duplicate entry '…-1' for key"
     * prints them); else {@code end}. A TLD has letters only, so the digits cannot be the address's. So too where the
     * address is one of a parametrized test's ids, which pytest joins with hyphens inside the brackets after the test's
     * name ({@code test_login[ana@mail.com-s3cret]}, {@link #inTestId}): what follows the hyphen is the next
     * parameter, whatever its characters.
     */
    private static int joinedSuffix(String s, int start, int label, int end) {
        int hyphen = Chars.indexOf(s, '-', label, end);
        if (hyphen < label + 2 || hyphen + 1 >= end || !Chars.lettersOnly(s, label, hyphen)) {
            return end;
        }
        for (int k = hyphen + 1; k < end; k++) {
            if (!Chars.digit(s.charAt(k))) {
                return inTestId(s, start, end) ? hyphen : end;
            }
        }
        return hyphen;
    }

    /**
     * Whether {@code s[start, end)} stands in a parametrized test's id as pytest prints a node id
     * ({@code tests/test_x.py::test_login[ana@mail.com-s3cret]}): an opening bracket right after a word character
     * (the test's name) before it or a hyphen of the id, and the closing bracket later on the line with no blank
     * before it.
     */
    private static boolean inTestId(String s, int start, int end) {
        int open = start - 1;
        while (open >= 0 && s.charAt(open) != '[' && !Chars.space(s.charAt(open)) && start - open < 256) {
            open--;
        }
        if (open < 1 || s.charAt(open) != '[' || !Chars.word(s.charAt(open - 1))
                || open + 1 < start && s.charAt(start - 1) != '-') {
            return false;
        }
        for (int k = end; k < s.length() && k - end < 256; k++) {
            char c = s.charAt(k);
            if (c == ']') {
                return true;
            }
            if (Chars.space(c)) {
                return false;
            }
        }
        return false;
    }

    /**
     * A Google Cloud service account ({@code ci-deployer@acme-prod.iam.gserviceaccount.com}): the identity of a
     * program, not of a person, and the project in it is what an operator needs.
     */
    private static boolean serviceAccount(String s, int end) {
        return end >= 20 && s.regionMatches(true, end - 20, ".gserviceaccount.com", 0, 20);
    }

    /**
     * Whether the local part {@code s[start, at)} is a mailbox of a program, no person's: {@code noreply@…},
     * {@code no-reply@…}, {@code donotreply@…}, {@code mailer-daemon@…}, {@code postmaster@…}. The domain is what the
     * operator needs of a mail that failed.
     */
    private static boolean systemMailbox(String s, int start, int at) {
        return Chars.isAny(s, start, at, SYSTEM_MAILBOXES);
    }

    private static final String[] SYSTEM_MAILBOXES = {"noreply", "no-reply", "no_reply", "donotreply", "do-not-reply",
            "do_not_reply", "mailer-daemon", "postmaster"};
    /**
     * The words of a mailbox or account that belongs to a program, no person: what CI, cron, monitoring and services
     * send as or log in as ({@code ci}, {@code deploy}, {@code jenkins}, {@code svc}, {@code bot}, {@code runner},
     * {@code release}, {@code app}, {@code alerts}...). Person names in the corpora and the lists of common names hold
     * none of them. A team's mailbox that people read ({@code ops@}, {@code support@}, {@code ops-oncall@}) is not
     * among them: the earlier collections and tests mask it as an address.
     */
    private static final Set<String> PROGRAM_WORDS = Set.of("alerts", "alert", "alerting",
            "alertmanager", "monitoring", "monitor", "nagios", "ci", "cicd", "build", "builds", "builder", "buildbot",
            "deploy", "deployer", "deploys", "release", "releases", "jenkins", "runner", "runners", "bot", "robot", "svc",
            "service", "daemon", "cron", "backup", "backups", "root", "mailer", "app", "api", "e2e", "automation",
            "etl", "batch", "scheduler", "worker", "healthcheck", "bounce", "bounces");

    /**
     * The mailboxes of a business's role, no person's: RFC 2142's (info, marketing, sales, support, abuse, noc,
     * security, postmaster, hostmaster, webmaster) and those a transactional mail is sent from (billing, invoices,
     * receipts, orders, accounts, notifications, hello, contact, team, news).
     */
    private static final String[] ROLE_MAILBOXES = {"info", "marketing", "sales", "support", "abuse", "noc", "security",
            "hostmaster", "webmaster", "billing", "invoices", "invoice", "receipts", "orders", "accounts",
            "notifications", "notification", "hello", "contact", "team", "news", "newsletter"};

    /**
     * Whether the address whose local part is {@code s[start, at)} is a role's mailbox ({@link #ROLE_MAILBOXES}) given
     * as the sender of a mail: the value of a {@code From}, {@code from}, {@code sender}, {@code from_email} or
     * {@code fromAddress} field, as mail SDKs take it (Postmark's {@code sendEmail({ From: 'billing@…' })}, its gem's
     * {@code deliver(from: "…")}, SendGrid's and Mailgun's {@code from}, Django's {@code from_email}). The sender is
     * the application's own verified address and its domain is what an operator needs of a mail that failed; a
     * person's address there ({@code From: 'jane.doe@…'}) and a role's as the recipient ({@code To: 'support@…'}) go.
     */
    private static boolean roleSender(String s, int start, int at) {
        if (!Chars.isAny(s, start, at, ROLE_MAILBOXES)) {
            return false;
        }
        int k = start - 1;
        if (k >= 0 && (s.charAt(k) == '\'' || s.charAt(k) == '"' || s.charAt(k) == '<')) {
            k--;
        }
        while (k >= 0 && Chars.blank(s.charAt(k))) {
            k--;
        }
        if (k >= 1 && s.charAt(k) == '>' && s.charAt(k - 1) == '=') {
            k--;   // Ruby's :from => "…"
        }
        if (k < 0 || s.charAt(k) != ':' && s.charAt(k) != '=') {
            return false;
        }
        k--;
        while (k >= 0 && Chars.blank(s.charAt(k))) {
            k--;
        }
        if (k >= 0 && (s.charAt(k) == '\'' || s.charAt(k) == '"')) {
            k--;
        }
        int end = k + 1;
        while (k >= 0 && (Chars.alnum(s.charAt(k)) || s.charAt(k) == '_')) {
            k--;
        }
        int w = k + 1;
        if (w >= end || k >= 0 && (s.charAt(k) == '.' || s.charAt(k) == '-')) {
            return false;   // a member's or a header's longer name: mail.from_addr stays a question of its own
        }
        return Chars.isAny(s, w, end, SENDER_KEYS);
    }

    private static final String[] SENDER_KEYS = {"from", "sender", "from_email", "fromemail", "from_address",
            "fromaddress", "from_addr", "default_from_email", "mail_from", "reply_to", "replyto"};

    /**
     * Whether the local part {@code s[start, at)} names a program's or a team's mailbox or account
     * ({@code alerts@mx1.globex.io}, {@code Cron <deploy@web-01.globex.io>}, a MySQL general log's
     * {@code Connect healdesk_ci@orders-db.acme.net}, {@code release-eng@CORP.ACME.NET}): one of its words, split at
     * {@code . _ -} before any {@code +} tag, is one of {@link #PROGRAM_WORDS}. Such an address is the sender or
     * account a failure is about, no person's data.
     */
    private static boolean programMailbox(String s, int start, int at) {
        int stop = start;
        while (stop < at && s.charAt(stop) != '+') {
            stop++;   // jane.doe+ci@…: a person's address with a tag; the words before the tag say whose
        }
        int w = start;
        for (int i = start; i <= stop; i++) {
            char c = i < stop ? s.charAt(i) : '.';
            if (c == '.' || c == '_' || c == '-' || c == '+') {
                if (i > w && i - w <= 14 && PROGRAM_WORDS.contains(s.substring(w, i).toLowerCase(Locale.ROOT))) {
                    return true;
                }
                w = i + 1;
            }
        }
        return false;
    }

    /**
     * Whether {@code s[start, end)} is a Kerberos principal, not a mailbox: its realm {@code s[from, end)} is written
     * in capitals as Kerberos has it ({@code svc-e2e@ACME.NET}, {@code jenkins@CORP.GLOBEX.IO} in kinit traces,
     * JAAS configs and keytab lists) and the name is not (a mailbox written all in capitals stays an e-mail).
     */
    private static boolean realm(String s, int start, int at, int from, int end) {
        for (int i = from; i < end; i++) {
            if (Chars.lower(s.charAt(i))) {
                return false;
            }
        }
        for (int i = start; i < at; i++) {
            if (Chars.lower(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the local part {@code s[start, at)} is a generated id, no person's name: 16 characters or more, all hex
     * digits, dashes, dots and underscores, a digit among them, as a mail server writes a Message-ID
     * ({@code <01cc2be2-3b60-4058-bacb-13986b72ea07@mx1.globex.io>}) or a Content-ID, and as Ruby's mail gem joins its
     * time and process in hex ({@code Delivered mail 6668f3b2c1a9e_1a2b@web-1.mail}, ActionMailer's log).
     */
    private static boolean generatedId(String s, int start, int at) {
        if (at - start < 16) {
            return false;
        }
        boolean digit = false;
        for (int i = start; i < at; i++) {
            char c = s.charAt(i);
            if (!Chars.hex(c) && c != '-' && c != '.' && c != '_') {
                return false;
            }
            digit |= Chars.digit(c);
        }
        return digit;
    }

    /**
     * Whether the colon at {@code colon} ends a key that names an e-mail ({@code email:}, {@code contactEmail:},
     * {@code e-mail:}), as Groovy, YAML and log fields print one ({@code Customer(id:1842, email:jane@…)}): the
     * address after it is a value, not the {@code user:password@host} of a URL.
     */
    private static boolean mailKey(String s, int colon) {
        if (colon < 4 || !s.regionMatches(true, colon - 4, "mail", 0, 4)) {
            return false;
        }
        int w = colon - 4;
        while (w > 0 && colon - w < 64 && (Chars.word(s.charAt(w - 1)) || s.charAt(w - 1) == '-')) {
            w--;
        }
        return w == 0 || s.charAt(w - 1) != '/';   // amqp://mail:guest@rabbit.acme.net: a URL's user, no key
    }

    /**
     * Whether the colon at {@code colon} closes a {@code ::}, as a GitHub Actions workflow command parts its
     * parameters from its value ({@code ::save-state name=reviewer::ann@…}, {@code ::add-mask::…}): what follows is
     * the value, not a URL's password (a URL's user is never empty).
     */
    private static boolean workflowValue(String s, int colon) {
        return colon > 0 && s.charAt(colon - 1) == ':';
    }

    /**
     * Whether the colon at {@code colon} parts a variable's name from its value as Robot Framework's command line takes
     * them, {@code --variable USER:qa@acme.io} or {@code -v EMAIL:…}: what follows is the value, not a URL's password.
     */
    private static boolean robotVariable(String s, int colon) {
        int w = colon;
        while (w > 0 && colon - w < 64 && Chars.word(s.charAt(w - 1))) {
            w--;
        }
        if (w == colon || w < 3 || s.charAt(w - 1) != ' ') {
            return false;
        }
        return s.startsWith(" -v", w - 4) || w >= 11 && s.startsWith("--variable", w - 11);
    }

    private static final String[] SSH_COMMANDS = {"ssh", "scp", "sftp", "rsync", "ssh-copy-id", "mosh", "plink",
            "autossh", "sshpass"};

    /**
     * Whether the address {@code s[start, end)} is where an SSH client logs in, not a mailbox: OpenSSH's prompt
     * {@code deploy@bastion.acme.net's password:}, or an argument of {@code ssh}, {@code scp}, {@code sftp},
     * {@code rsync} and their kin on the same line ({@code spawn ssh -p 2222 deploy@bastion.acme.net}). The user and
     * the host are what the operator needs.
     */
    private static boolean sshDestination(String s, int start, int end) {
        if (s.regionMatches(true, end, "'s password", 0, 11)) {
            return true;
        }
        int from = start;
        while (from > 0 && start - from < 160 && s.charAt(from - 1) != '\n' && s.charAt(from - 1) != '|'
                && s.charAt(from - 1) != ';' && s.charAt(from - 1) != '&') {
            from--;
        }
        int i = from;
        while (i < start) {
            while (i < start && !Chars.word(s.charAt(i)) && s.charAt(i) != '/') {
                i++;
            }
            int w = i;
            while (i < start && !Chars.blank(s.charAt(i)) && s.charAt(i) != '(' && s.charAt(i) != '"'
                    && s.charAt(i) != '\'') {
                i++;
            }
            int name = w;
            for (int k = w; k < i; k++) {
                if (s.charAt(k) == '/') {
                    name = k + 1;   // /usr/bin/ssh
                }
            }
            if (Chars.isAny(s, name, i, SSH_COMMANDS)) {
                return arguments(s, i, start);
            }
            if (i == w) {
                i++;
            }
        }
        return false;
    }

    /**
     * Whether {@code s[from, to)}, between an SSH command and the address, reads as its arguments: at most four
     * words, none ending as prose does ({@code rsync error: … contact jane@…}, {@code ssh failed, write to …}).
     */
    private static boolean arguments(String s, int from, int to) {
        int words = 0;
        int i = from;
        while (i < to) {
            while (i < to && Chars.blank(s.charAt(i))) {
                i++;
            }
            if (i >= to) {
                break;
            }
            while (i < to && !Chars.blank(s.charAt(i))) {
                i++;
            }
            char last = s.charAt(i - 1);
            if (++words > 4 || last == ':' || last == ',' || last == '.' || last == ';') {
                return false;
            }
        }
        return true;
    }

    private static boolean localChar(char c) {
        return Chars.alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean mailto(String s, int colon) {
        return colon >= 6 && s.regionMatches(true, colon - 6, "mailto", 0, 6);
    }

    private static boolean fileExtension(String s, int start, int end) {
        return Chars.isAny(s, start, end, FILE_EXTENSIONS);
    }

    /**
     * Whether the address that ends at {@code end} is an SSH remote, scp's {@code user@host:path} as git, rsync and CI
     * variables print it ({@code git@github.com:acme/shop.git}, {@code deploy@web-01.acme.net:releases/42}): a colon,
     * then a path with a {@code /} in it, no blank between. The host and the repository are what the operator needs; a
     * mailbox is never followed so.
     */
    private static boolean remote(String s, int end) {
        if (end + 2 >= s.length() || s.charAt(end) != ':' || !Chars.alnum(s.charAt(end + 1))) {
            return false;
        }
        for (int i = end + 2; i < s.length() && i - end < 256; i++) {
            char c = s.charAt(i);
            if (c == '/') {
                return true;
            }
            if (!Chars.alnum(c) && c != '-' && c != '_' && c != '.' && c != '~') {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether the address that ends at {@code end} is a shell prompt's user@host: a colon, then the working directory
     * ({@code ~} or a path), then {@code #} or {@code $} ({@code root@db01.acme.net:~#}, {@code ci@build-7:/srv/app$}).
     * The host is what the operator needs; a mailbox is never followed so.
     */
    private static boolean prompt(String s, int end) {
        if (end + 2 >= s.length() || s.charAt(end) != ':' || s.charAt(end + 1) != '~' && s.charAt(end + 1) != '/') {
            return false;
        }
        for (int i = end + 1; i < s.length() && i - end < 256; i++) {
            char c = s.charAt(i);
            if (c == '#' || c == '$') {
                return i + 1 == s.length() || Chars.space(s.charAt(i + 1));
            }
            if (Chars.space(c)) {
                return false;
            }
        }
        return false;
    }

}
