package dev.healdesk.core.redact;

import dev.healdesk.core.redact.Fakes.Fake;
import dev.healdesk.core.redact.SecondMainstreamMeasureTest.Case;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sixth outside measure of issue #14 (redact48), mixed as an outside measurer would mix it
 * ({@code /redaction/outside-mainstream-6.txt}): a third mobile and desktop app test output (Espresso, Robolectric,
 * Compose UI tests, XCUITest, XCTest, Detox, Maestro, Flutter integration_test, React Native and Metro, Electron,
 * Tauri, .NET MAUI, Capacitor, Appium, WinAppDriver, Unity, Qt; crash reporters: Crashlytics, Sentry Native, Crashpad,
 * Bugsnag; device farms and store uploads: Firebase Test Lab, App Center, fastlane pilot and supply, Gradle Play
 * Publisher, notarytool, signtool, EAS, Firebase App Distribution, the App Store Connect API); a third back-end
 * services and middleware (gRPC status details in Go, Java, Python and Node, Envoy, NGINX, HAProxy, Kong, Traefik,
 * Caddy, Tyk, Istio, Keycloak, Auth0, Okta, OIDC flows with code, state, code_verifier and id_token, SAML, LDAP binds,
 * SMTP and IMAP transcripts, Stripe, Adyen, PayPal, Braintree, Checkout.com, Razorpay, Square, Mollie, and webhooks'
 * signature failures of Stripe, GitHub, Shopify, Svix, Twilio, Slack, Zoom and GitLab); a third data and ML tooling
 * (Airflow task logs and connections, dbt, Spark driver and executor logs, Kafka Connect, Debezium, Snowflake, BigQuery,
 * Redshift, pandas read_sql, MLflow, Jupyter, papermill, Hugging Face, W&B, Ray, Dask, Prefect, Dagster, Trino, Flink,
 * Beam, Great Expectations, Metabase, Superset, Kedro, Feast, Airbyte, Fivetran, DuckDB, Polars...), some with labels in
 * Japanese, Korean, Chinese, Thai, Vietnamese, Indonesian, Greek, Turkish, Ukrainian, Czech, Polish, Dutch, German,
 * French, Spanish, Italian, Portuguese, Swedish, Norwegian, Finnish, Hungarian, Romanian and Lithuanian; and keep-only
 * lines of digests, ids and request ids. National ids pass their checks: they are drawn here by the test helpers'
 * generators ({@link ValidIds}, {@link EleventhIds}, {@link TwelfthIds}, {@link ThirteenthIds},
 * {@link FourthMainstreamMeasureTest}, {@link FifthMainstreamMeasureTest}) and a second test checks each draw with the
 * checkers those helpers' tests have.
 * Same template language and counting as {@link SecondMainstreamMeasureTest}, whose loader and bounds check it uses.
 * Written and measured before any rule was changed for it; the bounds below are that measure, lowered (leaks) and raised
 * (kept) as rules are written from its failures. This is tune data: its failures print on standard output.
 */
class SixthMainstreamMeasureTest {

    private static final String FILE = "/redaction/outside-mainstream-6.txt";

