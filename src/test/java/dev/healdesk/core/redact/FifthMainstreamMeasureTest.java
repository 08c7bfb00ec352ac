package dev.healdesk.core.redact;

import dev.healdesk.core.redact.Fakes.Fake;
import dev.healdesk.core.redact.SecondMainstreamMeasureTest.Case;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fifth outside measure of issue #14 (redact45), mixed as an outside measurer would mix it
 * ({@code /redaction/outside-mainstream-5.txt}): a third failing tests of web, back-end and mobile stacks that print an
 * object or a request whole (testdouble.js, respx, pytest-httpx, Strikt, Kluent, MockWebServer, WebTestClient, Jersey,
 * RESTEasy, Helidon, http4k, sttp, http4s, Pekko HTTP, gock, go-zero, Kitex, Hertz, Twirp, grpc-gateway, buf curl,
 * Armeria, Dubbo, Finagle, async-graphql, mockall, pretty_assertions, httpmock, Moq, NSubstitute, Verify, Hot Chocolate,
 * WireMock.Net, Mockery, Codeception, Mox, Absinthe, mocktail, chopper, Cuckoo, OHHTTPStubs, Moya, Turbine, Spek,
 * Spectator, Nightwatch, WebdriverIO, TestCafe, class-validator, Yup, MockedProvider, graphql-request, Mercurius,
 * Strawberry, Graphene, Ariadne, gqlgen, factory_boy, marshmallow, schemathesis, Tavern, Step CI, curlie...); a third CI/CD
 * and cloud tooling (GitHub Actions, GitLab CI, Jenkins, CircleCI, Buildkite, Azure Pipelines, Bitbucket Pipelines,
 * Woodpecker, Tekton, Argo Workflows, Terraform, Helm, Ansible, aws/gcloud/az with their debug logs, kubectl describe,
 * docker compose config, skopeo, crane, cosign, oras, Vault, Consul, Nomad, Argo CD, Flux, External Secrets, kubeseal,
 * cert-manager, istioctl, Serverless, SAM, CDK, Packer, Vagrant, Skaffold, Tilt, Crossplane, Teleport, fastlane, Firebase,
 * Heroku, flyctl, Vercel, Netlify, doctl, wrangler, Supabase, Doppler, 1Password, SOPS, chezmoi, Bamboo, TeamCity,
 * Spinnaker, Waypoint, KEDA, Linkerd, Harbor); a third application logs (logfmt, JSON with nested context, access logs
 * with query strings, audit logs, trace exporters' span attributes, Sentry, Rollbar, Bugsnag, Honeybadger, Raygun,
 * Airbrake, New Relic and Elastic APM payloads), a third of those with labels in Russian, Ukrainian, Czech, Hungarian,
 * Vietnamese, Indonesian, Greek, Turkish, Portuguese, Croatian, German, Spanish, Romanian, Finnish, Korean, Chinese,
 * Japanese, Polish, French, Dutch, Italian, Swedish, Norwegian and Estonian. National ids pass their checks: Spain's
 * NIE, Croatia's OIB, Brazil's CNPJ, Singapore's NRIC, Turkey's TCKN, Norway's fodselsnummer and Estonia's isikukood
 * are drawn by the test helpers' generators ({@link ThirteenthIds}, {@link ValidIds}, {@link EleventhIds},
 * {@link TwelfthIds}); Germany's Steuer-ID, Portugal's NIF, Greece's AFM, Taiwan's national id and Russia's INN of a
 * person by this class, whose draws differ from theirs (another range of first digits, a person's twelve-digit INN);
 * a second test checks each draw and a changed digit with checkers of its own.
 * Same template language and counting as {@link SecondMainstreamMeasureTest}, whose loader it uses. Written and measured
 * before any rule was changed for it; the bounds below are that measure, lowered (leaks) and raised (kept) as rules are
 * written from its failures. This is tune data: its failures print on standard output.
 */
class FifthMainstreamMeasureTest {

    private static final String FILE = "/redaction/outside-mainstream-5.txt";

    // Measured once with the rules of the branch point (5d74168), before any rule was changed for this material and
    // with no line of it changed after the run: 278 lines (271 with planted values), standard 23 of 529 planted values
    // leaked (4.3%) and 1374 of 1401 must-keep strings kept; at rest 14 of 354 secrets leaked, 1382 of 1401 kept. Lower
    // the leak bounds and raise the kept floors as rules are written from its failures, never the other way.
    // After the forms of FifthMainstreamFormsTest (redact45: labels in more languages and in Cyrillic and Greek script,
    // totp and hotp by their bare names, a declaration's type after a password's name kept, a breadcrumb's › kept as no
    // separator, skopeo's --creds, --src-creds and --dest-creds): standard 9 of 529 leaked and 1380 of 1401 kept; at rest
    // 7 of 354, 1388 kept. Of the 21 lost, judged after the measure as the material's own faults: five e-mail addresses
    // written as keeps (an address is a person's), Visa's Luhn-valid test card in a matcher, a phone's shape in a Moq
    // expression, a Twilio account SID in a URL (the rules hold a SID goes), a patient's insurance number under
    // insurance_no (a person's number, rightly taken), a client's IP address after remoteIp, and the tail of a Grafana
    // token the material split. Left as general gaps: a cookie list read on past ", content=" (Armeria's RequestLog),
    // ExUnit's "bad password (Module)", a registry login's -u user before -p taken with the password (crane), an OCI
    // image's @sha256 digest after cosign (2), Vault's hmac-sha256 audit digests (2), an ALB log's "200 412 1820" read as
    // a phone, a jsessionid path parameter read on past "?lang=de", and the placeholder "changeme" (see below). Of the 9
    // leaked, judged the material's fault: CloudFront's Policy= (a base64 policy document, no secret; planted as one).
    // Left as general gaps: values by position (Mockery's send('06…', 'Votre code : …') (2), Key Vault's request body "value"),
    // a value piped into a command that stores it as a secret with no flag to say so (echo … | wrangler secret put),
    // Devise's otp_attempt (a word after the code's name), an OTLP attribute's {"key": "…auth_token", "value": …} (see
    // below), a "NationalInsurance" label with no number word (and HMRC's unallocated QQ prefix), "senha do
    // certificado" (a label with words after it).
    // After an OpenTelemetry attribute's typed value judged by its key (redact45, NameValuePairs.anyValue: {"key":
    // "twilio.auth_token", "value": {"stringValue": …}} behind another attribute): standard 8 and at rest 6 leaked, kept
    // as before.
    // After a sample config's "changeme" (and change_me, replaceme) read as a placeholder (redact45, Values): 1381 and
    // 1389 kept, leaks as before.
    // After the general gaps named above (redact47, OutsideMeasureFormsTest): an OCI image pinned by its digest and
    // Vault's hmac-sha256: digests kept (Judge.digest), a registry login's -u user no positional password
    // (Positionals), a path parameter's jsessionid ended at the query and a cookie header in a printed list ended at the
    // list's close (KeyValues), numeric columns no phone (Numbers), ExUnit's module in a failure's header no password
    // (NamedValues): 1390 and 1397 kept, leaks as before. The 11 still lost are the material's (judged above): five
    // e-mail addresses, Visa's test card, the Moq phone, the Twilio account SID, the insurance number, the client's IP
    // (standard only) and the split Grafana token's tail.
    // After a certificate's password by its Portuguese label, "senha do certificado" (redact47, local-labels.json):
    // standard 7 and at rest 5 leaked, kept as before.
    // After a try at a one-time code by its Devise-style name (otp_attempt) and the UK's National Insurance number by
    // its bare label "NationalInsurance" (redact50, KeyNames; OutsideGapsFormsTest): standard 5 and at rest 4 leaked,
    // kept as before.
    // Then what echo pipes into a command that reads a secret from standard input (npx wrangler secret put NAME,
    // redact53, token-rules.json positionals "piped-secret-value"; PlaceFormsTest): standard 4 and at rest 3 leaked.
    private static final int LEAKS_STANDARD = 4;
    private static final int LEAKS_AT_REST = 3;
    private static final int KEPT_STANDARD = 1390;
    private static final int KEPT_AT_REST = 1397;

    /** Secrets of services no earlier measure planted, as {@link Fakes#shape} specs (invented, in their printed shape). */
    private static final Map<String, String> SHAPES = Map.ofEntries(
            Map.entry("JENKINS_TOKEN", "11#H32"),
            Map.entry("CIRCLECI_PAT", "CCIPAT_#A22_#H40"),
            Map.entry("GOOGLE_ACCESS", "ya29.a0#W120"),
            Map.entry("GOOGLE_AUTH_CODE", "4/0A#W70"),
            Map.entry("CONSUL_SECRET", "#G"),
            Map.entry("DJANGO_KEY", "django-insecure-#L50"),
            Map.entry("SENTRY_DSN_KEY", "#H32"),
            Map.entry("ONFIDO", "api_live.#W11.#W32"),
            Map.entry("ROLLBAR", "#H32"),
            Map.entry("W80", "#W80"));

    /** Personal values with no check this measure plants in their national shapes. */
    private static final Map<String, String> PERSONAL = Map.ofEntries(
            Map.entry("PHONE_TW", "09#D2-#D3-#D3"),
            Map.entry("PHONE_EE", "+372 5#D3 #D4"));

    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    @Test
    void theFifthOutsideMeasureStaysWithinItsFigures() throws IOException {
        Fakes fakes = new Fakes(45_2026L);
        Random random = new Random(45_2026L);
        Random ids = new Random(45_2027L);
        List<Case> cases = SecondMainstreamMeasureTest.load(FILE, fakes, random, name -> own(name, fakes, ids));
        SecondMainstreamMeasureTest.holdsItsFigures(5, cases, 380, 850, LEAKS_STANDARD, LEAKS_AT_REST, KEPT_STANDARD,
                KEPT_AT_REST);
    }

    @Test
    void theIdsThisMeasureDrawsPassTheirChecksAndAChangedDigitFailsThem() {
        Random r = new Random(9L);
        for (int i = 0; i < 300; i++) {
            String steuer = steuerId(r);
            assertTrue(steuerIdOk(steuer), steuer);
            assertFalse(steuerIdOk(SixthMainstreamMeasureTest.changedLast(steuer)), steuer);
            String nie = ThirteenthIds.nie(r);
            assertEquals(DNI_LETTERS.charAt(Integer.parseInt("XYZ".indexOf(nie.charAt(0)) + nie.substring(1, 8)) % 23),
                    nie.charAt(8), nie);
            String nif = nif(r);
            assertEquals(nifDigit(nif.substring(0, 8)), nif.charAt(8) - '0', nif);
            String afm = afm(r);
            assertEquals(afmDigit(afm.substring(0, 8)), afm.charAt(8) - '0', afm);
            String oib = ValidIds.oib(r);
            assertEquals(mod11x10(oib.substring(0, 10)), oib.charAt(10) - '0', oib);
            assertFalse(mod11x10(oib.substring(0, 10)) == SixthMainstreamMeasureTest.changedLast(oib).charAt(10) - '0', oib);
            String tw = taiwanId(r);
            assertTrue(taiwanIdOk(tw), tw);
            assertFalse(taiwanIdOk(SixthMainstreamMeasureTest.changedLast(tw)), tw);
            String cnpj = EleventhIds.cnpj(r).replaceAll("[./-]", "");
            assertEquals(cnpjDigit(cnpj.substring(0, 12)), cnpj.charAt(12) - '0', cnpj);
            assertEquals(cnpjDigit(cnpj.substring(0, 13)), cnpj.charAt(13) - '0', cnpj);
            String inn = inn(r);
            assertEquals(innDigit(inn.substring(0, 10)), inn.charAt(10) - '0', inn);
            assertEquals(innDigit(inn.substring(0, 11)), inn.charAt(11) - '0', inn);
            String nric = TwelfthIds.nric(r);
            assertEquals(nricLetter(nric.substring(0, 8)), nric.charAt(8), nric);
            String tckn = ValidIds.tckn(r);
            assertTrue(ValidIdsTest.tckn(tckn), tckn);
            assertFalse(ValidIdsTest.tckn(SixthMainstreamMeasureTest.changedLast(tckn)), tckn);
            String fnr = EleventhIds.fodselsnummer(r);
            assertTrue(EleventhIdsTest.fodselsnummer(fnr), fnr);
            assertFalse(EleventhIdsTest.fodselsnummer(SixthMainstreamMeasureTest.changedLast(fnr)), fnr);
            String ik = ValidIds.balticCode(r);
            assertEquals(isikukoodDigit(ik.substring(0, 10)), ik.charAt(10) - '0', ik);
        }
        // Worked by hand from the countries' published rules.
        assertEquals(8, afmDigit("09095986"), "an AFM: 0+1152+0+288+80+72+32+12 = 1636, mod 11 = 8, mod 10 = 8");
        assertEquals(0, mod11x10("6943515153"), "Croatia's specimen OIB 69435151530");
        assertTrue(taiwanIdOk("A123456789"), "Taiwan's specimen id A123456789");
        assertTrue(ValidIdsTest.tckn("10000000146"), "Turkey's specimen TCKN 10000000146");
        assertEquals('D', nricLetter("S1234567"), "an NRIC: 2+14+18+20+20+18+14 = 106, mod 11 = 7, JZIHGFEDCBA -> D");
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
        return switch (name) {
            case "STEUER_ID" -> Fake.personal(steuerId(r));
            case "NIE_ES" -> Fake.personal(ThirteenthIds.nie(r));
            case "NIF_PT" -> Fake.personal(nif(r));
            case "AFM_GR" -> Fake.personal(afm(r));
            case "OIB_HR" -> Fake.personal(ValidIds.oib(r));
            case "TW_ID" -> Fake.personal(taiwanId(r));
            case "CNPJ_BR" -> Fake.personal(EleventhIds.cnpj(r));
            case "INN_RU" -> Fake.personal(inn(r));
            case "NRIC_SG" -> Fake.personal(TwelfthIds.nric(r));
            case "TCKN" -> Fake.personal(ValidIds.tckn(r));
            case "FNR_NO" -> Fake.personal(EleventhIds.fodselsnummer(r));
            case "ISIKUKOOD_EE" -> Fake.personal(ValidIds.balticCode(r));
            case "CCCD_VN" -> Fake.personal(String.format("%03d", 1 + r.nextInt(96)) + (r.nextInt(4)) + digits(r, 8));
            case "NIK_ID" -> Fake.personal(String.format("%02d%02d%02d", 11 + r.nextInt(80), 1 + r.nextInt(70),
                    1 + r.nextInt(40)) + String.format("%02d%02d%02d", 1 + r.nextInt(28) + (r.nextBoolean() ? 40 : 0),
                    1 + r.nextInt(12), r.nextInt(100)) + String.format("%04d", 1 + r.nextInt(9999)));
            case "PESEL" -> Fake.personal(FourthMainstreamMeasureTest.pesel(r));
            case "BSN" -> Fake.personal(FourthMainstreamMeasureTest.bsn(r));
            case "CPF" -> Fake.personal(FourthMainstreamMeasureTest.cpf(r));
            case "NIR" -> Fake.personal(FourthMainstreamMeasureTest.nir(r));
            case "PNR" -> Fake.personal(FourthMainstreamMeasureTest.pnr(r));
            default -> null;
        };
    }

    private static String digits(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    /** ISO 7064 MOD 11,10: the check digit of {@code body}. */
    static int mod11x10(String body) {
        int p = 10;
        for (int i = 0; i < body.length(); i++) {
            int s = (body.charAt(i) - '0' + p) % 10;
            p = (s == 0 ? 10 : s) * 2 % 11;
        }
        return (11 - p) % 10;
    }

    /** Germany's Steuer-IdNr: ten digits, no leading 0, one digit twice and eight once, and a MOD 11,10 digit. */
    static String steuerId(Random r) {
        List<Integer> pool = new java.util.ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        java.util.Collections.shuffle(pool, r);
        List<Integer> body = new java.util.ArrayList<>(pool.subList(0, 9));
        body.add(body.get(r.nextInt(9)));
        java.util.Collections.shuffle(body, r);
        if (body.get(0) == 0) {
            java.util.Collections.swap(body, 0, 1 + body.subList(1, 10).indexOf(body.stream().filter(d -> d != 0)
                    .findFirst().orElseThrow()));
        }
        StringBuilder b = new StringBuilder();
        body.forEach(b::append);
        return b.toString() + mod11x10(b.toString());
    }

    static boolean steuerIdOk(String s) {
        return s.length() == 11 && s.charAt(0) != '0' && mod11x10(s.substring(0, 10)) == s.charAt(10) - '0';
    }

    /** Portugal's NIF of a person: 1, 2 or 3, seven digits, and 11 less the weights 9..2 mod 11 (10 and 11 as 0). */
    static String nif(Random r) {
        String body = (1 + r.nextInt(3)) + digits(r, 7);
        return body + nifDigit(body);
    }

    static int nifDigit(String body) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (body.charAt(i) - '0');
        }
        int d = 11 - sum % 11;
        return d >= 10 ? 0 : d;
    }

    /** Greece's AFM: eight digits weighted 256..2, mod 11, mod 10. */
    static String afm(Random r) {
        String body = "0" + (1 + r.nextInt(9)) + digits(r, 6);
        return body + afmDigit(body);
    }

    static int afmDigit(String body) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (body.charAt(i) - '0') << (8 - i);
        }
        return sum % 11 % 10;
    }

    private static final String TW_LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO";

    /** Taiwan's national id: a letter (its two-digit code 10..35), 1 or 2, seven digits, and a weighted mod 10 digit. */
    static String taiwanId(Random r) {
        char letter = TW_LETTERS.charAt(r.nextInt(TW_LETTERS.length()));
        String body = letter + String.valueOf(1 + r.nextInt(2)) + digits(r, 7);
        for (int c = 0; c < 10; c++) {
            if (taiwanIdOk(body + c)) {
                return body + c;
            }
        }
        throw new IllegalStateException(body);
    }

    static boolean taiwanIdOk(String id) {
        int code = 10 + TW_LETTERS.indexOf(id.charAt(0));
        int sum = code / 10 + code % 10 * 9;
        int[] w = {8, 7, 6, 5, 4, 3, 2, 1, 1};
        for (int i = 0; i < 9; i++) {
            sum += w[i] * (id.charAt(1 + i) - '0');
        }
        return sum % 10 == 0;
    }

    static int cnpjDigit(String d) {
        int sum = 0;
        for (int i = 0; i < d.length(); i++) {
            int w = (d.length() - 1 - i) % 8 + 2;
            sum += w * (d.charAt(i) - '0');
        }
        int rest = sum % 11;
        return rest < 2 ? 0 : 11 - rest;
    }

    /** Russia's INN of a person: ten digits and two digits, each a weighted sum mod 11 mod 10. */
    static String inn(Random r) {
        String d = (1 + r.nextInt(9)) + digits(r, 9);
        d = d + innDigit(d);
        return d + innDigit(d);
    }

    static int innDigit(String d) {
        int[] w = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
        int off = 11 - d.length();
        int sum = 0;
        for (int i = 0; i < d.length(); i++) {
            sum += w[off + i] * (d.charAt(i) - '0');
        }
        return sum % 11 % 10;
    }

    static char nricLetter(String body) {
        int[] w = {2, 7, 6, 5, 4, 3, 2};
        int sum = body.charAt(0) == 'T' ? 4 : 0;
        for (int i = 0; i < 7; i++) {
            sum += w[i] * (body.charAt(1 + i) - '0');
        }
        return "JZIHGFEDCBA".charAt(sum % 11);
    }

    static int isikukoodDigit(String body) {
        int k = FourthMainstreamMeasureTest.weighted(body, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 1}) % 11;
        if (k == 10) {
            k = FourthMainstreamMeasureTest.weighted(body, new int[] {3, 4, 5, 6, 7, 8, 9, 1, 2, 3}) % 11;
        }
        return k == 10 ? 0 : k;
    }
}
