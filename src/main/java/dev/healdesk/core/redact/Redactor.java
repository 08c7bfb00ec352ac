package dev.healdesk.core.redact;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Takes secrets and personal data out of text before it leaves the process (to any model, the local one
 * included): keys and tokens, passwords, session ids and cookies, database URLs, private keys, e-mail
 * addresses, phone numbers, public IP addresses, card and social security numbers. Each goes as
 * {@link SecretKind#token()}, and only the value goes, so {@code password=hunter2} reads
 * {@code password=[REDACTED_PASSWORD]} and a model still sees what failed.
 *
 * <p>What stays, on purpose: localhost, private and reserved IP addresses ({@link Addresses}), example and test domains,
 * versions, dates and times, line and column numbers, ports, error codes, commit and image hashes, UUIDs
 * (ids, not secrets, unless a key name says they are one), text already redacted, and placeholders such as
 * {@code ${PASSWORD}} or {@code ****}. Redacting twice changes nothing more.
 *
 * <p>Speed comes from gating: one pass over the text looks up each character in a table, and a detector runs
 * only where its trigger is (a digit, {@code :}, {@code =}, {@code @}, {@code |}, {@code /}, a line feed, the first
 * letter of a known prefix) and its cheap tests on the characters around it pass (the next one, the one before, the
 * word's length, one of the two neighbours: {@link Detector#seconds}, {@link Detector#eitherSide}), its regex only over a window there. %-encoded text with an encoded separator in it is decoded and scanned
 * again ({@link Encoded}), so every rule holds inside a URL's query parameters too. Immutable and thread-safe: share
 * one.
 *
 * <p>Two rule sets: {@link #standard()} for text that leaves the process (prompts, reports handed on, Slack), and
 * {@link #atRest()} for the text Healdesk keeps on this machine (the history database, the run folder, logs), which
 * takes out every secret but leaves what the operator needs to find the broken thing: public IP addresses, e-mail
 * addresses, phone numbers and the host of a database URL (its password still goes).
 */
public final class Redactor {

    private static final RuleTable RULES = RuleTable.load();
    private static final Redactor STANDARD = new Redactor(EnumSet.noneOf(SecretKind.class));

    /**
     * {@link #atRest()}'s instance, built at its first use: a process that only hands text on ({@code healdesk report},
     * {@code redact}) never needs it, and a second instance's detectors and trigger tables cost ~17 ms in a fresh JVM
     * (docs/benchmarks, CLI start, thirteenth pass).
     */
    private static final class AtRest {
        static final Redactor INSTANCE = new Redactor(EnumSet.of(SecretKind.IP_ADDRESS, SecretKind.EMAIL,
                SecretKind.PHONE));
    }

    private final Detector[][] triggers = new Detector[128][];
    /** The detectors of the box-drawing cell separator {@code │}, a trigger outside ASCII. */
    private final Detector[] box;
    /** The detectors of the other triggers outside ASCII, the separators of {@link Separators#is}. */
    private final Detector[] wide = {new Separators()};
    /** Called for the text's first line, which no line feed triggers. */
    private final SpacedProperties spacedProperties = new SpacedProperties();
    /** Called for the text's last line, which no line feed ends. */
    private final LineEnds lineEnds = new LineEnds();
    /** Called for the text's first line too, which may be a header. */
    private final Records records = new Records();
    /** Reads the text's first line as an aligned table's header too ({@link AlignedColumns#first}). */
    private final AlignedColumns alignedColumns = new AlignedColumns();
    /**
     * By trigger character, beside {@link #triggers}: the detectors' cheap tests ({@link Detector#seconds},
     * {@link Detector#befores}, {@link Detector#wordLengths}) folded into bit sets, bit {@code k} for the character's
     * {@code k}th detector, or null where none of its detectors has any such test. The scan makes two or three look-ups
     * before it calls a detector, and where the tests rule a detector out takes what the detector would answer there,
     * the word's end ({@link Scan#wordEnd}) or the next character: the first letter of most words ("of", "line",
     * "Connection", "status"), a date's dashes and a path's slashes cost table look-ups, not calls. Indexed by the
     * character after the trigger: 0-127 that ASCII character, {@link #PAST_ASCII} one past ASCII (which always passes),
     * {@link #EDGE} none (the text ends). Ints, not longs (31 detectors a character at most; the most today is 16, the
     * bracket's): the scan reads these rows at every trigger, and at half the size the rows of a log's frequent
     * characters stay in the first-level cache more often.
     */
    private final int[][] afterPasses = new int[128][];
    /** Beside {@link #afterPasses}: the same by the character before the trigger ({@link #EDGE}: the text starts). */
    private final int[][] beforePasses = new int[128][];
    /** Beside {@link #afterPasses}, for a word character: by the word's length (63: 63 or more), who may be called. */
    private final int[][] lengthPasses = new int[128][];
    /** Beside {@link #afterPasses}: the detectors of the character that have a word-length test. */
    private final int[] lengthTested = new int[128];
    /**
     * Beside {@link #afterPasses}, for the characters where a detector tests both neighbours together
     * ({@link Detector#eitherSide}), else null: by the character before, the detectors it lets through (every one
     * without such a test among them); by the character after, the ones it lets through. A detector is called where
     * either side lets it.
     */
    private final int[][] eitherBefores = new int[128][];
    private final int[][] eitherAfters = new int[128][];
    /** Each thread's arrays for its scans (see {@link Scan.Buffers}). */
    private final ThreadLocal<Scan.Buffers> buffers = ThreadLocal.withInitial(Scan.Buffers::new);
    private static final int PAST_ASCII = 128;
    private static final int EDGE = 129;
    /** By {@link SecretKind#ordinal()}: the kinds this rule set leaves in the text. */
    private final boolean[] left = new boolean[SecretKind.values().length];

    /** A span of the text and what it was; {@code end} is exclusive. */
    public record Finding(SecretKind kind, int start, int end) {
    }

    private Redactor(Set<SecretKind> leave) {
        leave.forEach(k -> left[k.ordinal()] = true);
        Numbers numbers = new Numbers();
        KeyValues keyValues = new KeyValues();
        Tokens tokens = new Tokens(RULES.tokens());
        Tables tables = new Tables();
        box = new Detector[] {tables};
        on("0123456789+(", numbers);
        on(":", new Urls(RULES.urlPaths()));
        on(":", new Ipv6());
        on(":=>", keyValues);
        on("|", tables);
        on("%", new Encoded(this::scan));
        on(">", new Elements());
        on("Vv", new SqlValues());
        Emails emails = new Emails();
        on("@", emails);
        on("%", emails);
        on("-", new PrivateKeys());
        on("-", new CommandLines(RULES.flags()));
        on("-", new SignedMessages());
        on("/", new Logons(RULES.logons()));
        on("\n", spacedProperties);
        on("\n", lineEnds);
        on("\n", records);
        on("(", new Fills());
        on("(", new NamedArguments());
        on(tokens.firstChars(), tokens);
        on("bBA", new Bearer());
        on("tTsSpPcCaAkK", new NamedValues());
        on("ABCDEFGHIJKLMNOPQRSTUVWXYZ", new Ibans());
        Pairs pairs = new Pairs();
        on(",", pairs);
        on("{(", pairs);
        on(".", new Leaders());
        on("iIuUsS", new SqlCredentials());
        on("sS", new SetAs());
        on("sS", new RedisSets());
        on("kK", new NumberedKeys());
        on("kKsSpPcC", new DeviceSecrets());
        on("[{", new ListValues());
        on("(", new SpewValues());
        on("(", new DsnArguments());
        Positionals positionals = new Positionals(RULES.positionals());
        on(positionals.firstChars(), positionals);
        PositionalCalls positionalCalls = new PositionalCalls(RULES.positionalCalls());
        on("(", positionalCalls);
        on("(", new CaseArguments());
        AuthSlots authSlots = new AuthSlots(RULES.authSlots());
        on("(", authSlots);
        on(authSlots.commandFirsts(), authSlots);
        on("\t", new CookieJars());
        on("@", new DriverDsns());
        on("T", new UnknownCommands());
        on("sS", new SessionMentions());
        on(PasswordShapes.SIGNS, new PasswordShapes());
        on("Aa3L", new SaslResponses());
        on("><", new RedisAcls());
        on("cCpPoO", new OneTimeCodes());
        on("=", new EncodedLogins());
        on("@$", new BoundParameters());
        on("=:", new AuthorizationCodes());
        on("[", new TestIds());
        on("f", new FoundValues());
        on("f", new StepFills());
        on("[", new DeepDiffs());
        on(",", new SecretPairs());
        on("\n", new HistoryLines());
        on("\n", new TraceDumps(this::scan));
        on("iwuvaI", new Phrases());
        on("[{(;", new PlaceholderParams());
        on("i[", new ValidationPaths());
        on("<[", new FieldDiffs());
        on("(", new FailingRows());
        on("@", new NetworkPaths());
        on("[(", new HeaderTuples());
        on("[(", new AuthPairs(positionalCalls));
        on(">", new MyBatisParameters());
        on("[(", new BindingParameters());
        on("(", new ViewActions());
        on("p", new ChaiProperties());
        on(">", new HtmlCells());
        on("\n", alignedColumns);
        on(":", new FailureCases());
        on(":", new SecretTypes());
        on(":", new PaperKeys());
        on("eE", new ExpectedValues());
        on("en%", new FilterValues());
        on("h", new KeyDumps());
        on("ds", new SecretManifests());
        on("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", new LetterIds());
        on("pP", new PathValues());
        on("wW", new WhereValues());
        on("|", new PowerAsserts());
        on("$", new PasswordHashes());
        on("*-", new MaskedCounterparts());
        on("(", new SecretCalls());
        on("svec", new WrappedValues());
        on(")]", new LookedUpValues());
        on("/", new PathKeys());
        on("/?", new ResetLinks());
        on("w", new WantValues());
        on("R", new EvaluatedValues());
        on("tTuU", new BusinessNumbers());
        for (char c = 0; c < 128; c++) {
            Detector[] ds = triggers[c];
            if (ds == null) {
                continue;
            }
            if (ds.length > 31) {
                throw new IllegalStateException("more than 31 detectors on " + (int) c);
            }
            int[] after = new int[EDGE + 1];
            int[] before = new int[EDGE + 1];
            int[] length = new int[64];
            int[] eitherBefore = new int[EDGE + 1];
            int[] eitherAfter = new int[EDGE + 1];
            int tested = 0;
            boolean any = false;
            boolean eitherTested = false;
            for (int k = 0; k < ds.length; k++) {
                int bit = 1 << k;
                boolean[] second = ds[k].seconds(c);
                boolean[] first = ds[k].befores(c);
                long lengths = Chars.word(c) ? ds[k].wordLengths(c) : -1L;
                boolean[][] either = ds[k].eitherSide(c);
                any |= second != null || first != null || lengths != -1L || either != null;
                eitherTested |= either != null;
                for (int x = 0; x < 128; x++) {
                    eitherBefore[x] |= either == null || either[0][x] ? bit : 0;
                    eitherAfter[x] |= either != null && either[1][x] ? bit : 0;
                }
                eitherBefore[PAST_ASCII] |= bit;
                eitherAfter[PAST_ASCII] |= bit;
                eitherBefore[EDGE] |= either == null ? bit : 0;
                for (int x = 0; x < 128; x++) {
                    after[x] |= second == null || second[x] ? bit : 0;
                    before[x] |= first == null || first[x] ? bit : 0;
                }
                after[PAST_ASCII] |= bit;
                before[PAST_ASCII] |= bit;
                after[EDGE] |= second == null ? bit : 0;
                before[EDGE] |= first == null ? bit : 0;
                for (int len = 0; len < 64; len++) {
                    length[len] |= (lengths & 1L << len) != 0 ? bit : 0;
                }
                tested |= lengths != -1L ? bit : 0;
            }
            if (any) {
                afterPasses[c] = after;
                beforePasses[c] = before;
                lengthPasses[c] = length;
                lengthTested[c] = tested;
            }
            if (eitherTested) {
                eitherBefores[c] = eitherBefore;
                eitherAfters[c] = eitherAfter;
            }
        }
    }

    /** The built-in rules, for text that leaves the process. */
    public static Redactor standard() {
        return STANDARD;
    }

    /**
     * The rules for text kept on this machine: every secret {@link #standard()} finds, but IP addresses, e-mail
     * addresses and phone numbers stay, and a database URL loses only its password ({@code
     * postgres://healer:[REDACTED_PASSWORD]@db.internal/crm}; a {@code password=} in its query goes as any other).
     * The run's failure services ({@code {service}}, the systemic guardrail) are read from such text.
     */
    public static Redactor atRest() {
        return AtRest.INSTANCE;
    }

    private void on(String chars, Detector d) {
        for (char c : chars.toCharArray()) {
            Detector[] old = triggers[c];
            Detector[] grown = old == null ? new Detector[1] : Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = d;
            triggers[c] = grown;
        }
    }

    /** {@code text} with every finding replaced by its kind's token; the same instance when there is none. */
    public String redact(String text) {
        return redact(text, null);
    }

    /**
     * {@link #redact(String)}, and what {@code memory} holds from the texts before goes from this one too; what this
     * one names goes into it (see {@link SecretMemory}). A null memory is none.
     */
    public String redact(String text, SecretMemory memory) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Scan.Buffers buffers = this.buffers.get();
        Scan scan = scan(text, 0, buffers, memory);
        if (scan.isEmpty()) {
            return text;
        }
        List<Finding> findings = scan.resolve();
        // the text's pieces and the tokens copied into a character array kept for the thread, then one string made of
        // it: no builder to allocate, clear and copy out of for every call
        int length = text.length();
        for (Finding f : findings) {
            length += f.kind().token().length() - (f.end() - f.start());
        }
        char[] out = length <= Scan.Buffers.MAX_KEPT ? buffers.out(length) : new char[length];
        char[] in = scan.chars;
        int at = 0;
        int o = 0;
        for (Finding f : findings) {
            System.arraycopy(in, at, out, o, f.start() - at);
            o += f.start() - at;
            String token = f.kind().token();
            token.getChars(0, token.length(), out, o);
            o += token.length();
            at = f.end();
        }
        System.arraycopy(in, at, out, o, text.length() - at);
        return new String(out, 0, length);
    }

    /** What {@link #redact} would replace: non-overlapping, by start. Empty for null. */
    public List<Finding> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return scan(text).resolve();
    }

    private Scan scan(String text) {
        return scan(text, 0, buffers.get(), null);
    }

    /** Scans {@code text}, decoded {@code depth} times from the text asked about (see {@link Encoded}). */
    private Scan scan(String text, int depth) {
        return scan(text, depth, null, null);
    }

    /**
     * For the digit at {@code i} that follows a {@code [} or {@code ;}: the {@code m} that ends a colour code's digits
     * ({@code [32m}, {@code [0;32m}), where the scan goes on; else -1.
     */
    private static int colourCodeEnd(char[] chars, int i, int n) {
        int k = i + 1;
        while (k < n && k - i < 8 && (Chars.digit(chars[k]) || chars[k] == ';')) {
            k++;
        }
        return k < n && chars[k] == 'm' ? k : -1;
    }

    /** The lengths a compound name's last part can have and still be a secret's word ({@code token}, {@code passphrase}). */
    private static final int SHORTEST_PART = 3;
    private static final int LONGEST_PART = 11;

    /**
     * Where the scan goes on after the word {@code chars[i, end)}, read whole by the detectors at its start and followed
     * by a blank: at its last part where an underscore joins one of {@value #SHORTEST_PART} to {@value #LONGEST_PART}
     * letters to it ({@code db_password "…"}, {@code using refresh_token …}), so that the detectors of that part's first
     * letter judge the compound as a name in prose, as they do after a dash; else at the word's end.
     */
    private static int lastPart(char[] chars, int i, int end) {
        int stop = Math.max(i, end - LONGEST_PART - 1);
        for (int u = end - 1; u > stop; u--) {
            if (chars[u] == '_') {
                return end - u > SHORTEST_PART && Chars.letter(chars[u + 1]) ? u + 1 : end;
            }
        }
        return end;
    }

    /**
     * {@link #scan(String, int)}, reading the text from {@code buffers} where given (see {@link Scan.Buffers}), looking
     * for what {@code memory} holds and keeping in it what this text names, where one is given.
     */
    private Scan scan(String text, int depth, Scan.Buffers buffers, SecretMemory memory) {
        Scan scan = new Scan(text, left, depth, buffers);
        Detector[][] table = triggers;
        char[] chars = scan.chars;
        int n = scan.length;
        spacedProperties.line(scan, 0);
        records.first(scan);
        alignedColumns.first(scan);
        int i = 0;
        while (i < n) {
            char c = chars[i];
            Detector[] detectors = c < 128 ? table[c] : c == '\u2502' ? box : Separators.is(c) ? wide : null;
            if (detectors == null) {
                i++;
                continue;
            }
            int next = i + 1;
            int[] afters = c < 128 ? afterPasses[c] : null;
            if (afters == null) {
                for (Detector d : detectors) {
                    next = Math.max(next, d.at(scan, i));
                }
            } else {
                // who passes the cheap tests; the others answer what a detector answers where its test rules it out
                // (see Detector): i + 1, or the word's end
                char after = i + 1 < n ? chars[i + 1] : 0;
                char before = i > 0 ? chars[i - 1] : 0;
                int a = i + 1 >= n ? EDGE : after < 128 ? after : PAST_ASCII;
                int b = i == 0 ? EDGE : before < 128 ? before : PAST_ASCII;
                int called = afters[a] & beforePasses[c][b];
                int[] eitherBefore = eitherBefores[c];
                if (eitherBefore != null) {
                    called &= eitherBefore[b] | eitherAfters[c][a];
                }
                if ((called & lengthTested[c]) != 0) {
                    called &= lengthPasses[c][Math.min(63, scan.wordEnd(i) - i)];
                }
                if (called != (1 << detectors.length) - 1 && Chars.word(c)) {
                    // a word's other characters start nothing for those left out; but after [ or ; a colour code's
                    // digits may end in the m that a token is glued to (ESC[32mghp_…): the scan goes on at the m
                    int m = (before == '[' || before == ';') && Chars.digit(c) ? colourCodeEnd(chars, i, n) : -1;
                    next = m > 0 ? m : scan.wordEnd(i);
                }
                for (; called != 0; called &= called - 1) {
                    next = Math.max(next, detectors[Integer.numberOfTrailingZeros(called)].at(scan, i));
                }
            }
            if (next > i + 3 && next < n && Chars.blank(chars[next]) && Chars.word(c) && next == scan.wordEnd(i)) {
                next = lastPart(chars, i, next);
            }
            i = next;
        }
        lineEnds.line(scan, n);
        if (depth == 0) {
            Echoes.Picked picked = Echoes.add(scan, memory == null ? null : memory.values());
            if (memory != null && picked != null) {
                memory.learn(picked);
            }
        }
        return scan;
    }
}