    // Measured once with the rules of the branch point (61702ac), before any rule was changed for this material and
    // with no line of it changed after the run: 275 lines (255 with planted values), standard 25 of 413 planted values
    // leaked (6.1%) and 1325 of 1344 must-keep strings kept; at rest 19 of 294 secrets leaked, 1327 of 1344 kept. Lower
    // the leak bounds and raise the kept floors as rules are written from its failures, never the other way.
    // After the forms of SixthMainstreamFormsTest (redact48: PKCE's and OAuth 1.0a's verifier by its name, a SAML
    // response in base64 by its start, an authorization code in a log line's bracketed pairs, IMAP's LOGIN password,
    // telemovel as a phone's label, an OID after its word, a value masked but for its last four, an id's digit groups
    // going on in letters): standard 19 of 413 leaked and 1328 of 1344 kept; at rest 14 of 294, 1328 kept.
    // After a secret option's value as the next quoted element of an argument vector, a form's nested key quoted whole,
    // Ukraine's taxpayer number by its Latin label and AUTH LOGIN's password on the client's second line (redact48):
    // standard 15 and at rest 11 leaked, kept as before.
    // After an authorization code as a map's quoted "code" beside the OAuth words (redact48, AuthorizationCodes:
    // authlib's args {'code': '…', 'state': …}): standard 14 and at rest 10 leaked, kept as before.
    // Of the 16 lost, judged after the measure as the material's own faults: Stripe's pk_test_ key written as a keep (the
    // rules hold pk_test_ goes), the prefixes ADSK-, dbtc_ and GOCSPX- of values their labels rightly take whole, an App
    // Store Connect key id under --apiKey, connect.sid inside a session cookie's value, five webhook signatures (a
    // signature's value goes, as Azure's SAS sig= must), Envoy's OauthHMAC cookie, Zoom's plainToken and a
    // detoxSessionId (values named a token, an HMAC and a session). Left as general gaps: Twilio's MessageSid read as a
    // session id (a message's SID is none), and the JOSE header name x5t#S256 read as a password's shape. Of the 14
    // leaked, judged the material's: the base64 user after AUTH LOGIN's Username: prompt (SaslResponses keeps the user by
    // design) and mod_auth_openidc's state cookie name (a state is the client's nonce, which AuthorizationCodes keeps).
    // Left as general gaps: a keychain item's kSecValueData, robo directives' text:password_field=…, an appid query
    // parameter, Firebase's verificationId, an Italian mobile in 3-7 grouping after "E.164:", an MFA code by its bare
    // name (mfa: '…'; a form was tried and reverted: a trigger on m stops the scan at tokens glued to an ANSI colour's
    // m), code= beside a phone in an attachment, adb's -e testPin …, a camel-cased soCCCD label, decK's diff of a
    // secret's array on its next line, a DirectoryEntry's positional password, a Spanish mobile after "contacto de
    // guardia".
    // After a keychain item's kSecValueData, also as Foundation prints an NSData (<hex>) (redact50, KeyNames and
    // KeyValues; OutsideGapsFormsTest): standard 13 and at rest 9 leaked, kept as before.
    // After a label in another language written in camel case (redact54, LocalLabels; ReleasedEighteenthFormsTest: the
    // soCCCD named above): standard 12 leaked, at rest and kept as before.
    // After a bare mfa key's code and Firebase's verificationId where it looks generated (redact57, KeyValues;
    // ReleasedNineteenthFormsTest: the MFA code and the verificationId named above; no m trigger, the key is read at
    // its separator as every key): standard 10 and at rest 7 leaked, kept as before. Still left: adb's -e testPin
    // printed after "args:" with no am command before (the form written reads am instrument's and am start's lines).
    private static final int LEAKS_STANDARD = 10;
    private static final int LEAKS_AT_REST = 7;
    // Merged with redact47's forms (written from other material; among them a Twilio message or call SID under a "sid"
    // name kept as an id): 1330 of 1344 kept both ways, the leaks as before (the lead's merge).
    private static final int KEPT_STANDARD = 1330;
    private static final int KEPT_AT_REST = 1330;

    /** Secrets of services no earlier measure planted, as {@link Fakes#shape} specs (invented, in their printed shape). */
    private static final Map<String, String> SHAPES = Map.ofEntries(
            Map.entry("APPCENTER_TOKEN", "#H40"),
            Map.entry("SENTRY_KEY", "#H32"),
            Map.entry("MYACINFO", "DAWTKNV3#W120"),
            Map.entry("KC_SECRET", "#A32"),
            Map.entry("KONG_KEY", "#A32"),
            Map.entry("AUTH0_SECRET", "#W64"),
            Map.entry("AUTH0_REFRESH", "v1.M#W80"),
            Map.entry("ADYEN_KEY", "AQE#W100"),
            Map.entry("PAYPAL_TOKEN", "A21AA#W92"),
            Map.entry("PAYPAL_SECRET", "E#W79"),
            Map.entry("BRAINTREE_PRIVATE", "#H32"),
            Map.entry("BRAINTREE_ACCESS", "access_token$production$#L16$#H32"),
            Map.entry("CKO_SK", "sk_sbox_#L26"),
            Map.entry("MOLLIE_KEY", "live_#A30"),
            Map.entry("SHOPIFY_SECRET", "shpss_#H32"),
            Map.entry("FERNET_KEY", "#W43="),
            Map.entry("WANDB_KEY", "#H40"),
            Map.entry("W22", "#W22"),
            Map.entry("W28", "#W28"));

    /** Personal values with no check this measure plants in their national shapes. */
    private static final Map<String, String> PERSONAL = Map.of("CCCD_VN", "0#D2#D1#D8");

    /** The national ids this measure draws, each with the checker its helper's test holds it to. */
    private static final Map<String, Predicate<String>> CHECKS = Map.ofEntries(
            Map.entry("ID_TCKN", ValidIdsTest::tckn),
            Map.entry("ID_FNR", EleventhIdsTest::fodselsnummer),
            Map.entry("ID_BSN", FourthMainstreamMeasureTest::bsnOk),
            Map.entry("ID_NIE", ThirteenthIdsTest::nie),
            Map.entry("ID_STEUER", EleventhIdsTest::steuerId),
            Map.entry("ID_CPF", SixthMainstreamMeasureTest::cpfOk),
            Map.entry("ID_RNOKPP", TwelfthIdsTest::rnokpp),
            Map.entry("ID_PNR", p -> FourthMainstreamMeasureTest.luhn(p.replace("-", "").substring(2))),
            Map.entry("ID_AHV", TwelfthIdsTest::ahv),
            Map.entry("ID_NIF", ValidIdsTest::nifPt));

