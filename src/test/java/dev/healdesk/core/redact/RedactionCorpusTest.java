package dev.healdesk.core.redact;

import dev.healdesk.core.redact.RedactionCorpus.Case;
import dev.healdesk.core.redact.RedactionCorpus.Figures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The redactor against failure output in real formats ({@link RedactionCorpus}): no planted secret or personal
 * datum may come through, and at least 98 % of what the operator needs must. The figures are reported for the
 * tune and the held-out split apart; only the tune split's failures are printed (the held-out split is for
 * measuring, never for fitting rules to), and on it the leak target is not met yet (see
 * {@link #HELD_OUT_LEAKS_STANDARD}).
 */
class RedactionCorpusTest {

    private static final long SEED = 20260514L;
    /**
     * Whether the held-out parts of the first three collections print their failures. They were released as tune data
     * by the lead at 8845c03 (issue #14, redact12), after their last measure as held-out parts, with the rules as they
     * stood then: 2 of 152, 8 of 54 and 29 of 53 planted values leaked with the standard rules, 0 of 106, 8 of 44 and 29
     * of 51 secrets at rest. From then on they count as tune data, and their figures no longer predict formats no rule
     * was written for; the fourth collection's held-out part (and any later collection's) does, and its failures are
     * still never printed. redact12 then wrote general rules for the forms of their leaks (a secret alone below the line
     * or shell command that names it, argument vectors printed as quoted elements, the password of a call that takes a
     * data source, a user and a password, MySQL's SET PASSWORD, a plan's {@code "old" -> "new"}, names and values aligned
     * in columns, one-time codes, PuTTY keys' private lines, the BMC tools' and MinIO client's command lines), each with
     * invented counter-examples in {@link RedactorTest}: 2, 2 and 0 of them leak with the standard rules, 0, 2 and 0 at
     * rest (39 of 259 and 37 of 201 before).
     */
    private static final boolean RELEASED = true;
    /**
     * Whether the held-out parts of the fourth and fifth collections print their failures. They were released as tune
     * data by the lead at this commit (issue #14, redact15), after their last measure as held-out parts with the rules
     * of main at 6df6948: the fourth's 5 of 85 planted values leaked with the standard rules and 5 of 76 secrets at
     * rest, the fifth's 5 of 150 and 5 of 116. From then on they count as tune data; the sixth collection (corpus6) is
     * the clean measure of formats no rule was written for.
     */
    private static final boolean RELEASED_LATER = true;
    /**
     * The target on the held-out split is 0 leaks, as on the tune split. Measured once the rules were done, without
     * looking at which lines leak (that would be tuning on them): 4 of 152 planted values with the standard rules,
     * 2 of 106 secrets at rest. Until rules found on other material close the gap, these bounds keep it from
     * growing; lower them, never raise them. After the general rule for a secret's name in prose or code
     * ({@link NamedValues#near}, {@link NamedArguments}), measured once: 2 and 0. After redact19's form for PostgreSQL's
     * {@code Failing row contains (…)} paired with the column names printed beside it ({@link FailingRows}): 0 and 0.
     */
    private static final int HELD_OUT_LEAKS_STANDARD = 0;
    private static final int HELD_OUT_LEAKS_AT_REST = 0;
    /**
     * The second collection's held-out split, measured once when the rules tuned on its tune split were done, without
     * looking at which lines leak: 10 of 54 planted values with the standard rules, 10 of 44 secrets at rest (its
     * formats are not those of the tune split, and these leaks are in formats no rule was written for). Lower them,
     * never raise them. After the general forms of redact9 (separators outside ASCII, a line that ends in a secret's
     * identifier and one value, a value below its name, name/key-attributed elements...), tuned on invented probe lines
     * only, measured once: 8 and 8. Released as tune data, then redact12's rules ({@link #RELEASED}): 2 and 2, a password
     * under a name whose password word is not its last ({@code userpw_readonly}), left for want of a general rule that
     * keeps {@code password_policy}'s value.
     */
    // with redact13's general forms on top (a secret repeated where nothing names it...), measured from the summary: 0
    private static final int SECOND_HELD_OUT_LEAKS_STANDARD = 0;
    private static final int SECOND_HELD_OUT_LEAKS_AT_REST = 0;
    /**
     * The third collection's held-out split, measured FIRST, with the rules as they stood before any was written for the
     * collection (its honest "before"), and again when the rules tuned on the three tune splits were done, without
     * looking at which lines leak. The bounds are the later figures; lower them, never raise them. After the general
     * rule for a secret's name in prose or code ({@link NamedValues#near}, {@link NamedArguments}), tuned on invented
     * probe lines and the tune parts only, measured once: 29 of 53 and 29 of 51 (32 and 32 before it). Released as tune
     * data, then redact12's rules ({@link #RELEASED}): 0 and 0.
     */
    private static final int THIRD_HELD_OUT_LEAKS_STANDARD = 0;
    private static final int THIRD_HELD_OUT_LEAKS_AT_REST = 0;
    /**
     * The third collection's held-out share of must-keep strings with the standard rules, measured with the leaks above
     * (0.9157), under the 0.98 target: on its tune part the same rules lose IP addresses, which the standard rules mask by
     * design (the rules at rest keep them: 0.994 held out), and a server's version string. Raise it, never lower it.
     * With redact12's rules, unchanged: 152 of 166 (the IP addresses of the same lines).
     */
    private static final double THIRD_HELD_OUT_KEPT_STANDARD = 0.957;
    /**
     * The third collection's tune part still leaks 4 of 172 values, in two formats no general rule was found for without
     * fitting one line: a password as the value of a Rust debug dump of a parsed statement ({@code AlterUser { name:
     * "bob", value: "…" }}) and a credential scanner's {@code Login Successful: user:password} lines. Lower it, never
     * raise it. The second went with the general rule for a {@code user:password} pair on a line that says it is a login
     * ({@link KeyValues}): 2, the Rust dump's.
     */
    private static final int THIRD_TUNE_LEAKS = 0;   // 0 with redact13's general forms on top, measured once
    /**
     * The fourth collection ({@link RedactionCorpus#FOURTH}, families4.py: 43 formats none of the earlier collections
     * has, learnt from public threads) was built and committed before any rule ran on it, and no rule writer has seen
     * it: both its parts measure formats no rule was written for. Measured once with the rules as they stood (main at
     * e1b1b3a), without looking at the held-out part's failures: tune 63 of 236 planted values leaked with the standard
     * rules and 61 of 217 secrets at rest, 562 of 564 must-keep strings kept (a {@code root@host} shell prompt read as an
     * e-mail address) and 564 at rest; held out 13 of 85 and 13 of 76, 206 of 206 kept. These bounds keep the gap from
     * growing; lower the leak bounds, never raise them. The kept shares are held to the 0.98 target, as elsewhere.
     * After redact9's general forms (written from invented probe lines, before this collection was merged and without
     * reading it), measured once from the summary lines: tune 57 and 55, held out 13 and 13, kept unchanged.
     * redact11 then wrote general rules for the tune part's shapes (numbered key shares, "NAME has been set as VALUE",
     * Samba's {@code user%password}, continued command lines, values one bracket from
     * their name in lists, Erlang tuples, go-spew's {@code (len=N)}, a {@code type} naming a value, a shell prompt's
     * user@host): tune 30 of 236 and 28 of 217 leaked, 564 of 564 kept. Two of the 30 are planted e-mail addresses whose last
     * eight characters ("mail.com") the relay's host name smtp.gmail.com repeats, which the measure counts as leaked. A rule for Postfix's
     * {@code HOST[:PORT] USER:PASSWORD} lines (4 more) was written and taken out: triggered by every colon after a word,
     * it cost 8 % of the scan's thread CPU in pairs against main. With both on main: 26 and 24. redact12's general rules,
     * written for the first three collections' released held-out parts before this part's failures were read: 24 and
     * 22; then, from this tune part's failures, Postfix's {@code [relay]:port user:password} lines, read at line starts
     * (no colon triggers them): 22 and 20. The held-out part stayed at 13 and 13 (its summary lines only were read).
     */
    // with redact13's general forms for the fifth tune part on top, measured once from the summary lines: tune 19 and
    // 17, held out 11 and 11 (13 and 13 before them). Then PasswordShapes (a password by its shape alone; see the fifth's
    // note): tune 10 and 8, held out 5 and 5. The held-out part was then released as tune data ({@link #RELEASED_LATER})
    // and redact15 wrote general forms for its and the tune part's leaks, each on invented lines with counter-examples
    // (ReleasedFormsTest, EncodedLoginsTest, PasswordShapesTest): a value below a lone secret name, a <value> after its
    // <name>, EDN's "name" "value", a debugger's char pointer, auth user:password, psk, generated salts, base64 that
    // decodes to a login, a parameter bound to a secret's column. Tune 3 and 1 (pgbouncer's userlist line
    // "user" "password", and the two addresses whose "mail.com" the relay's host repeats), held out 0 and 0.
    // redact33 (ReleasedThirteenthFormsTest): a "user" "password" line below PgBouncer's auth file's name goes: tune 2
    // and 0, the two addresses whose "mail.com" the relay's host repeats (a measure's artefact: nothing to mask).
    private static final int FOURTH_TUNE_LEAKS_STANDARD = 2;
    private static final int FOURTH_TUNE_LEAKS_AT_REST = 0;
    private static final int FOURTH_HELD_OUT_LEAKS_STANDARD = 0;
    private static final int FOURTH_HELD_OUT_LEAKS_AT_REST = 0;
    private static final double FOURTH_TUNE_KEPT_STANDARD = 0.98;
    private static final double FOURTH_TUNE_KEPT_AT_REST = 0.98;
    private static final double FOURTH_HELD_OUT_KEPT_STANDARD = 0.98;
    private static final double FOURTH_HELD_OUT_KEPT_AT_REST = 0.98;
    /**
     * The fifth collection ({@link RedactionCorpus#FIFTH}, families5.py: 40 formats none of the earlier collections has,
     * weighted toward what a test run's failure output carries, learnt from public threads) was built and committed
     * (360acec) before any rule ran on it, and no rule writer has seen it: both its parts measure formats no rule was
     * written for, and its held-out part is the closest predictor of the outside measure. Measured once with the rules of
     * main at 8845c03, from the summary lines only (the held-out failures are never printed): tune 44 of 250 planted
     * values leaked with the standard rules and 44 of 168 secrets at rest, 568 of 574 must-keep strings kept (570 at
     * rest); held out 8 of 150 and 8 of 116, 259 of 261 kept (259 at rest). These bounds keep the gap from growing; lower
     * the leak bounds, never raise them. The kept shares are held to the 0.98 target, as elsewhere.
     * redact13 then wrote general forms for the tune part's shapes, each on invented lines with a counter-example
     * ({@code FifthFormsTest}): a secret found by context goes wherever it repeats ({@link Echoes}), password-shaped text
     * typed by Playwright and WebDriver commands ({@link Typed}, {@link SentKeys}), cookie-jar lines ({@link CookieJars}),
     * Azure storage keys by shape, Go MySQL DSNs ({@link DriverDsns}), a password run as a PowerShell command
     * ({@link UnknownCommands}), a session id after the word session ({@link SessionMentions}), a CI log's
     * {@code variable : NAME, value : …}, box-drawn header pairs, {@code sess:}; and kept {@code pw:api} and
     * {@code git@host:org/repo}: tune 4 of 250 and 4 of 168, 574 of 574 kept. The 4: two %-encoded passwords echoed
     * by a script with no name beside them, and two passwords in a Cypress command log's {@code -login user | password}.
     * The held-out part did not move (8 and 8): forms found by context did not carry over. The lead then wrote one rule
     * by shape alone, {@link PasswordShapes} (small letter, capital, digit and a sign, four changes between them), from
     * the tune parts' leaks; it changes nothing in 666 real failure messages of the triage corpus or 8 MB of the bench
     * corpus. Its first version also lost keeps in the tune parts (URL queries, base64 digests, Samba users), which were
     * fixed from the tune parts' failures; the held-out summary lines were read after the first version and after the
     * last: tune 2 and 2, held out 5 and 5, kept unchanged. The held-out part was then released as tune data
     * ({@link #RELEASED_LATER}); with redact15's general forms (see the fourth's note; here a URL-encoded sign in a
     * password's shape and the value below a lone name of a two-column error page): tune 0 and 0, held out 0 and 0,
     * kept unchanged (held out 259 of 261: two UUIDs that are an {@code XSRF-TOKEN} cookie's values, masked as cookies).
     * Then 255 of 261 (this stop, redact31's statement parameters read by their columns with redact32's stored password
     * hashes): a {@code password_hash} column's {@code pbkdf2:…$salt$digest} loses its salt and digest, as
     * {@link PasswordHashes} takes a modular-crypt hash's and keeps the algorithm; the writer listed them as keeps. A
     * decision, not a loss found blind: an offline guess at a password starts from its salt and digest.
     */
    private static final int FIFTH_TUNE_LEAKS_STANDARD = 0;
    private static final int FIFTH_TUNE_LEAKS_AT_REST = 0;
    private static final int FIFTH_HELD_OUT_LEAKS_STANDARD = 0;
    private static final int FIFTH_HELD_OUT_LEAKS_AT_REST = 0;
    private static final double FIFTH_TUNE_KEPT_STANDARD = 0.98;
    private static final double FIFTH_TUNE_KEPT_AT_REST = 0.98;
    private static final double FIFTH_HELD_OUT_KEPT_STANDARD = 0.977;
    private static final double FIFTH_HELD_OUT_KEPT_AT_REST = 0.977;
    /**
     * The sixth collection ({@link RedactionCorpus#SIXTH}, families6.py: 47 formats none of the earlier collections has,
     * weighted toward what a failing test run and its CI log carry: other languages' test runners and HTTP mocks, CI
     * systems, infra tools, database clients and servers, message brokers, mail transcripts, devtools copies, personal
     * data in national formats; learnt from public threads and documentation pages) was built and committed (2e92fac)
     * before any rule ran on it, and no rule writer has seen it. A third of its families (17, 68 lines) is held out.
     * Measured once with the rules of main at 6df6948 (PasswordShapes included), from the summary lines only (the
     * held-out failures are never printed, and no line was changed after the run): tune 22 of 342 planted values leaked
     * with the standard rules and 16 of 246 secrets at rest, 728 of 743 must-keep strings kept (0.9798, under the 0.98
     * target) and 735 at rest; held out 35 of 210 and 9 of 120 (the standard count takes in 90 values of personal data the at-rest count leaves out), 431 of 436 kept and
     * 433 at rest. These bounds keep the gap from growing: lower the leak bounds, raise the kept floors, never the other
     * way.
     * <p>
     * Then the lead wrote general forms for what the tune part leaked or lost (a person's number by its label, a mail
     * client's SASL response, Redis ACL passwords, one-time codes in a message, a signature after its algorithm, Go's
     * {@code map[Name:[…]]}, SSH logins and programs' mailboxes that are no e-mail address: SixthFormsTest), reading the
     * tune failures only: tune 7 and 7, 735 kept (two `_ga` analytics cookies, which the first collection masks, still go); held out 25 and 7 (summary lines only), kept unchanged.
     * <p>
     * The held-out part was then released as tune data ({@link #RELEASED_SIXTH}) and redact16 wrote general forms for its
     * and the tune part's leaks, each on invented lines with counter-examples ({@code ReleasedSixthFormsTest}): a phone
     * by its label in any country's layout, a person's number whose name is spelt in parts ({@code my_number}), a number
     * ending in seven zeros as a placeholder, delimited records paired with the header that names their columns (CSV,
     * TSV, {@code COPY … FROM stdin}), a parametrized test's id, a user name that is a key's id, a code in a message to
     * a person. Held out 2 and 0 (two Mexican phone numbers in a header-less CSV row, nothing naming them), 434 of 436
     * kept (two testcontainers {@code sessionId} labels that are UUIDs, masked as session ids); tune 3 and 3 (the Jenkins
     * script console's {@code id : secret} lines and its decrypted {@code Result:}), 735 kept.
     */
    /**
     * Whether the sixth collection's held-out part prints its failures. It was released as tune data by the lead at this
     * commit (issue #14, redact16), after its last measure as a held-out part with the rules of main at 99f668c: 25 of
     * 210 planted values leaked with the standard rules and 7 of 120 secrets at rest, 431 of 436 must-keep strings kept.
     * From then on it counts as tune data; the seventh collection (corpus7) is the clean measure of formats no rule was
     * written for.
     */
    private static final boolean RELEASED_SIXTH = true;
    private static final int SIXTH_TUNE_LEAKS_STANDARD = 3;
    private static final int SIXTH_TUNE_LEAKS_AT_REST = 3;
    // redact33: Mexico's closed plan (2019) in PhonePlans, its metropolitan codes written 2-4-4 beside an address
    // ({@code 55 1870 6154}): held out 0 and 0 (ReleasedThirteenthFormsTest).
    private static final int SIXTH_HELD_OUT_LEAKS_STANDARD = 0;
    private static final int SIXTH_HELD_OUT_LEAKS_AT_REST = 0;
    private static final double SIXTH_TUNE_KEPT_STANDARD = 0.991;
    private static final double SIXTH_TUNE_KEPT_AT_REST = 0.989;
    private static final double SIXTH_HELD_OUT_KEPT_STANDARD = 0.995;
    private static final double SIXTH_HELD_OUT_KEPT_AT_REST = 0.995;
    /**
     * The seventh collection ({@link RedactionCorpus#SEVENTH}, families7.py: 52 formats none of the six earlier collections
     * has, weighted toward what a FAILING TEST RUN prints and drags in: JS/TS test tools (Mocha/chai, AVA, Jasmine,
     * TestCafe, Karma, Cypress, Nightwatch, MSW, Jest's console blocks, Vite bundles), browser consoles, Node/Python/JVM
     * HTTP client logs (got, supertest, httpx, urllib3, Feign, Reactor Netty, Apache HttpClient), Flask/Werkzeug, Spring's
     * configprops, Selenium Grid, Gatling, Locust, JMeter, Allure, Cucumber, Robot Framework, Appium, Espresso, XCUITest,
     * cloud and build CLIs, ps/proc environments, OIDC/Keycloak/SAML, GraphQL, Bugsnag, Postman, Ansible, Chef, Prisma,
     * Mongoose, ConfigMaps; learnt from public threads and documentation pages) was built and committed before any rule ran
     * on it (89203c0), and no rule writer has seen it. A third of its families (15, 60 lines) is held out. Measured once
     * with the rules of main at 99f668c, from the summary lines only (the held-out failures are never printed, and no line
     * was changed after the run): tune 26 of 350 planted values leaked with the standard rules and 20 of 240 secrets at
     * rest, 994 of 1004 must-keep strings kept (0.9900) and 1004 at rest; held out 9 of 158 and 7 of 132, 399 of 413 kept
     * (0.9661, under the 0.98 target) and 405 at rest (0.9806). These bounds keep the gap from growing: lower the leak
     * bounds, raise the kept floors, never the other way.
     * <p>
     * Two rules the lead wrote from general forms before this collection landed, blind to it (a person's number after
     * its label in prose, NumberLabelsTest; an OAuth authorization code in its redirect, AuthorizationCodesTest): tune 22
     * and 16, held out 7 and 5 (summary lines only), kept unchanged. Then the lead read the tune failures only and wrote
     * general forms for them (SeventhFormsTest: a phone number by its label, more countries' personal numbers, kubectl's
     * describe layout, SAMLResponse, an authorization code in a server's log, a Slack webhook's path alone, test clouds'
     * tunnel keys, Cypress' record key): tune 7 and 5, held out 7 and 5 (summary lines only), kept unchanged. Left in the
     * tune part: httpx's byte-string header tuples, Prisma's bound parameters, a password in a Cucumber step, GraphQL's
     * "got invalid value … at input.phone". Then an address that names no host stays (a /8's base, Chrome's reduced
     * version 124.0.0.0; a network in CIDR notation, 10.9.0.0/24): kept 996 (the third collection's tune part 471 to 473).
     * Still lost: private IP addresses (masked by design with the standard rules; the rules at rest keep them), a
     * fixture's UK drama number. Then the rules redact16 wrote from the sixth collection's released held-out part,
     * blind to this collection (a phone number by its label, delimited records under their header, a parametrized test's
     * id, a user name that is a key's id, a code in a message to a person): held out 5 and 5, 401 kept (summary lines
     * only); tune unchanged.
     */
    /**
     * Whether the seventh collection's held-out part prints its failures. It was released as tune data by the lead at
     * this commit (issue #14, redact19), after its last measure as a held-out part with the rules of main at 95952d1: 5
     * of 158 planted values leaked with the standard rules and 5 of 132 secrets at rest, 401 of 413 must-keep strings
     * kept (405 at rest). From then on it counts as tune data; the eighth collection (corpus8) is the clean measure of
     * formats no rule was written for.
     * <p>
     * Then redact19 wrote general forms for its leaks and losses and for those left in the tune part
     * (ReleasedSeventhFormsTest: header pairs printed as bytes, a prepared statement's bound parameters paired with their
     * placeholders' columns, a login in words, text typed into a field a locator names, a value given before its field's
     * path, Basic credentials written as a user and a password, a secret's name or ARN that is no secret, a variable's
     * reference as a key's name, a hex secret repeated outside a path, a form's parameters after a label; and a refused
     * row paired with its column names, which closed the first collection's held-out SSNs): tune 0 and 0,
     * 996 kept (1004 at rest); held out 2 and 2 (Gatling's {@code "expected":"…"} CSRF token after "csrf token
     * mismatch"), 409 of 413 kept (private IP addresses, masked by design with the standard rules) and 413 at rest.
     */
    private static final boolean RELEASED_SEVENTH = true;
    private static final int SEVENTH_TUNE_LEAKS_STANDARD = 0;
    private static final int SEVENTH_TUNE_LEAKS_AT_REST = 0;
    // redact33: a JSON object's "expected" value beside an error that names a secret ({"error":"csrf token mismatch",
    // "expected":"…"}) goes: held out 0 and 0 (ReleasedThirteenthFormsTest).
    private static final int SEVENTH_HELD_OUT_LEAKS_STANDARD = 0;
    private static final int SEVENTH_HELD_OUT_LEAKS_AT_REST = 0;
    private static final double SEVENTH_TUNE_KEPT_STANDARD = 0.998;
    private static final double SEVENTH_TUNE_KEPT_AT_REST = 1.0;
    private static final double SEVENTH_HELD_OUT_KEPT_STANDARD = 0.990;
    private static final double SEVENTH_HELD_OUT_KEPT_AT_REST = 1.0;
    private static List<Case> cases;
    /** The second collection ({@link RedactionCorpus#SECOND}), measured apart. */
    private static List<Case> second;
    /** The third collection ({@link RedactionCorpus#THIRD}), measured apart. */
    private static List<Case> third;
    /** The fourth collection ({@link RedactionCorpus#FOURTH}), measured apart. */
    private static List<Case> fourth;
    /** The fifth collection ({@link RedactionCorpus#FIFTH}), measured apart. */
    private static List<Case> fifth;
    /** The sixth collection ({@link RedactionCorpus#SIXTH}), measured apart. */
    private static List<Case> sixth;
    /** The seventh collection ({@link RedactionCorpus#SEVENTH}), measured apart. */
    private static List<Case> seventh;
    /**
     * The eighth collection ({@link RedactionCorpus#EIGHTH}, families8.py: 59 formats none of the seven earlier collections
     * has, weighted toward what a FAILING TEST RUN prints and drags in across languages and tools: Go (slog, zap, a
     * panicking go test), Rust (tracing spans, anyhow chains), .NET (NUnit, MSTest, GetDebugView, the developer exception
     * page, Serilog, web.config errors), PHP (VarDumper, Laravel logs and assertJson, debug:dotenv), Ruby (RSpec diffs,
     * credentials:show, Cuprite), Ecto, Kotest, adb and shared_prefs, NSURLError and XCTAssert, Terraform state, Pulumi,
     * Argo CD diffs, Travis and Bitbucket logs, npm/yarn/pip/poetry/Maven credentials, GIT_TRACE_CURL, Mosquitto,
     * Cassandra, Elasticsearch, BigQuery, Stripe/Twilio/SendGrid/Supabase/Firebase errors, WebSocket frames, wget,
     * mitmdump, tcpdump, Envoy/Apache/ModSecurity/HAProxy logs, OpenTelemetry, Datadog, New Relic, the journal, asciinema
     * casts, shell history, rclone, sops, schema validation errors and pandas diffs with personal data; learnt from public
     * threads and documentation pages) was built and committed before any rule ran on it, and no rule writer has seen it.
     * A third of its families (20, 80 lines) is held out. Measured once at 246de2d with the rules of main at 95952d1,
     * from the summary lines only (the held-out failures are never printed, and no line was changed after the run): tune
     * 41 of 380 planted values leaked with the standard rules and 23 of 292 secrets at rest, 1103 of 1111 must-keep
     * strings kept (0.9928) and 1103 at rest; held out 26 of 204 and 6 of 132, 568 of 568 kept (1.0000) and 568 at rest.
     * The standard figure counts personal data (72 of the 204 held-out values), the figure at rest secrets only. In the tune
     * part, a failing URL in NSURLError's userInfo loses its host and path, and Travis' {@code DB_PASSWORD=[secure]} mask
     * itself is masked (8 of 1111 keeps).
     * The general forms written from the tune part (redact20, {@link EighthFormsTest}) brought it to 7 of 380 and 2 of
     * 292, 1111 of 1111 kept in both modes; the held-out part's summary lines did not move (its bounds are the lead's).
     * These bounds keep the gap from growing: lower the leak bounds, raise the kept floors, never the other way.
     */
    /**
     * Whether the eighth collection's held-out part prints its failures. It was released as tune data by the lead at
     * this commit (issue #14, redact21), after its last measure as a held-out part with all the rules of main at
     * f5e7fd7: 26 of 204 planted values leaked with the standard rules and 6 of 132 secrets at rest, 568 of 568
     * must-keep strings kept (568 at rest). From then on it counts as tune data; the ninth collection (corpus9) is the
     * clean measure of formats no rule was written for.
     * <p>
     * Then redact21 wrote general forms for its leaks and those left in the tune part ({@link ReleasedEighthFormsTest}:
     * a value a validation error prints beside its field's path, a statement's values listed at the end of its own line,
     * a field's values in an assertion's field-by-field diff, a person's number found by its name printed again
     * elsewhere, persons' numbers with letters among their digits, "ID number", a refresh token's short name, Mosquitto's
     * -P; and national numbers that pass their country's checks, national-ids.json, which moves none here: the corpus'
     * fakes draw their check digits at random). One label of the tune part was corrected: a service account key's
     * {@code private_key_id} is the key's id, no secret, as the first collection keeps it (378 planted, 1113 to keep).
     * Held out 4 of 204 and 0 of 132 (Italy's codice fiscale under a pandas column "cf"), 568 kept; tune 2 of 378 and 0
     * of 290 (Ireland's PPS in a CSV row with no header), 1113 of 1113 kept in both modes. With redact24's national
     * numbers with letters by their exact layout ({@link LetterIds}: the codice fiscale, Mexico's CURP): held out 0 and
     * 0; the PPS (seven digits and a letter, a layout too loose to stand alone) is left.
     */
    private static final boolean RELEASED_EIGHTH = true;
    private static final int EIGHTH_TUNE_LEAKS_STANDARD = 2;
    private static final int EIGHTH_TUNE_LEAKS_AT_REST = 0;
    private static final int EIGHTH_HELD_OUT_LEAKS_STANDARD = 0;
    private static final int EIGHTH_HELD_OUT_LEAKS_AT_REST = 0;
    private static final double EIGHTH_TUNE_KEPT_STANDARD = 1.0;
    private static final double EIGHTH_TUNE_KEPT_AT_REST = 1.0;
    private static final double EIGHTH_HELD_OUT_KEPT_STANDARD = 1.0;
    private static final double EIGHTH_HELD_OUT_KEPT_AT_REST = 1.0;
    /** The eighth collection ({@link RedactionCorpus#EIGHTH}), measured apart. */
    private static List<Case> eighth;
    /**
     * The ninth collection ({@link RedactionCorpus#NINTH}, families9.py: 85 formats none of the eight earlier collections
     * has, weighted toward what a FAILING TEST RUN prints and drags in: Spock, Hamcrest, AssertJ, ScalaTest, Hypothesis,
     * unittest, doctest, loguru, rich, structlog, pytest's JUnit XML, node:test TAP, Bats, Pester, insta, Jest's JSON and
     * mochawesome reports; responses, pytest-httpx, MockServer, Pact, the JDK HTTP client log, requests-toolbelt, CXF SOAP
     * with WS-Security, gRPC metadata; MyBatis, JdbcTemplate TRACE, p6spy, jOOQ, Knex, Doctrine, GORM, the MySQL general
     * log, sqlplus and ORA- errors, Liquibase, ProxySQL, Patroni, Neo4j, etcd, sqlite3; Celery, Sidekiq/Resque, NATS;
     * Drone, Tekton, Concourse, CodeBuild and Cloud Build, SAM local, Kustomize, Vagrant, cloud-init, SSM, PM2,
     * supervisord, cron mail; Quarkus, Tomcat, WildFly, Traefik, Kong, Alertmanager, Prometheus, Fluent Bit, Telegraf,
     * GELF, RFC 5424 syslog, IIS W3C, Squid, PowerShell transcripts; oauth2-proxy, Kerberos, FreeRADIUS, OpenVPN,
     * strongSwan, wpa_supplicant, Cisco IOS, GPG armour; git credential fill, s3cmd, restic/borg, msmtp, Nagios, sbt/cargo/gem
     * credentials, raw e-mail, fixture diffs with the personal data of 22 more countries; learnt from public threads and
     * documentation pages) was built and committed before any rule ran on it, and no rule writer has seen it. A third of
     * its families (30, 120 of 340 lines) is held out. Measured once at 1155a9b with the rules of main at f5e7fd7, from
     * the summary lines only (the held-out failures are never printed, and no line was changed after the run): tune 65 of
     * 590 planted values leaked with the standard rules and 29 of 412 secrets at rest, 1579 of 1635 must-keep strings kept
     * (0.9657) and 1627 at rest (0.9951); held out 14 of 284 and 12 of 218, 847 of 865 kept (0.9792) and 853 at rest
     * (0.9861). The standard figure counts personal data, the figure at rest secrets only. These bounds keep the gap from
     * growing: lower the leak bounds, raise the kept floors, never the other way. After redact22's general forms
     * (e-mail addresses that are no person's, a network device's secrets, more persons' numbers by name, every row of
     * a multi-row INSERT): tune 36 and 18 leaked, 1607 (0.9829) and 1629 (0.9963) kept. With redact21's forms (written from
     * the eighth collection) merged beside them: tune 29 and 16; held out 14 and 12 leaked (unchanged), 851 (0.9838) and
     * 853 kept. Bound values keyed by their places (Doctrine's parameters object): tune 26 and 13; held out unchanged.
     * redact24's general forms from the tune part's failures ({@link NinthFormsTest}: an assertion's expected and actual
     * values under the field they differ in, a query filter's literal, a WHERE's literal under a secrets table, a phone
     * column's INSERT value, key material hexdumped under its name, a Kubernetes Secret's data wherever its kind stands,
     * an untyped device key, one-word commands' positional secrets and passwords piped into kinit, an HKID's check in
     * parentheses, integration keys of hex, national numbers with letters by layout; kept: a link after a password's
     * word, an example login, example numbers; a power assertion's value below its word, {@link PowerAsserts}): tune 2
     * and 0 leaked (an Israeli number under the key {@code tz}), 1613 (0.9865) and 1635 (1.0000) kept, the 22 keeps still
     * lost with the standard rules being IP addresses (masked by design) and a team's mailbox {@code ops@} (masked as
     * the earlier collections want); held out 12 and 12 (summary lines only), kept unchanged. (Merged with
     * redact23's forms from the released held-out part: held out 2 and 2, tune 2 and 0.)
     */
    /**
     * Whether the ninth collection's held-out part prints its failures. It was released as tune data by the lead at
     * this commit (issue #14, redact23), after its last measure as a held-out part with all the rules of main at
     * ef0b72c: 14 of 284 planted values leaked with the standard rules and 12 of 218 secrets at rest, 851 of 865
     * must-keep strings kept (0.9838; 853 at rest). From then on it counts as tune data; the tenth collection (corpus10)
     * is the clean measure of formats no rule was written for.
     * <p>
     * Then redact23 wrote general forms for its leaks and losses ({@link ReleasedNinthFormsTest}: a secret's value in a
     * list as Jackson's pretty printer writes it, a URL user of hex digits, any armoured key that is no public one, a
     * field of a pipe-separated record, a telephone number under an INSERT's or a refused row's phone column, a long option named in a
     * sentence or acting on secrets, a secret after the word of its type, a key printed for paper). Held out 2 of 284 and
     * 2 of 218 (a 64-hex value bound to a JdbcTemplate parameter with no column named), 859 (0.9931) and 861 (0.9954) of
     * 865 kept (lost: PGP armour's BEGIN line, which the first collection masks with its block, and a documentation-range
     * address the standard rules mask); tune 24 of 590 and 13 of 412, kept unchanged.
     */
    private static final boolean RELEASED_NINTH = true;
    // redact33: an Israeli id under its short name tz with a right check digit goes (ReleasedThirteenthFormsTest):
    // tune 1 and 0, the other planted number under tz fails the id's check (the fake is nine random digits), so no
    // rule that reads real ids takes it.
    private static final int NINTH_TUNE_LEAKS_STANDARD = 1;
    private static final int NINTH_TUNE_LEAKS_AT_REST = 0;
    private static final int NINTH_HELD_OUT_LEAKS_STANDARD = 2;
    private static final int NINTH_HELD_OUT_LEAKS_AT_REST = 2;
    private static final double NINTH_TUNE_KEPT_STANDARD = 0.997;
    private static final double NINTH_TUNE_KEPT_AT_REST = 1.0;
    private static final double NINTH_HELD_OUT_KEPT_STANDARD = 0.993;
    private static final double NINTH_HELD_OUT_KEPT_AT_REST = 0.995;
    /** The ninth collection ({@link RedactionCorpus#NINTH}), measured apart. */
    private static List<Case> ninth;
    /**
     * The tenth collection ({@link RedactionCorpus#TENTH}, families10.py: 73 formats none of the nine earlier collections
     * has, weighted toward what a FAILING TEST RUN prints and drags in: Detox, Maestro, behave, Codeception, Minitest,
     * Catch2, GoogleTest, tox, Tavern, Schemathesis, Dredd, the Storybook test runner, Serenity BDD, Gauge, MockMvc's
     * print(), WebTestClient, Micronaut's HTTP client trace, Deno, Bun, dart test, Godot's GUT, ReportPortal; Mockito,
     * Sinon, gomock, unittest.mock, Moq/NSubstitute, FluentAssertions/Shouldly; Hoverfly, Mountebank, fetch-mock,
     * httpretty; Rollbar, Honeybadger, Airbrake, Raygun, Splunk HEC, Loki/Promtail, Vector, Filebeat, Zipkin spans,
     * Honeycomb, Elastic APM; Bazel with BuildBuddy, esbuild, semgrep, Renovate, Codecov, electron-builder/notarytool,
     * Cordova, Tauri, Chromatic, Applitools, Lighthouse CI, LocalStack; Odoo, Magento, my_print_defaults and .my.cnf,
     * Fluentd, doctl, Tailscale, ngrok; Great Expectations, DeepDiff, pandera, marshmallow, zod, DbUnit, pgTAP, Sqitch,
     * Alembic, assertpy, GreenMail/smtp4dev; with the personal data of 21 more countries and national numbers that pass
     * their checks ({@link ValidIds}); learnt from public documentation pages and threads) was built and committed before
     * any rule ran on it, and no rule writer has seen it. Its families are split by the SHA-1 of the name (0 mod 3): 31 of
     * 73 fell to the held-out part, 124 of 292 lines (42%, more than the third the rule aims at, by the hash's chance; the
     * split was not redrawn). Measured once at f40fb74 with the rules of main at ef0b72c, from the summary lines only
     * (the held-out failures are never printed, and no line was changed after the run): tune 46 of 422 planted values
     * leaked with the standard rules and 11 of 238 secrets at rest, 1291 of 1295 must-keep strings kept (0.9969) and
     * 1293 at rest (0.9985); held out 45 of 294 and 16 of 170, 881 of 889 kept (0.9910) and 885 at rest (0.9955). The
     * standard figure counts personal data, the figure at rest secrets only. These bounds keep the gap from growing:
     * lower the leak bounds, raise the kept floors, never the other way. After redact25's general forms (TenthFormsTest:
     * more countries' national numbers by layout and check, Gherkin tables' columns, DeepDiff paths, FluentAssertions'
     * "but found", phones in closed numbering plans beside an e-mail address, Honeycomb's header, a list of key names
     * kept): tune 4 of 422 and 4 of 238 (Godot's bare 64-hex key in a GUT line, a password in a URL missing its
     * scheme's colon), 1293 of 1295 kept (Mountebank's IPv4-mapped addresses, masked by design) and 1295 at rest;
     * held out (summary lines only) 28 of 294 and 16 of 170, kept unchanged. That fall from 45 is not a blind figure:
     * the tune and held-out parts share the countries whose numbers and phones redact25's tables learnt (from the
     * countries' public specifications, not from the fakes), so 45 stays the clean measure. redact23's and redact24's
     * forms, written from the ninth collection, moved neither part.
     */
    /**
     * Whether the tenth collection's held-out part prints its failures. It was released as tune data by the lead at
     * this commit (issue #14, redact26), after its last measure as a held-out part with all the rules of main at
     * 57d6e89: 28 of 294 planted values leaked with the standard rules and 16 of 170 secrets at rest, 881 of 889
     * must-keep strings kept (0.9910; 885 at rest). Its first measure, with the rules of ef0b72c, was 45 and 16. From
     * then on it counts as tune data; the eleventh collection (corpus11) is the clean measure of formats no rule was
     * written for.
     * <p>
     * Then redact26 wrote general forms for its leaks and losses and the tune part's ({@link ReleasedTenthFormsTest}: a
     * long option read whole, basic authentication's user kept, a secret's list value as Python prints a dict of lists
     * and after a record's ids, a validator's failing values under the column it names, an address run into a joined
     * key's number, a password in a network-path reference whose scheme lost its colon, Morocco's CIN by its short name;
     * and a value under a column named for personal data or a secret in the tabular layouts no reader covered: tables
     * that blanks align, HTML tables, tuples below a list of column names). Held out 11 of 294 and 9 of 170, 883
     * (0.9933) and 887 (0.9978) of 889 kept; tune 2 of 422 and 2 of 238 (Godot's bare 64-hex key), kept unchanged. Left
     * in the held-out part: a bare {@code key}'s generated value ({@code ?key=…}, Magento's {@code 'key' => …}: a bare
     * "key" judged as a key cost the ninth collection's Kong key-auth UUIDs, which it keeps), short options whose
     * letter says nothing ({@code codecov -t}, {@code tauri signer sign -k}), a typed password below the step that
     * taps a password field (Maestro), a phone as a mocked SMS sender's argument (Mockito).
     * <p>
     * redact28's forms (ReleasedEleventhFormsTest: a bare key's 32-64 hex digits alone, a generated key encoded in
     * base64, text typed below the tap on a password field, a link of words after a secret's name kept) closed the bare
     * {@code key}'s values, Tauri's {@code -k} key, Maestro's password and Chromatic's documentation link: held out 4 of
     * 294 and 2 of 170, 885 (0.9955) and 889 of 889 kept. Left: {@code codecov -t}'s UUID (a short option whose letter
     * means a token to one tool and a tag to another, and a UUID is an id elsewhere) and the phone a mocked SMS sender
     * was called with ({@code sendSms("8 669 97058", …)}: Lithuania's old trunk layout, nothing naming it); lost: a
     * private address and an example phone all zeros ({@code +386 31 000 000}). Then redact30 read Codecov's and
     * Vercel's {@code -t} as their token (the command names the letter): held out 0 of 294 and 0 of 170.
     */
    private static final boolean RELEASED_TENTH = true;
    private static final int TENTH_TUNE_LEAKS_STANDARD = 2;
    private static final int TENTH_TUNE_LEAKS_AT_REST = 2;
    private static final int TENTH_HELD_OUT_LEAKS_STANDARD = 0;
    private static final int TENTH_HELD_OUT_LEAKS_AT_REST = 0;
    private static final double TENTH_TUNE_KEPT_STANDARD = 0.999;
    private static final double TENTH_TUNE_KEPT_AT_REST = 1.0;
    private static final double TENTH_HELD_OUT_KEPT_STANDARD = 0.995;
    private static final double TENTH_HELD_OUT_KEPT_AT_REST = 1.0;
    /** The tenth collection ({@link RedactionCorpus#TENTH}), measured apart. */
    private static List<Case> tenth;
    /**
     * The eleventh collection ({@link RedactionCorpus#ELEVENTH}, families11.py: 68 formats none of the ten earlier
     * collections has, weighted toward what a FAILING TEST RUN of a web or back-end application prints and drags in:
     * Artillery, uvu, Polly.js, Mockoon; aiohttp, Go's httputil dumps, gunicorn, Gin, tower-http, Dropwizard; Drizzle,
     * Exposed, the MongoDB profiler, ksqlDB, Solr, Hasura, PostgREST, Strapi, Directus, Meilisearch/Typesense, Upstash,
     * Turso, Appwrite; BullMQ, Pulsar, Temporal, Inngest, ActiveMQ Artemis, rpk; Laravel Ignition, Symfony's Monolog,
     * NestJS, Next.js, Nuxt, SvelteKit, Spring Security's debug filter, APISIX, Authelia; Cognito, Clerk, Razorpay,
     * Mollie, Braintree, PayPal, Adyen, Mailtrap; kaniko, buildah, podman, Skaffold, Tilt, Earthly, Dagger, Semaphore,
     * Codefresh, Halyard, wrangler; linode-cli, hcloud, Scaleway, OCI; direnv, chamber, External Secrets; Mattermost,
     * Jaeger, Insomnia, Dagster; with the personal data of 30 more countries and national numbers that pass their checks
     * ({@link EleventhIds}); learnt from public documentation pages and threads) was built and committed before any rule
     * ran on it, and no rule writer has seen it. Its families are split by the SHA-1 of the name (0 mod 3): 26 of 68 fell
     * to the held-out part, 104 of 272 lines (38%; not redrawn). Measured once at f825e83 with the rules of main at 57d6e89,
     * from the summary lines only (the held-out failures are never printed, and no line was changed after the run): tune
     * 31 of 444 planted values leaked with the standard rules and 14 of 282 secrets at rest, 1250 of 1279 must-keep
     * strings kept (0.9773) and 1267 at rest (0.9906); held out 28 of 270 and 15 of 178, 783 of 810 kept (0.9667) and
     * 795 at rest (0.9815). The standard figure counts personal data, the figure at rest secrets only. These bounds keep
     * the gap from growing: lower the leak bounds, raise the kept floors, never the other way. The tune bounds were
     * lowered to what redact27's forms (EleventhFormsTest) reach: 1 of 444 and 1 of 282 (a password after "log in as
     * … with"), 1254 kept (0.9805) and 1271 at rest (0.9937); after them the held-out part (never read; summary lines
     * only) reads 21 of 270, 15 of 178, 783 and 795 kept, a figure still blind: the forms were written from the tune
     * part alone. The held-out bounds are set there (after redact26's forms, written from the tenth collection).
     */
    /**
     * Whether the eleventh collection's held-out part prints its failures. It was released as tune data by the lead at
     * this commit (issue #14, redact28), after its last measure as a held-out part with all the rules of main at
     * 5cbf9fd: 21 of 270 planted values leaked with the standard rules and 15 of 178 secrets at rest, 783 of 810
     * must-keep strings kept (0.9667; 795 at rest). Its first measure, with the rules of 57d6e89, was 28 and 15. From
     * then on it counts as tune data; the twelfth collection (corpus12) is the clean measure of formats no rule was
     * written for.
     * <p>
     * Then redact28 wrote general forms for its leaks and losses, the tune part's last leak and the tenth's
     * ({@link ReleasedEleventhFormsTest}): a bare key's value of 32 to 64 hex digits alone (a JWK's {@code "key"},
     * Airbrake's {@code ?key=}, Magento's {@code 'key' =>}), a stored password's hash in the modular crypt format
     * ({@link PasswordHashes}), a login in words with an unquoted user or password ("log in as … with …", "login as … /
     * …"), a vendor's {@code ..._KEY} variable, a matching rule's "equals", an incoming webhook's id in a {@code /hooks/}
     * path, a listing of names and values, Medicare by its key, a grouped number after the word phone, a generated key
     * encoded in base64, text typed below the tap on a password field; and kept a secret passed by its variable's name
     * ({@code --secret DB_PASSWORD}, {@code env:GITHUB_TOKEN}), the object "create secret" names and a link of words
     * after a secret's name. Held out 2 of 270 and 0 of 178 (Kazakhstan's phone in a CSV payload row, nothing naming
     * it), 792 (0.9778) and 804 (0.9926) of 810 kept: the losses left are private addresses (the lead's change keeps
     * them) and Scaleway's {@code SCW…} access key ids, which the token table masks as AWS access key ids are masked;
     * tune 0 and 0, 1256 (0.9820) and 1273 (0.9953) kept with buildah's {@code --creds user:…} user now kept (lost:
     * Solr's {@code basicauth} users, Upstash's session key, private addresses).
     */
    private static final boolean RELEASED_ELEVENTH = true;
    private static final int ELEVENTH_TUNE_LEAKS_STANDARD = 0;
    private static final int ELEVENTH_TUNE_LEAKS_AT_REST = 0;
    // redact33: a Russian or Kazakh number with its trunk 8 (8 701 936 72 88) is a phone wherever it stands (Artillery's
    // payload row): held out 0 and 0 (ReleasedThirteenthFormsTest).
    private static final int ELEVENTH_HELD_OUT_LEAKS_STANDARD = 0;
    private static final int ELEVENTH_HELD_OUT_LEAKS_AT_REST = 0;
    private static final double ELEVENTH_TUNE_KEPT_STANDARD = 0.996;
    private static final double ELEVENTH_TUNE_KEPT_AT_REST = 0.995;
    private static final double ELEVENTH_HELD_OUT_KEPT_STANDARD = 0.992;
    private static final double ELEVENTH_HELD_OUT_KEPT_AT_REST = 0.992;
    /** The eleventh collection ({@link RedactionCorpus#ELEVENTH}), measured apart. */
    private static List<Case> eleventh;
    /**
     * The twelfth collection ({@link RedactionCorpus#TWELFTH}, families12.py: 74 formats none of the eleven earlier
     * collections has, weighted toward what a FAILING TEST RUN of a web, back-end or mobile application prints and drags
     * in: hspec, testthat, Common Test, prove, busted, clojure.test, Nim's unittest, zig test, Alcotest, Expecto, DUnitX,
     * COBOL unit tests, QUnit's TAP, elm-test, Quick/Nimble, Julia's Test, Crystal's spec, MockK; Bruno, Step CI, httpyac,
     * Vegeta, ghz, Taurus, Microcks, Toxiproxy, json-server; Percy, BrowserStack's REST sessions, Sauce Labs' job log,
     * Taiko, Watir/Selenide; dbt, tSQLt, utPLSQL, Peewee, Tortoise, MikroORM, Sails/Waterline, Diesel/SeaORM,
     * Slick/doobie; Oban, Hangfire, Dramatiq/Huey, Asynq, Faktory/Quartz, Kinesis, Azure Service Bus; Phoenix, Vapor,
     * Actix, Sinatra, Mojolicious, CakePHP/CodeIgniter, Tornado/Sanic, Javalin/http4s, Yesod; varnishlog, Tyk, Linkerd;
     * Zuul, Rundeck, AppVeyor, Bitrise/Codemagic, Terratest; nerdctl/crictl, minikube/k3s, Dapr, KEDA, moto, Azurite;
     * journald's export format, the Windows event log's XML; seed and fixture diffs; with the personal data of 27 more
     * countries and national, tax and bank numbers that pass their checks ({@link TwelfthIds}); learnt from public
     * documentation pages and threads) was built and committed before any rule ran on it, and no rule writer has seen it.
     * Its families are split by the SHA-1 of the name (0 mod 3): 20 of 74 fell to the held-out part, 80 of 296 lines
     * (27%; not redrawn). Measured once at 5a25549 with the rules of main at 5cbf9fd, from the summary lines only (the
     * held-out failures are never printed, and no line was changed after the run): tune 81 of 632 planted values leaked
     * with the standard rules and 22 of 392 secrets at rest, 1645 of 1649 must-keep strings kept (0.9976) and 1647 at rest
     * (0.9988); held out 23 of 212 and 19 of 158, 613 of 623 kept (0.9839) and 621 at rest (0.9968). The standard figure
     * counts personal data, the figure at rest secrets only. These bounds keep the gap from growing: lower the leak
     * bounds, raise the kept floors, never the other way.
     */
    // redact29's general forms, written from the tune part's failures alone (TwelfthFormsTest: six national numbers by
    // layout and check, more by their label, the IBAN registry's later members, a phone after a phone's word, the value
    // a mask was compared with, Basic user:password, DB-API's %s paired with its list): tune 21 and 16, 1649 of 1649
    // kept both ways; held out 21 and 19, kept unchanged (its summary lines only were read). Then a name and its value
    // as a two-item tuple, Azure's SharedKey, a secret given to a method that names it: tune 15 and 10, held out 21 and
    // 19 (summary lines only). Then a secret's value under a key that says how it is held (AppVeyor's secure:): tune 13
    // and 8, held out 21 and 19 (summary lines only); merged with redact28's rules (b0edf31), tune 13 and 8, held out
    // 17 and 15 (the held-out bounds are the lead's). At the stop (all of this stop's rules, every one written without
    // reading the held-out part: the lead's private addresses and user:password split, redact28's forms from the
    // eleventh, redact29's from this tune part): held out 17 of 212 and 15 of 158, 621 of 623 kept both ways; the bounds
    // below are set there.
    /**
     * Whether the twelfth collection's held-out part prints its failures. It was released as tune data by the lead at
     * this commit (issue #14, redact30), after its last measure as a held-out part with all the rules of main at
     * 53c5544: 17 of 212 planted values leaked with the standard rules and 15 of 158 secrets at rest, 621 of 623
     * must-keep strings kept both ways (0.9968). Its first measure, with the rules of 5cbf9fd, was 23 and 19, 613 and 621
     * kept. From then on it counts as tune data; the thirteenth collection (corpus13) is the clean measure of formats no
     * rule was written for.
     * <p>
     * Then redact30 wrote general forms for its leaks and the tune part's last ones ({@link ReleasedTwelfthFormsTest}):
     * the value a lookup by a secret's name gave ({@code Sys.getenv("…") was "…"}, {@code Environment.get("…") = …}), a
     * logon before Easy Connect's {@code @//host} after any tool (utplsql), Plug.Crypto's signed and encrypted messages
     * (Phoenix cookies, token table), a vendor's {@code X-…-Authorization} header, a key an API's path names
     * ({@code /tyk/keys/…}), Nim's {@code @[…]} lists, routing, ABA and business registration numbers by their label, a
     * private key's DER body without armour and its lines below (token table), a key whose first part before a slash
     * is no user's name (a Clojure map's AWS secret), a bound column named {@code key} alone (peewee), a JDBC driver's
     * class before the data source (doobie), Mozambique's mobiles beside an address, a grid's send-keys request: held
     * out 0 of 212 and 0 of 158, 621 of 623 kept both ways (lost: BrowserStack's response {@code sessionId}, which
     * {@link ReleasedSeventhFormsTest} holds must go where a {@code /session/} path repeats it); tune 0 and 0, 1649 of
     * 1649 kept. No other part moved.
     */
    private static final boolean RELEASED_TWELFTH = true;
    private static final int TWELFTH_TUNE_LEAKS_STANDARD = 0;
    private static final int TWELFTH_TUNE_LEAKS_AT_REST = 0;
    private static final int TWELFTH_HELD_OUT_LEAKS_STANDARD = 0;
    private static final int TWELFTH_HELD_OUT_LEAKS_AT_REST = 0;
    private static final double TWELFTH_TUNE_KEPT_STANDARD = 0.999;
    private static final double TWELFTH_TUNE_KEPT_AT_REST = 0.999;
    private static final double TWELFTH_HELD_OUT_KEPT_STANDARD = 0.996;
    private static final double TWELFTH_HELD_OUT_KEPT_AT_REST = 0.996;
    /** The twelfth collection ({@link RedactionCorpus#TWELFTH}), measured apart. */
    private static List<Case> twelfth;
    /**
     * The thirteenth collection ({@link RedactionCorpus#THIRTEENTH}, families13.py: 71 formats, 65 of them from the
     * mainstream tools a failing test run of a web, back-end or mobile application most often prints, each in a message
     * shape none of the twelve earlier collections has: Jest, Vitest, Mocha, Playwright's request context and HAR
     * routing, Cypress, WebdriverIO, Testing Library, pytest, unittest, JUnit 5, Gradle, TestNG, go test, testify, RSpec,
     * Minitest, PHPUnit, xUnit, NUnit's result XML; GitHub Actions, GitLab CI, Jenkins, CircleCI; docker run, Compose,
     * kubectl, Helm, Terraform, the AWS CLI and SDK for JavaScript, gcloud, az; Spring Boot, Spring Cloud Config, Django,
     * uvicorn/FastAPI, Flask, Rails, Laravel, Express, NestJS, Next.js, ASP.NET Core, nginx; PostgreSQL, MySQL, SQL
     * Server, MongoDB, Redis, Kafka, RabbitMQ; Sentry, Datadog, the OpenTelemetry collector; npm, pip, Maven, Cargo and
     * Bundler; Stripe, Twilio, SendGrid, Auth0, Okta, Firebase; and 6 of tools none of the twelve has: EAS Build,
     * Turborepo, Nx Cloud, pnpm, uv, seed files; with the personal data of 20 more countries and national, tax and
     * business numbers that pass their checks ({@link ThirteenthIds}); learnt from public documentation pages and
     * threads) was built and committed before any rule ran on it, and no rule writer has seen it. Its families are split
     * by the SHA-1 of the name (0 mod 3): 26 of 71 fell to the held-out part, 104 of 284 lines (37%; not redrawn).
     */
    // Measured once at ebb211a (the data and wiring's commit) with the rules of main at 53c5544, the branch point, before
    // any rule was written for it, from the summary lines only (the held-out failures are never printed, and no line was
    // changed after the run): tune 30 of 458 planted values leaked with the standard rules and 8 of 300 secrets at rest,
    // 1550 of 1564 must-keep strings kept (0.9910) and 1552 at rest (0.9923); held out 6 of 212 and 1 of 164, 843 of 860
    // kept (0.9802) and 845 at rest (0.9826). The standard figure counts personal data, the figure at rest secrets only.
    // These bounds keep the gap from growing: lower the leak bounds, raise the kept floors, never the other way.
    // redact32's general forms, written from the tune part only (ThirteenthFormsTest): tune 2 of 458 leaked (a phone
    // after a percent-encoded quote in an Okta search URL) and 0 of 300 at rest, 1556 of 1564 kept (1558 at rest; lost:
    // Stripe publishable keys, which RedactorTest masks, a Werkzeug debugger PIN, a console's key, and Twilio's test
    // sender number, a phone); the held-out summary lines did not move (6 of 212, 1 of 164, 843 and 845 of 860).
    /**
     * Whether the thirteenth collection's held-out part prints its failures. It was released as tune data by the lead at
     * this commit (issue #14, redact33), after its last measure as a held-out part with all the rules of main at
     * 7a694bd: 6 of 212 planted values leaked with the standard rules and 1 of 164 secrets at rest, 843 and 845 of 860
     * must-keep strings kept (0.980 and 0.983). Its first measure, with the rules of 53c5544, was the same. From then on
     * it counts as tune data; the fourteenth collection (corpus14) is the clean measure of formats no rule was written
     * for.
     * <p>
     * Then redact33 wrote general forms for its leaks and losses and the tune part's last leak
     * ({@link ReleasedThirteenthFormsTest}): a URL with a login in a Kubernetes Secret's data left to the URL rules, so
     * its user, host, port and database stay (helm's dry run lost 13 keeps); 64 hex digits below a docker, podman or
     * nerdctl command kept as the id it printed; an INSERT's values quoted {@code \'…\'} in a Python string's repr;
     * Redis' {@code AUTH} as a log quotes it; a phone in the id of a test named for a phone; {@code to} and {@code from}
     * on a line about a text message; Twilio's documented test numbers ({@code +1 500 555 000N}) kept; a filter's
     * literal between percent-encoded quotes (Okta's {@code search=}). Held out 0 of 212 and 0 of 164, 860 of 860 kept
     * both ways; tune 0 of 458 and 0 of 300, 1558 of 1564 kept both ways (lost, left: Stripe's {@code pk_test_}
     * publishable keys, which RedactorTest requires masked as {@code pk_live_} ones are, and Werkzeug's debugger PIN,
     * which opens a console that runs code on the server). No other part lost a keep.
     */
    private static final boolean RELEASED_THIRTEENTH = true;
    private static final int THIRTEENTH_TUNE_LEAKS_STANDARD = 0;
    private static final int THIRTEENTH_TUNE_LEAKS_AT_REST = 0;
    private static final int THIRTEENTH_HELD_OUT_LEAKS_STANDARD = 0;
    private static final int THIRTEENTH_HELD_OUT_LEAKS_AT_REST = 0;
    private static final double THIRTEENTH_TUNE_KEPT_STANDARD = 0.996;
    private static final double THIRTEENTH_TUNE_KEPT_AT_REST = 0.996;
    private static final double THIRTEENTH_HELD_OUT_KEPT_STANDARD = 1.0;
    private static final double THIRTEENTH_HELD_OUT_KEPT_AT_REST = 1.0;
    /** The thirteenth collection ({@link RedactionCorpus#THIRTEENTH}), measured apart. */
    private static List<Case> thirteenth;
    /**
     * The fourteenth collection ({@link RedactionCorpus#FOURTEENTH}, families14.py: 66 formats, 57 of them from the
     * mainstream tools a failing test run of a web, back-end or mobile application prints, each in a message shape none
     * of the thirteen earlier collections has: Jest's JSON results and inline snapshots, mochawesome, Cypress's alias
     * waits and env, Playwright's trace hint, config and URL assertions; Django fixtures and console mail, Gradle's proxy
     * properties, golang-migrate, RSpec doubles, Laravel's database assertions and tinker; GitHub Actions service
     * containers, GitLab CI services, CircleCI's processed config; kubectl diff and config view, Terraform variable
     * validation, the AWS SDK for Java's credential chain, the DynamoDB document client, az app settings, Firebase
     * functions config; psql, MongoDB's topology, redis-cli, Prisma, TypeORM, Knex, KafkaJS; New Relic, Log4j2's JSON
     * layout; npm and Bundler config, fastlane match, the iOS simulator log, React Native's AsyncStorage, Flutter; Allure
     * results, pytest-html; PowerShell traces and env; Apache's dumpio, go-resty, Reactor Netty, tenacity; Serverless,
     * Azure Functions, Heroku, Vercel; Apollo Server, ActionMailer, Symfony, Flyway, Alembic; and 9 of tools none of the
     * thirteen has: Prism, Keploy, BackstopJS, Hoppscotch, Testkube, Garden, ZAP, Trivy, Infisical; with the personal data
     * of 22 more countries and tax and business numbers that pass their checks ({@link FourteenthIds}); learnt from
     * public documentation pages and threads) was built and committed before any rule ran on it, and no rule writer has
     * seen it. Its families are split by the SHA-1 of the name (0 mod 3): 22 of 66 fell to the held-out part, 88 of 264
     * lines (33%; not redrawn).
     */
    // Measured once at 08ef632 (the data and wiring's commit) with the rules of main at c218a9f, the branch point, before
    // any rule was written for it, from the summary lines only (the failures of neither part are printed, and no line was
    // changed after the run): tune 21 of 430 planted values leaked with the standard rules and 7 of 290 secrets at rest,
    // 1549 of 1549 must-keep strings kept both ways (1.0000); held out 12 of 224 and 4 of 148, 753 of 763 kept both ways
    // (0.9869). The standard figure counts personal data, the figure at rest secrets only. These bounds keep the gap from
    // growing: lower the leak bounds, raise the kept floors, never the other way.
    // redact35's general forms, written from the tune part only once it was released (FourteenthFormsTest): India's
    // GSTIN, Sweden's organisationsnummer and France's VAT number by layout and check (also before a JSON string's
    // escaped quote), a header's name after an escaped line break (\r\nSet-Cookie:), a key and value quoted inside a
    // JSON string inside another, a password-reset link's token (ResetLinks), a query object's bindings before its sql
    // field (Knex) and Poland's REGON by its label: tune 6 of 430 and 0 of 290, 1549 of 1549 kept both ways (left: a
    // phone in an .env line, two business numbers of one check digit beside a weak label); the held-out summary lines
    // moved 12 -> 10 of 224 (standard) with the number forms, 4 of 148 at rest and 753 of 763 kept unmoved.
    // At the stop (all of this stop's rules: redact33's from the thirteenth's released part, redact34's from its own
    // mainstream material, fast14's same-bytes changes, redact35's from this tune part; none written from the held-out
    // part, whose failures were never printed): held out 10 of 224 and 4 of 148, 753 of 763 kept both ways. The held-out
    // bound is set there (the lead's).
    // redact36's general forms, written from the held-out part once it was released (RELEASED_FOURTEENTH) and from the
    // tune part's last leaks (ReleasedFourteenthFormsTest): Austria's UID by its ATU and check digit (LetterIds); a
    // composite key that holds a UUID (CUST#<uuid>) kept from the password shapes; a phone under a name that says so at
    // a line's end (Terraform's var.support_phone is "…", LineEnds); a gem source's credentials in Bundler's bundle
    // config listing (SetAs); a capital PASS: followed by a rule's name kept (ZAP); six digits paired with an e-mail
    // address as one contact (PhonePlans); a business's support line (SUPPORT_LINE="…"); a VAT number by its label
    // (vat_id, and a bare vat over 8 to 12 digits). Held out 10 -> 0 of 224 and 4 -> 0 of 148, 753 -> 763 of 763 kept
    // both ways; tune 6 -> 2 of 430 (0 of 290), 1549 of 1549 kept. Left in the tune part: Japan's corporate number
    // beside "company id" (django-console-email-backend), whose one check digit a random thirteen digits (a
    // millisecond timestamp's length) pass once in nine, and no label or layout strong enough to read it by. No other
    // collection's summary line moved.
    private static final int FOURTEENTH_TUNE_LEAKS_STANDARD = 2;
    private static final int FOURTEENTH_TUNE_LEAKS_AT_REST = 0;
    private static final int FOURTEENTH_HELD_OUT_LEAKS_STANDARD = 0;
    private static final int FOURTEENTH_HELD_OUT_LEAKS_AT_REST = 0;
    private static final double FOURTEENTH_TUNE_KEPT_STANDARD = 1.0;
    private static final double FOURTEENTH_TUNE_KEPT_AT_REST = 1.0;
    private static final double FOURTEENTH_HELD_OUT_KEPT_STANDARD = 1.0;
    private static final double FOURTEENTH_HELD_OUT_KEPT_AT_REST = 1.0;
    /**
     * Whether the fourteenth collection's tune part prints its failures. It was written to print its summary lines only,
     * the whole collection kept as a measure; the lead released the tune part to one rule writer (redact35) at this
     * commit, after the forms of redact33 (the thirteenth's released part) and redact34 (a second outside measure of its
     * own) had been merged and had moved neither part (tune 21 of 430 and 7 of 290, held out 12 of 224 and 4 of 148, as
     * at the first measure). The held-out part still prints its summary lines only: it is the stop's clean measure.
     */
    private static final boolean RELEASED_FOURTEENTH_TUNE = true;
    /**
     * Whether the fourteenth collection's held-out part prints its failures. It was released as tune data by the lead at
     * this commit (issue #14, next stop), after its last measure as a held-out part with all the rules of main at 6580717:
     * 10 of 224 planted values leaked with the standard rules and 4 of 148 secrets at rest, 753 of 763 must-keep strings
     * kept both ways (0.987). Its first measure, with the rules of c218a9f, was 12 of 224, 4 of 148 and 753 of 763. From
     * then on it counts as tune data; the fifteenth collection (corpus15) is the clean measure of formats no rule was
     * written for.
     */
    private static final boolean RELEASED_FOURTEENTH = true;
    /** The fourteenth collection ({@link RedactionCorpus#FOURTEENTH}), measured apart. */
    private static List<Case> fourteenth;
    /**
     * The fifteenth collection ({@link RedactionCorpus#FIFTEENTH}, families15.py: 68 formats, 66 of them from the
     * mainstream tools a failing test run of a web, back-end or mobile application prints, each in a message shape none
     * of the fourteen earlier collections has: Dart's package:test, NUnit's property constraint and Assert.Multiple,
     * Pest's summary, ExUnit's mailbox and regex assertions, go-cmp's diff, XCTUnwrap, Swift Testing, Kotest's collection
     * matchers, ScalaTest, cargo-nextest, JUnit 5's assertAll, FluentAssertions; Azure Pipelines' Bash and Azure CLI
     * tasks, Bitbucket Pipelines' pipes, Drone's env, Argo CD's manifests and sync, Jenkins' console, TeamCity's build
     * steps, Buildkite's checkout; Pulumi's diagnostics, cdk deploy, sam deploy, gcloud pubsub, consul kv, vault login,
     * helm get manifest, ansible-inventory, docker login; SQL*Plus, Oracle's listener, SqlClient's login process, sqlcmd,
     * ClickHouse, Elasticsearch's cat API, the Cassandra driver, MySQL Connector/J, RabbitMQ's definitions, the NATS CLI,
     * SQS through botocore, Pub/Sub's emulator, ioredis' Sentinel; dd-trace-dotnet's span log, the OpenTelemetry
     * collector's debug exporter, Grafana's server log, Sentry for Java; XCUITest, Detox, Appium, logcat's crash buffer,
     * Android's instrumented tests, xcodebuild's export; FastAPI, EF Core, Micronaut, morgan, Rails, Next.js, Spring
     * Boot's failure analyzer and R2DBC, Quarkus' dev mode, Phoenix, Flask's CLI; and 2 of tools none of the fourteen
     * has: Hurl, Venom; with the personal data of 22 more countries and tax and business numbers that pass their checks
     * ({@link FifteenthIds}); learnt from public documentation pages and threads) was built and committed before any rule
     * ran on it, and no rule writer has seen it. Its families are split by the SHA-1 of the name (0 mod 3): 24 of 68 fell
     * to the held-out part, 96 of 272 lines (35%; not redrawn).
     */
    // Measured once at a8aad35 (the data and wiring's commit) with the rules of main at a0181ad, the branch point, before
    // any rule was written for it, from the summary lines only (the failures of neither part are printed, and no line was
    // changed after the run): tune 30 of 384 planted values leaked with the standard rules and 12 of 238 secrets at rest,
    // 1565 of 1579 must-keep strings kept both ways (0.9911); held out 23 of 226 and 7 of 140, 899 of 911 kept with the
    // standard rules (0.9868) and 903 of 911 at rest (0.9912). The standard figure counts personal data, the figure at
    // rest secrets only. These bounds keep the gap from growing: lower the leak bounds, raise the kept floors, never the
    // other way.
    // Lowered by redact38's forms for the released tune part (VAT numbers of MT, LU, SK and LV; Spain's NIF of a legal
    // person; Klaviyo's private key; a secret-named value class's value; Appium's typed text; a test's word as a bearer
    // token; Luhn numbers under an id's key): tune 30 -> 8 of 384 (28 -> 8 from main at e776c03, with redact36's and
    // redact37's rules) and 12 -> 4 of 238, kept 1565 -> 1571 of 1579 (0.9949) both ways. Left as leaks: a Google
    // service account's private_key_id (the first, eighth and thirteenth collections keep it, EighthFormsTest asks it:
    // the collections disagree), eight-digit phone numbers in pairs with no label in NUnit's Assert.Multiple, and a
    // refresh token as 64 hex digits in XCTAssertEqual's Optional(...) with nothing to say what it is. Left as losses:
    // Vault's token_accessor (an accessor is a secret since 8c9a8c5) and a session key's UUID in redis-cli's GET
    // "session:<uuid>". Held out, from its summary lines only (its failures unread), against main at e776c03: standard
    // 21 -> 19 of 226, at rest 7 -> 5 of 140, kept unchanged (903 of 911 both ways).
    // The held-out part, from its summary lines only: 23 of 226 and 7 of 140 at the first measure; 21 and 7, kept 903 of
    // 911 both ways, with the forms written from other material (redact36 from the fourteenth's released part, redact37
    // from a third outside measure of its own); 19 and 5 at the stop with redact38's, written from the tune part (the
    // lead's bound, set there).
    // Released as tune data at f4471a3; redact40's forms from it (ReleasedFifteenthFormsTest: EE/BG/CY VAT numbers,
    // Equatorial Guinea's plan and "Call us", a reset route's query code, X-ClickHouse-Key; kept: a credential file's
    // path, morgan's :req[cookie], dd-trace's tag list) moved the held-out bounds: standard 19 -> 4 of 226, at rest
    // 5 -> 2 of 140, kept 903 -> 911 of 911 both ways; then Swift Testing's other side of a comparison with a
    // secret's ((signature → …) == (expected → "<64 hex>"), Separators) to 2 of 226 and 0 of 140. Left as a leak: an
    // ES query's q=phone:%22…%22 written with raw blanks in a curl URL (the corpus's own: curl refuses a URL with
    // blanks; written %20 the phone decodes and goes).
    private static final int FIFTEENTH_TUNE_LEAKS_STANDARD = 8;
    private static final int FIFTEENTH_TUNE_LEAKS_AT_REST = 4;
    private static final int FIFTEENTH_HELD_OUT_LEAKS_STANDARD = 2;   // redact40's forms: 19 -> 4 -> 2
    private static final int FIFTEENTH_HELD_OUT_LEAKS_AT_REST = 0;   // redact40's forms: 5 -> 2 -> 0
    private static final double FIFTEENTH_TUNE_KEPT_STANDARD = 0.994;   // redact38: 1571 of 1579
    private static final double FIFTEENTH_TUNE_KEPT_AT_REST = 0.994;
    private static final double FIFTEENTH_HELD_OUT_KEPT_STANDARD = 1.0;   // redact40: 903 -> 911 of 911
    private static final double FIFTEENTH_HELD_OUT_KEPT_AT_REST = 1.0;
    /**
     * Whether the fifteenth collection's tune part prints its failures. It was written to print its summary lines only,
     * the whole collection kept as a measure; the lead released the tune part to one rule writer (redact38) at this
     * commit, right after the first measure (tune 30 of 384 and 12 of 238, held out 23 of 226 and 7 of 140). The held-out
     * part still prints its summary lines only: it is the stop's clean measure, and the rules written from other material
     * (redact36, redact37) are read on it before redact38's are merged.
     */
    private static final boolean RELEASED_FIFTEENTH_TUNE = true;
    /**
     * Whether the fifteenth collection's held-out part prints its failures. It was released as tune data by the lead at
     * this commit (issue #14, next stop), after its last measure as a held-out part with all the rules of main at 59d0b22:
     * 19 of 226 planted values leaked with the standard rules and 5 of 140 secrets at rest, 903 of 911 must-keep strings
     * kept both ways (0.991). Its first measure, with the rules of a0181ad, was 23 of 226, 7 of 140 and 899 of 911 (903 at
     * rest). From then on it counts as tune data; the sixteenth collection (corpus16) is the clean measure.
     */
    private static final boolean RELEASED_FIFTEENTH = true;
    /** The fifteenth collection ({@link RedactionCorpus#FIFTEENTH}), measured apart. */
    private static List<Case> fifteenth;
    /**
     * The sixteenth collection ({@link RedactionCorpus#SIXTEENTH}, families16.py: 71 formats, all from the mainstream
     * tools a failing test run of a web, back-end or mobile application prints, those the fifteen earlier collections
     * touch least, each in a message shape none of them has: winston's exception handler, bunyan's records, NLog's pipe
     * layout, log4j2's JsonLayout and EcsLayout, zap's errorVerbose, slog's JSON source, Serilog's JsonFormatter,
     * Monolog's JsonFormatter, Fastify's pino, Rails' tagged logger, structlog's JSONRenderer, logrus' JSONFormatter;
     * Cucumber-JVM's failed scenarios, pytest-xdist's workers, Minitest, Karma's progress, Jasmine's object properties,
     * Robot Framework's console, Behave's captured output, Spock's invocation counts, Mocha's loosely deep-equal, Jest's
     * number of calls, gMock's EXPECT_CALL, PHPUnit's array keys, WebdriverIO's spec reporter; Retrofit's HttpException,
     * HAProxy's NOSRV, Envoy's upstream reset, axios' inspected error, got's RequestError, undici's SocketError,
     * Faraday's ConnectionFailed, Guzzle's cURL error 7, Nginx's no live upstreams; SQLAlchemy's echo, the Kafka
     * producer's config dump, boto3's PutItem, the AWS SDK v3's conditional check, Firestore's permission-denied,
     * Supabase's row-level security, Dapper, StackExchange.Redis, Jedis, kafka-python, Sarama, Hibernate's SQLState,
     * Sequelize's unique constraint, PyMongo's full error; Auth0, mailgun.js, Shopify's JS and Ruby libraries, jsforce,
     * Okta's auth-js, Keycloak's events, Firebase Admin, Twilio's Java SDK; PostgreSQL in German, French, Japanese and
     * Polish, SQL Server in German and Spanish, Hibernate Validator in German, Symfony in French, Laravel in Spanish,
     * Django in Italian and Dutch, Rails in Japanese and Portuguese; with the personal data of 19 more countries and
     * territories and tax and business numbers that pass their checks ({@link SixteenthIds}); learnt from public
     * documentation pages) was built and committed before any rule ran on it, and no rule writer has seen it. Its
     * families are split by the SHA-1 of the name (0 mod 3): 23 of 71 fell to the held-out part, 92 of 284 lines (32%;
     * not redrawn).
     */
    // Measured once at 8837578 (the data and wiring's commit) with the rules of main at f4471a3, the branch point, before
    // any rule was written for it, from the summary lines only (the failures of neither part are printed, and no line was
    // changed after the run): tune 36 of 446 planted values leaked with the standard rules and 10 of 218 secrets at rest,
    // 1471 of 1483 must-keep strings kept both ways (0.9919); held out 18 of 232 and 4 of 104, 624 of 626 kept both ways
    // (0.9968). The standard figure counts personal data, the figure at rest secrets only. These bounds keep the gap from
    // growing: lower the leak bounds, raise the kept floors, never the other way.
    // The held-out part, from its summary lines only: 18 of 232 and 4 of 104 at the first measure; 16 and 4, kept 624 of
    // 626 both ways, with the forms written from other material this stop (redact40 from the fifteenth's released
    // held-out part, redact41 from a fourth outside measure of its own, labels in other languages among them), merged
    // before redact42's, which are written from the tune part.
    // redact42 (the tune part's forms, SixteenthFormsTest: the VAT numbers of Germany, the Netherlands and Romania by
    // their checks, DynamoDB attribute values, Robot Framework's --variable, a label's value inside a JSON string, a class
    // path under "session", "API key" in eight languages, six-digit phones in pairs, a webhook signature's HMAC, a text
    // message's code, "sign in with … and …"): tune 36 -> 1 and 10 -> 1, kept 1471 -> 1483 of 1483 both ways; then a
    // DynamoDB composite key's id after a type that names a secret (SESSION#…): 1 -> 0 both ways. Held out, from its
    // summary lines only: standard 18 -> 12 of 232 (16 -> 12 over redact40's and redact41's), at rest 4 -> 4 of 104,
    // kept 624 of 626 both ways (unchanged).
    // redact44, on the released held-out part (ReleasedSixteenthFormsTest): the UK's VAT number after GB by either check
    // scheme (national-ids.json) 4 -> 0; a Confluent key's id as the user of a JAAS config whose quotes a JSON log escapes
    // (UserKeys) 2 -> 0 both ways; a one-time code after "Your code" and a blank (OneTimeCodes) 2 -> 0 both ways; a query
    // value's colon before a blank kept (KeyValues: Angular's "…?access_token=…: 403 Forbidden") kept 624 -> 626 both
    // ways. Held out: standard 12 -> 4 of 232, at rest 4 -> 0 of 104, kept 626 of 626 both ways. The 4 left are New
    // Caledonia's phones written 2-2-2 with dots ('76.26.08') in a Karma spec's "Expected … to be …" with no phone's word,
    // no address and no +687 near: no general form tells them from a dotted date, a version or a code (left as leaks).
    private static final int SIXTEENTH_TUNE_LEAKS_STANDARD = 0;
    private static final int SIXTEENTH_TUNE_LEAKS_AT_REST = 0;
    private static final int SIXTEENTH_HELD_OUT_LEAKS_STANDARD = 4;   // redact44 (released held-out part)
    private static final int SIXTEENTH_HELD_OUT_LEAKS_AT_REST = 0;   // redact44
    private static final double SIXTEENTH_TUNE_KEPT_STANDARD = 1.0;   // redact42: 1483 of 1483
    private static final double SIXTEENTH_TUNE_KEPT_AT_REST = 1.0;
    private static final double SIXTEENTH_HELD_OUT_KEPT_STANDARD = 1.0;   // redact44: 626 of 626 (the query's colon)
    private static final double SIXTEENTH_HELD_OUT_KEPT_AT_REST = 1.0;
    /**
     * Whether the sixteenth collection's tune part prints its failures. It was written to print its summary lines only,
     * the whole collection kept as a measure; the lead released the tune part to one rule writer (redact42) at this
     * commit, right after the first measure (tune 36 of 446 and 10 of 218, held out 18 of 232 and 4 of 104). The held-out
     * part still prints its summary lines only: it is the stop's clean measure, and the rules written from other material
     * (redact40, redact41) are read on it before redact42's are merged.
     */
    private static final boolean RELEASED_SIXTEENTH_TUNE = true;
    /**
     * Whether the sixteenth collection's held-out part prints its failures. It was released as tune data by the lead at
     * this commit (issue #14, next stop), after its last measure as a held-out part with all the rules of main at 8c2ea94:
     * 12 of 232 planted values leaked with the standard rules and 4 of 104 secrets at rest, 624 of 626 must-keep strings
     * kept both ways (0.997). Its first measure, with the rules of f4471a3, was 18 of 232, 4 of 104 and 624 of 626. From
     * then on it counts as tune data; the seventeenth collection (corpus17) is the clean measure.
     */
    private static final boolean RELEASED_SIXTEENTH = true;
    /** The sixteenth collection ({@link RedactionCorpus#SIXTEENTH}), measured apart. */
    private static List<Case> sixteenth;
    /**
     * The seventeenth collection ({@link RedactionCorpus#SEVENTEENTH}, families17.py: 84 formats, all from the mainstream
     * tools a failing test run of a web, back-end or mobile application prints, those the sixteen earlier collections
     * touch least, each in a message shape none of them has: Lombok's @ToString(callSuper), C# and Java records' ToString,
     * FluentAssertions' "Expected member", pydantic's ValidationError, pytest's dataclass attributes, Go's %#v and %+v in
     * go test, Ecto schemas and maps in ExUnit, Ruby's Struct#inspect in RSpec, Swift's dump(), Dart's "Instance of",
     * PHP's print_r, Rust's {:#?}; Jest's ObjectContaining and toHaveBeenLastCalledWith, power-assert, Shouldly's
     * "should contain key", PHPUnit's two objects, Hamcrest's "a collection containing", Truth's containsEntry,
     * testify's "Should not be", Kotest's map keys; GitHub Actions' required inputs and orphan clean-up, GitLab CI's
     * artifacts and cache of a failed job, Jenkins' stage blocks and git credentials, Buildkite's artifact upload,
     * Bitbucket Pipelines' test reports, Azure Pipelines' task download; the AWS CLI's --debug, botocore's credential
     * lookup, gcloud crashed, az's MSAL token cache, Terraform's lock info, Helm's debug, the Serverless Framework's
     * error, SAM's local invoke; xcodebuild's TEST FAILED, fastlane's lane context, Appium's BaseDriver, ddmlib's
     * instrumentation, Gradle's device tests, Flutter's failed test, Vite's proxy and server errors, webpack's summary,
     * NextAuth's error log, Nitro's unhandled rejection, the Angular CLI's unhandled exception, Storybook's test runner;
     * pika, RabbitMQ's management API, the NATS Java and Python clients, SQS through the SDK v3, Pub/Sub in Python and
     * Node, Celery's worker, Sidekiq's fetch, BullMQ's lock, Resque's dirty exit and job log, Azure Service Bus' Send
     * claim, Kafka's topics CLI; PostgreSQL in Turkish, Russian, Chinese, Korean, Czech and Portuguese, MySQL in Spanish
     * and Italian, Hibernate Validator in Spanish, Portuguese, Korean and Chinese, Symfony in Italian, Django in Czech
     * and Russian, Laravel in Turkish; with the personal data of 22 more countries and territories and national and
     * business numbers that pass their checks ({@link SeventeenthIds}); learnt from public documentation pages) was
     * built and committed before any rule ran on it, and no rule writer has seen it. Its families are split by the SHA-1
     * of the name (0 mod 3): 25 of 84 fell to the held-out part, 100 of 336 lines (30%; not redrawn).
     */
    // Measured once at 7204386 (the data and wiring's commit) with the rules of main at 5d74168, the branch point, before
    // any rule was written for it, from the summary lines only (the failures of neither part are printed, and no line was
    // changed after the run): tune 19 of 502 planted values leaked with the standard rules and 11 of 268 secrets at rest,
    // 1519 of 1539 must-keep strings kept both ways (0.9870); held out 6 of 228 and 0 of 130, 671 of 675 kept both ways
    // (0.9941). The standard figure counts personal data, the figure at rest secrets only. These bounds keep the gap from
    // growing: lower the leak bounds, raise the kept floors, never the other way.
    // With redact45's forms (written from the fifth outside measure, not from this collection; its summary lines only
    // read): tune 17 of 502 and 9 of 268 leaked, kept as before; the held-out part's figures unchanged.
    // redact46 (the tune part released to it; SeventeenthFormsTest) moved the tune part to 4 of 502 and 2 of 268, all
    // 1539 must-keep strings kept both ways (1.0000): MySQL's yes/no answer in the server's language, a source file and
    // line, a member's own type name, "via:"/"from:" labels, a host's port and database after "password for" (the 20
    // lost strings); Czech and Turkish labels, a Slack webhook's ids, Bundler's credentials, ОГРН/ОГРНИП by their check,
    // a key id with two digits (15 leaks standard, 9 at rest). Left, judged the corpus's own: a GCP key's
    // private_key_id (an id, which the rules keep in every form, 2 both ways) and a Turkish VKN of ten digits under
    // Italy's "partita IVA" label (eleven digits by its own rule; 2 standard). Its held-out summary lines moved with the
    // same rules (summary only): 6 of 228 to 4 standard, 0 of 130 at rest unchanged, 671 of 675 kept unchanged. With
    // redact44's and redact45's forms merged first (written from other material), the held-out summary lines had not
    // moved (6, 0, 671); after redact46's merge, 4, 0, 671 (the lead's merge, summary lines only).
    // Released at 61702ac (RELEASED_SEVENTEENTH), its failures read by redact47 (ReleasedSeventeenthFormsTest): Niue's
    // and Tokelau's four-digit numbers after +683/+690 (2 leaks), Ukraine's EDRPOU code by its label (2 leaks), and
    // Spring's "rejected value [" kept after a password field's name (the 4 lost strings, both ways) moved the held-out
    // part to 0 of 228 and 0 of 130 leaked, 675 of 675 kept both ways (1.0000); the tune part did not move.
    private static final int SEVENTEENTH_TUNE_LEAKS_STANDARD = 4;
    private static final int SEVENTEENTH_TUNE_LEAKS_AT_REST = 2;
    private static final int SEVENTEENTH_HELD_OUT_LEAKS_STANDARD = 0;   // redact47's forms (was 4, redact46)
    private static final int SEVENTEENTH_HELD_OUT_LEAKS_AT_REST = 0;
    private static final double SEVENTEENTH_TUNE_KEPT_STANDARD = 1.0;   // redact46's forms: 1539 of 1539
    private static final double SEVENTEENTH_TUNE_KEPT_AT_REST = 1.0;
    private static final double SEVENTEENTH_HELD_OUT_KEPT_STANDARD = 1.0;   // redact47's forms: 675 of 675 (was 0.994)
    private static final double SEVENTEENTH_HELD_OUT_KEPT_AT_REST = 1.0;
    /**
     * Whether the seventeenth collection's tune part prints its failures. It was written to print its summary lines only,
     * the whole collection kept as a measure; the lead released the tune part to one rule writer (redact46) at this
     * commit, right after the first measure (tune 19 of 502 and 11 of 268, held out 6 of 228 and 0 of 130). The held-out
     * part still prints its summary lines only: it is the stop's clean measure, and the rules written from other material
     * (redact44, redact45) are read on it before redact46's are merged.
     */
    private static final boolean RELEASED_SEVENTEENTH_TUNE = true;
    /**
     * Whether the seventeenth collection's held-out part prints its failures. It was released as tune data by the lead at
     * this commit (issue #14, next stop), after its last measure as a held-out part with all the rules of main at c2b9da1:
     * 4 of 228 planted values leaked with the standard rules and 0 of 130 secrets at rest, 671 of 675 must-keep strings
     * kept both ways (0.994). Its first measure, with the rules of 5d74168, was 6 of 228, 0 of 130 and 671 of 675. From
     * then on it counts as tune data; the eighteenth collection (corpus18) is the clean measure.
     */
    private static final boolean RELEASED_SEVENTEENTH = true;
    /** The seventeenth collection ({@link RedactionCorpus#SEVENTEENTH}), measured apart. */
    private static List<Case> seventeenth;
    /**
     * The eighteenth collection ({@link RedactionCorpus#EIGHTEENTH}, families18.py: 84 formats, all from the mainstream
     * tools a failing test run of a web, back-end or mobile application prints, those the seventeen earlier collections
     * touch least, each in a message shape none of them has: OkHttp's "(encoded body omitted)", Apache HttpClient 5's
     * header log, http.client's send/reply/header debug lines, httpcore's trace, aiohttp's ClientResponseError repr,
     * axios' error.toJSON(), Go's client timeout, .NET's HttpClient "Sending HTTP request", Faraday's logger, REST
     * Assured's log().all(), Karate's [print] and request log, Newman's failure table, k6's "Request Failed", Gatling's
     * errors, JMeter's sampler result, httpx's raise_for_status, Guzzle's cURL error 28, Spring's WebClient "Encoding"
     * and RestTemplate "Writing", undici's fetch cause, URLSession's "HTTP load failed", Volley's unexpected response
     * code; Cypress' spec header, WebdriverIO's command log, Selenium's NoSuchElementException, Selenide's "should have
     * value", Robot Framework's variable assignments, Cucumber's steps, SpecFlow's "-> done:", TestCafe, Nightwatch,
     * Puppeteer's ProtocolError; Hibernate's BasicBinder, EF Core's failed DbCommand with sensitive data, Prisma's
     * unreachable server, GORM's record not found, ActiveRecord's binds, Sequelize's bind, Doctrine's connection
     * parameters, Ecto's ConstraintError; mongosh's banner, psql's \c, sqlcmd's login timeout, cqlsh's NoHostAvailable,
     * redis-cli's AUTH; Django's technical 500, Rails' unpermitted parameters, Laravel's missing app key, Spring Boot's
     * actuator beans, FastAPI's RequestValidationError, Flask's debugger, ASP.NET Core's request log, Express' layer
     * stack, Phoenix's ActionClauseError; docker inspect, docker compose config, kubectl's last-applied annotation and
     * events, Skaffold's status check, Tilt's resource log; PostgreSQL's password failure in Polish, Ukrainian,
     * Indonesian and Greek, MySQL's 1045 in German, French and Dutch, Django's forms in German, French, Japanese,
     * Polish, Thai, Arabic, Ukrainian and Greek, Hibernate Validator in French, Japanese and Polish, Laravel in German,
     * Indonesian, Vietnamese, Arabic, Greek and Hebrew; with the personal data of 11 more countries and territories, big
     * countries' phones in 14 shapes not planted yet and three national and business numbers that pass their checks
     * ({@link EighteenthIds}); learnt from public documentation pages) was built and committed before any rule ran on
     * it, and no rule writer has seen it. Its families are split by the SHA-1 of the name (0 mod 3): 29 of 84 fell to
     * the held-out part, 116 of 336 lines (35%; not redrawn).
     */
    // Measured once at 854dd83 (the data and wiring's commit) with the rules of main at 61702ac, the branch point, before
    // any rule was written for it, from the summary lines only (the failures of neither part are printed, and no line was
    // changed after the run): tune 24 of 510 planted values leaked with the standard rules and 6 of 270 secrets at rest,
    // 1346 of 1364 must-keep strings kept both ways (0.9868); held out 16 of 268 and 10 of 144, 703 of 707 kept both ways
    // (0.9943). The standard figure counts personal data, the figure at rest secrets only. These bounds keep the gap from
    // growing: lower the leak bounds, raise the kept floors, never the other way.
    // redact49's forms for the released tune part (EighteenthFormsTest: a device's UUID cookie, Go's %q quote in a
    // logfmt field, EF Core's parameter names, a Secret's namespace/name, a Java map's last bracketed value, the NPI,
    // Germany's identity card number, ОГРНІП, German labels without umlauts, France's dotted numbers) moved the tune
    // part to 2 of 510 and 2 of 270, 1364 of 1364 kept both ways. The 2 left, both ways, are Ecto's key_hash (the
    // SHA-256 of an API key under a key named a hash): judged the corpus's own fault, as a key whose word says it holds
    // a hash is no secret's (Judge#hexKey), and left a leak. On the held-out part's summary lines only, the same change
    // moved the standard figure from 16 to 14 of 268; at rest 10 of 144 and 703 of 707 kept both ways did not move (its
    // bounds are left to the lead, who measures the other rule writers on it first).
    // The lead's merges, held-out summary lines only: with redact47's and redact48's forms (written from the seventeenth's
    // released held-out part and a sixth outside measure), fast16's output-preserving scan and the Greek capital
    // sigma's fix merged first, the held-out part had not moved (16 of 268, 10 of 144, 703 of 707); after redact49's
    // merge, 14, 10 and 703: the standard bound 16 -> 14.
    // redact54's forms for the released held-out part (RELEASED_EIGHTEENTH; ReleasedEighteenthFormsTest) moved it to 0 of
    // 268 and 0 of 144, 707 of 707 kept both ways: Hibernate's bound parameters by their place (BindingParameters) 4
    // standard and 4 at rest, camel-cased French labels (LocalLabels: motDePasse=, cleApi=) 4 and 4, a quoted value after
    // a bare "key" in a SpecFlow step (NamedValues) 2 and 2, dotted national phones (Numbers) 4 standard; the key at
    // redis-cli's prompt (RedisSets.promptKey) kept the 4 lost strings. The tune part did not move.
    private static final int EIGHTEENTH_TUNE_LEAKS_STANDARD = 2;
    private static final int EIGHTEENTH_TUNE_LEAKS_AT_REST = 2;
    private static final int EIGHTEENTH_HELD_OUT_LEAKS_STANDARD = 0;
    private static final int EIGHTEENTH_HELD_OUT_LEAKS_AT_REST = 0;
    private static final double EIGHTEENTH_TUNE_KEPT_STANDARD = 1.0;
    private static final double EIGHTEENTH_TUNE_KEPT_AT_REST = 1.0;
    private static final double EIGHTEENTH_HELD_OUT_KEPT_STANDARD = 1.0;
    private static final double EIGHTEENTH_HELD_OUT_KEPT_AT_REST = 1.0;
    /**
     * Whether the eighteenth collection's tune part prints its failures. It was written to print its summary lines only,
     * the whole collection kept as a measure; the lead released the tune part to one rule writer (redact49) at this
     * commit, right after the first measure (tune 24 of 510 and 6 of 270, held out 16 of 268 and 10 of 144). The held-out
     * part still prints its summary lines only: it is the stop's clean measure, and the rules written from other material
     * (redact47, redact48) are read on it before redact49's are merged.
     */
    private static final boolean RELEASED_EIGHTEENTH_TUNE = true;
    /**
     * Whether the eighteenth collection's held-out part prints its failures. It was released as tune data by the lead at
     * this commit (issue #14, next stop), after its last measure as a held-out part with all the rules of main at 3684e37:
     * 14 of 268 planted values leaked with the standard rules and 10 of 144 secrets at rest, 703 of 707 must-keep strings
     * kept both ways (0.994). Its first measure, with the rules of 61702ac, was 16 of 268, 10 of 144 and 703 of 707. From
     * then on it counts as tune data; the nineteenth collection (corpus19) is the clean measure.
     */
    private static final boolean RELEASED_EIGHTEENTH = true;
    /** The eighteenth collection ({@link RedactionCorpus#EIGHTEENTH}), measured apart. */
    private static List<Case> eighteenth;
    /**
     * The nineteenth collection ({@link RedactionCorpus#NINETEENTH}, families19.py: 84 formats, all from the mainstream
     * tools a failing test run of a web, back-end or mobile application prints, those the eighteen earlier collections
     * touch least, each in a message shape none of them has: unit-test runners' assertion output with source lines and
     * call arguments (pytest's rewritten asserts, fixture setup errors, --showlocals and parametrize ids, Jest's code
     * frames, toHaveBeenLastCalledWith and snapshots, Vitest's diffs and spy calls, Mocha, Jasmine on Karma, AssertJ,
     * Spock's power asserts, TestNG's data providers, testify, cargo test's left/right, xUnit's theories, NUnit's test
     * cases, MSTest's data rows, PHPUnit's data sets, RSpec's received arguments, Minitest's diffs, JUnit 5's
     * parameterized names, Go's t.Logf); CI/CD and deploy logs echoing commands, short flags and tokens in URL paths
     * (GitHub Actions' heartbeat and build-hook curls, docker login -p and set-output, GitLab's pipeline triggers and
     * CI_DEBUG_TRACE, CircleCI, Jenkins, Buildkite's hooks, Bitbucket's pipes, Argo CD's conditions, Argo Workflows'
     * pod logs, Flux's GitRepository, Tekton's steps, Ansible's module_args, Terraform's plan and provider debug, the aws,
     * gcloud and az CLIs' debug output, helm repo add, kubectl's --from-literal, sentry-cli, notarytool, the Vercel CLI);
     * mobile builds and tests (Fastlane's match and supply, Gradle's signing config, altool, Espresso, Flutter, Metro,
     * EAS, Android instrumentation, Firebase Test Lab); queues and workers (Celery, Sidekiq, BullMQ, RabbitMQ, Kafka's
     * Java client, KafkaJS, confluent-kafka, Pub/Sub, SQS on Lambda, Resque); and PostgreSQL, MySQL, Git, Django,
     * Laravel, Spring and Hibernate Validator in Swedish, Romanian, Hungarian, Hindi, Finnish, Danish, Norwegian,
     * Croatian, Bulgarian, Catalan, Slovak, Malay, Persian and Bengali; with the personal data of 3 more countries and
     * territories, big countries' phones in 14 shapes not planted yet and New Zealand's NHI, Brazil's PIS/PASEP and VINs
     * that pass their checks ({@link NineteenthIds}); learnt from public documentation pages) was built and committed
     * before any rule ran on it, and no rule writer has seen it. Its families are split by the SHA-1 of the name (0 mod
     * 3): 33 of 84 fell to the held-out part, 132 of 336 lines (39%; not redrawn).
     */
    // Measured once at 4a2943c (the data and wiring's commit) with the rules of main at 320fdd6, the branch point, before
    // any rule was written for it, from the summary lines only (the failures of neither part are printed, and no line was
    // changed after the run): tune 25 of 392 planted values leaked with the standard rules and 11 of 220 secrets at rest,
    // 1321 of 1333 must-keep strings kept both ways (0.9910); held out 20 of 238 and 12 of 132, 836 of 846 kept both ways
    // (0.9882). The standard figure counts personal data, the figure at rest secrets only. These bounds keep the gap from
    // growing: lower the leak bounds, raise the kept floors, never the other way.
    // Lowered by redact55's general forms, written from the released tune part only (NineteenthFormsTest): a Slack or
    // Discord webhook's host and route kept, its credential path gone (token-rules.json's group secret); a webhook
    // signature's algorithm kept (X-Signature: sha256=…); Brazil's PIS/PASEP by its printed layout and check
    // (national-ids.json) and by its label, New Zealand's NHI by its label and check, a VIN by its label; Malay's
    // password label (kata laluan); a PIN's digits after the capitals PIN alone; GitHub Actions' ::set-output and
    // ::set-env name=…:: values judged by their names, and an address after a workflow command's ::; Hibernate
    // Validator's messages after a method.argN.property path kept in any language: tune 10 of 392 and 6 of 220,
    // 1329 of 1333 kept both ways (0.9970). Then a share link's token by its name (Vercel's ?_vercel_share=…): 8 and
    // 4, kept as before. Left: a 32-hex token in a URL's path (/hooks/…, /api/…/fail: redact53's URL path tokens);
    // a bare NHI in a CSV row (one check character, which one in eleven random codes pass: by a label only); Vietnam's
    // mobile written 4.3.3 with dots in a PHPUnit data set; the altool --apiKey key id (a CLI flag: redact53's) and a
    // Confluent key id as the SASL username, which UserKeys takes on purpose (the key's id is the credential's half
    // that names it; the corpus's keep is its own choice).
    // The held-out part's summary lines moved with these forms (read, as always, from the summary only): standard 20
    // to 16 of 238, at rest 12 of 132 unchanged, 836 to 838 of 846 kept both ways (0.9905); its bounds are left for
    // the lead's clean measure.
    // The lead's merges, held-out summary lines only: with redact52's, redact53's and redact54's forms (secrets given by
    // position to well-known calls, command-line secrets known by their place and URL path tokens, the eighteenth's
    // released held-out part and the outside measures' gaps: all written from other material) merged first, the
    // held-out part was 18 of 238, 10 of 132, 836 of 846 kept: the clean figure of this stop's rules; after redact55's
    // merge, 14, 10 and 838 (0.9905): the bounds 20 -> 14, 12 -> 10, the kept floors 0.988 -> 0.990.
    private static final int NINETEENTH_TUNE_LEAKS_STANDARD = 8;
    private static final int NINETEENTH_TUNE_LEAKS_AT_REST = 4;
    // Lowered by redact57's general forms, written from the released held-out part (ReleasedNineteenthFormsTest): a
    // test case's arguments judged by the parameters its stack frame names (CaseArguments), an address joined to the
    // next parameter of a pytest id, a VIN by its check digit, Secret Manager's payload below its version's name, an
    // Android view's text under a secret's res-name, and, kept, a code counted up from 1 ("otp": "123456"): held out
    // 14 -> 4 of 238, 10 -> 4 of 132, 838 -> 840 of 846 kept both ways (0.9929); tune unchanged. Left: a Netlify
    // build hook's id in its URL (an outside measure, the seventh, keeps that URL as a configuration value, and
    // PlaceFormsTest with it: the two labels disagree, so no form), a Postmark token as a Resque job's argument (no
    // name or place says it is one), and the Confluent key id as the SASL username (UserKeys takes it on purpose, as
    // the sixth collection plants it; this collection keeps it).
    private static final int NINETEENTH_HELD_OUT_LEAKS_STANDARD = 4;
    private static final int NINETEENTH_HELD_OUT_LEAKS_AT_REST = 4;
    private static final double NINETEENTH_TUNE_KEPT_STANDARD = 0.9969;
    private static final double NINETEENTH_TUNE_KEPT_AT_REST = 0.9969;
    private static final double NINETEENTH_HELD_OUT_KEPT_STANDARD = 0.9929;
    private static final double NINETEENTH_HELD_OUT_KEPT_AT_REST = 0.9929;
    /**
     * Whether the nineteenth collection's tune part prints its failures. It was written to print its summary lines only,
     * the whole collection kept as a measure; the lead released the tune part to one rule writer (redact55) at this
     * commit, right after the first measure (tune 25 of 392 and 11 of 220, held out 20 of 238 and 12 of 132). The held-out
     * part still prints its summary lines only: it is the stop's clean measure, and the rules written from other material
     * (redact52, redact53, redact54) are read on it before redact55's are merged.
     */
    private static final boolean RELEASED_NINETEENTH_TUNE = true;
    /**
     * Whether the nineteenth collection's held-out part prints its failures. It was released as tune data by the lead at
     * this commit (issue #14, next stop), after its last measure as a held-out part with all the rules of main at 8c15f1c:
     * 14 of 238 planted values leaked with the standard rules and 10 of 132 secrets at rest, 838 of 846 must-keep strings
     * kept both ways (0.990). Its first measure, with the rules of 320fdd6, was 20 of 238, 12 of 132 and 836 of 846. From
     * then on it counts as tune data; the twentieth collection (corpus20) is the clean measure.
     */
    private static final boolean RELEASED_NINETEENTH = true;
    /** The nineteenth collection ({@link RedactionCorpus#NINETEENTH}), measured apart. */
    private static List<Case> nineteenth;
    /**
     * The twentieth collection ({@link RedactionCorpus#TWENTIETH}, families20.py: 84 formats, all from the mainstream
     * tools a failing test run or a CI job of a web, back-end, data or mobile application prints, those the nineteen
     * earlier collections touch least, each in a message shape none of them has: SDK and agent debug logs
     * (OpenTelemetry's console exporter, New Relic, Elastic APM, LaunchDarkly, Unleash, Split, Segment, Amplitude,
     * Mixpanel); identity providers and auth flows (Auth0's passwordGrant and GetToken, Cognito's initiate-auth, Firebase
     * Auth, Supabase's GoTrue, Clerk, NextAuth's debug, Spring Security's filter chain, Passport's local strategy,
     * Devise's mailer, django-allauth, MSAL, SAML toolkits, openid-client, Authlib); payment, mail and SMS SDKs
     * (stripe-mock, Braintree, Postmark, Mailchimp, Vonage, MessageBird); data pipelines and notebooks (Airflow's task log
     * and connections, dbt's debug arguments, PySpark's JDBC options and spark-submit, Databricks, Snowflake, BigQuery's
     * bq, Redshift, Great Expectations, papermill, MLflow); infrastructure as code (Pulumi, CDK, SAM, Serverless, Chef,
     * Puppet, Salt, Packer); gateways and proxies (Kong, Envoy, Traefik, HAProxy); GraphQL, gRPC and SOAP clients
     * (Apollo, grpcurl, zeep, SoapUI); Windows and .NET tooling (Pester, MSBuild's Exec, the configuration debug view,
     * winget, appcmd, PowerShell); credentials in the slots of auth-named calls and commands (auth, connect, login, sign,
     * set_credentials, fetch_token, --auth); and PostgreSQL, Git, Django, Laravel, Spring and MySQL in Greek, Hebrew,
     * Thai, Indonesian, Ukrainian, Vietnamese, Serbian, Lithuanian, Latvian, Estonian, Slovenian, Icelandic, Urdu, Tamil,
     * Swahili and Tagalog; with big countries' phones in 21 shapes not planted yet and Serbia's PIB, Vietnam's MST and
     * Indonesia's NPWP that pass their checks ({@link TwentiethIds}); learnt from public documentation pages) was built and
     * committed before any rule ran on it, and no rule writer has seen it. Its families are split by the SHA-1 of the name
     * (0 mod 3): 29 of 84 fell to the held-out part, 116 of 336 lines (35%; not redrawn).
     */
    // Measured once at 3558423 (the data and wiring's commit) with the rules of main at c87bb48, the branch point, before
    // any rule was written for it, from the summary lines only (the failures of neither part are printed, and no line was
    // changed after the run): tune 15 of 440 planted values leaked with the standard rules and 5 of 252 secrets at rest,
    // 1327 of 1353 must-keep strings kept with the standard rules (0.9808) and 1335 at rest (0.9867); held out 15 of 242
    // and 8 of 134, 747 of 761 kept with the standard rules (0.9816) and 755 at rest (0.9921). The standard figure counts
    // personal data, the figure at rest secrets only. These bounds keep the gap from growing: lower the leak bounds, raise
    // the kept floors, never the other way.
    // redact59's forms and mends for the tune part's failures (TwentiethFormsTest) moved the tune bounds: 15 -> 0 and
    // 5 -> 0 leaked, kept 1327 -> 1343 and 1335 -> 1349 of 1353; the held-out bounds are the lead's.
    // redact61's forms for the released held-out part (ReleasedTwentiethFormsTest) moved the held-out bounds: a logger's
    // name and a .NET key's colon path no key (KeyValues), kept 747 -> 751 and 755 -> 759 of 761; an API key as Basic's
    // user with an empty password (UserKeys), Postmark's clients' token (positionalCalls), HTTPie's bearer token
    // (CommandLines), an address as a URL's user (Emails) and Vietnam's tax code by its label (local-labels.json),
    // 15 -> 0 and 8 -> 0 leaked; a role's mailbox as a mail's sender kept (Emails), standard kept 751 -> 759 of 761
    private static final int TWENTIETH_TUNE_LEAKS_STANDARD = 0;
    private static final int TWENTIETH_TUNE_LEAKS_AT_REST = 0;
    private static final int TWENTIETH_HELD_OUT_LEAKS_STANDARD = 0;
    private static final int TWENTIETH_HELD_OUT_LEAKS_AT_REST = 0;
    private static final double TWENTIETH_TUNE_KEPT_STANDARD = 0.992;
    private static final double TWENTIETH_TUNE_KEPT_AT_REST = 0.997;
    private static final double TWENTIETH_HELD_OUT_KEPT_STANDARD = 0.997;
    private static final double TWENTIETH_HELD_OUT_KEPT_AT_REST = 0.997;
    /**
     * Whether the twentieth collection's tune part prints its failures. It was written to print its summary lines only,
     * the whole collection kept as a measure; the lead released the tune part to one rule writer (redact59) at this
     * commit, right after the first measure (tune 15 of 440 and 5 of 252, held out 15 of 242 and 8 of 134). The held-out
     * part still prints its summary lines only: it is the stop's clean measure, and the rules written from other material
     * (redact57, redact58) are read on it before redact59's are merged.
     */
    private static final boolean RELEASED_TWENTIETH_TUNE = true;
    /**
     * Whether the twentieth collection's held-out part prints its failures. It was released as tune data by the lead at
     * this commit (issue #14, next stop), after its last measure as a held-out part with all the rules of main at 6460361:
     * 15 of 242 planted values leaked with the standard rules and 8 of 134 secrets at rest, 747 of 761 must-keep strings
     * kept with the standard rules (0.982) and 755 at rest (0.992) — the same as its first measure, with the rules of
     * c87bb48. From then on it counts as tune data; the twenty-first collection (corpus21) is the clean measure.
     */
    private static final boolean RELEASED_TWENTIETH = true;
    /** The twentieth collection ({@link RedactionCorpus#TWENTIETH}), measured apart. */
    private static List<Case> twentieth;
    /**
     * The twenty-first collection ({@link RedactionCorpus#TWENTY_FIRST}, families21.py: 86 formats, all from the
     * mainstream tools a failing test run or a CI job of a web, back-end, data or mobile application prints, those the
     * twenty earlier collections touch least, each in a message shape none of them has: HTTP clients' debug output
     * (OkHttp, Axios, urllib3, httpx, Excon, Typhoeus, Guzzle, Refit, Spring's WebClient, curl --trace-ascii); ORMs and
     * database drivers (Prisma, Sequelize's CLI, TypeORM, Knex's CLI, SQLAlchemy, ActiveRecord, EF Core's tools, GORM,
     * Diesel, node-postgres, pgx, DriverManager, HikariCP); cache and queue clients (ioredis, Lettuce, Jedis, BullMQ,
     * Celery, amqplib, kafkajs, kafka-go, librdkafka, Confluent's .NET client); build and package tools in verbose mode
     * (Gradle, Maven, npm, Yarn, pnpm, pip, Poetry, Cargo, go, Bazel, sbt); container and cluster tooling (Helm, kubectl
     * -v=8, Skaffold, Tilt, docker compose config, BuildKit); cloud CLIs (aws --debug, az, gcloud, doctl, flyctl, Vercel,
     * Netlify, Heroku, firebase-tools); browser test runners (Cypress, WebdriverIO, Selenium, Puppeteer, TestCafe,
     * Nightwatch); output full of strings that look like secrets and are not (GitHub Actions' debug, Symfony's env-var
     * table, Spring's actuator, docker login's usage, gpg and jarsigner, git's credential trace, ChromeDriver, the .NET
     * SDK, Terraform's sensitive plan, Ansible's no_log); and Django, Laravel, Rails, Symfony, Spring and PostgreSQL in
     * Armenian, Georgian, Azerbaijani, Kazakh, Welsh, Basque, Galician, Afrikaans, Albanian, Macedonian, Khmer and
     * Telugu; with big countries' phones in 19 shapes not planted yet and China's USCC and New Zealand's NZBN that pass
     * their checks ({@link TwentyFirstIds}); written from the writer's knowledge of the tools' documented output, not checked
     * against the pages each family names) was built and committed before any
     * rule ran on it, and no rule writer has seen it. Its families are split by the SHA-1 of the name (0 mod 3): 35 of 86
     * fell to the held-out part, 140 of 344 lines (41%; not redrawn).
     */
    // Measured once at e910c70 (the data and wiring's commit) with the rules of main at 5087b32, the branch point, before
    // any rule was written for it, from the summary lines only (the failures of neither part are printed, and no line was
    // changed after the run): tune 16 of 306 planted values leaked with the standard rules and 10 of 208 secrets at rest,
    // 1384 of 1402 must-keep strings kept with the standard rules (0.9872) and 1390 at rest (0.9914); held out 7 of 222
    // and 5 of 158, 964 of 984 kept with the standard rules (0.9797) and 970 at rest (0.9858). The standard figure counts
    // personal data, the figure at rest secrets only. These bounds keep the gap from growing: lower the leak bounds, raise
    // the kept floors, never the other way.
    // redact62's mends for what the tune part lost (TwentyFirstFormsTest: parameter expansions, tools' masks in
    // parentheses, BuildKit's secret specifications, RabbitMQ's loopback default, versions in package coordinates) and
    // China's USCC by its checks moved the tune bounds: 16 -> 10 and 10 -> 10 leaked, kept 1384 -> 1402 and 1390 -> 1402
    // of 1402; then its forms for what leaked (a connection string's password to its semicolon, JSON in Python's repr,
    // Kazakh's and Albanian's labels and fill_in's localised labels, Diesel's binds inside a string): 10 -> 4 and
    // 10 -> 4; then a URL's long issued code without OAuth beside it (Azure Functions' key): 4 -> 2 and 4 -> 2; the
    // held-out bounds are the lead's. At the next stop the lead's snake_case names in prose (Terraform's
    // var.api_token is "…", TwentyFirstFormsTest): 2 -> 0 and 2 -> 0
    private static final int TWENTY_FIRST_TUNE_LEAKS_STANDARD = 0;
    private static final int TWENTY_FIRST_TUNE_LEAKS_AT_REST = 0;
    // redact63's forms for the released held-out part (ReleasedTwentyFirstFormsTest: sbt's Credentials by its signature,
    // a cross-built Scala artifact's version, curl's USERPWD user, a quoted cell's quotes, NZBN by its label, a value
    // after a phrase naming a long option, Galician's, Catalan's and Basque's password labels) moved the held-out
    // bounds: 7 -> 0 and 5 -> 0 leaked, kept 977 -> 984 and 978 -> 984 of 984
    private static final int TWENTY_FIRST_HELD_OUT_LEAKS_STANDARD = 0;
    private static final int TWENTY_FIRST_HELD_OUT_LEAKS_AT_REST = 0;
    private static final double TWENTY_FIRST_TUNE_KEPT_STANDARD = 1.0;
    private static final double TWENTY_FIRST_TUNE_KEPT_AT_REST = 1.0;
    // The lead's reading after merging the forms written from other material (redact61: the twentieth's released held-out
    // part; realtext1: what the rules took from real man pages, changelogs and tool logs): held out 7 of 222 and 5 of 158
    // still, kept 964 -> 977 of 984 with the standard rules (0.9929) and 970 -> 978 at rest (0.9939), all from realtext1
    // (redact61 alone moved no line of this collection).
    private static final double TWENTY_FIRST_HELD_OUT_KEPT_STANDARD = 1.0;   // redact63: 977 -> 984 of 984
    private static final double TWENTY_FIRST_HELD_OUT_KEPT_AT_REST = 1.0;   // redact63: 978 -> 984 of 984
    /**
     * Whether the twenty-first collection's tune part prints its failures. It was written to print its summary lines
     * only, the whole collection kept as a measure; the lead released the tune part to one rule writer (redact62) at this
     * commit, right after the first measure (tune 16 of 306 and 10 of 208, held out 7 of 222 and 5 of 158). The held-out
     * part still prints its summary lines only: it is the stop's clean measure, and the rules written from other material
     * (redact61, realtext1) are read on it before redact62's are merged.
     */
    private static final boolean RELEASED_TWENTY_FIRST_TUNE = true;
    /**
     * Whether the twenty-first collection's held-out part prints its failures. It was released as tune data by the lead
     * at this commit (issue #14, next stop), after its last measure as a held-out part with all the rules of main at
     * a12b805: 7 of 222 planted values leaked with the standard rules and 5 of 158 secrets at rest, 977 of 984 must-keep
     * strings kept with the standard rules (0.993) and 978 at rest (0.994) — the leaks as at its first measure with the
     * rules of 5087b32, the kept strings raised from 964 and 970 by realtext1's forms. From then on it counts as tune
     * data; the twenty-second collection (corpus22) is the clean measure.
     */
    private static final boolean RELEASED_TWENTY_FIRST = true;
    /** The twenty-first collection ({@link RedactionCorpus#TWENTY_FIRST}), measured apart. */
    private static List<Case> twentyFirst;
    /**
     * The twenty-second collection ({@link RedactionCorpus#TWENTY_SECOND}, families22.py: 87 formats, all from the
     * mainstream tools a failing test run or a CI job of a web, back-end, data or mobile application prints, those the
     * twenty-one earlier collections touch least, each in a message shape none of them has: test frameworks' own failure
     * output with the secret inside the assertion or diff (pytest, Jest, Vitest, RSpec, PHPUnit, Go's testing and
     * testify, Rust's assert_eq!, Kotest, AssertJ, Hamcrest, NUnit, xUnit, ExUnit, XCTest, Mocha and Chai, Minitest);
     * framework error pages and debug dumps (Rails, Django, Laravel's Ignition, Phoenix, Next.js, Nuxt, Remix and
     * SvelteKit, Fastify, NestJS, Spring Boot, ASP.NET Core, Werkzeug, Symfony); observability (Sentry, New Relic,
     * Alertmanager, Grafana, Elastic, Honeycomb); CI systems' own logs (GitLab, Jenkins, CircleCI, Buildkite, Azure
     * Pipelines, Bitbucket, Drone and Woodpecker, GitHub Actions); mobile and desktop builds (Gradle's Android signing,
     * fastlane, xcodebuild, Flutter, Metro, electron-builder, EAS); secrets managers and config tools on error (Vault,
     * SOPS, Doppler, 1Password, chamber, dotenv, AWS Secrets Manager); output full of strings that look like secrets and
     * are not (usage text, placeholders, masks, four-part versions, hashes); and output localised in Gujarati, Punjabi,
     * Kannada, Malayalam, Sinhala, Lao, Burmese, Amharic, Irish, Maltese, Malay and Zulu; with big countries' city
     * numbers in 22 shapes not planted yet and Taiwan's UBN and Ukraine's RNOKPP that pass their checks
     * ({@link TwentySecondIds}); learnt from public documentation pages) was built and committed before any rule ran on
     * it, and no rule writer has seen it. Its families are split by the SHA-1 of the name (0 mod 3): 28 of 87 fell to
     * the held-out part, 112 of 348 lines (32%; not redrawn).
     */
    // The first measure, taken once at 8e72cdd with the rules of the branch point (main at cf56e3a), read from the summary
    // lines only (neither part prints its failures; no line changed after the run): tune 18 of 372 leaked with the
    // standard rules and 12 of 236 at rest, 1526 of 1550 kept (0.9845) and 1528 at rest (0.9858); held out 8 of 154 and
    // 8 of 120, 619 of 641 kept with either rule set (0.9657). Leak bounds are these figures, kept floors these shares
    // rounded down. redact64's forms for the released tune part (TwentySecondFormsTest: quoted masks, AWS's example key
    // ids and placeholder passwords to loopback, six zeros, HTTP_COOKIE, Class#method, Rails' signed messages, Taiwan's
    // UBN, a diff's mask and value, PagerDuty's routing key, Irish's pasfhocal) moved the tune part to 1 of 372 leaked
    // and 1 of 236 at rest, 1550 of 1550 kept with either rule set; express-validator's field error (PathValues) to 0
    // leaked with either. The lead's readings of the held-out part, summary lines only: after the forms written from
    // other material (the lead's parameter expansions, redact63's from the twenty-first's released held-out part,
    // realtools1's from real tools' output, fast17's one-pass echoes) 8 of 154, 8 of 120, 619 of 641 kept both ways;
    // after redact64's, the same: the held-out bounds stayed at the first measure until it was released. redact65's forms
    // for the released held-out part (ReleasedTwentySecondFormsTest: a session cookie's name, CodePush's deployment key,
    // a scoped token's dotted words, a template's pipe, Firebase refresh tokens, a Twilio SID:secret pair, Spring's
    // rejected value under a localised password message, a number in three groups cut by OneTimeCodes) moved it to 0 of
    // 154 and 0 of 120, 637 of 641 kept both ways (0.9938; the 4 lost are Werkzeug's debugger PIN, taken on purpose).
    private static final int TWENTY_SECOND_TUNE_LEAKS_STANDARD = 0;
    private static final int TWENTY_SECOND_TUNE_LEAKS_AT_REST = 0;
    private static final int TWENTY_SECOND_HELD_OUT_LEAKS_STANDARD = 0;   // redact65's forms (above)
    private static final int TWENTY_SECOND_HELD_OUT_LEAKS_AT_REST = 0;   // redact65's forms (above)
    private static final double TWENTY_SECOND_TUNE_KEPT_STANDARD = 1.0;   // redact64's forms (above)
    private static final double TWENTY_SECOND_TUNE_KEPT_AT_REST = 1.0;   // redact64's forms (above)
    private static final double TWENTY_SECOND_HELD_OUT_KEPT_STANDARD = 0.993;   // redact65's forms (above)
    private static final double TWENTY_SECOND_HELD_OUT_KEPT_AT_REST = 0.993;   // redact65's forms (above)
    /**
     * Whether the twenty-second collection's tune part prints its failures. It was written to print its summary lines
     * only, the whole collection kept as a measure; the lead released the tune part to one rule writer (redact64) at this
     * commit, right after the first measure (tune 18 of 372 and 12 of 236, held out 8 of 154 and 8 of 120). The held-out
     * part still prints its summary lines only: it is the stop's clean measure, and the rules written from other material
     * (redact63, realtools1, the lead's parameter expansions) are read on it before redact64's are merged.
     */
    private static final boolean RELEASED_TWENTY_SECOND_TUNE = true;
    /**
     * Whether the twenty-second collection's held-out part prints its failures. It was released as tune data by the lead
     * at this commit (issue #14, next stop), after its last measure as a held-out part with all the rules of main at
     * c55af36: 8 of 154 planted values leaked with the standard rules and 8 of 120 secrets at rest, 619 of 641 must-keep
     * strings kept both ways (0.966) — all as at its first measure with the rules of cf56e3a. From then on it counts as
     * tune data; the twenty-third collection (corpus23) is the clean measure.
     */
    private static final boolean RELEASED_TWENTY_SECOND = true;
    /** The twenty-second collection ({@link RedactionCorpus#TWENTY_SECOND}), measured apart. */
    private static List<Case> twentySecond;
    /**
     * The twenty-third collection ({@link RedactionCorpus#TWENTY_THIRD}, families23.py: 89 formats, all from the
     * mainstream tools a failing test run or a CI job of a web, back-end, data or mobile application prints, those the
     * twenty-two earlier collections touch least, each in a message shape none of them has: ORMs and database drivers on
     * error, message brokers and job queues, infrastructure as code, package managers, hosting and serverless, HTTP
     * clients' debug dumps, SMTP debug, LDAP and Kerberos, browser automation, database CLIs, output full of strings
     * that look like secrets and are not, CRM and commerce APIs' validation errors, and output localised in Icelandic,
     * Estonian, Latvian, Lithuanian, Slovenian, Esperanto, Scottish Gaelic, Luxembourgish, Odia, Kyrgyz, Persian and
     * Nepali; with big cities' landlines in 30 shapes not planted yet and Venezuela's RIF and the Dominican RNC that pass
     * their checks ({@link TwentyThirdIds}); learnt from public documentation pages) was built and committed before any
     * rule ran on it, and no rule writer has seen it. Its families are split by the SHA-1 of the name (0 mod 3): 30 of
     * 89 fell to the held-out part, 120 of 356 lines (34%; not redrawn).
     */
    // The first measure, taken once at 122de85 with the rules of the branch point (main at 8b68b6c), read from the summary
    // lines only (neither part prints its failures; no line changed after the run): tune 16 of 392 leaked with the
    // standard rules and 12 of 252 at rest, 1606 of 1636 kept with either rule set (0.9817); held out 4 of 202 and 0 of
    // 132, 926 of 934 kept with either rule set (0.9914). Leak bounds are these figures, kept floors these shares rounded
    // down.
    private static final int TWENTY_THIRD_TUNE_LEAKS_STANDARD = 16;
    private static final int TWENTY_THIRD_TUNE_LEAKS_AT_REST = 12;
    private static final int TWENTY_THIRD_HELD_OUT_LEAKS_STANDARD = 4;
    private static final int TWENTY_THIRD_HELD_OUT_LEAKS_AT_REST = 0;
    private static final double TWENTY_THIRD_TUNE_KEPT_STANDARD = 0.981;
    private static final double TWENTY_THIRD_TUNE_KEPT_AT_REST = 0.981;
    private static final double TWENTY_THIRD_HELD_OUT_KEPT_STANDARD = 0.991;
    private static final double TWENTY_THIRD_HELD_OUT_KEPT_AT_REST = 0.991;
    /**
     * Whether the twenty-third collection's tune part prints its failures. It was written to print its summary lines
     * only, the whole collection kept as a measure; the lead released the tune part to one rule writer (redact66) at this
     * commit, right after the first measure (tune 16 of 392 and 12 of 252, held out 4 of 202 and 0 of 132). The held-out
     * part still prints its summary lines only: it is the stop's clean measure, and the rules written from other material
     * (redact65, realtext3, realtools2, the lead's compound names) are read on it before redact66's are merged.
     */
    private static final boolean RELEASED_TWENTY_THIRD_TUNE = true;
    /** The twenty-third collection ({@link RedactionCorpus#TWENTY_THIRD}), measured apart. */
    private static List<Case> twentyThird;

    @BeforeAll
    static void load() throws IOException {
        cases = RedactionCorpus.load(SEED);
        second = RedactionCorpus.load(RedactionCorpus.SECOND, SEED);
        third = RedactionCorpus.load(RedactionCorpus.THIRD, SEED);
        fourth = RedactionCorpus.load(RedactionCorpus.FOURTH, SEED);
        fifth = RedactionCorpus.load(RedactionCorpus.FIFTH, SEED);
        sixth = RedactionCorpus.load(RedactionCorpus.SIXTH, SEED);
        seventh = RedactionCorpus.load(RedactionCorpus.SEVENTH, SEED);
        eighth = RedactionCorpus.load(RedactionCorpus.EIGHTH, SEED);
        ninth = RedactionCorpus.load(RedactionCorpus.NINTH, SEED);
        tenth = RedactionCorpus.load(RedactionCorpus.TENTH, SEED);
        eleventh = RedactionCorpus.load(RedactionCorpus.ELEVENTH, SEED);
        twelfth = RedactionCorpus.load(RedactionCorpus.TWELFTH, SEED);
        thirteenth = RedactionCorpus.load(RedactionCorpus.THIRTEENTH, SEED);
        fourteenth = RedactionCorpus.load(RedactionCorpus.FOURTEENTH, SEED);
        fifteenth = RedactionCorpus.load(RedactionCorpus.FIFTEENTH, SEED);
        sixteenth = RedactionCorpus.load(RedactionCorpus.SIXTEENTH, SEED);
        seventeenth = RedactionCorpus.load(RedactionCorpus.SEVENTEENTH, SEED);
        eighteenth = RedactionCorpus.load(RedactionCorpus.EIGHTEENTH, SEED);
        nineteenth = RedactionCorpus.load(RedactionCorpus.NINETEENTH, SEED);
        twentieth = RedactionCorpus.load(RedactionCorpus.TWENTIETH, SEED);
        twentyFirst = RedactionCorpus.load(RedactionCorpus.TWENTY_FIRST, SEED);
        twentySecond = RedactionCorpus.load(RedactionCorpus.TWENTY_SECOND, SEED);
        twentyThird = RedactionCorpus.load(RedactionCorpus.TWENTY_THIRD, SEED);
    }

    @Test
    void theCorpusHasFourHundredLinesAndEightHundredStringsToKeepWithAFifthHeldOut() {
        long heldOut = cases.stream().filter(c -> c.split().equals("heldout")).count();
        long keep = cases.stream().mapToLong(c -> c.keep().size()).sum();
        long planted = cases.stream().mapToLong(c -> c.planted().size()).sum();
        assertTrue(cases.size() >= 400, "lines: " + cases.size());
        assertTrue(keep >= 800, "must-keep strings: " + keep);
        assertTrue(planted >= 400, "planted values: " + planted);
        assertTrue(heldOut >= cases.size() / 6 && heldOut <= cases.size() / 4, "held out: " + heldOut);
    }

    @Test
    void theStandardRulesLeakNothingOnTheTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures f = RedactionCorpus.measure(cases, "tune", Redactor.standard()::redact, true);
        report("standard", f, true);
        assertEquals(0, f.leaked(), f::toString);
        assertTrue(f.keptShare() >= 0.98, f::toString);
    }

    @Test
    void theStandardRulesLeakNoMoreThanMeasuredOnTheHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures f = RedactionCorpus.measure(cases, "heldout", Redactor.standard()::redact, true);
        report("standard", f, RELEASED);
        assertTrue(f.leaked() <= HELD_OUT_LEAKS_STANDARD, f::toString);
        assertTrue(f.keptShare() >= 0.98, f::toString);
    }

    @Test
    void theRulesAtRestLeakNoSecretOnTheTuneSplitAndNoMoreThanMeasuredOnTheHeldOutOne() {
        for (String split : List.of("tune", "heldout")) {
            Figures f = RedactionCorpus.measure(cases, split, Redactor.atRest()::redact, false);
            report("at rest", f, split.equals("tune") || RELEASED);
            assertTrue(f.leaked() <= (split.equals("tune") ? 0 : HELD_OUT_LEAKS_AT_REST), f::toString);
            assertTrue(f.keptShare() >= 0.98, f::toString);
        }
    }

    @Test
    void theSecondCollectionHasAHundredAndTwentyLinesAndTwoHundredAndFiftyStringsToKeepWithAPartHeldOut() {
        long heldOut = second.stream().filter(c -> c.split().equals("heldout")).count();
        long keep = second.stream().mapToLong(c -> c.keep().size()).sum();
        assertTrue(second.size() >= 120, "lines: " + second.size());
        assertTrue(keep >= 250, "must-keep strings: " + keep);
        assertTrue(heldOut >= second.size() / 6, "held out: " + heldOut);
    }

    @Test
    void theRulesLeakNothingOnTheSecondCollectionsTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(second, "tune", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(second, "tune", Redactor.atRest()::redact, false);
        report("second collection, standard", standard, true);
        report("second collection, at rest", atRest, true);
        assertEquals(0, standard.leaked(), standard::toString);
        assertEquals(0, atRest.leaked(), atRest::toString);
        assertTrue(standard.keptShare() >= 0.98, standard::toString);
        assertTrue(atRest.keptShare() >= 0.98, atRest::toString);
    }

    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheSecondCollectionsHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(second, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(second, "heldout", Redactor.atRest()::redact, false);
        report("second collection, standard", standard, RELEASED);
        report("second collection, at rest", atRest, RELEASED);
        assertTrue(standard.leaked() <= SECOND_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= SECOND_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= 0.98, standard::toString);
        assertTrue(atRest.keptShare() >= 0.98, atRest::toString);
    }

    @Test
    void theThirdCollectionHasAHundredAndFiftyLinesInThirtyFiveFormatsWithAFifthHeldOut() {
        long heldOut = third.stream().filter(c -> c.split().equals("heldout")).count();
        long formats = third.stream().map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long keep = third.stream().mapToLong(c -> c.keep().size()).sum();
        assertTrue(third.size() >= 150, "lines: " + third.size());
        assertTrue(formats >= 35, "formats: " + formats);
        assertTrue(keep >= 300, "must-keep strings: " + keep);
        assertTrue(heldOut >= third.size() / 6, "held out: " + heldOut);
    }

    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheThirdCollectionsTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(third, "tune", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(third, "tune", Redactor.atRest()::redact, false);
        report("third collection, standard", standard, true);
        report("third collection, at rest", atRest, true);
        assertTrue(standard.leaked() <= THIRD_TUNE_LEAKS, standard::toString);
        assertTrue(atRest.leaked() <= THIRD_TUNE_LEAKS, atRest::toString);
        assertTrue(standard.keptShare() >= 0.98, standard::toString);
        assertTrue(atRest.keptShare() >= 0.98, atRest::toString);
    }

    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheThirdCollectionsHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(third, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(third, "heldout", Redactor.atRest()::redact, false);
        report("third collection, standard", standard, RELEASED);
        report("third collection, at rest", atRest, RELEASED);
        assertTrue(standard.leaked() <= THIRD_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= THIRD_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= THIRD_HELD_OUT_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= 0.98, atRest::toString);
    }

    @Test
    void theFourthCollectionHasAHundredAndTwentyLinesInThirtyFormatsWithAFifthHeldOut() {
        long heldOut = fourth.stream().filter(c -> c.split().equals("heldout")).count();
        long formats = fourth.stream().map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long keep = fourth.stream().mapToLong(c -> c.keep().size()).sum();
        long planted = fourth.stream().mapToLong(c -> c.planted().size()).sum();
        assertTrue(fourth.size() >= 120, "lines: " + fourth.size());
        assertTrue(formats >= 30, "formats: " + formats);
        assertTrue(keep >= 300, "must-keep strings: " + keep);
        assertTrue(planted >= 200, "planted values: " + planted);
        assertTrue(heldOut >= fourth.size() / 6, "held out: " + heldOut);
    }

    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheFourthCollectionsTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(fourth, "tune", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(fourth, "tune", Redactor.atRest()::redact, false);
        report("fourth collection, standard", standard, true);
        report("fourth collection, at rest", atRest, true);
        assertTrue(standard.leaked() <= FOURTH_TUNE_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= FOURTH_TUNE_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= FOURTH_TUNE_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= FOURTH_TUNE_KEPT_AT_REST, atRest::toString);
    }

    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheFourthCollectionsHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(fourth, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(fourth, "heldout", Redactor.atRest()::redact, false);
        report("fourth collection, standard", standard, RELEASED_LATER);
        report("fourth collection, at rest", atRest, RELEASED_LATER);
        assertTrue(standard.leaked() <= FOURTH_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= FOURTH_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= FOURTH_HELD_OUT_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= FOURTH_HELD_OUT_KEPT_AT_REST, atRest::toString);
    }

    @Test
    void theFifthCollectionHasAHundredAndFiftyLinesInThirtyFiveFormatsAndSixHundredStringsToKeepWithAFifthHeldOut() {
        long heldOut = fifth.stream().filter(c -> c.split().equals("heldout")).count();
        long formats = fifth.stream().map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long keep = fifth.stream().mapToLong(c -> c.keep().size()).sum();
        long planted = fifth.stream().mapToLong(c -> c.planted().size()).sum();
        assertTrue(fifth.size() >= 150, "lines: " + fifth.size());
        assertTrue(formats >= 35, "formats: " + formats);
        assertTrue(keep >= 600, "must-keep strings: " + keep);
        assertTrue(planted >= 300, "planted values: " + planted);
        assertTrue(heldOut >= fifth.size() / 6, "held out: " + heldOut);
    }

    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheFifthCollectionsTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(fifth, "tune", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(fifth, "tune", Redactor.atRest()::redact, false);
        report("fifth collection, standard", standard, true);
        report("fifth collection, at rest", atRest, true);
        assertTrue(standard.leaked() <= FIFTH_TUNE_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= FIFTH_TUNE_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= FIFTH_TUNE_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= FIFTH_TUNE_KEPT_AT_REST, atRest::toString);
    }

    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheFifthCollectionsHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(fifth, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(fifth, "heldout", Redactor.atRest()::redact, false);
        report("fifth collection, standard", standard, RELEASED_LATER);
        report("fifth collection, at rest", atRest, RELEASED_LATER);
        assertTrue(standard.leaked() <= FIFTH_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= FIFTH_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= FIFTH_HELD_OUT_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= FIFTH_HELD_OUT_KEPT_AT_REST, atRest::toString);
    }

    @Test
    void theSixthCollectionHasAHundredAndSixtyLinesInThirtyFiveFormatsWithAThirdHeldOut() {
        long heldOut = sixth.stream().filter(c -> c.split().equals("heldout")).count();
        long formats = sixth.stream().map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long heldOutFormats = sixth.stream().filter(c -> c.split().equals("heldout"))
                .map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long keep = sixth.stream().mapToLong(c -> c.keep().size()).sum();
        long planted = sixth.stream().mapToLong(c -> c.planted().size()).sum();
        assertTrue(sixth.size() >= 160, "lines: " + sixth.size());
        assertTrue(formats >= 35, "formats: " + formats);
        assertTrue(heldOutFormats >= 10, "held-out formats: " + heldOutFormats);
        assertTrue(keep >= 800, "must-keep strings: " + keep);
        assertTrue(planted >= 380, "planted values: " + planted);
        assertTrue(heldOut >= sixth.size() / 4 && heldOut <= sixth.size() * 2 / 5, "held out: " + heldOut);
    }

    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheSixthCollectionsTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(sixth, "tune", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(sixth, "tune", Redactor.atRest()::redact, false);
        report("sixth collection, standard", standard, true);
        report("sixth collection, at rest", atRest, true);
        assertTrue(standard.leaked() <= SIXTH_TUNE_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= SIXTH_TUNE_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= SIXTH_TUNE_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= SIXTH_TUNE_KEPT_AT_REST, atRest::toString);
    }

    /** The sixth collection's held-out part, released as tune data ({@link #RELEASED_SIXTH}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheSixthCollectionsHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(sixth, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(sixth, "heldout", Redactor.atRest()::redact, false);
        report("sixth collection, standard", standard, RELEASED_SIXTH);
        report("sixth collection, at rest", atRest, RELEASED_SIXTH);
        assertTrue(standard.leaked() <= SIXTH_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= SIXTH_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= SIXTH_HELD_OUT_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= SIXTH_HELD_OUT_KEPT_AT_REST, atRest::toString);
    }

    @Test
    void theSeventhCollectionHasAHundredAndSixtyLinesInThirtyFiveFormatsWithAThirdHeldOut() {
        long heldOut = seventh.stream().filter(c -> c.split().equals("heldout")).count();
        long formats = seventh.stream().map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long heldOutFormats = seventh.stream().filter(c -> c.split().equals("heldout"))
                .map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long keep = seventh.stream().mapToLong(c -> c.keep().size()).sum();
        long planted = seventh.stream().mapToLong(c -> c.planted().size()).sum();
        assertTrue(seventh.size() >= 160, "lines: " + seventh.size());
        assertTrue(formats >= 35, "formats: " + formats);
        assertTrue(heldOutFormats >= 15, "held-out formats: " + heldOutFormats);
        assertTrue(keep >= 800, "must-keep strings: " + keep);
        assertTrue(planted >= 400, "planted values: " + planted);
        assertTrue(heldOut >= seventh.size() / 4 && heldOut <= seventh.size() * 2 / 5, "held out: " + heldOut);
    }

    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheSeventhCollectionsTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(seventh, "tune", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(seventh, "tune", Redactor.atRest()::redact, false);
        report("seventh collection, standard", standard, true);
        report("seventh collection, at rest", atRest, true);
        assertTrue(standard.leaked() <= SEVENTH_TUNE_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= SEVENTH_TUNE_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= SEVENTH_TUNE_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= SEVENTH_TUNE_KEPT_AT_REST, atRest::toString);
    }

    /** The seventh collection's held-out part, released as tune data ({@link #RELEASED_SEVENTH}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheSeventhCollectionsHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(seventh, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(seventh, "heldout", Redactor.atRest()::redact, false);
        report("seventh collection, standard", standard, RELEASED_SEVENTH);
        report("seventh collection, at rest", atRest, RELEASED_SEVENTH);
        assertTrue(standard.leaked() <= SEVENTH_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= SEVENTH_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= SEVENTH_HELD_OUT_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= SEVENTH_HELD_OUT_KEPT_AT_REST, atRest::toString);
    }

    /** The three collections' held-out splits together: the figure for formats no rule was written for. */
    @Test
    void theHeldOutSplitsOfAllThreeCollectionsTogetherLeakNoMoreThanTheirPartsAndKeepWhatTheOperatorNeeds() {
        List<Case> all = new java.util.ArrayList<>(cases);
        all.addAll(second);
        all.addAll(third);
        Figures standard = RedactionCorpus.measure(all, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(all, "heldout", Redactor.atRest()::redact, false);
        report("all collections, standard", standard, false);
        report("all collections, at rest", atRest, false);
        assertTrue(standard.leaked() <= HELD_OUT_LEAKS_STANDARD + SECOND_HELD_OUT_LEAKS_STANDARD
                + THIRD_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= HELD_OUT_LEAKS_AT_REST + SECOND_HELD_OUT_LEAKS_AT_REST
                + THIRD_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= 0.975, standard::toString);   // the third's IP addresses (above)
        assertTrue(atRest.keptShare() >= 0.98, atRest::toString);
    }

    @Test
    void theEighthCollectionHasAHundredAndSixtyLinesInFortyFormatsWithAThirdHeldOut() {
        long heldOut = eighth.stream().filter(c -> c.split().equals("heldout")).count();
        long formats = eighth.stream().map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long heldOutFormats = eighth.stream().filter(c -> c.split().equals("heldout"))
                .map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long keep = eighth.stream().mapToLong(c -> c.keep().size()).sum();
        long planted = eighth.stream().mapToLong(c -> c.planted().size()).sum();
        assertTrue(eighth.size() >= 160, "lines: " + eighth.size());
        assertTrue(formats >= 40, "formats: " + formats);
        assertTrue(heldOutFormats >= 15, "held-out formats: " + heldOutFormats);
        assertTrue(keep >= 800, "must-keep strings: " + keep);
        assertTrue(planted >= 400, "planted values: " + planted);
        assertTrue(heldOut >= eighth.size() / 4 && heldOut <= eighth.size() * 2 / 5, "held out: " + heldOut);
    }

    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheEighthCollectionsTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(eighth, "tune", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(eighth, "tune", Redactor.atRest()::redact, false);
        report("eighth collection, standard", standard, true);
        report("eighth collection, at rest", atRest, true);
        assertTrue(standard.leaked() <= EIGHTH_TUNE_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= EIGHTH_TUNE_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= EIGHTH_TUNE_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= EIGHTH_TUNE_KEPT_AT_REST, atRest::toString);
    }

    /** The eighth collection's held-out part, released as tune data ({@link #RELEASED_EIGHTH}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheEighthCollectionsHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(eighth, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(eighth, "heldout", Redactor.atRest()::redact, false);
        report("eighth collection, standard", standard, RELEASED_EIGHTH);
        report("eighth collection, at rest", atRest, RELEASED_EIGHTH);
        assertTrue(standard.leaked() <= EIGHTH_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= EIGHTH_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= EIGHTH_HELD_OUT_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= EIGHTH_HELD_OUT_KEPT_AT_REST, atRest::toString);
    }

    @Test
    void theNinthCollectionHasAHundredAndSixtyLinesInFortyFormatsWithAThirdHeldOut() {
        long heldOut = ninth.stream().filter(c -> c.split().equals("heldout")).count();
        long formats = ninth.stream().map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long heldOutFormats = ninth.stream().filter(c -> c.split().equals("heldout"))
                .map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long keep = ninth.stream().mapToLong(c -> c.keep().size()).sum();
        long planted = ninth.stream().mapToLong(c -> c.planted().size()).sum();
        assertTrue(ninth.size() >= 160, "lines: " + ninth.size());
        assertTrue(formats >= 40, "formats: " + formats);
        assertTrue(heldOutFormats >= 15, "held-out formats: " + heldOutFormats);
        assertTrue(keep >= 800, "must-keep strings: " + keep);
        assertTrue(planted >= 400, "planted values: " + planted);
        assertTrue(heldOut >= ninth.size() / 4 && heldOut <= ninth.size() * 2 / 5, "held out: " + heldOut);
    }

    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheNinthCollectionsTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(ninth, "tune", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(ninth, "tune", Redactor.atRest()::redact, false);
        report("ninth collection, standard", standard, true);
        report("ninth collection, at rest", atRest, true);
        assertTrue(standard.leaked() <= NINTH_TUNE_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= NINTH_TUNE_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= NINTH_TUNE_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= NINTH_TUNE_KEPT_AT_REST, atRest::toString);
    }

    /** The ninth collection's held-out part, released as tune data ({@link #RELEASED_NINTH}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheNinthCollectionsHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(ninth, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(ninth, "heldout", Redactor.atRest()::redact, false);
        report("ninth collection, standard", standard, RELEASED_NINTH);
        report("ninth collection, at rest", atRest, RELEASED_NINTH);
        assertTrue(standard.leaked() <= NINTH_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= NINTH_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= NINTH_HELD_OUT_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= NINTH_HELD_OUT_KEPT_AT_REST, atRest::toString);
    }

    @Test
    void theTenthCollectionHasAHundredAndSixtyLinesInFortyFormatsWithAThirdHeldOut() {
        long heldOut = tenth.stream().filter(c -> c.split().equals("heldout")).count();
        long formats = tenth.stream().map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long heldOutFormats = tenth.stream().filter(c -> c.split().equals("heldout"))
                .map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long keep = tenth.stream().mapToLong(c -> c.keep().size()).sum();
        long planted = tenth.stream().mapToLong(c -> c.planted().size()).sum();
        assertTrue(tenth.size() >= 160, "lines: " + tenth.size());
        assertTrue(formats >= 40, "formats: " + formats);
        assertTrue(heldOutFormats >= 15, "held-out formats: " + heldOutFormats);
        assertTrue(keep >= 800, "must-keep strings: " + keep);
        assertTrue(planted >= 400, "planted values: " + planted);
        // the hash gave this collection 42% of its lines held out (see TENTH_TUNE_LEAKS_STANDARD); not redrawn
        assertTrue(heldOut >= tenth.size() / 4 && heldOut <= tenth.size() * 9 / 20, "held out: " + heldOut);
    }

    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheTenthCollectionsTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(tenth, "tune", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(tenth, "tune", Redactor.atRest()::redact, false);
        report("tenth collection, standard", standard, true);
        report("tenth collection, at rest", atRest, true);
        assertTrue(standard.leaked() <= TENTH_TUNE_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= TENTH_TUNE_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= TENTH_TUNE_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= TENTH_TUNE_KEPT_AT_REST, atRest::toString);
    }

    /** The tenth collection's held-out part, released as tune data ({@link #RELEASED_TENTH}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheTenthCollectionsHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(tenth, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(tenth, "heldout", Redactor.atRest()::redact, false);
        report("tenth collection, standard", standard, RELEASED_TENTH);
        report("tenth collection, at rest", atRest, RELEASED_TENTH);
        assertTrue(standard.leaked() <= TENTH_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= TENTH_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= TENTH_HELD_OUT_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= TENTH_HELD_OUT_KEPT_AT_REST, atRest::toString);
    }

    @Test
    void theEleventhCollectionHasTwoHundredLinesInFiftyFormatsWithAThirdHeldOut() {
        long heldOut = eleventh.stream().filter(c -> c.split().equals("heldout")).count();
        long formats = eleventh.stream().map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long heldOutFormats = eleventh.stream().filter(c -> c.split().equals("heldout"))
                .map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long keep = eleventh.stream().mapToLong(c -> c.keep().size()).sum();
        long planted = eleventh.stream().mapToLong(c -> c.planted().size()).sum();
        long secrets = eleventh.stream().flatMap(c -> c.planted().stream()).filter(f -> !f.personal()).count();
        assertTrue(eleventh.size() >= 200, "lines: " + eleventh.size());
        assertTrue(formats >= 50, "formats: " + formats);
        assertTrue(heldOutFormats >= 15, "held-out formats: " + heldOutFormats);
        assertTrue(keep >= 900, "must-keep strings: " + keep);
        assertTrue(secrets >= 450, "planted secrets: " + secrets);
        assertTrue(planted >= 650, "planted values: " + planted);
        // the hash gave this collection 38% of its lines held out; not redrawn
        assertTrue(heldOut >= eleventh.size() / 4 && heldOut <= eleventh.size() * 9 / 20, "held out: " + heldOut);
    }

    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheEleventhCollectionsTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(eleventh, "tune", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(eleventh, "tune", Redactor.atRest()::redact, false);
        report("eleventh collection, standard", standard, true);
        report("eleventh collection, at rest", atRest, true);
        assertTrue(standard.leaked() <= ELEVENTH_TUNE_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= ELEVENTH_TUNE_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= ELEVENTH_TUNE_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= ELEVENTH_TUNE_KEPT_AT_REST, atRest::toString);
    }

    /** The eleventh collection's held-out part, released as tune data ({@link #RELEASED_ELEVENTH}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheEleventhCollectionsHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(eleventh, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(eleventh, "heldout", Redactor.atRest()::redact, false);
        report("eleventh collection, standard", standard, RELEASED_ELEVENTH);
        report("eleventh collection, at rest", atRest, RELEASED_ELEVENTH);
        assertTrue(standard.leaked() <= ELEVENTH_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= ELEVENTH_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= ELEVENTH_HELD_OUT_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= ELEVENTH_HELD_OUT_KEPT_AT_REST, atRest::toString);
    }

    @Test
    void theTwelfthCollectionHasTwoHundredLinesInFiftyFormatsWithAQuarterToAThirdHeldOut() {
        long heldOut = twelfth.stream().filter(c -> c.split().equals("heldout")).count();
        long formats = twelfth.stream().map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long heldOutFormats = twelfth.stream().filter(c -> c.split().equals("heldout"))
                .map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long keep = twelfth.stream().mapToLong(c -> c.keep().size()).sum();
        long planted = twelfth.stream().mapToLong(c -> c.planted().size()).sum();
        long secrets = twelfth.stream().flatMap(c -> c.planted().stream()).filter(f -> !f.personal()).count();
        assertTrue(twelfth.size() >= 200, "lines: " + twelfth.size());
        assertTrue(formats >= 50, "formats: " + formats);
        assertTrue(heldOutFormats >= 15, "held-out formats: " + heldOutFormats);
        assertTrue(keep >= 900, "must-keep strings: " + keep);
        assertTrue(secrets >= 450, "planted secrets: " + secrets);
        assertTrue(planted >= 650, "planted values: " + planted);
        // the hash gave this collection 27% of its lines held out; not redrawn
        assertTrue(heldOut >= twelfth.size() / 4 && heldOut <= twelfth.size() * 9 / 20, "held out: " + heldOut);
    }

    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheTwelfthCollectionsTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(twelfth, "tune", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(twelfth, "tune", Redactor.atRest()::redact, false);
        report("twelfth collection, standard", standard, true);
        report("twelfth collection, at rest", atRest, true);
        assertTrue(standard.leaked() <= TWELFTH_TUNE_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= TWELFTH_TUNE_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= TWELFTH_TUNE_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= TWELFTH_TUNE_KEPT_AT_REST, atRest::toString);
    }

    /** The twelfth collection's held-out part, released as tune data ({@link #RELEASED_TWELFTH}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheTwelfthCollectionsHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(twelfth, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(twelfth, "heldout", Redactor.atRest()::redact, false);
        report("twelfth collection, standard", standard, RELEASED_TWELFTH);
        report("twelfth collection, at rest", atRest, RELEASED_TWELFTH);
        assertTrue(standard.leaked() <= TWELFTH_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= TWELFTH_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= TWELFTH_HELD_OUT_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= TWELFTH_HELD_OUT_KEPT_AT_REST, atRest::toString);
    }

    @Test
    void theThirteenthCollectionHasTwoHundredFortyLinesInSixtyFormatsWithAQuarterToAThirdHeldOut() {
        long heldOut = thirteenth.stream().filter(c -> c.split().equals("heldout")).count();
        long formats = thirteenth.stream().map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long heldOutFormats = thirteenth.stream().filter(c -> c.split().equals("heldout"))
                .map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long keep = thirteenth.stream().mapToLong(c -> c.keep().size()).sum();
        long planted = thirteenth.stream().mapToLong(c -> c.planted().size()).sum();
        long secrets = thirteenth.stream().flatMap(c -> c.planted().stream()).filter(f -> !f.personal()).count();
        assertTrue(thirteenth.size() >= 240, "lines: " + thirteenth.size());
        assertTrue(formats >= 60, "formats: " + formats);
        assertTrue(heldOutFormats >= 18, "held-out formats: " + heldOutFormats);
        assertTrue(keep >= 1000, "must-keep strings: " + keep);
        assertTrue(secrets >= 450, "planted secrets: " + secrets);
        assertTrue(planted >= 500, "planted values: " + planted);
        // the hash gave this collection 37% of its lines held out; not redrawn
        assertTrue(heldOut >= thirteenth.size() / 4 && heldOut <= thirteenth.size() * 9 / 20, "held out: " + heldOut);
    }

    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheThirteenthCollectionsTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(thirteenth, "tune", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(thirteenth, "tune", Redactor.atRest()::redact, false);
        report("thirteenth collection, standard", standard, true);
        report("thirteenth collection, at rest", atRest, true);
        assertTrue(standard.leaked() <= THIRTEENTH_TUNE_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= THIRTEENTH_TUNE_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= THIRTEENTH_TUNE_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= THIRTEENTH_TUNE_KEPT_AT_REST, atRest::toString);
    }

    /** The thirteenth collection's held-out part, released as tune data ({@link #RELEASED_THIRTEENTH}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheThirteenthCollectionsHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(thirteenth, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(thirteenth, "heldout", Redactor.atRest()::redact, false);
        report("thirteenth collection, standard", standard, RELEASED_THIRTEENTH);
        report("thirteenth collection, at rest", atRest, RELEASED_THIRTEENTH);
        assertTrue(standard.leaked() <= THIRTEENTH_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= THIRTEENTH_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= THIRTEENTH_HELD_OUT_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= THIRTEENTH_HELD_OUT_KEPT_AT_REST, atRest::toString);
    }

    @Test
    void theFourteenthCollectionHasTwoHundredFortyLinesInSixtyFormatsWithAQuarterToAThirdHeldOut() {
        long heldOut = fourteenth.stream().filter(c -> c.split().equals("heldout")).count();
        long formats = fourteenth.stream().map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long heldOutFormats = fourteenth.stream().filter(c -> c.split().equals("heldout"))
                .map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long keep = fourteenth.stream().mapToLong(c -> c.keep().size()).sum();
        long planted = fourteenth.stream().mapToLong(c -> c.planted().size()).sum();
        long secrets = fourteenth.stream().flatMap(c -> c.planted().stream()).filter(f -> !f.personal()).count();
        assertTrue(fourteenth.size() >= 240, "lines: " + fourteenth.size());
        assertTrue(formats >= 60, "formats: " + formats);
        assertTrue(heldOutFormats >= 18, "held-out formats: " + heldOutFormats);
        assertTrue(keep >= 1000, "must-keep strings: " + keep);
        assertTrue(secrets >= 400, "planted secrets: " + secrets);
        assertTrue(planted >= 500, "planted values: " + planted);
        // the hash gave this collection 33% of its lines held out; not redrawn
        assertTrue(heldOut >= fourteenth.size() / 4 && heldOut <= fourteenth.size() * 9 / 20, "held out: " + heldOut);
    }

    /** The fourteenth collection's tune part: its failures print once it is released ({@link #RELEASED_FOURTEENTH_TUNE}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheFourteenthCollectionsTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(fourteenth, "tune", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(fourteenth, "tune", Redactor.atRest()::redact, false);
        report("fourteenth collection, standard", standard, RELEASED_FOURTEENTH_TUNE);
        report("fourteenth collection, at rest", atRest, RELEASED_FOURTEENTH_TUNE);
        assertTrue(standard.leaked() <= FOURTEENTH_TUNE_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= FOURTEENTH_TUNE_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= FOURTEENTH_TUNE_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= FOURTEENTH_TUNE_KEPT_AT_REST, atRest::toString);
    }

    /** The fourteenth collection's held-out part, released as tune data ({@link #RELEASED_FOURTEENTH}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheFourteenthCollectionsHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(fourteenth, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(fourteenth, "heldout", Redactor.atRest()::redact, false);
        report("fourteenth collection, standard", standard, RELEASED_FOURTEENTH);
        report("fourteenth collection, at rest", atRest, RELEASED_FOURTEENTH);
        assertTrue(standard.leaked() <= FOURTEENTH_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= FOURTEENTH_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= FOURTEENTH_HELD_OUT_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= FOURTEENTH_HELD_OUT_KEPT_AT_REST, atRest::toString);
    }

    @Test
    void theFifteenthCollectionHasTwoHundredSixtyLinesInSixtyFiveFormatsWithAQuarterToAThirdHeldOut() {
        long heldOut = fifteenth.stream().filter(c -> c.split().equals("heldout")).count();
        long formats = fifteenth.stream().map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long heldOutFormats = fifteenth.stream().filter(c -> c.split().equals("heldout"))
                .map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long keep = fifteenth.stream().mapToLong(c -> c.keep().size()).sum();
        long planted = fifteenth.stream().mapToLong(c -> c.planted().size()).sum();
        long secrets = fifteenth.stream().flatMap(c -> c.planted().stream()).filter(f -> !f.personal()).count();
        assertTrue(fifteenth.size() >= 260, "lines: " + fifteenth.size());
        assertTrue(formats >= 65, "formats: " + formats);
        assertTrue(heldOutFormats >= 18, "held-out formats: " + heldOutFormats);
        assertTrue(keep >= 2000, "must-keep strings: " + keep);
        // 378 secrets and 232 personal values (its first run showed the 400 first written here was a guess above what
        // the collection plants; the figure is a floor on the collection's size, not on the rules)
        assertTrue(secrets >= 370, "planted secrets: " + secrets);
        assertTrue(planted >= 600, "planted values: " + planted);
        // the hash gave this collection 35% of its lines held out; not redrawn
        assertTrue(heldOut >= fifteenth.size() / 4 && heldOut <= fifteenth.size() * 9 / 20, "held out: " + heldOut);
    }

    /** The fifteenth collection's tune part: its failures print once it is released ({@link #RELEASED_FIFTEENTH_TUNE}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheFifteenthCollectionsTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(fifteenth, "tune", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(fifteenth, "tune", Redactor.atRest()::redact, false);
        report("fifteenth collection, standard", standard, RELEASED_FIFTEENTH_TUNE);
        report("fifteenth collection, at rest", atRest, RELEASED_FIFTEENTH_TUNE);
        assertTrue(standard.leaked() <= FIFTEENTH_TUNE_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= FIFTEENTH_TUNE_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= FIFTEENTH_TUNE_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= FIFTEENTH_TUNE_KEPT_AT_REST, atRest::toString);
    }

    /** The fifteenth collection's held-out part, released as tune data ({@link #RELEASED_FIFTEENTH}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheFifteenthCollectionsHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(fifteenth, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(fifteenth, "heldout", Redactor.atRest()::redact, false);
        report("fifteenth collection, standard", standard, RELEASED_FIFTEENTH);
        report("fifteenth collection, at rest", atRest, RELEASED_FIFTEENTH);
        assertTrue(standard.leaked() <= FIFTEENTH_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= FIFTEENTH_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= FIFTEENTH_HELD_OUT_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= FIFTEENTH_HELD_OUT_KEPT_AT_REST, atRest::toString);
    }

    @Test
    void theSixteenthCollectionHasTwoHundredSixtyLinesInSixtyFiveFormatsWithAQuarterToAThirdHeldOut() {
        long heldOut = sixteenth.stream().filter(c -> c.split().equals("heldout")).count();
        long formats = sixteenth.stream().map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long heldOutFormats = sixteenth.stream().filter(c -> c.split().equals("heldout"))
                .map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long keep = sixteenth.stream().mapToLong(c -> c.keep().size()).sum();
        long planted = sixteenth.stream().mapToLong(c -> c.planted().size()).sum();
        long secrets = sixteenth.stream().flatMap(c -> c.planted().stream()).filter(f -> !f.personal()).count();
        assertTrue(sixteenth.size() >= 260, "lines: " + sixteenth.size());
        assertTrue(formats >= 65, "formats: " + formats);
        assertTrue(heldOutFormats >= 18, "held-out formats: " + heldOutFormats);
        assertTrue(keep >= 2000, "must-keep strings: " + keep);
        // a floor on the collection's size, not on the rules: 322 secrets and 356 personal values as built
        assertTrue(secrets >= 310, "planted secrets: " + secrets);
        assertTrue(planted >= 650, "planted values: " + planted);
        // the hash gave this collection 32% of its lines held out; not redrawn
        assertTrue(heldOut >= sixteenth.size() / 4 && heldOut <= sixteenth.size() * 9 / 20, "held out: " + heldOut);
    }

    /** The sixteenth collection's tune part: its failures print once it is released ({@link #RELEASED_SIXTEENTH_TUNE}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheSixteenthCollectionsTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(sixteenth, "tune", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(sixteenth, "tune", Redactor.atRest()::redact, false);
        report("sixteenth collection, standard", standard, RELEASED_SIXTEENTH_TUNE);
        report("sixteenth collection, at rest", atRest, RELEASED_SIXTEENTH_TUNE);
        assertTrue(standard.leaked() <= SIXTEENTH_TUNE_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= SIXTEENTH_TUNE_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= SIXTEENTH_TUNE_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= SIXTEENTH_TUNE_KEPT_AT_REST, atRest::toString);
    }

    /** The sixteenth collection's held-out part, released as tune data ({@link #RELEASED_SIXTEENTH}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheSixteenthCollectionsHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(sixteenth, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(sixteenth, "heldout", Redactor.atRest()::redact, false);
        report("sixteenth collection, standard", standard, RELEASED_SIXTEENTH);
        report("sixteenth collection, at rest", atRest, RELEASED_SIXTEENTH);
        assertTrue(standard.leaked() <= SIXTEENTH_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= SIXTEENTH_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= SIXTEENTH_HELD_OUT_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= SIXTEENTH_HELD_OUT_KEPT_AT_REST, atRest::toString);
    }

    @Test
    void theSeventeenthCollectionHasThreeHundredThirtyLinesInEightyFormatsWithAQuarterToAThirdHeldOut() {
        long heldOut = seventeenth.stream().filter(c -> c.split().equals("heldout")).count();
        long formats = seventeenth.stream().map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long heldOutFormats = seventeenth.stream().filter(c -> c.split().equals("heldout"))
                .map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long keep = seventeenth.stream().mapToLong(c -> c.keep().size()).sum();
        long planted = seventeenth.stream().mapToLong(c -> c.planted().size()).sum();
        long secrets = seventeenth.stream().flatMap(c -> c.planted().stream()).filter(f -> !f.personal()).count();
        assertTrue(seventeenth.size() >= 330, "lines: " + seventeenth.size());
        assertTrue(formats >= 80, "formats: " + formats);
        assertTrue(heldOutFormats >= 22, "held-out formats: " + heldOutFormats);
        assertTrue(keep >= 2200, "must-keep strings: " + keep);
        // a floor on the collection's size, not on the rules: 398 secrets and 332 personal values as built
        assertTrue(secrets >= 380, "planted secrets: " + secrets);
        assertTrue(planted >= 700, "planted values: " + planted);
        // the hash gave this collection 30% of its lines held out; not redrawn
        assertTrue(heldOut >= seventeenth.size() / 4 && heldOut <= seventeenth.size() * 9 / 20, "held out: " + heldOut);
    }

    /** The seventeenth collection's tune part: this stop it prints its summary lines only ({@link #RELEASED_SEVENTEENTH_TUNE}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheSeventeenthCollectionsTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(seventeenth, "tune", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(seventeenth, "tune", Redactor.atRest()::redact, false);
        report("seventeenth collection, standard", standard, RELEASED_SEVENTEENTH_TUNE);
        report("seventeenth collection, at rest", atRest, RELEASED_SEVENTEENTH_TUNE);
        assertTrue(standard.leaked() <= SEVENTEENTH_TUNE_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= SEVENTEENTH_TUNE_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= SEVENTEENTH_TUNE_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= SEVENTEENTH_TUNE_KEPT_AT_REST, atRest::toString);
    }

    /** The seventeenth collection's held-out part, released as tune data ({@link #RELEASED_SEVENTEENTH}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheSeventeenthCollectionsHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(seventeenth, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(seventeenth, "heldout", Redactor.atRest()::redact, false);
        report("seventeenth collection, standard", standard, RELEASED_SEVENTEENTH);
        report("seventeenth collection, at rest", atRest, RELEASED_SEVENTEENTH);
        assertTrue(standard.leaked() <= SEVENTEENTH_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= SEVENTEENTH_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= SEVENTEENTH_HELD_OUT_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= SEVENTEENTH_HELD_OUT_KEPT_AT_REST, atRest::toString);
    }

    @Test
    void theEighteenthCollectionHasThreeHundredThirtyLinesInEightyFormatsWithAQuarterToAThirdHeldOut() {
        long heldOut = eighteenth.stream().filter(c -> c.split().equals("heldout")).count();
        long formats = eighteenth.stream().map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long heldOutFormats = eighteenth.stream().filter(c -> c.split().equals("heldout"))
                .map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long keep = eighteenth.stream().mapToLong(c -> c.keep().size()).sum();
        long planted = eighteenth.stream().mapToLong(c -> c.planted().size()).sum();
        long secrets = eighteenth.stream().flatMap(c -> c.planted().stream()).filter(f -> !f.personal()).count();
        assertTrue(eighteenth.size() >= 330, "lines: " + eighteenth.size());
        assertTrue(formats >= 80, "formats: " + formats);
        assertTrue(heldOutFormats >= 22, "held-out formats: " + heldOutFormats);
        assertTrue(keep >= 2000, "must-keep strings: " + keep);
        // a floor on the collection's size, not on the rules: 414 secrets and 364 personal values as built
        assertTrue(secrets >= 400, "planted secrets: " + secrets);
        assertTrue(planted >= 760, "planted values: " + planted);
        // the hash gave this collection 35% of its lines held out; not redrawn
        assertTrue(heldOut >= eighteenth.size() / 4 && heldOut <= eighteenth.size() * 9 / 20, "held out: " + heldOut);
    }

    /** The eighteenth collection's tune part: this stop it prints its summary lines only ({@link #RELEASED_EIGHTEENTH_TUNE}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheEighteenthCollectionsTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(eighteenth, "tune", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(eighteenth, "tune", Redactor.atRest()::redact, false);
        report("eighteenth collection, standard", standard, RELEASED_EIGHTEENTH_TUNE);
        report("eighteenth collection, at rest", atRest, RELEASED_EIGHTEENTH_TUNE);
        assertTrue(standard.leaked() <= EIGHTEENTH_TUNE_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= EIGHTEENTH_TUNE_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= EIGHTEENTH_TUNE_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= EIGHTEENTH_TUNE_KEPT_AT_REST, atRest::toString);
    }

    /** The eighteenth collection's held-out part, released as tune data ({@link #RELEASED_EIGHTEENTH}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheEighteenthCollectionsHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(eighteenth, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(eighteenth, "heldout", Redactor.atRest()::redact, false);
        report("eighteenth collection, standard", standard, RELEASED_EIGHTEENTH);
        report("eighteenth collection, at rest", atRest, RELEASED_EIGHTEENTH);
        assertTrue(standard.leaked() <= EIGHTEENTH_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= EIGHTEENTH_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= EIGHTEENTH_HELD_OUT_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= EIGHTEENTH_HELD_OUT_KEPT_AT_REST, atRest::toString);
    }

    @Test
    void theNineteenthCollectionHasThreeHundredThirtyLinesInEightyFormatsWithAQuarterToAThirdHeldOut() {
        long heldOut = nineteenth.stream().filter(c -> c.split().equals("heldout")).count();
        long formats = nineteenth.stream().map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long heldOutFormats = nineteenth.stream().filter(c -> c.split().equals("heldout"))
                .map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long keep = nineteenth.stream().mapToLong(c -> c.keep().size()).sum();
        long planted = nineteenth.stream().mapToLong(c -> c.planted().size()).sum();
        long secrets = nineteenth.stream().flatMap(c -> c.planted().stream()).filter(f -> !f.personal()).count();
        assertTrue(nineteenth.size() >= 330, "lines: " + nineteenth.size());
        assertTrue(formats >= 80, "formats: " + formats);
        assertTrue(heldOutFormats >= 22, "held-out formats: " + heldOutFormats);
        assertTrue(keep >= 2000, "must-keep strings: " + keep);
        // a floor on the collection's size, not on the rules: 352 secrets and 278 personal values as built
        assertTrue(secrets >= 340, "planted secrets: " + secrets);
        assertTrue(planted >= 620, "planted values: " + planted);
        // the hash gave this collection 39% of its lines held out; not redrawn
        assertTrue(heldOut >= nineteenth.size() / 4 && heldOut <= nineteenth.size() * 9 / 20, "held out: " + heldOut);
    }

    /** The nineteenth collection's tune part: this stop it prints its summary lines only ({@link #RELEASED_NINETEENTH_TUNE}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheNineteenthCollectionsTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(nineteenth, "tune", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(nineteenth, "tune", Redactor.atRest()::redact, false);
        report("nineteenth collection, standard", standard, RELEASED_NINETEENTH_TUNE);
        report("nineteenth collection, at rest", atRest, RELEASED_NINETEENTH_TUNE);
        assertTrue(standard.leaked() <= NINETEENTH_TUNE_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= NINETEENTH_TUNE_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= NINETEENTH_TUNE_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= NINETEENTH_TUNE_KEPT_AT_REST, atRest::toString);
    }

    /** The nineteenth collection's held-out part, released as tune data ({@link #RELEASED_NINETEENTH}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheNineteenthCollectionsHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(nineteenth, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(nineteenth, "heldout", Redactor.atRest()::redact, false);
        report("nineteenth collection, standard", standard, RELEASED_NINETEENTH);
        report("nineteenth collection, at rest", atRest, RELEASED_NINETEENTH);
        assertTrue(standard.leaked() <= NINETEENTH_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= NINETEENTH_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= NINETEENTH_HELD_OUT_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= NINETEENTH_HELD_OUT_KEPT_AT_REST, atRest::toString);
    }

    @Test
    void theTwentiethCollectionHasThreeHundredThirtyLinesInEightyFormatsWithAQuarterToAThirdHeldOut() {
        long heldOut = twentieth.stream().filter(c -> c.split().equals("heldout")).count();
        long formats = twentieth.stream().map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long heldOutFormats = twentieth.stream().filter(c -> c.split().equals("heldout"))
                .map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long keep = twentieth.stream().mapToLong(c -> c.keep().size()).sum();
        long planted = twentieth.stream().mapToLong(c -> c.planted().size()).sum();
        long secrets = twentieth.stream().flatMap(c -> c.planted().stream()).filter(f -> !f.personal()).count();
        assertTrue(twentieth.size() >= 330, "lines: " + twentieth.size());
        assertTrue(formats >= 80, "formats: " + formats);
        assertTrue(heldOutFormats >= 22, "held-out formats: " + heldOutFormats);
        assertTrue(keep >= 2000, "must-keep strings: " + keep);
        // a floor on the collection's size, not on the rules: 386 secrets and 296 personal values as built
        assertTrue(secrets >= 370, "planted secrets: " + secrets);
        assertTrue(planted >= 660, "planted values: " + planted);
        // the hash gave this collection 35% of its lines held out; not redrawn
        assertTrue(heldOut >= twentieth.size() / 4 && heldOut <= twentieth.size() * 9 / 20, "held out: " + heldOut);
    }

    /** The twentieth collection's tune part: this stop it prints its summary lines only ({@link #RELEASED_TWENTIETH_TUNE}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheTwentiethCollectionsTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(twentieth, "tune", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(twentieth, "tune", Redactor.atRest()::redact, false);
        report("twentieth collection, standard", standard, RELEASED_TWENTIETH_TUNE);
        report("twentieth collection, at rest", atRest, RELEASED_TWENTIETH_TUNE);
        assertTrue(standard.leaked() <= TWENTIETH_TUNE_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= TWENTIETH_TUNE_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= TWENTIETH_TUNE_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= TWENTIETH_TUNE_KEPT_AT_REST, atRest::toString);
    }

    /** The twentieth collection's held-out part, released as tune data ({@link #RELEASED_TWENTIETH}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheTwentiethCollectionsHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(twentieth, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(twentieth, "heldout", Redactor.atRest()::redact, false);
        report("twentieth collection, standard", standard, RELEASED_TWENTIETH);
        report("twentieth collection, at rest", atRest, RELEASED_TWENTIETH);
        assertTrue(standard.leaked() <= TWENTIETH_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= TWENTIETH_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= TWENTIETH_HELD_OUT_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= TWENTIETH_HELD_OUT_KEPT_AT_REST, atRest::toString);
    }

    @Test
    void theTwentyFirstCollectionHasThreeHundredThirtyLinesInEightyFormatsWithAQuarterToAThirdHeldOut() {
        long heldOut = twentyFirst.stream().filter(c -> c.split().equals("heldout")).count();
        long formats = twentyFirst.stream().map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long heldOutFormats = twentyFirst.stream().filter(c -> c.split().equals("heldout"))
                .map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long keep = twentyFirst.stream().mapToLong(c -> c.keep().size()).sum();
        long planted = twentyFirst.stream().mapToLong(c -> c.planted().size()).sum();
        long secrets = twentyFirst.stream().flatMap(c -> c.planted().stream()).filter(f -> !f.personal()).count();
        assertTrue(twentyFirst.size() >= 330, "lines: " + twentyFirst.size());
        assertTrue(formats >= 80, "formats: " + formats);
        assertTrue(heldOutFormats >= 22, "held-out formats: " + heldOutFormats);
        assertTrue(keep >= 2000, "must-keep strings: " + keep);
        // a floor on the collection's size, not on the rules: 366 secrets and 162 personal values as built
        assertTrue(secrets >= 350, "planted secrets: " + secrets);
        assertTrue(planted >= 510, "planted values: " + planted);
        // the hash gave this collection 41% of its lines held out; not redrawn
        assertTrue(heldOut >= twentyFirst.size() / 4 && heldOut <= twentyFirst.size() * 9 / 20, "held out: " + heldOut);
    }

    /** The twenty-first collection's tune part, released to one rule writer ({@link #RELEASED_TWENTY_FIRST_TUNE}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheTwentyFirstCollectionsTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(twentyFirst, "tune", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(twentyFirst, "tune", Redactor.atRest()::redact, false);
        report("twenty-first collection, standard", standard, RELEASED_TWENTY_FIRST_TUNE);
        report("twenty-first collection, at rest", atRest, RELEASED_TWENTY_FIRST_TUNE);
        assertTrue(standard.leaked() <= TWENTY_FIRST_TUNE_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= TWENTY_FIRST_TUNE_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= TWENTY_FIRST_TUNE_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= TWENTY_FIRST_TUNE_KEPT_AT_REST, atRest::toString);
    }

    /** The twenty-first collection's held-out part, released as tune data ({@link #RELEASED_TWENTY_FIRST}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheTwentyFirstCollectionsHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(twentyFirst, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(twentyFirst, "heldout", Redactor.atRest()::redact, false);
        report("twenty-first collection, standard", standard, RELEASED_TWENTY_FIRST);
        report("twenty-first collection, at rest", atRest, RELEASED_TWENTY_FIRST);
        assertTrue(standard.leaked() <= TWENTY_FIRST_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= TWENTY_FIRST_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= TWENTY_FIRST_HELD_OUT_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= TWENTY_FIRST_HELD_OUT_KEPT_AT_REST, atRest::toString);
    }

    @Test
    void theTwentySecondCollectionHasThreeHundredThirtyLinesInEightyFormatsWithAQuarterToAThirdHeldOut() {
        long heldOut = twentySecond.stream().filter(c -> c.split().equals("heldout")).count();
        long formats = twentySecond.stream().map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long heldOutFormats = twentySecond.stream().filter(c -> c.split().equals("heldout"))
                .map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long keep = twentySecond.stream().mapToLong(c -> c.keep().size()).sum();
        long planted = twentySecond.stream().mapToLong(c -> c.planted().size()).sum();
        long secrets = twentySecond.stream().flatMap(c -> c.planted().stream()).filter(f -> !f.personal()).count();
        assertTrue(twentySecond.size() >= 330, "lines: " + twentySecond.size());
        assertTrue(formats >= 80, "formats: " + formats);
        assertTrue(heldOutFormats >= 22, "held-out formats: " + heldOutFormats);
        assertTrue(keep >= 2000, "must-keep strings: " + keep);
        // a floor on the collection's size, not on the rules: 358 secrets and 168 personal values as built
        assertTrue(secrets >= 340, "planted secrets: " + secrets);
        assertTrue(planted >= 500, "planted values: " + planted);
        // the hash gave this collection 32% of its lines held out; not redrawn
        assertTrue(heldOut >= twentySecond.size() / 4 && heldOut <= twentySecond.size() * 9 / 20, "held out: " + heldOut);
    }

    /** The twenty-second collection's tune part, released to one rule writer ({@link #RELEASED_TWENTY_SECOND_TUNE}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheTwentySecondCollectionsTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(twentySecond, "tune", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(twentySecond, "tune", Redactor.atRest()::redact, false);
        report("twenty-second collection, standard", standard, RELEASED_TWENTY_SECOND_TUNE);
        report("twenty-second collection, at rest", atRest, RELEASED_TWENTY_SECOND_TUNE);
        assertTrue(standard.leaked() <= TWENTY_SECOND_TUNE_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= TWENTY_SECOND_TUNE_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= TWENTY_SECOND_TUNE_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= TWENTY_SECOND_TUNE_KEPT_AT_REST, atRest::toString);
    }

    /** The twenty-second collection's held-out part, released as tune data ({@link #RELEASED_TWENTY_SECOND}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheTwentySecondCollectionsHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(twentySecond, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(twentySecond, "heldout", Redactor.atRest()::redact, false);
        report("twenty-second collection, standard", standard, RELEASED_TWENTY_SECOND);
        report("twenty-second collection, at rest", atRest, RELEASED_TWENTY_SECOND);
        assertTrue(standard.leaked() <= TWENTY_SECOND_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= TWENTY_SECOND_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= TWENTY_SECOND_HELD_OUT_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= TWENTY_SECOND_HELD_OUT_KEPT_AT_REST, atRest::toString);
    }

    @Test
    void theTwentyThirdCollectionHasThreeHundredFortyLinesInEightyFiveFormatsWithAQuarterToAThirdHeldOut() {
        long heldOut = twentyThird.stream().filter(c -> c.split().equals("heldout")).count();
        long formats = twentyThird.stream().map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long heldOutFormats = twentyThird.stream().filter(c -> c.split().equals("heldout"))
                .map(c -> c.id().substring(0, c.id().lastIndexOf('-'))).distinct().count();
        long keep = twentyThird.stream().mapToLong(c -> c.keep().size()).sum();
        long planted = twentyThird.stream().mapToLong(c -> c.planted().size()).sum();
        long secrets = twentyThird.stream().flatMap(c -> c.planted().stream()).filter(f -> !f.personal()).count();
        assertTrue(twentyThird.size() >= 340, "lines: " + twentyThird.size());
        assertTrue(formats >= 85, "formats: " + formats);
        assertTrue(heldOutFormats >= 22, "held-out formats: " + heldOutFormats);
        assertTrue(keep >= 2000, "must-keep strings: " + keep);
        // a floor on the collection's size, not on the rules: 384 secrets and 210 personal values as built
        assertTrue(secrets >= 340, "planted secrets: " + secrets);
        assertTrue(planted >= 500, "planted values: " + planted);
        // the hash gave this collection 34% of its lines held out; not redrawn
        assertTrue(heldOut >= twentyThird.size() / 4 && heldOut <= twentyThird.size() * 9 / 20, "held out: " + heldOut);
    }

    /** The twenty-third collection's tune part, released to one rule writer ({@link #RELEASED_TWENTY_THIRD_TUNE}). */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheTwentyThirdCollectionsTuneSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(twentyThird, "tune", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(twentyThird, "tune", Redactor.atRest()::redact, false);
        report("twenty-third collection, standard", standard, RELEASED_TWENTY_THIRD_TUNE);
        report("twenty-third collection, at rest", atRest, RELEASED_TWENTY_THIRD_TUNE);
        assertTrue(standard.leaked() <= TWENTY_THIRD_TUNE_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= TWENTY_THIRD_TUNE_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= TWENTY_THIRD_TUNE_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= TWENTY_THIRD_TUNE_KEPT_AT_REST, atRest::toString);
    }

    /** The twenty-third collection's held-out part: its failures are never printed, only its summary lines. */
    @Test
    void theRulesLeakNoMoreThanMeasuredOnTheTwentyThirdCollectionsHeldOutSplitAndKeepWhatTheOperatorNeeds() {
        Figures standard = RedactionCorpus.measure(twentyThird, "heldout", Redactor.standard()::redact, true);
        Figures atRest = RedactionCorpus.measure(twentyThird, "heldout", Redactor.atRest()::redact, false);
        report("twenty-third collection, standard", standard, false);
        report("twenty-third collection, at rest", atRest, false);
        assertTrue(standard.leaked() <= TWENTY_THIRD_HELD_OUT_LEAKS_STANDARD, standard::toString);
        assertTrue(atRest.leaked() <= TWENTY_THIRD_HELD_OUT_LEAKS_AT_REST, atRest::toString);
        assertTrue(standard.keptShare() >= TWENTY_THIRD_HELD_OUT_KEPT_STANDARD, standard::toString);
        assertTrue(atRest.keptShare() >= TWENTY_THIRD_HELD_OUT_KEPT_AT_REST, atRest::toString);
    }

    private static void report(String rules, Figures f, boolean failures) {
        System.out.println("[redaction corpus] " + rules + " " + f);
        if (failures) {
            f.failures().forEach(x -> System.out.println("  " + x));
        }
    }
}
