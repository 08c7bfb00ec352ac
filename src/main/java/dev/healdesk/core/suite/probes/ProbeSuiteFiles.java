package dev.healdesk.core.suite.probes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.microsoft.playwright.PlaywrightException;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.healdesk.core.suite.Credentials;
import dev.healdesk.core.suite.Probe;
import dev.healdesk.core.suite.ProbeCheck;
import dev.healdesk.core.suite.SuiteException;

import dev.healdesk.core.process.InputText;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads probe suite files (see "Probe suites (YAML)" in src/site/markdown/suites-and-probes.md) and turns their
 * checks into probes. Every problem is a {@link SuiteException} that names the file, the line and what to do. The
 * same checks serve a target file's inline {@code probes:} ({@link #inline}).
 */
public final class ProbeSuiteFiles {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern STATUS_CLASS = Pattern.compile("[1-5]xx", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECRET_FIELD = Pattern.compile("(?i).*(password|passwd|secret|token|apikey).*");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /**
     * The mappers, made when a probe suite file or a schema is first read: a target with inline probes or none (a
     * Playwright suite) checks its probes here without them, and making them loaded some 400 of Jackson's classes
     * before a run could start its suites.
     */
    private static final class Mappers {
        static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        static final ObjectMapper JSON = new ObjectMapper();
    }

    /** A loaded suite: its name (the file's when it gives none) and its probes, in file order. */
    public record ProbeSuite(String name, List<Probe> probes) {
    }

    /**
     * Where relative URLs of a target file resolve, to check them when the file is loaded; a suite file on its own
     * does not know them (they are the target's).
     */
    public record Bases(String baseUrl, String apiUrl) {
    }

    private ProbeSuiteFiles() {
    }

    /**
     * Loads the suite {@code file}; {@code env} (the environment with .env over it) gives the values of the
     * variables its checks refer to. Relative schema files and workdirs are relative to the file's folder.
     */
    public static ProbeSuite load(Path file, Map<String, String> env) throws SuiteException {
        return load(file, env, null);
    }

    /** As {@link #load(Path, Map)}, checking relative URLs against the target's {@code bases}. */
    public static ProbeSuite load(Path file, Map<String, String> env, Bases bases) throws SuiteException {
        String text;
        if (!Files.exists(file)) {
            throw new SuiteException(file + " does not exist: give the path of a probe suite file (YAML).");
        }
        try {
            text = InputText.read(file, "probe suite file (YAML)", 1 << 20);
        } catch (InputText.Problem e) {
            throw new SuiteException(e.getMessage());
        }
        return parse(new Source(file.toString(), file.toAbsolutePath().getParent(), null), text, env, bases);
    }

    /** A suite on the class path (the sandbox's), e.g. {@code /dev/healdesk/core/sandbox/suites/health.yaml}. */
    public static ProbeSuite loadResource(String resource, Map<String, String> env) throws SuiteException {
        try (InputStream in = ProbeSuiteFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new SuiteException("No probe suite resource " + resource + " on the class path.");
            }
            String folder = resource.substring(0, resource.lastIndexOf('/') + 1);
            return parse(new Source(resource, null, folder), new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    env, null);
        } catch (IOException e) {
            throw new SuiteException("Cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * The probes of a target file's inline {@code probes:} (already read by the target file's loader from
     * {@code text}), checked like a suite's checks, with the target file's name and lines in every message.
     */
    public static List<Probe> inline(Path targetFile, String text, List<CheckSpec> checks, ProbeSuiteSpec.Auth auth,
                                     Map<String, String> env, Bases bases) throws SuiteException {
        return inline(targetFile.toString(), targetFile.toAbsolutePath().getParent(), text, checks, auth, env, bases);
    }

    /**
     * As {@link #inline(Path, String, List, ProbeSuiteSpec.Auth, Map, Bases)} for checks whose paths are already
     * absolute ({@link CheckSpec#withPathsUnder}), named {@code where} in messages.
     */
    public static List<Probe> inline(String where, Path folder, String text, List<CheckSpec> checks,
                                     ProbeSuiteSpec.Auth auth, Map<String, String> env, Bases bases)
            throws SuiteException {
        Source source = new Source(where, folder, null);
        Loader loader = new Loader(source, new YamlLines(text), "/probes", "probe", env, bases);
        return loader.probes(checks, null, auth, "/auth");
    }

    private static ProbeSuite parse(Source source, String text, Map<String, String> env, Bases bases)
            throws SuiteException {
        YamlLines lines = new YamlLines(text);
        if (text.isBlank()) {
            throw new SuiteException(source.name + " is empty: list the checks under 'checks:' (see the probe"
                    + " suite example in src/site/markdown/suites-and-probes.md).");
        }
        ProbeSuiteSpec spec;
        try {
            JsonNode tree = Mappers.YAML.readTree(text);
            if (tree == null || !tree.isObject()) {
                throw new SuiteException(source.name + " line 1: a probe suite is a YAML mapping with 'checks:' (see"
                        + " the probe suite example in src/site/markdown/suites-and-probes.md).");
            }
            spec = Mappers.YAML.treeToValue(tree, ProbeSuiteSpec.class);
        } catch (UnrecognizedPropertyException e) {
            TreeSet<String> known = new TreeSet<>();
            e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            String secret = SECRET_FIELD.matcher(e.getPropertyName()).matches()
                    ? " Secrets never go in a suite file: name the variable that holds it (passwordEnv: PGPASSWORD,"
                    + " or \"${API_TOKEN}\") and set it in the environment or .env." : "";
            throw new SuiteException(source.name + " line " + lines.line(YamlLines.pointer(e)) + ": unknown field '"
                    + e.getPropertyName() + "'. Known fields here: " + known + "." + secret, e);
        } catch (JsonMappingException e) {
            String pointer = YamlLines.pointer(e);
            throw new SuiteException(source.name + " line " + lines.line(pointer) + ": " + (pointer.isEmpty() ? ""
                    : "'" + pointer.substring(pointer.lastIndexOf('/') + 1) + "': ") + firstLine(dev.healdesk.core.process.InputText.plain(e.getOriginalMessage()))
                    + ". Check it against the probe suite format in"
                    + " src/site/markdown/suites-and-probes.md.", e);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new SuiteException(source.name + " line " + line + ": " + firstLine(dev.healdesk.core.process.InputText.plain(e.getOriginalMessage()))
                    + ". Check the YAML against the probe suite example in"
                    + " src/site/markdown/suites-and-probes.md.", e);
        }
        Loader loader = new Loader(source, lines, "/checks", "check", env, bases);
        if (spec.checks().isEmpty()) {
            throw new SuiteException(source.name + " line " + lines.line("/checks") + ": no 'checks': list at least"
                    + " one check (see the probe suite example in src/site/markdown/suites-and-probes.md).");
        }
        List<Probe> probes = loader.probes(spec.checks(), spec.defaults(), spec.auth(), "/auth");
        String name = spec.name() == null || spec.name().isBlank() ? source.fileName() : spec.name();
        return new ProbeSuite(name, probes);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /** A suite's text came from a file (relative paths in its folder) or from the class path. */
    private record Source(String name, Path folder, String resourceFolder) {
        String fileName() {
            int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
            return name.substring(slash + 1);
        }
    }

    /** Checks one list of checks and builds their probes. */
    private static final class Loader {
        private final Source source;
        private final YamlLines lines;
        private final String list;
        private final String noun;
        private final Variables vars;
        private final Bases bases;

        Loader(Source source, YamlLines lines, String list, String noun, Map<String, String> env, Bases bases) {
            this.source = source;
            this.lines = lines;
            this.list = list;
            this.noun = noun;
            this.vars = new Variables(env);
            this.bases = bases;
        }

        private SuiteException problem(String pointer, String what) {
            return new SuiteException(source.name + " line " + lines.line(pointer) + ": " + what
                    + (what.endsWith(".") ? "" : "."));
        }

        List<Probe> probes(List<CheckSpec> checks, ProbeSuiteSpec.Defaults defaults, ProbeSuiteSpec.Auth auth,
                           String authAt) throws SuiteException {
            ProbeSuiteSpec.Login login = auth == null ? null : auth.login();
            if (auth != null) {
                login(login, authAt + "/login");
            }
            if (defaults != null) {
                if (defaults.project() != null && !ID.matcher(defaults.project()).matches()) {
                    throw problem("/defaults/project", "defaults.project must be a simple name such as health or"
                            + " contracts (got '" + defaults.project() + "')");
                }
                timeout("/defaults/timeoutMs", "defaults.timeoutMs", defaults.timeoutMs());
            }
            Map<String, Integer> seen = new HashMap<>();
            List<Probe> probes = new ArrayList<>();
            for (int i = 0; i < checks.size(); i++) {
                CheckSpec c = checks.get(i);
                String at = list + "/" + i;
                if (c == null) {
                    throw problem(at, list.substring(1) + "[" + i + "] is empty: give it an id, a project and one"
                            + " kind of check");
                }
                if (c.id() == null || !ID.matcher(c.id()).matches()) {
                    throw problem(at + "/id", list.substring(1) + "[" + i + "].id must be letters, digits, '.', '_'"
                            + " or '-' (got " + (c.id() == null ? "nothing" : "'" + c.id() + "'") + ")");
                }
                String where = noun + " '" + c.id() + "'";
                String project = c.project() != null ? c.project() : defaults == null ? null : defaults.project();
                if (project == null || !ID.matcher(project).matches()) {
                    throw problem(at + "/project", where + ": 'project' must be a simple name such as health or"
                            + " contracts (got " + (project == null ? "nothing" : "'" + project + "'")
                            + "); give one, or set defaults.project");
                }
                Integer first = seen.putIfAbsent(project + "/" + c.id(), lines.line(at));
                if (first != null) {
                    throw problem(at + "/id", where + " appears twice in project " + project + " (first at line "
                            + first + "): ids must be unique");
                }
                timeout(at + "/timeoutMs", where + ": timeoutMs", c.timeoutMs());
                List<String> kinds = c.kinds();
                if (kinds.size() != 1) {
                    throw problem(at, where + (kinds.isEmpty() ? " has no check" : " has " + String.join(" and ", kinds))
                            + ": give exactly one of " + String.join(", ", CheckSpec.KINDS.subList(0, 5)) + " or "
                            + CheckSpec.KINDS.get(5) + (kinds.isEmpty() ? "" : "; split it into one check per kind"));
                }
                Integer timeoutMs = c.timeoutMs() != null ? c.timeoutMs() : defaults == null ? null : defaults.timeoutMs();
                probes.add(probe(c, project, where, at, login, timeoutMs));
            }
            return probes;
        }

        private Probe probe(CheckSpec c, String project, String where, String at, ProbeSuiteSpec.Login login,
                            Integer timeoutMs) throws SuiteException {
            Probe.Kind kind = Probe.Kind.OTHER;
            ProbeCheck check;
            List<String> refs = new ArrayList<>();
            if (c.http() != null) {
                kind = Probe.Kind.API;
                check = http(c.http(), where, at + "/http", login, refs);
            } else if (c.page() != null) {
                kind = Probe.Kind.PAGE;
                check = page(c.page(), where, at + "/page", refs);
            } else if (c.tcp() != null) {
                host(at + "/tcp", where, c.tcp().host());
                port(at + "/tcp/port", where, c.tcp().port(), true);
                timeout(at + "/tcp/timeoutMs", where + ": tcp.timeoutMs", c.tcp().timeoutMs());
                check = ServiceProbes.tcp(c.tcp());
            } else if (c.postgres() != null) {
                CheckSpec.Postgres pg = c.postgres();
                host(at + "/postgres", where, pg.host());
                port(at + "/postgres/port", where, pg.port(), false);
                required(at + "/postgres", where, "postgres.database", pg.database());
                required(at + "/postgres", where, "postgres.user", pg.user());
                passwordEnv(at + "/postgres/passwordEnv", where, pg.passwordEnv());
                percent(at + "/postgres/maxPoolUsePercent", where, "postgres.maxPoolUsePercent", pg.maxPoolUsePercent());
                check = ServiceProbes.postgres(pg, vars);
            } else if (c.redis() != null) {
                CheckSpec.Redis r = c.redis();
                host(at + "/redis", where, r.host());
                port(at + "/redis/port", where, r.port(), false);
                passwordEnv(at + "/redis/passwordEnv", where, r.passwordEnv());
                if (r.maxClients() != null && r.maxClients() < 1) {
                    throw problem(at + "/redis/maxClients", where + ": redis.maxClients is " + r.maxClients()
                            + ": give 1 or more");
                }
                percent(at + "/redis/maxMemoryPercent", where, "redis.maxMemoryPercent", r.maxMemoryPercent());
                check = ServiceProbes.redis(r, vars);
            } else {
                check = command(c.command(), where, at + "/command", refs);
            }
            vars.secretsAmong(refs);
            ProbeCheck redacting = redacting(check, vars);
            return new Probe(project + "/" + c.id(), project, c.title(), kind, redacting,
                    timeoutMs == null ? null : Duration.ofMillis(timeoutMs));
        }

        // ------------------------------------------------------------------------------------------- http

        private ProbeCheck http(CheckSpec.Http h, String where, String at, ProbeSuiteSpec.Login login,
                                List<String> refs) throws SuiteException {
            method(at + "/method", where, h.method());
            boolean site = "baseUrl".equals(h.relativeTo());
            if (h.relativeTo() != null && !site && !"apiUrl".equals(h.relativeTo())) {
                throw problem(at + "/relativeTo", where + ": relativeTo is '" + h.relativeTo() + "': use apiUrl"
                        + " (the default) or baseUrl");
            }
            url(at + "/url", where, h.url(), site ? "baseUrl" : "apiUrl (or baseUrl)", refs);
            if (h.headers() != null) {
                for (Map.Entry<String, String> e : h.headers().entrySet()) {
                    references(at + "/headers/" + e.getKey(), e.getValue(), refs);
                }
            }
            if (h.json() != null && h.form() != null) {
                throw problem(at + "/form", where + ": give the body as 'json' or as 'form', not both");
            }
            json(at + "/json", h.json(), refs);
            form(at + "/form", h.form(), refs);
            if (h.auth() != null && !h.auth().equals("bearer") && !h.auth().equals("none")) {
                throw problem(at + "/auth", where + ": auth is '" + h.auth() + "': use bearer (sign in with the"
                        + " file's auth.login first) or none");
            }
            if ("bearer".equals(h.auth()) && login == null) {
                throw problem(at + "/auth", where + ": auth: bearer needs a sign-in: add 'auth: {login: {url: ...,"
                        + " json: ..., token: ...}}' at the top of the file (see"
                        + " src/site/markdown/suites-and-probes.md)");
            }
            JsonSchema schema = null;
            CheckSpec.HttpExpect x = h.expect();
            if (x != null) {
                status(at + "/expect/status", where, x.status());
                if (x.headers() != null) {
                    for (Map.Entry<String, JsonNode> e : x.headers().entrySet()) {
                        JsonNode v = e.getValue();
                        boolean ok = v != null && (v.isValueNode() && !v.isNull()
                                || v.isArray() && v.size() > 0 && allScalars(v));
                        if (!ok) {
                            throw problem(at + "/expect/headers/" + e.getKey(), where + ": expect.headers."
                                    + e.getKey() + " must be 'present', a value, or a list of accepted values");
                        }
                    }
                }
                if (x.json() != null) {
                    for (Map.Entry<String, JsonNode> e : x.json().entrySet()) {
                        if (e.getKey().isBlank() || e.getValue() == null || !e.getValue().isValueNode()) {
                            throw problem(at + "/expect/json/" + e.getKey(), where + ": expect.json." + e.getKey()
                                    + " must be a value to compare (a text, number or true/false) or 'present'");
                        }
                    }
                }
                if (x.maxLatencyMs() != null && (x.maxLatencyMs() < 1 || x.maxLatencyMs() > 600_000)) {
                    throw problem(at + "/expect/maxLatencyMs", where + ": expect.maxLatencyMs is " + x.maxLatencyMs()
                            + ": give a budget between 1 and 600000 ms");
                }
                if (x.schema() != null) {
                    schema = schema(at + "/expect/schema", where, x.schema());
                }
            }
            return new HttpProbe(h, login, schema, vars);
        }

        private void login(ProbeSuiteSpec.Login login, String at) throws SuiteException {
            if (login == null) {
                throw problem(at, "auth needs a 'login': the request that answers a token (see"
                        + " src/site/markdown/suites-and-probes.md)");
            }
            method(at + "/method", "auth.login", login.method());
            List<String> refs = new ArrayList<>();
            url(at + "/url", "auth.login", login.url(), "apiUrl (or baseUrl)", refs);
            if (login.json() != null && login.form() != null) {
                throw problem(at + "/form", "auth.login: give the body as 'json' or as 'form', not both");
            }
            json(at + "/json", login.json(), refs);
            form(at + "/form", login.form(), refs);
            if (login.expectStatus() != null && (login.expectStatus() < 100 || login.expectStatus() > 599)) {
                throw problem(at + "/expectStatus", "auth.login.expectStatus is " + login.expectStatus()
                        + ": give an HTTP status such as 200");
            }
            vars.secretsAmong(refs);
        }

        private void status(String at, String where, JsonNode status) throws SuiteException {
            if (status == null || status.isNull()) {
                return;
            }
            boolean ok = status.isIntegralNumber() && httpStatus(status.asInt())
                    || status.isTextual() && STATUS_CLASS.matcher(status.asText().trim()).matches();
            if (status.isArray() && status.size() > 0) {
                ok = true;
                for (JsonNode code : status) {
                    ok &= code.isIntegralNumber() && httpStatus(code.asInt());
                }
            }
            if (!ok) {
                throw problem(at, where + ": expect.status is " + status + ": give a status (200), a list ([401,"
                        + " 403]) or a class (3xx)");
            }
        }

        private JsonSchema schema(String at, String where, String name) throws SuiteException {
            String text;
            String location;
            try {
                if (source.folder != null) {
                    Path file = source.folder.resolve(name).normalize();
                    location = file.toString();
                    if (!Files.isRegularFile(file)) {
                        throw problem(at, where + ": the schema file " + file + " does not exist: give a JSON Schema"
                                + " file relative to " + source.fileName());
                    }
                    text = Files.readString(file);
                } else {
                    location = source.resourceFolder + name;
                    try (InputStream in = ProbeSuiteFiles.class.getResourceAsStream(location)) {
                        if (in == null) {
                            throw problem(at, where + ": the schema resource " + location + " does not exist");
                        }
                        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            } catch (IOException e) {
                throw problem(at, where + ": cannot read the schema " + name + ": " + e.getMessage());
            }
            try {
                JsonNode node = Mappers.JSON.readTree(text);
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
            } catch (JsonProcessingException e) {
                throw problem(at, where + ": the schema " + location + " is not valid JSON (line "
                        + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": "
                        + firstLine(dev.healdesk.core.process.InputText.plain(e.getOriginalMessage())) + "): fix that file");
            } catch (RuntimeException e) {
                throw problem(at, where + ": the schema " + location + " is not a usable JSON Schema ("
                        + firstLine(e.getMessage()) + "): fix that file");
            }
        }

        // ------------------------------------------------------------------------------------------- page

        private ProbeCheck page(CheckSpec.Page p, String where, String at, List<String> refs) throws SuiteException {
            url(at + "/url", where, p.url(), "baseUrl", refs);
            if (p.steps() != null) {
                for (int i = 0; i < p.steps().size(); i++) {
                    CheckSpec.Step s = p.steps().get(i);
                    String stepAt = at + "/steps/" + i;
                    int given = (s == null ? 0 : (s.fill() != null ? 1 : 0) + (s.click() != null ? 1 : 0)
                            + (s.expectUrl() != null && s.click() == null ? 1 : 0));
                    if (given != 1) {
                        throw problem(stepAt, where + ": steps[" + i + "] must be exactly one of fill, click or"
                                + " expectUrl (a click may also have expectUrl)");
                    }
                    if (s.fill() != null) {
                        required(stepAt + "/fill", where, "steps[" + i + "].fill.selector", s.fill().selector());
                        if (s.fill().value() == null) {
                            throw problem(stepAt + "/fill", where + ": steps[" + i + "].fill needs a 'value' (use"
                                    + " \"${NAME}\" for a secret)");
                        }
                        references(stepAt + "/fill/value", s.fill().value(), refs);
                        if (s.waitForNavigation() != null || s.name() != null || s.expectUrl() != null) {
                            throw problem(stepAt, where + ": steps[" + i + "]: waitForNavigation, name and expectUrl"
                                    + " go with a click or alone, not with fill");
                        }
                    } else if (s.click() == null && (s.waitForNavigation() != null || s.name() != null)) {
                        throw problem(stepAt, where + ": steps[" + i + "]: waitForNavigation and name go with a"
                                + " click");
                    }
                    if (s.click() != null && s.click().isBlank()) {
                        throw problem(stepAt + "/click", where + ": steps[" + i + "].click needs a selector");
                    }
                    if (s.expectUrl() != null && !s.expectUrl().startsWith("/")) {
                        url(stepAt + "/expectUrl", where, s.expectUrl(), "baseUrl", refs);
                    }
                }
            }
            if (p.visible() != null) {
                for (int i = 0; i < p.visible().size(); i++) {
                    required(at + "/visible/" + i, where, "visible[" + i + "]", p.visible().get(i));
                }
            }
            if (p.minCount() != null) {
                required(at + "/minCount", where, "minCount.selector", p.minCount().selector());
                if (p.minCount().count() == null || p.minCount().count() < 1) {
                    throw problem(at + "/minCount", where + ": minCount.count must be 1 or more");
                }
            }
            if (p.textIn() != null && p.text() == null) {
                throw problem(at + "/textIn", where + ": textIn says where 'text' must appear, but there is no"
                        + " 'text'");
            }
            return new PageProbe(p, vars);
        }

        // ------------------------------------------------------------------------------------------- command

        private ProbeCheck command(CheckSpec.Command c, String where, String at, List<String> refs)
                throws SuiteException {
            if (c.argv() == null || c.argv().isEmpty() || c.argv().get(0) == null || c.argv().get(0).isBlank()) {
                throw problem(at + "/argv", where + ": command.argv must list the program and its arguments, e.g."
                        + " [pg_isready, -h, db.internal] (no shell: pipes and quotes are not interpreted)");
            }
            for (int i = 0; i < c.argv().size(); i++) {
                if (c.argv().get(i) == null) {
                    throw problem(at + "/argv/" + i, where + ": command.argv[" + i + "] is empty");
                }
                references(at + "/argv/" + i, c.argv().get(i), refs);
            }
            if (c.timeoutSeconds() != null && (c.timeoutSeconds() < 1 || c.timeoutSeconds() > 3600)) {
                throw problem(at + "/timeoutSeconds", where + ": command.timeoutSeconds is " + c.timeoutSeconds()
                        + ": give a value between 1 and 3600");
            }
            if (c.expectExit() != null && (c.expectExit() < 0 || c.expectExit() > 255)) {
                throw problem(at + "/expectExit", where + ": command.expectExit is " + c.expectExit()
                        + ": give an exit code between 0 and 255");
            }
            Path workdir = null;
            if (c.workdir() != null) {
                if (source.folder == null) {
                    throw problem(at + "/workdir", where + ": a suite on the class path cannot have a workdir");
                }
                workdir = source.folder.resolve(c.workdir()).normalize();
                if (!Files.isDirectory(workdir)) {
                    throw problem(at + "/workdir", where + ": command.workdir " + workdir + " is not a folder: give"
                            + " one relative to " + source.fileName() + ", or leave it out");
                }
            }
            return new CommandProbe(c, workdir, vars);
        }

        // ------------------------------------------------------------------------------------------- pieces

        private void method(String at, String where, String method) throws SuiteException {
            if (method != null && !METHODS.contains(method.trim().toUpperCase(Locale.ROOT))) {
                throw problem(at, where + ": unknown HTTP method '" + method + "'. Use one of " + new TreeSet<>(METHODS));
            }
        }

        private void url(String at, String where, String url, String baseName, List<String> refs)
                throws SuiteException {
            if (url == null || url.isBlank()) {
                throw problem(at, where + ": 'url' is missing");
            }
            references(at, url, refs);
            if (url.startsWith("/")) {
                String base = bases == null ? "known" : baseName.equals("baseUrl") ? bases.baseUrl()
                        : bases.apiUrl() != null ? bases.apiUrl() : bases.baseUrl();
                if (base == null) {
                    throw problem(at, where + ": the url '" + url + "' is relative but '" + baseName
                            + "' is not set. Set " + baseName + " or use an absolute URL");
                }
                return;
            }
            if (url.contains("${")) {
                return;
            }
            try {
                URI uri = new URI(url);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw problem(at, where + ": the url '" + url + "' is neither a path starting with '/' nor an"
                            + " http(s) URL with a host");
                }
            } catch (URISyntaxException e) {
                throw problem(at, where + ": the url '" + url + "' is not a valid URL: " + e.getReason());
            }
        }

        private void host(String at, String where, String host) throws SuiteException {
            if (host == null || host.isBlank() || host.contains("/") || host.contains(" ")) {
                throw problem(at + "/host", where + ": 'host' must be a host name or address such as db.internal or"
                        + " 127.0.0.1 (got " + (host == null ? "nothing" : "'" + host + "'") + ")");
            }
        }

        private void port(String at, String where, Integer port, boolean required) throws SuiteException {
            if (port == null ? required : port < 1 || port > 65535) {
                throw problem(at, where + ": 'port' must be a TCP port between 1 and 65535 (got "
                        + (port == null ? "nothing" : port) + ")");
            }
        }

        private void passwordEnv(String at, String where, String name) throws SuiteException {
            if (name == null) {
                return;
            }
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw problem(at, where + ": passwordEnv is the NAME of the variable that holds the password (e.g."
                        + " PGPASSWORD), not the password");
            }
            if (!vars.isSet(name)) {
                throw problem(at, where + ": passwordEnv " + name + " is not set: set " + name + " in the environment"
                        + " or in .env");
            }
            vars.secret(name);
        }

        private void percent(String at, String where, String field, Integer value) throws SuiteException {
            if (value != null && (value < 1 || value > 100)) {
                throw problem(at, where + ": " + field + " is " + value + ": give a percentage between 1 and 100");
            }
        }

        private void timeout(String at, String field, Integer ms) throws SuiteException {
            if (ms != null && (ms < 100 || ms > 600_000)) {
                throw problem(at, field + " is " + ms + ": give a value between 100 and 600000");
            }
        }

        private void required(String at, String where, String field, String value) throws SuiteException {
            if (value == null || value.isBlank()) {
                throw problem(at, where + ": '" + field + "' is missing");
            }
        }

        private void references(String at, String text, List<String> refs) throws SuiteException {
            for (String name : Variables.references(text)) {
                String problem = vars.problem(name);
                if (problem != null) {
                    throw problem(at, problem);
                }
                refs.add(name);
            }
        }

        private void json(String at, JsonNode node, List<String> refs) throws SuiteException {
            if (node == null) {
                return;
            }
            if (node.isTextual()) {
                references(at, node.asText(), refs);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                json(at + "/" + e.getKey(), e.getValue(), refs);
            }
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    json(at + "/" + i, node.get(i), refs);
                }
            }
        }

        private void form(String at, Map<String, String> form, List<String> refs) throws SuiteException {
            if (form != null) {
                for (Map.Entry<String, String> e : form.entrySet()) {
                    references(at + "/" + e.getKey(), e.getValue(), refs);
                }
            }
        }

        private static boolean httpStatus(int code) {
            return code >= 100 && code <= 599;
        }

        private static boolean allScalars(JsonNode array) {
            for (JsonNode v : array) {
                if (!v.isValueNode() || v.isNull()) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Runs {@code check}; when its failure message holds the value of a secret variable (a server that echoes a
     * password, a command that prints its token), the same failure is thrown again with the value masked.
     */
    static ProbeCheck redacting(ProbeCheck check, Variables vars) {
        return ctx -> {
            try {
                check.check(ctx);
            } catch (Throwable t) {
                String message = t.getMessage();
                Credentials login = ctx.credentials();
                String masked = vars.redact(message, login);
                if (message == null || masked.equals(message)) {
                    throw t;
                }
                RuntimeException playwright = PlaywrightFailure.masked(t, masked);
                if (playwright != null) {
                    throw playwright;
                }
                AssertionError clean = new AssertionError(t instanceof AssertionError ? masked
                        : t.getClass().getSimpleName() + ": " + masked);
                clean.setStackTrace(t.getStackTrace());
                throw clean;
            }
        };
    }

    /**
     * Playwright's exception, in a class of its own: the bytecode verifier loads a class whose objects a method throws
     * or hands on as a Throwable, so verifying {@link ProbeSuiteFiles} loaded it from Playwright's jar (the 40th of the
     * plain jar's Class-Path: some 20 jars opened for the look-up) in every run of a target file, probes or not.
     */
    private static final class PlaywrightFailure {
        private PlaywrightFailure() {
        }

        /** {@code t} again with {@code message}, when it is Playwright's exception; null else. */
        static RuntimeException masked(Throwable t, String message) {
            if (!(t instanceof PlaywrightException)) {
                return null;
            }
            PlaywrightException clean = new PlaywrightException(message);
            clean.setStackTrace(t.getStackTrace());
            return clean;
        }
    }
}
