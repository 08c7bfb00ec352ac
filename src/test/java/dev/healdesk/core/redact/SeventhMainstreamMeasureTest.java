package dev.healdesk.core.redact;

import dev.healdesk.core.redact.Fakes.Fake;
import dev.healdesk.core.redact.SecondMainstreamMeasureTest.Case;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The seventh outside measure of issue #14 (redact51), mixed as an outside measurer would mix it
 * ({@code /redaction/outside-mainstream-7.txt}): a third package managers and build tools failing on auth (npm, yarn,
 * pnpm, pip, poetry, uv, Maven, Gradle, sbt, NuGet, Cargo, Go modules, Composer, Bundler, CocoaPods, SwiftPM, conda,
 * Helm, OCI registries, Bazel, pub, Leiningen, the JFrog CLI: their debug output and config echoes); a third
 * observability and incident tooling (the Datadog agent and tracers, New Relic, Grafana Agent and Alloy, Prometheus
 * remote_write, Loki, Fluent Bit, Fluentd, Vector, Logstash, OpenTelemetry exporters, Jaeger, Sentry, PagerDuty,
 * Opsgenie, Statuspage, Splunk, Sumo Logic, AppDynamics...); a third SaaS SDKs in failing integration tests (SendGrid,
 * Mailchimp, HubSpot, Zendesk, Intercom, Segment, Mixpanel, Amplitude, Algolia, Contentful, Sanity, Supabase, Clerk,
 * Plaid, Shopify, Square, Postmark, Brevo, Customer.io, Klaviyo, Zoho...), some with labels in Spanish, French,
 * Italian, Portuguese, Dutch, Swedish, Polish, German, Japanese and Korean; and keep-only lines of digests and ids.
 * National ids are drawn by {@link Fakes}. Same template language and counting as {@link SecondMainstreamMeasureTest},
 * whose loader and bounds check it uses. Written and measured before any rule was changed for it; the bounds below are
 * that measure. This is tune data: its failures print on standard output.
 */
class SeventhMainstreamMeasureTest {

    private static final String FILE = "/redaction/outside-mainstream-7.txt";

    // Measured once with the rules of the branch point (ca7b560), before any rule was changed for this material and
    // with no line of it changed after the run (31 lines were appended after a dry run of the first 172, none edited):
    // 203 lines (194 with planted values), standard 22 of 282 planted values leaked (7.8%) and 791 of 797 must-keep
    // strings kept; at rest 21 of 213 secrets leaked, 791 of 797 kept. Lower the leak bounds and raise the kept floors
    // as rules are written from its failures, never the other way.
    // After an Authorization header's credential after a vendor's own scheme word (redact51, SeventhMainstreamFormsTest:
    // curl's -H "Authorization: GenieKey …"): standard 21 and at rest 20 leaked, kept as before.
    // After a private key's file path kept (OpenSSH's id_ed25519) and an error's class after a password's word kept
    // (Maven's SecDispatcherException) (redact54, Judge; ReleasedEighteenthFormsTest): 793 of 797 kept both ways.
    // After a host's credential in a map named for a secret (redact54, KeyValues: Composer's "bearer": {"host": "…"}):
    // standard 20 and at rest 19 leaked.
    // After a .yarnrc line's quoted pair (redact54, SpacedProperties: "//host/:_password" "…"): standard 19 and at rest
    // 18 leaked.
    // After the URL path tokens of redact53 (token-rules.json urlPaths, Urls; PlaceFormsTest: Grafana OnCall's
    // /integrations/v1/<type>/<token>, Splunk On-Call's /alert/<key>/<routing> and others): standard 16 and at rest 15
    // leaked, kept as before.
    // After redact52's secrets given by position to well-known calls (positionalCalls of token-rules.json,
    // PositionalCallsFormsTest): the Algolia key second in SearchClient.create(…) goes, standard 20 and at rest 19
    // leaked, kept as before.
    // All three merged (main, this stop): standard 13 and at rest 12 leaked, 793 of 797 kept both ways.
    // After redact61's Postmark row (positionalCalls of token-rules.json, ReleasedTwentiethFormsTest: the server token
    // first to Postmark's clients): standard 12 and at rest 11 leaked, kept as before.
    private static final int LEAKS_STANDARD = 12;
    private static final int LEAKS_AT_REST = 11;
    private static final int KEPT_STANDARD = 793;
    private static final int KEPT_AT_REST = 793;

    /** Secrets of services no earlier measure planted, as {@link Fakes#shape} specs (invented, in their printed shape). */
    private static final Map<String, String> SHAPES = Map.ofEntries(
            Map.entry("PD_TOKEN", "u+#W18"),
            Map.entry("HUBSPOT", "pat-na1-#H8-#H4-#H4-#H4-#H12"),
            Map.entry("INTERCOM", "dG9rOj#W54="),
            Map.entry("W22", "#W22"),
            Map.entry("W43", "#W43"));

    @Test
    void theSeventhOutsideMeasureStaysWithinItsFigures() throws IOException {
        Fakes fakes = new Fakes(51_2026L);
        Random random = new Random(51_2026L);
        List<Case> cases = SecondMainstreamMeasureTest.load(FILE, fakes, random, name -> own(name, fakes));
        SecondMainstreamMeasureTest.holdsItsFigures(7, cases, 280, 790, LEAKS_STANDARD, LEAKS_AT_REST, KEPT_STANDARD,
                KEPT_AT_REST);
    }

    private static Fake own(String name, Fakes fakes) {
        String spec = SHAPES.get(name);
        return spec == null ? null : fakes.shape(spec);
    }
}
