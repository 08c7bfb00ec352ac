package dev.healdesk.core.redact;

import dev.healdesk.core.redact.SecondMainstreamMeasureTest.Case;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Random;

/**
 * The third outside measure of issue #14 (redact37): failure output of about fifty more mainstream tools, none of them
 * in the second measure's file nor in the collections' ({@code /redaction/outside-mainstream-3.txt}: node:test, Bun,
 * Robot Framework, cargo test and nextest, ExUnit, XCTest, Dart; Bitbucket Pipelines, Cloud Build, Argo Workflows,
 * TeamCity, Woodpecker, CodeBuild; ibmcloud, OCI, wrangler, Vercel, Netlify, Supabase; Trino, CouchDB, ArangoDB, RavenDB,
 * TiDB, Vitess, YugabyteDB, QuestDB, Cassandra, Memcached, Hazelcast, SurrealDB, DB2; kcat, Pulsar, NATS, Service Bus,
 * Event Hubs, Kinesis, MQTT, BullMQ, RQ, Dramatiq, Dagster, Kestra, NiFi, Flink, Strimzi, Debezium; Koa, Fastify, Hono,
 * Remix, SvelteKit, Nuxt, Fiber, Echo, Actix, Axum, Rocket, Ktor, Quarkus, Micronaut, Play, Vapor; xcodebuild, EAS,
 * Metro, logcat, Firebase Test Lab, Maestro; LiteLLM, vLLM, MLflow, W&B, SageMaker; Crossplane, CDK, Packer, Consul,
 * Nomad, Podman, Buildah, Skaffold, Tilt; Conan, vcpkg, rebar3, PDM, uv; Salesforce, Square, Plaid, Segment, Algolia),
 * with personal data where a prompt would carry it (national ids of some forty countries, phones as each country writes
 * them, IBANs, cards, e-mails) and keep-only lines of ids, hashes, versions and near misses. Same template language and
 * counting as {@link SecondMainstreamMeasureTest}, whose loader it uses. Written and measured before any rule was
 * changed for it; the bounds below are that measure, lowered (leaks) and raised (kept) as rules were written from its
 * failures. This is tune data: its failures print on standard output.
 */
class ThirdMainstreamMeasureTest {

    private static final String FILE = "/redaction/outside-mainstream-3.txt";

    // Measured once with the rules of the branch point (a0181ad), before any rule was changed for this material and
    // with no line of it changed after the run: 311 lines (277 with planted values), standard 33 of 396 planted values
    // leaked (8.3%) and 1042 of 1054 must-keep strings kept; at rest 17 of 251 secrets leaked, 1050 of 1054 kept. Lower
    // the leak bounds and raise the kept floors as rules are written from its failures, never the other way.
    // After the forms of ThirdMainstreamFormsTest (redact37): standard 27 of 396 leaked and 1045 of 1054 kept; at rest
    // 15 of 251, 1052 kept. Of the 27, judged after the measure as the material's own faults: national ids drawn at
    // random with no check digit or date that holds and no label beside them (a personnummer in a pytest id, an AMKA,
    // a rodné číslo, a teudat zehut, a South African id, a Belgian national number, a PPS number; 7), the UK's specimen
    // prefix QQ (no NINO is issued with it; 2), a Spanish DNI whose letter is no check letter, an apr1 hash in base64url
    // (crypt's alphabet has no - or _), a SecretStr that pydantic prints as '**********', a JWK's public x and y (2 of
    // QuestDB's 3), key ids (a service account's private_key_id, BigQuery's key_id: 2), an OTP, CVV and Algolia key
    // given by position only, and a typed NRIC and phone with only the locator after them. Left as general gaps: IBM
    // COS's "HMAC Access Key ID" column (1), a JWK's private d, Envoy's inline_string under a secret, Keycloak's
    // getInstance password by position, Apple's app-specific password after -p, a robo directive's password_field=.
    // Of the 9 lost: e-mail addresses marked to keep that are addresses (6: the material's fault), a Slack webhook's
    // URL (RedactorTest holds it must go), and Robot Framework's "Input Password  id:password, …" locator.
    // After redact39's forms (a locator before a typed password, Envoy's inline_string under a secret's name, a Go
    // struct's empty field, a JWK's private members, a Dockerfile's RUN): standard 26 leaked and 1046 kept (the locator
    // kept, the inline_string gone); at rest 14 and 1053. QuestDB's "d" stays a gap: its object has no "kty".
    // After redact41's altool -p (commandLines of token-rules.json): standard 25 and at rest 13 leaked, kept as before;
    // Apple's app-specific password after -p no longer leaks.
    // redact40's EC key by its members (a d beside an x and a y of one Base64url length, no "kty" needed) takes
    // QuestDB's d: standard 26 -> 25, at rest 14 -> 13, kept unchanged (its x and y, public, stay as a JWK's do).
    // Both merged (main, this stop): standard 24 and at rest 12 leaked, kept as before.
    // After redact52's secrets given by position to well-known calls (positionalCalls of token-rules.json,
    // PositionalCallsFormsTest): the Algolia key second in algoliasearch(…) goes, standard 23 and at rest 11 leaked,
    // kept as before.
    // redact55 (NineteenthFormsTest): a Slack webhook's host and route stay, only its credential path goes (the path
    // is the secret; RedactorTest's lines now expect https://hooks.slack.com/services/[REDACTED_SLACK_WEBHOOK]):
    // kept 1046 -> 1047 and 1053 -> 1054, leaks unchanged.
    private static final int LEAKS_STANDARD = 23;
    private static final int LEAKS_AT_REST = 11;
    private static final int KEPT_STANDARD = 1047;
    private static final int KEPT_AT_REST = 1054;

    @Test
    void theThirdOutsideMeasureStaysWithinItsFigures() throws IOException {
        List<Case> cases = SecondMainstreamMeasureTest.load(FILE, new Fakes(37_2026L), new Random(37_2026L));
        SecondMainstreamMeasureTest.holdsItsFigures(3, cases, 380, 900, LEAKS_STANDARD, LEAKS_AT_REST, KEPT_STANDARD,
                KEPT_AT_REST);
    }
}
