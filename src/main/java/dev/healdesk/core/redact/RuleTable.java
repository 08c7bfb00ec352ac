package dev.healdesk.core.redact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The shapes of secrets, kept as data in {@value #RESOURCE}: token formats ({@link Tokens}), the command-line
 * flags that carry passwords ({@link CommandLines}), the commands that take a {@code user/password@connect}
 * logon as an argument ({@link Logons}), those that take a password as a positional argument ({@link Positionals}),
 * the URL paths whose segment is a credential ({@link Urls}) and the well-known calls that take a secret by position
 * ({@link PositionalCalls}), each with the public rule set, manual or signature it was learnt from; and the words that
 * name authentication in a call or a command, whose credential-shaped arguments go ({@link AuthSlots}).
 * Read once when the redactor is built and compiled into its scanner; a broken table stops Healdesk at start,
 * naming the rule, rather than redacting less.
 */
record RuleTable(List<Tokens.Rule> tokens, List<CommandLines.Flag> flags, List<Logons.Logon> logons,
                 List<Positionals.Row> positionals, List<Urls.PathRule> urlPaths,
                 List<PositionalCalls.Row> positionalCalls, List<AuthSlots.Row> authSlots) {

    static final String RESOURCE = "token-rules.json";
    private static final String TAIL = "(?![A-Za-z0-9_-])";
    private static final int WINDOW = 1100;

    /** One factory for the package's tables (this one and {@link NationalIds}'s), each read once a process. */
    private static final JsonFactory JSON = new JsonFactory();

    static RuleTable load() {
        JsonNode root = resource(RESOURCE);
        return new RuleTable(each(root.get("rules"), RuleTable::token), each(root.get("commandLines"), RuleTable::flag),
                each(root.get("logons"), RuleTable::logon), each(root.get("positionals"), RuleTable::positional),
                each(root.get("urlPaths"), RuleTable::urlPath),
                each(root.get("positionalCalls"), RuleTable::positionalCall),
                each(root.get("authSlots"), RuleTable::authSlot));
    }

    /**
     * The table {@code name} of this package's resources as a tree ({@link #tree}); a missing or unreadable one stops
     * Healdesk at start, naming it.
     */
    static JsonNode resource(String name) {
        // through the module (Healdesk's is the class path's unnamed one), which looks on the class path alone: the
        // class's own getResourceAsStream asks the parent loaders first, and they read the runtime's module image for
        // it, a dozen classes in a short process (as PatternCatalog reads the triage catalog; benchmarks, CLI start)
        try (InputStream in = RuleTable.class.getModule().getResourceAsStream("dev/healdesk/core/redact/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            try (JsonParser p = JSON.createParser(in)) {
                return tree(p, p.nextToken());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + " cannot be read", e);
        }
    }

    /**
     * The value that starts at {@code t}, as the tree {@code ObjectMapper.readTree} would build (the test holds them
     * equal): read with the streaming parser, as an ObjectMapper's construction and first look-ups loaded some 420
     * classes, a fifth of those of a {@code healdesk report} process, to read this one file.
     */
    static JsonNode tree(JsonParser p, JsonToken t) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (t == null) {
            throw new IOException("no JSON value");
        }
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = nodes.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    o.set(name, tree(p, p.nextToken()));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = nodes.arrayNode();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    a.add(tree(p, next));
                }
                return a;
            }
            case VALUE_STRING -> {
                return nodes.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> nodes.numberNode(p.getIntValue());
                    case LONG -> nodes.numberNode(p.getLongValue());
                    default -> nodes.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return nodes.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> throw new IOException("unexpected " + t + " at line " + p.currentTokenLocation().getLineNr());
        }
    }

    private static <T> List<T> each(JsonNode array, Function<JsonNode, T> read) {
        List<T> out = new ArrayList<>();
        for (JsonNode n : array) {
            try {
                out.add(read.apply(n));
            } catch (RuntimeException e) {
                throw new IllegalStateException(RESOURCE + ", rule " + n.path("id").asText("?") + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    private static Tokens.Rule token(JsonNode n) {
        List<String> prefixes = strings(n.path("prefixes"));
        String anchor = n.hasNonNull("anchor") ? n.get("anchor").asText() : null;
        if (prefixes.isEmpty() == (anchor == null)) {
            throw new IllegalArgumentException("needs either prefixes or an anchor");
        }
        if (n.hasNonNull("backOver") && anchor == null) {
            throw new IllegalArgumentException("backOver needs an anchor");
        }
        return new Tokens.Rule(n.get("id").asText(), SecretKind.valueOf(n.get("kind").asText()),
                prefixes.toArray(new String[0]), anchor, n.path("back").asInt(0),
                n.hasNonNull("backOver") ? n.get("backOver").asText() : null,
                Pattern.compile(n.get("regex").asText() + TAIL), n.path("window").asInt(WINDOW),
                n.path("mixed").asBoolean(false), n.path("withScheme").asBoolean(false));
    }

    private static Urls.PathRule urlPath(JsonNode n) {
        List<String> markers = strings(n.path("markers"));
        int min = n.path("min").asInt(20);
        if (markers.isEmpty() || min < 8) {
            throw new IllegalArgumentException("needs markers and a least length of 8 or more");
        }
        if (markers.contains("") && !n.has("hosts")) {
            throw new IllegalArgumentException("an empty marker (the path's first segment) needs hosts");
        }
        return new Urls.PathRule(n.get("id").asText(), markers, strings(n.path("hosts")), n.path("after").asInt(0), min,
                n.path("next").asBoolean(false));
    }

    private static CommandLines.Flag flag(JsonNode n) {
        List<String> commands = strings(n.path("commands"));
        List<String> flags = strings(n.path("flags"));
        if (commands.isEmpty() || flags.isEmpty()) {
            throw new IllegalArgumentException("needs commands and flags");
        }
        String value = n.path("value").asText("either");
        String form = n.path("form").asText("password");
        if (!List.of("attached", "next", "either", "before", "piped").contains(value)
                || !List.of("password", "userPassword").contains(form)) {
            throw new IllegalArgumentException(
                    "value must be attached, next, either, before or piped; form password or userPassword");
        }
        boolean before = value.equals("before");
        boolean piped = value.equals("piped");
        boolean elsewhere = before || piped;
        return new CommandLines.Flag(n.get("id").asText(), commands, flags, !elsewhere && !value.equals("next"),
                !elsewhere && !value.equals("attached"), form.equals("userPassword"), before, piped,
                n.path("position").asInt(0));
    }

    private static Logons.Logon logon(JsonNode n) {
        List<String> commands = strings(n.path("commands"));
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("needs commands");
        }
        return new Logons.Logon(n.get("id").asText(), commands, strings(n.path("keys")), strings(n.path("keywords")),
                strings(n.path("prefixes")));
    }

    private static Positionals.Row positional(JsonNode n) {
        List<String> commands = strings(n.path("commands"));
        int position = n.path("position").asInt(-1);   // 0: the password is piped in on standard input
        if (commands.isEmpty() || position < 0) {
            throw new IllegalArgumentException("needs commands and a position of 0 or more");
        }
        return new Positionals.Row(n.get("id").asText(), commands, position, n.path("with").asText(""),
                n.path("without").asText(""), strings(n.path("valued")),
                n.path("notProse").asBoolean(false));
    }

    private static PositionalCalls.Row positionalCall(JsonNode n) {
        List<String> calls = strings(n.path("calls"));
        int position = n.path("position").asInt(0);
        String shape = n.path("shape").asText("");
        int most = n.path("most").asInt(0);
        if (calls.isEmpty() || position < 1 || most < 0 || most > 0 && most < position || !List.of("", "secretLike", "passwordLike").contains(shape)
                || !n.hasNonNull("source")) {
            throw new IllegalArgumentException(
                    "needs calls, a position of 1 or more and a source; shape is secretLike, passwordLike or none;"
                            + " most, if given, is no less than the position");
        }
        return new PositionalCalls.Row(n.get("id").asText(), calls, position,
                SecretKind.valueOf(n.path("kind").asText("GENERIC_SECRET")), shape, n.path("numberAt").asInt(0), most);
    }

    private static AuthSlots.Row authSlot(JsonNode n) {
        if (!n.hasNonNull("why")) {
            throw new IllegalArgumentException("needs a why: the documented APIs or tools its words were read from");
        }
        return new AuthSlots.Row(n.get("id").asText(), n.path("part").asText(""), strings(n.path("words")),
                n.path("loginShape").asBoolean(false));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }
}