    @Test
    void theSixthOutsideMeasureStaysWithinItsFigures() throws IOException {
        Fakes fakes = new Fakes(48_2026L);
        Random random = new Random(48_2026L);
        Random ids = new Random(48_2027L);
        List<Case> cases = SecondMainstreamMeasureTest.load(FILE, fakes, random, name -> own(name, fakes, ids));
        SecondMainstreamMeasureTest.holdsItsFigures(6, cases, 400, 1300, LEAKS_STANDARD, LEAKS_AT_REST, KEPT_STANDARD,
                KEPT_AT_REST);
    }

    @Test
    void theIdsThisMeasureDrawsPassTheirChecksAndAChangedCheckFailsThem() {
        Random r = new Random(48L);
        for (int i = 0; i < 300; i++) {
            for (Map.Entry<String, Predicate<String>> e : CHECKS.entrySet()) {
                String id = id(e.getKey(), r);
                assertTrue(e.getValue().test(id), e.getKey() + " " + id);
                assertFalse(e.getValue().test(changedLast(id)), e.getKey() + " changed " + id);
            }
        }
        // Worked by hand from the countries' published rules.
        assertTrue(cpfOk("529.982.247-25"), "Brazil's specimen CPF 529.982.247-25");
        assertFalse(cpfOk("529.982.247-26"), "the specimen CPF with its last digit changed");
        assertTrue(ValidIdsTest.tckn("10000000146"), "Turkey's specimen TCKN 10000000146");
        assertTrue(FourthMainstreamMeasureTest.bsnOk("111222333"), "a BSN: 9+8+7+12+10+8+9+6-3 = 66 = 6*11");
    }

    /** {@code id} with its check character moved on by one (a digit to the next digit, a letter to the next letter). */
    static String changedLast(String id) {
        char c = id.charAt(id.length() - 1);
        char changed = Character.isDigit(c) ? (char) ('0' + (c - '0' + 1) % 10) : (char) ('A' + (c - 'A' + 1) % 26);
        return id.substring(0, id.length() - 1) + changed;
    }

    static boolean cpfOk(String cpf) {
        String d = cpf.replaceAll("[.-]", "");
        return d.matches("\\d{11}") && FourthMainstreamMeasureTest.cpfDigit(d, 9) == d.charAt(9) - '0'
                && FourthMainstreamMeasureTest.cpfDigit(d, 10) == d.charAt(10) - '0';
    }

    private static String id(String name, Random r) {
        return switch (name) {
            case "ID_TCKN" -> ValidIds.tckn(r);
            case "ID_FNR" -> EleventhIds.fodselsnummer(r);
            case "ID_BSN" -> FourthMainstreamMeasureTest.bsn(r);
            case "ID_NIE" -> ThirteenthIds.nie(r);
            case "ID_STEUER" -> FifthMainstreamMeasureTest.steuerId(r);
            case "ID_CPF" -> FourthMainstreamMeasureTest.cpf(r);
            case "ID_RNOKPP" -> TwelfthIds.rnokpp(r);
            case "ID_PNR" -> FourthMainstreamMeasureTest.pnr(r);
            case "ID_AHV" -> TwelfthIds.ahv(r);
            case "ID_NIF" -> FifthMainstreamMeasureTest.nif(r);
            default -> null;
        };
    }

    private static Fake own(String name, Fakes fakes, Random r) {
        String spec = SHAPES.get(name);
        if (spec != null) {
            return fakes.shape(spec);
        }
        String personal = PERSONAL.get(name);
        if (personal != null) {
            return Fake.personal(fakes.shape(personal).value());
        }
        String id = id(name, r);
        if (id != null) {
            return Fake.personal(id);
        }
        return switch (name) {
            // SMTP's AUTH PLAIN: base64 of NUL, the user, NUL and the password (RFC 4616).
            case "SMTP_PLAIN" -> Fake.secret(Fakes.b64("\0" + fakes.make("EMAIL").value() + "\0"
                    + fakes.make("PASSWORD").value()));
            // AUTH LOGIN's first answer: the user name in base64 (a person's address).
            case "B64_LOGIN" -> Fake.personal(Fakes.b64(fakes.make("EMAIL").value()));
            // IMAP's and SMTP's XOAUTH2 initial response: base64 of user=…^Aauth=Bearer …^A^A.
            case "XOAUTH2" -> Fake.secret(Fakes.b64("user=" + fakes.make("EMAIL").value() + "\u0001auth=Bearer "
                    + fakes.make("GOOGLE_OAUTH_ACCESS").value() + "\u0001\u0001"));
            default -> null;
        };
    }
}
