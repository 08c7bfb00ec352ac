package dev.healdesk.core.redact;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * Fake secrets and personal data for the redaction corpus, made at test time from a seeded {@link Random} so
 * that no secret-shaped literal sits in the repository. Each has the shape its issuer prints (prefixes, lengths,
 * alphabets, checksums where the format has one: Luhn for cards, mod 97 for IBANs) and none is a real credential.
 * {@link Fake#core()} is the part that must not survive: the random part, without fixed prefixes or PEM armour
 * (which say what stood there, not what it was).
 */
final class Fakes {

    /** A planted value and the part of it that must not survive redaction. */
    record Fake(String value, String core, boolean personal) {
        static Fake secret(String value) {
            return new Fake(value, value, false);
        }

        static Fake secret(String prefix, String random) {
            return new Fake(prefix + random, random, false);
        }

        static Fake personal(String value) {
            return new Fake(value, value, true);
        }
    }

    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    private static final String ALNUM = UPPER + LOWER + DIGITS;
    private static final String B64 = ALNUM + "+/";
    private static final String B64URL = ALNUM + "-_";
    private static final String HEX = "0123456789abcdef";
    private static final String[] WORDS = {"Summer", "Falcon", "Orange", "Winter", "Monkey", "Dragon", "Harbor", "Velvet",
            "Copper", "Maple"};
    private static final String[] FIRST = {"grace", "liam", "sofia", "noah", "emma", "lucas", "mia", "oliver"};
    private static final String[] LAST = {"okafor", "schmidt", "dubois", "nguyen", "kowalski", "silva", "martin"};
    private static final String[] MAIL_DOMAINS = {"northwind-mail.com", "contoso-corp.net", "fabrikam.io", "gmail.com",
            "outlook.com", "proton.me", "web.de"};

    /**
     * Token shapes of the public rule sets (gitleaks, trufflehog, detect-secrets, secretlint), by placeholder name, as
     * {@link #shape} specs: literal text, and {@code #X<n>} for n random characters of class X (A letters and digits,
     * H hex, U capitals and digits, L small letters and digits, B base64, W base64url, D digits), {@code #G} a UUID.
     */
    static final java.util.Map<String, String> SHAPES = java.util.Map.ofEntries(
            java.util.Map.entry("OPENROUTER", "sk-or-v1-#H64"),
            java.util.Map.entry("DEEPSEEK", "sk-#H32"),
            java.util.Map.entry("GROQ", "gsk_#A52"),
            java.util.Map.entry("XAI", "xai-#A80"),
            java.util.Map.entry("REPLICATE", "r8_#A37"),
            java.util.Map.entry("PERPLEXITY", "pplx-#A48"),
            java.util.Map.entry("LANGSMITH", "lsv2_pt_#H32_#H10"),
            java.util.Map.entry("PINECONE", "pcsk_#A6_#A64"),
            java.util.Map.entry("TAVILY", "tvly-#A32"),
            java.util.Map.entry("ANTHROPIC_ADMIN", "sk-ant-admin01-#W93AA"),
            java.util.Map.entry("ONEPASSWORD_SECRET_KEY", "A3-#U6-#U11-#U5-#U5-#U5"),
            java.util.Map.entry("ONEPASSWORD_SA", "ops_eyJ#B300"),
            java.util.Map.entry("ADOBE", "p8e-#A32"),
            java.util.Map.entry("ALIBABA", "LTAI#A20"),
            java.util.Map.entry("ARTIFACTORY", "AKCp#A69"),
            java.util.Map.entry("ARTIFACTORY_REF", "cmVmd#A59"),
            java.util.Map.entry("ATLASSIAN", "ATATT3#W186"),
            java.util.Map.entry("AUTHRESS", "sc_#A12.#A5.acc_#L20.#W60"),
            java.util.Map.entry("CLOJARS", "CLOJARS_#L60"),
            java.util.Map.entry("CLOUDFLARE_CA", "v1.0-#H24-#H146"),
            java.util.Map.entry("DOPPLER", "dp.pt.#A43"),
            java.util.Map.entry("DOPPLER_SERVICE", "dp.st.prd.#A40"),
            java.util.Map.entry("DUFFEL", "duffel_test_#W43"),
            java.util.Map.entry("DYNATRACE", "dt0c01.#U24.#A64"),
            java.util.Map.entry("EASYPOST", "EZAK#A54"),
            java.util.Map.entry("FACEBOOK_PAGE", "EAAC#A120"),
            java.util.Map.entry("FACEBOOK_APP", "#D15|#W32"),
            java.util.Map.entry("SQUARE", "EAAA#W60"),
            java.util.Map.entry("SQUARE_OAUTH", "sq0csp-#W43"),
            java.util.Map.entry("FLUTTERWAVE", "FLWSECK_TEST-#H32-X"),
            java.util.Map.entry("FLYIO", "fo1_#W43"),
            java.util.Map.entry("FRAMEIO", "fio-u-#W64"),
            java.util.Map.entry("GITLAB_FEED", "glft-#W20"),
            java.util.Map.entry("GRAFANA_KEY", "eyJrIjoi#A80"),
            java.util.Map.entry("GRAFANA_CLOUD", "glc_#B48"),
            java.util.Map.entry("GRAFANA_SA", "glsa_#A32_#H8"),
            java.util.Map.entry("HARNESS", "pat.#W22.#A24.#A20"),
            java.util.Map.entry("TERRAFORM_CLOUD", "#L14.atlasv1.#W67"),
            java.util.Map.entry("VAULT", "hvs.#W100"),
            java.util.Map.entry("VAULT_LEGACY", "s.#A24"),
            java.util.Map.entry("HEROKU", "HRKU-AA#W58"),
            java.util.Map.entry("INFRACOST", "ico-#A32"),
            java.util.Map.entry("INTRA42", "s-s4t2ud-#H64"),
            java.util.Map.entry("LINEAR", "lin_api_#A40"),
            java.util.Map.entry("MAILCHIMP", "#H32-us14"),
            java.util.Map.entry("MAILGUN_PUB", "pubkey-#H32"),
            java.util.Map.entry("NEW_RELIC", "NRAK-#U27"),
            java.util.Map.entry("NOTION", "ntn_#D11#A35"),
            java.util.Map.entry("NUGET", "oy2#L43"),
            java.util.Map.entry("OCTOPUS", "API-#U26"),
            java.util.Map.entry("OPENSHIFT", "sha256~#W43"),
            java.util.Map.entry("PLANETSCALE", "pscale_pw_#W43"),
            java.util.Map.entry("POSTMAN", "PMAK-#H24-#H34"),
            java.util.Map.entry("PREFECT", "pnu_#A36"),
            java.util.Map.entry("PULUMI", "pul-#H40"),
            java.util.Map.entry("README", "rdme_#L70"),
            java.util.Map.entry("RUBYGEMS", "rubygems_#H48"),
            java.util.Map.entry("SCALINGO", "tk-us-#W48"),
            java.util.Map.entry("SENDINBLUE", "xkeysib-#H64-#A16"),
            java.util.Map.entry("SENTRY_USER", "sntryu_#H64"),
            java.util.Map.entry("SETTLEMINT", "sm_pat_#A16"),
            java.util.Map.entry("SHIPPO", "shippo_live_#H40"),
            java.util.Map.entry("SOURCEGRAPH", "sgp_#H16_#H40"),
            java.util.Map.entry("TYPEFORM", "tfp_#W59"),
            java.util.Map.entry("YANDEX", "AQVN#W37"),
            java.util.Map.entry("TELEGRAM_BOT", "#D10:AA#W33"),
            java.util.Map.entry("TEAMS_WEBHOOK", "https://acme.webhook.office.com/webhookb2/#G@#G/IncomingWebhook/#H32/#G"),
            java.util.Map.entry("ZAPIER_WEBHOOK", "https://hooks.zapier.com/hooks/catch/#D7/#L6/"),
            java.util.Map.entry("FIGMA", "figd_#W40"),
            java.util.Map.entry("SUPABASE", "sbp_#H40"),
            java.util.Map.entry("GOOGLE_REFRESH_TOKEN", "1//0#W60"),
            java.util.Map.entry("GOOGLE_REFRESH_TOKEN_LONG", "1//0#W99"),
            java.util.Map.entry("DISCORD_BOT_TOKEN", "MT#W22.#W6.#W27"),
            java.util.Map.entry("DISCORD_BOT_TOKEN_NEW", "OT#W24.#W6.#W38"),
            java.util.Map.entry("NETLIFY", "nfp_#A36"),
            java.util.Map.entry("AMAZON_MWS", "amzn.mws.#G"),
            java.util.Map.entry("PLAID", "access-sandbox-#G"),
            java.util.Map.entry("TWITTER_BEARER", "AAAAAAAAAAAAAAAAAAAAA#A100"),
            // the third collection (families3.py)
            java.util.Map.entry("DATABRICKS", "dapi#H32"),
            java.util.Map.entry("SUPABASE_SECRET", "sb_secret_#W31"));

    /**
     * Secrets that no rule set knows by shape, which only where they stand says are secrets (the third collection's),
     * as {@link #shape} specs: WireGuard keys, generated Elasticsearch and Argo CD passwords, Elasticsearch enrollment
     * tokens, MinIO secret keys, InfluxDB and Okta API tokens, the private lines of a PuTTY key. Not in {@link #SHAPES},
     * whose shapes must go wherever they stand.
     */
    static final java.util.Map<String, String> CONTEXT_SHAPES = java.util.Map.of(
            "WG_KEY", "#B43=",
            "ES_ENROLLMENT", "eyJ2ZXIiOiI4LjEzLjQiLCJhZHIiOlsiMTcyLjE4LjAuMjo5MjAwIl0sImZnciI6I#B160==",
            "PPK_PRIVATE", "AAABA#B59\n#B64\n#B64\n#B64\n#B40",
            "ES_PASSWORD", "#A4*#A5=#A4_#A6",
            "ARGO_PW", "#A16",
            "MINIO_SECRET", "#A40",
            "INFLUX_TOKEN", "#W86==",
            "OKTA_TOKEN", "00#W40");

    /**
     * Secrets the fourth collection (families4.py) plants in the shape their tools print them: Stripe webhook signing
     * secrets ({@code stripe listen}), Vault unseal keys, kubeadm bootstrap tokens, Jupyter server tokens, Erlang
     * cookies, Cloudflare global API keys, GitLab runner authentication and registration tokens. Like
     * {@link #CONTEXT_SHAPES}, not in {@link #SHAPES}: the collection measures whether they are caught where they stand,
     * and no rule was written for them.
     */
    static final java.util.Map<String, String> FOURTH_SHAPES = java.util.Map.of(
            "WHSEC", "whsec_#A32",
            "VAULT_UNSEAL", "#B44",
            "KUBEADM_TOKEN", "#L6.#L16",
            "JUPYTER_TOKEN", "#H48",
            "ERLANG_COOKIE", "#U20",
            "CF_GLOBAL_KEY", "#H37",
            "GLRT", "glrt-#W20",
            "GL_REG_TOKEN", "GR1348941#W20");

    /**
     * Secrets the fifth collection (families5.py) plants in the shape their tools print them: Google OAuth access tokens
     * ({@code gcloud --log-http}), Firebase refresh tokens (the {@code firebase:authUser} storage entry), Buildkite agent
     * access tokens and API tokens, express-session ids, ASP.NET Core data-protected cookies, TOTP seeds (base32). Like
     * {@link #FOURTH_SHAPES}, not in {@link #SHAPES}: the collection measures whether they are caught where they stand,
     * and no rule was written for them (the table's buildkite-api-token, for bkua_, came later, from the public rule
     * sets).
     */
    static final java.util.Map<String, String> FIFTH_SHAPES = java.util.Map.of(
            "GOOGLE_OAUTH_ACCESS", "ya29.a0#W150",
            "FIREBASE_REFRESH", "AMf-vB#W180",
            "BUILDKITE_AGENT", "#A50",
            "BUILDKITE_API", "bkua_#H40",
            "EXPRESS_SID", "#W32",
            "ASPNET_COOKIE", "CfDJ8#W170",
            "OTP_KEY", "#U32");

    /**
     * Secrets the sixth collection (families6.py) plants that no earlier collection had: Confluent Cloud API keys and
     * secrets (the {@code sasl.username}/{@code sasl.password} pair of a librdkafka configuration). Like
     * {@link #FIFTH_SHAPES}, not in {@link #SHAPES}: no rule was written for them.
     */
    static final java.util.Map<String, String> SIXTH_SHAPES = java.util.Map.of(
            "CONFLUENT_KEY", "#U16",
            "CONFLUENT_SECRET", "#A64");

    /**
     * Personal data the sixth collection plants in national formats no earlier collection had, as {@link #shape} specs
     * (the whole value is personal, literal parts included): phone numbers of Brazil, Japan, South Korea, Spain, Italy,
     * Switzerland, Mexico, Poland and Australia as those countries write them; Brazil's CPF, Japan's My Number, the UK's
     * National Insurance number, Canada's SIN, the Netherlands' BSN, Australia's TFN, a passport and a driving licence
     * number.
     */
    static final java.util.Map<String, String> SIXTH_PERSONAL = java.util.Map.ofEntries(
            java.util.Map.entry("PHONE_BR", "(11) 9#D4-#D4"),
            java.util.Map.entry("PHONE_JP", "090-#D4-#D4"),
            java.util.Map.entry("PHONE_KR", "010-#D4-#D4"),
            java.util.Map.entry("PHONE_ES", "6#D2 #D2 #D2 #D2"),
            java.util.Map.entry("PHONE_IT", "3#D2 #D3 #D4"),
            java.util.Map.entry("PHONE_CH", "079 #D3 #D2 #D2"),
            java.util.Map.entry("PHONE_MX", "55 #D4 #D4"),
            java.util.Map.entry("PHONE_PL", "+48 #D3 #D3 #D3"),
            java.util.Map.entry("PHONE_AU", "04#D2 #D3 #D3"),
            java.util.Map.entry("CPF_BR", "#D3.#D3.#D3-#D2"),
            java.util.Map.entry("MY_NUMBER_JP", "#D4 #D4 #D4"),
            java.util.Map.entry("NINO_UK", "QQ #D2 #D2 #D2 C"),
            java.util.Map.entry("SIN_CA", "#D3 #D3 #D3"),
            java.util.Map.entry("BSN_NL", "#D9"),
            java.util.Map.entry("TFN_AU", "#D3 #D3 #D3"),
            java.util.Map.entry("PASSPORT", "P#D8"),
            java.util.Map.entry("NUM8", "#D8"));

    /**
     * Secrets the seventh collection (families7.py) plants that no earlier collection had: Keycloak authorization codes
     * (three UUIDs), Google authorization codes ({@code 4/0A…}), SAML responses (base64 of the XML), Sauce Labs access keys
     * (a UUID), BrowserStack access keys, Cypress record keys (a UUID) and CSRF tokens. Like {@link #SIXTH_SHAPES}, not in
     * {@link #SHAPES}: no rule was written for them.
     */
    static final java.util.Map<String, String> SEVENTH_SHAPES = java.util.Map.of(
            "KC_CODE", "#G.#G.#G",
            "OAUTH_CODE", "4/0A#W70",
            "SAML_RESPONSE", "PHNhbWxwOlJlc3BvbnNlIHhtbG5zOnNhbWxwPSJ1cm46b2FzaXM6bmFtZXM6dGM6U0FNTDoyLjA6cHJvdG9jb2wi#A400",
            "SAUCE_KEY", "#G",
            "BROWSERSTACK_KEY", "#A20",
            "CYPRESS_RECORD_KEY", "#G",
            "CSRF_TOKEN", "#W43");

    /**
     * Personal data the seventh collection plants in national formats no earlier collection had (the whole value is
     * personal): phone numbers of Germany, France, India, the UK, the Netherlands and Sweden as those countries write them
     * (with spaces or a dash), Poland's PESEL, Spain's DNI and France's NIR.
     */
    static final java.util.Map<String, String> SEVENTH_PERSONAL = java.util.Map.of(
            "PHONE_DE", "030 #D8",
            "PHONE_FR", "06 #D2 #D2 #D2 #D2",
            "PHONE_IN", "98#D3 #D5",
            "PHONE_UK", "07#D3 #D6",
            "PHONE_NL", "06-#D8",
            "PHONE_SE", "070-#D3 #D2 #D2",
            "PESEL_PL", "#D11",
            "DNI_ES", "#D8X",
            "NIR_FR", "1 #D2 #D2 #D2 #D3 #D3 #D2");

    /**
     * Secrets the eighth collection (families8.py) plants that no earlier collection had: Twilio auth tokens, Datadog API
     * and application keys, New Relic license keys (ending in NRAL), Bitbucket app passwords and repository access tokens,
     * Elasticsearch API keys (base64 of id:key), Laravel APP_KEYs, Stripe PaymentIntent client secrets and card tokens,
     * Firebase Cloud Messaging registration tokens, sops/age secret keys, 40- and 128-digit hex secrets (Google
     * service-account key ids, Rails secret_key_base). Like {@link #SEVENTH_SHAPES}, not in {@link #SHAPES}: no rule was
     * written for them.
     */
    static final java.util.Map<String, String> EIGHTH_SHAPES = java.util.Map.ofEntries(
            java.util.Map.entry("TWILIO_AUTH", "#H32"),
            java.util.Map.entry("DD_API_KEY", "#H32"),
            java.util.Map.entry("DD_APP_KEY", "#H40"),
            java.util.Map.entry("NR_LICENSE", "#H36NRAL"),
            java.util.Map.entry("BITBUCKET_APP_PW", "ATBB#A28#H8"),
            java.util.Map.entry("BITBUCKET_ACCESS", "ATCTT3xFfGN0#W120"),
            java.util.Map.entry("ES_API_KEY", "#B58=="),
            java.util.Map.entry("LARAVEL_APP_KEY", "base64:#B43="),
            java.util.Map.entry("PI_CLIENT_SECRET", "pi_3P#A22_secret_#A25"),
            java.util.Map.entry("STRIPE_TOKEN", "tok_1P#A22"),
            java.util.Map.entry("FCM_TOKEN", "#A22:APA91b#W134"),
            java.util.Map.entry("AGE_SECRET_KEY", "AGE-SECRET-KEY-1#U58"),
            java.util.Map.entry("HEX40", "#H40"),
            java.util.Map.entry("HEX128", "#H128"));

    /**
     * Personal data the eighth collection plants in national formats no earlier collection had (the whole value is
     * personal): phone numbers of Ireland, Belgium, Austria, Denmark, Norway, Portugal, Turkey, South Africa, Singapore,
     * China and the US (dotted) as those countries write them; Ireland's PPS number, Denmark's CPR, Belgium's national
     * number, South Africa's id number, India's Aadhaar and PAN, Austria's social insurance number, Italy's codice
     * fiscale, Sweden's personnummer (twelve digits).
     */
    static final java.util.Map<String, String> EIGHTH_PERSONAL = java.util.Map.ofEntries(
            java.util.Map.entry("PHONE_IE", "087 #D3 #D4"),
            java.util.Map.entry("PHONE_BE", "0470 #D2 #D2 #D2"),
            java.util.Map.entry("PHONE_AT", "0664 #D7"),
            java.util.Map.entry("PHONE_DK", "2#D1 #D2 #D2 #D2"),
            java.util.Map.entry("PHONE_NO", "4#D2 #D2 #D3"),
            java.util.Map.entry("PHONE_PT", "91#D1 #D3 #D3"),
            java.util.Map.entry("PHONE_TR", "0532 #D3 #D2 #D2"),
            java.util.Map.entry("PHONE_ZA", "082 #D3 #D4"),
            java.util.Map.entry("PHONE_SG", "9#D3 #D4"),
            java.util.Map.entry("PHONE_CN", "138 #D4 #D4"),
            java.util.Map.entry("PHONE_US_DOTS", "#D3.#D3.#D4"),
            java.util.Map.entry("PPS_IE", "#D7W"),
            java.util.Map.entry("CPR_DK", "#D6-#D4"),
            java.util.Map.entry("RRN_BE", "#D2.#D2.#D2-#D3.#D2"),
            java.util.Map.entry("SAID_ZA", "#D13"),
            java.util.Map.entry("AADHAAR_IN", "#D4 #D4 #D4"),
            java.util.Map.entry("PAN_IN", "BNZPM#D4K"),
            java.util.Map.entry("SVNR_AT", "#D4 #D6"),
            java.util.Map.entry("CF_IT", "RSSMRA#D2A#D2H#D3U"),
            java.util.Map.entry("PNR_SE", "19#D6-#D4"));

    /**
     * Secrets the ninth collection (families9.py) plants that no earlier collection had: JWS signatures (base64url),
     * base64 of a database URL (a Kubernetes Secret's data), Cisco type 9 and Apache apr1 password hashes, oauth2-proxy
     * cookie secrets, crates.io tokens, Drone and Pact Broker tokens, NATS nkey seeds, OpenVPN static keys, the body of a
     * PEM private key and of an armoured PGP private key, RADIUS shared secrets. Like {@link #EIGHTH_SHAPES}, not in
     * {@link #SHAPES}: no rule was written for them.
     */
    static final java.util.Map<String, String> NINTH_SHAPES = java.util.Map.ofEntries(
            java.util.Map.entry("B64URL_SIG", "#W86"),
            java.util.Map.entry("B64_DSN", "cG9zdGdyZXM6Ly9#B80"),
            java.util.Map.entry("CISCO_TYPE9", "$9$#W14$#W43"),
            java.util.Map.entry("CRYPT_APR1", "$apr1$#W8$#W22"),
            java.util.Map.entry("COOKIE_SECRET", "#W43="),
            java.util.Map.entry("CRATES_IO", "cio#A32"),
            java.util.Map.entry("DRONE_TOKEN", "#A32"),
            java.util.Map.entry("PACT_BROKER_TOKEN", "#W22"),
            java.util.Map.entry("NKEY_SEED", "SU#U56"),
            java.util.Map.entry("OVPN_STATIC", "#H32\n#H32\n#H32\n#H32\n#H32\n#H32\n#H32\n#H32"),
            java.util.Map.entry("PEM_BODY", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC#B32\n#B64\n#B64\n#B64\n#B64"),
            java.util.Map.entry("PGP_PRIVATE", "lQdGBGZD#B56\n#B64\n#B64\n#B64\n#B64\n#B64\n=#B4"),
            java.util.Map.entry("RADIUS_SECRET", "#A16"));

    /**
     * Personal data the ninth collection plants in national formats no earlier collection had (the whole value is
     * personal): phone numbers of Finland, Greece, Czechia, Hungary, Romania, Israel, Argentina, Chile, Colombia, New
     * Zealand, the Philippines, Indonesia, Thailand, Vietnam, Nigeria, Kenya, Egypt, the UAE, Russia, Ukraine, Malaysia
     * and Hong Kong as those countries write them; Finland's HETU, Greece's AMKA, Czechia's birth number, Romania's CNP,
     * Israel's Teudat Zehut, Argentina's DNI, Chile's RUT, Mexico's CURP, Malaysia's MyKad, Hong Kong's HKID, New
     * Zealand's IRD number, Korea's resident registration number, Nigeria's NIN, the Emirates ID, Russia's SNILS and
     * Hungary's TAJ.
     */
    static final java.util.Map<String, String> NINTH_PERSONAL = java.util.Map.ofEntries(
            java.util.Map.entry("PHONE_FI", "040 #D3 #D4"),
            java.util.Map.entry("PHONE_GR", "69#D1 #D3 #D4"),
            java.util.Map.entry("PHONE_CZ", "6#D2 #D3 #D3"),
            java.util.Map.entry("PHONE_HU", "06 20 #D3 #D4"),
            java.util.Map.entry("PHONE_RO", "07#D2 #D3 #D3"),
            java.util.Map.entry("PHONE_IL", "05#D1-#D3-#D4"),
            java.util.Map.entry("PHONE_AR", "11 #D4-#D4"),
            java.util.Map.entry("PHONE_CL", "9 #D4 #D4"),
            java.util.Map.entry("PHONE_CO", "3#D2 #D3 #D4"),
            java.util.Map.entry("PHONE_NZ", "021 #D3 #D4"),
            java.util.Map.entry("PHONE_PH", "0917 #D3 #D4"),
            java.util.Map.entry("PHONE_ID", "0812-#D4-#D4"),
            java.util.Map.entry("PHONE_TH", "08#D1 #D3 #D4"),
            java.util.Map.entry("PHONE_VN", "09#D1 #D3 #D2 #D2"),
            java.util.Map.entry("PHONE_NG", "080#D1 #D3 #D4"),
            java.util.Map.entry("PHONE_KE", "07#D2 #D6"),
            java.util.Map.entry("PHONE_EG", "010 #D4 #D4"),
            java.util.Map.entry("PHONE_AE", "050 #D3 #D4"),
            java.util.Map.entry("PHONE_RU", "8 (9#D2) #D3-#D2-#D2"),
            java.util.Map.entry("PHONE_UA", "067 #D3 #D4"),
            java.util.Map.entry("PHONE_MY", "012-#D3 #D4"),
            java.util.Map.entry("PHONE_HK", "9#D3 #D4"),
            java.util.Map.entry("HETU_FI", "#D6-#D3#U1"),
            java.util.Map.entry("AMKA_GR", "#D11"),
            java.util.Map.entry("RC_CZ", "#D6/#D4"),
            java.util.Map.entry("CNP_RO", "1#D12"),
            java.util.Map.entry("TZ_IL", "#D9"),
            java.util.Map.entry("DNI_AR", "#D2.#D3.#D3"),
            java.util.Map.entry("RUT_CL", "#D2.#D3.#D3-#D1"),
            java.util.Map.entry("CURP_MX", "GOMA#D6HDFRRN0#D1"),
            java.util.Map.entry("NRIC_MY", "#D6-#D2-#D4"),
            java.util.Map.entry("HKID", "A#D6(#D1)"),
            java.util.Map.entry("IRD_NZ", "#D3-#D3-#D3"),
            java.util.Map.entry("RRN_KR", "#D6-#D7"),
            java.util.Map.entry("NIN_NG", "#D11"),
            java.util.Map.entry("EID_AE", "784-#D4-#D7-#D1"),
            java.util.Map.entry("SNILS_RU", "#D3-#D3-#D3 #D2"),
            java.util.Map.entry("TAJ_HU", "#D3 #D3 #D3"));

    private final Random r;

    Fakes(long seed) {
        this.r = new Random(seed);
    }

    Fake make(String name) {
        switch (name) {
            case "ALNUM24": return Fake.secret(mixed(24));
            case "API_KEY": return Fake.secret(mixed(32));
            case "ANTHROPIC": return Fake.secret("sk-ant-api03-", s(B64URL, 93) + "AA");
            case "AWS_KEY_ID": return Fake.secret("AKIA", s(UPPER + "234567", 16));
            case "AWS_STS_KEY_ID": return Fake.secret("ASIA", s(UPPER + "234567", 16));
            case "AWS_SECRET": return Fake.secret(s(B64, 40));
            case "AWS_SESSION_TOKEN": return Fake.secret("IQoJb3JpZ2luX2Vj", s(B64, 280 + r.nextInt(80)));
            case "AWS_SESSION_TOKEN_URL": {
                String raw = s(B64, 280 + r.nextInt(80));
                String enc = urlEncode(raw);
                return new Fake("IQoJb3JpZ2luX2Vj" + enc, enc, false);
            }
            case "AZURE_ACCOUNT_KEY": return Fake.secret(s(B64, 86) + "==");
            case "AZURE_SAS_KEY": return Fake.secret(s(B64, 43) + "=");
            case "AZURE_SAS_SIG": return Fake.secret(urlEncode(s(B64, 43) + "="));
            case "AZURE_CLIENT_SECRET": return Fake.secret(s(ALNUM, 3) + s(DIGITS, 1) + "Q~" + s(ALNUM + "_~.-", 34));
            case "B64_PASSWORD": return Fake.secret(b64(password()));
            case "B64_SECRET": return Fake.secret(b64(s(ALNUM, 32)));
            case "BASIC_CRED": return Fake.secret(b64(FIRST[r.nextInt(FIRST.length)] + ":" + password()));
            case "CARD": return Fake.personal(card());
            case "CARD_DASHED": return Fake.personal(group(card16(), "-"));
            case "CARD_SPACED": return Fake.personal(group(card16(), " "));
            case "CONNECT_SID": return Fake.secret("s%3A", s(B64URL, 32) + "." + urlEncode(s(B64, 43)));
            case "DISCORD_HOOK": return Fake.secret(s(DIGITS, 1).replace('0', '1') + s(DIGITS, 17) + "/" + s(B64URL, 68));
            case "DJANGO_SID": return Fake.secret(s(LOWER + DIGITS, 32));
            case "DOCKER_PAT": return Fake.secret("dckr_pat_", s(B64URL, 27));
            case "EMAIL": return Fake.personal(email());
            case "EMAIL_URLENC": return Fake.personal(email().replace("@", "%40"));
            case "FLASK_SESSION": return Fake.secret("eyJ", s(B64URL, 40) + "." + s(B64URL, 6) + "." + s(B64URL, 27));
            case "GCP_API_KEY": return Fake.secret("AIza", s(B64URL, 35));
            case "GCP_PRIVATE_KEY_ESC": return pem("PRIVATE KEY", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", 25, "\\n");
            case "GHO": return Fake.secret("gho_", s(ALNUM, 36));
            case "GHP": return Fake.secret("ghp_", s(ALNUM, 36));
            case "GHS": return Fake.secret("ghs_", s(ALNUM, 36));
            case "GHU": return Fake.secret("ghu_", s(ALNUM, 36));
            case "GITHUB_PAT": return Fake.secret("github_pat_", s(ALNUM, 22) + "_" + s(ALNUM, 59));
            case "GLPAT": return Fake.secret("glpat-", s(B64URL, 20));
            case "GL_JOB_TOKEN": return Fake.secret("glcbt-", s(HEX, 2) + "_" + s(B64URL, 20));
            case "HEX32": return Fake.secret(s(HEX, 32));
            case "HEX64": return Fake.secret(s(HEX, 64));
            case "HF": return Fake.secret("hf_", s(UPPER + LOWER, 34));
            case "IBAN": return Fake.personal(iban());
            case "IBAN_SPACED": return Fake.personal(group(iban(), " "));
            case "JSESSIONID": return Fake.secret(s(HEX, 32).toUpperCase());
            case "JWT": return jwt("HS256", 2);
            case "K8S_SA_TOKEN": return jwt("RS256", 6);
            case "NPM_TOKEN": return Fake.secret("npm_", s(ALNUM, 36));
            case "OPENAI": return Fake.secret("sk-proj-", s(B64URL, 74) + "T3BlbkFJ" + s(B64URL, 74));
            case "OPENAI_LEGACY": return Fake.secret("sk-", s(ALNUM, 20) + "T3BlbkFJ" + s(ALNUM, 20));
            case "OTP": return Fake.secret(s(DIGITS, 6));
            case "PASSWORD": return Fake.secret(password());
            case "PASSWORD_JSON_ESC": return Fake.secret(json(quoted()));
            case "PASSWORD_JSON_ESC2": return Fake.secret(json(json(quoted())));
            case "DOCKERCONFIG_B64": return Fake.secret(b64("{\"auths\":{\"ghcr.io\":{\"auth\":\""
                    + b64("ci:" + s(ALNUM, 36)) + "\"}}}"));
            case "URL_PASSWORD": return Fake.secret(s(ALNUM, 9) + "%40" + s(ALNUM, 4) + "%21" + s(DIGITS, 2));
            case "PEM_EC_ESC": return pem("EC PRIVATE KEY", "MHcCAQEEI", 3, "\\n");
            case "PEM_OPENSSH": return pem("OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmU", 7, "\n");
            case "PEM_RSA": return pem("RSA PRIVATE KEY", "MIIEpAIBAAKCAQEA", 25, "\n");
            case "PHONE_INTL": return Fake.personal(phoneInternational());
            case "PHONE_NAT": return Fake.personal(phoneNational());
            case "PHONE_PARENS": return Fake.personal(phoneParens());
            case "PHPSESSID": return Fake.secret(s("abcdefghijklmnopqrstuv0123456789", 26));
            case "PYPI_TOKEN": return Fake.secret("pypi-AgEIcHlwaS5vcmc", s(B64URL, 70 + r.nextInt(80)));
            case "SG_ID": return Fake.secret(s(B64URL, 22));
            case "SG_SECRET": return Fake.secret(s(B64URL, 43));
            case "SLACK_APP": return Fake.secret("xapp-1-", "A" + s(UPPER + DIGITS, 10) + "-" + s(DIGITS, 13) + "-"
                    + s(HEX, 64));
            case "SLACK_BOT": return Fake.secret("xoxb-", s(DIGITS, 12) + "-" + s(DIGITS, 13) + "-" + s(ALNUM, 24));
            case "SLACK_USER": return Fake.secret("xoxp-", s(DIGITS, 12) + "-" + s(DIGITS, 12) + "-" + s(DIGITS, 13)
                    + "-" + s(HEX, 32));
            case "SLACK_HOOK_PATH": return Fake.secret("T" + s(UPPER + DIGITS, 10) + "/B" + s(UPPER + DIGITS, 10) + "/"
                    + s(ALNUM, 24));
            case "SONAR_TOKEN": return Fake.secret("squ_", s(HEX, 40));
            case "SSN": return Fake.personal(ssn("-"));
            case "SSN_NODASH": return Fake.personal(ssn(""));
            case "STRIPE_SK": return Fake.secret("sk_live_", s(ALNUM, r.nextBoolean() ? 24 : 99));
            case "STRIPE_RK": return Fake.secret("rk_live_", s(ALNUM, r.nextBoolean() ? 24 : 99));
            case "TWILIO_SID": return Fake.secret("AC", s(HEX, 32));
            case "UUID_SECRET": return Fake.secret(String.format("%08x-%04x-4%03x-%04x-%012x", r.nextInt(),
                    r.nextInt(0x10000), r.nextInt(0x1000), 0x8000 | r.nextInt(0x4000), r.nextLong() & 0xffffffffffffL));
            default:
                if (SHAPES.containsKey(name)) {
                    return shape(SHAPES.get(name));
                }
                if (CONTEXT_SHAPES.containsKey(name)) {
                    return shape(CONTEXT_SHAPES.get(name));
                }
                if (FOURTH_SHAPES.containsKey(name)) {
                    return shape(FOURTH_SHAPES.get(name));
                }
                if (FIFTH_SHAPES.containsKey(name)) {
                    return shape(FIFTH_SHAPES.get(name));
                }
                if (SIXTH_SHAPES.containsKey(name)) {
                    return shape(SIXTH_SHAPES.get(name));
                }
                if (SIXTH_PERSONAL.containsKey(name)) {
                    return Fake.personal(shape(SIXTH_PERSONAL.get(name)).value());
                }
                if (SEVENTH_SHAPES.containsKey(name)) {
                    return shape(SEVENTH_SHAPES.get(name));
                }
                if (SEVENTH_PERSONAL.containsKey(name)) {
                    return Fake.personal(shape(SEVENTH_PERSONAL.get(name)).value());
                }
                if (EIGHTH_SHAPES.containsKey(name)) {
                    return shape(EIGHTH_SHAPES.get(name));
                }
                if (EIGHTH_PERSONAL.containsKey(name)) {
                    return Fake.personal(shape(EIGHTH_PERSONAL.get(name)).value());
                }
                if (NINTH_SHAPES.containsKey(name)) {
                    return shape(NINTH_SHAPES.get(name));
                }
                if (NINTH_PERSONAL.containsKey(name)) {
                    return Fake.personal(shape(NINTH_PERSONAL.get(name)).value());
                }
                Fake tenth = ValidIds.make(name, r, this);
                if (tenth != null) {
                    return tenth;
                }
                Fake eleventh = EleventhIds.make(name, r, this);
                if (eleventh != null) {
                    return eleventh;
                }
                Fake twelfth = TwelfthIds.make(name, r, this);
                if (twelfth != null) {
                    return twelfth;
                }
                Fake thirteenth = ThirteenthIds.make(name, r, this);
                if (thirteenth != null) {
                    return thirteenth;
                }
                Fake fourteenth = FourteenthIds.make(name, r, this);
                if (fourteenth != null) {
                    return fourteenth;
                }
                Fake fifteenth = FifteenthIds.make(name, r, this);
                if (fifteenth != null) {
                    return fifteenth;
                }
                Fake sixteenth = SixteenthIds.make(name, r, this);
                if (sixteenth != null) {
                    return sixteenth;
                }
                Fake seventeenth = SeventeenthIds.make(name, r, this);
                if (seventeenth != null) {
                    return seventeenth;
                }
                Fake eighteenth = EighteenthIds.make(name, r, this);
                if (eighteenth != null) {
                    return eighteenth;
                }
                Fake nineteenth = NineteenthIds.make(name, r, this);
                if (nineteenth != null) {
                    return nineteenth;
                }
                Fake twentieth = TwentiethIds.make(name, r, this);
                if (twentieth != null) {
                    return twentieth;
                }
                Fake twentyFirst = TwentyFirstIds.make(name, r, this);
                if (twentyFirst != null) {
                    return twentyFirst;
                }
                Fake twentySecond = TwentySecondIds.make(name, r, this);
                if (twentySecond != null) {
                    return twentySecond;
                }
                Fake twentyThird = TwentyThirdIds.make(name, r, this);
                if (twentyThird != null) {
                    return twentyThird;
                }
                throw new IllegalArgumentException("no fake for placeholder " + name);
        }
    }

    /** A value of the shape {@code spec} (see {@link #SHAPES}); its core is what follows the literal prefix. */
    Fake shape(String spec) {
        StringBuilder v = new StringBuilder();
        int prefix = -1;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c != '#') {
                v.append(c);
                continue;
            }
            if (prefix < 0) {
                prefix = v.length();
            }
            char kind = spec.charAt(++i);
            if (kind == 'G') {
                v.append(String.format("%08x-%04x-4%03x-%04x-%012x", r.nextInt(), r.nextInt(0x10000),
                        r.nextInt(0x1000), 0x8000 | r.nextInt(0x4000), r.nextLong() & 0xffffffffffffL));
                continue;
            }
            int j = i + 1;
            while (j < spec.length() && Character.isDigit(spec.charAt(j))) {
                j++;
            }
            int n = Integer.parseInt(spec.substring(i + 1, j));
            i = j - 1;
            String alphabet = switch (kind) {
                case 'A' -> ALNUM;
                case 'H' -> HEX;
                case 'U' -> UPPER + DIGITS;
                case 'L' -> LOWER + DIGITS;
                case 'B' -> B64;
                case 'W' -> B64URL;
                case 'D' -> DIGITS;
                default -> throw new IllegalArgumentException("no character class " + kind + " in " + spec);
            };
            v.append(kind == 'A' && n >= 8 ? mixed(n) : s(alphabet, n));
        }
        String value = v.toString();
        return Fake.secret(value.substring(0, Math.max(prefix, 0)), value.substring(Math.max(prefix, 0)));
    }

    private String s(String alphabet, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** Random alphanumerics with at least one digit, capital and small letter, as issued keys have. */
    private String mixed(int n) {
        String v;
        do {
            v = s(ALNUM, n);
        } while (!v.matches(".*[0-9].*") || !v.matches(".*[A-Z].*") || !v.matches(".*[a-z].*"));
        return v;
    }

    /** Half random (letters, digits, punctuation a shell and a URL survive), half a word and digits. */
    private String password() {
        if (r.nextBoolean()) {
            return s(ALNUM, 4) + s("!#%*_-.^~", 1) + s(ALNUM, 6 + r.nextInt(8)) + s("!#*_-.", 1) + s(DIGITS, 1);
        }
        return WORDS[r.nextInt(WORDS.length)] + s(DIGITS, 4) + s("!#*.", 1) + s(LOWER, 2);
    }

    /** A password holding a quote and a backslash, as some generators make them. */
    private String quoted() {
        return s(ALNUM, 5) + "\"" + s(ALNUM, 4) + "\\" + s(ALNUM, 5) + s("!#*", 1);
    }

    /** {@code s} as the content of a JSON string. */
    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64url(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String urlEncode(String s) {
        return s.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
    }

    private Fake jwt(String alg, int claims) {
        String header = b64url("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}");
        StringBuilder p = new StringBuilder("{\"sub\":\"" + s(HEX, 24) + "\",\"iat\":" + (1714600000 + r.nextInt(99999))
                + ",\"exp\":" + (1714700000 + r.nextInt(99999)));
        for (int i = 0; i < claims; i++) {
            p.append(",\"c").append(i).append("\":\"").append(s(ALNUM, 8 + r.nextInt(12))).append('"');
        }
        String payload = b64url(p.append('}').toString());
        String sig = s(B64URL, alg.startsWith("RS") ? 342 : 43);
        return new Fake(header + "." + payload + "." + sig, payload + "." + sig, false);
    }

    private Fake pem(String label, String start, int lines, String newline) {
        StringBuilder body = new StringBuilder(start).append(s(B64, 64 - start.length()));
        for (int i = 1; i < lines; i++) {
            body.append(newline).append(s(B64, i == lines - 1 ? 20 + r.nextInt(40) : 64));
        }
        String value = "-----BEGIN " + label + "-----" + newline + body + newline + "-----END " + label + "-----";
        return new Fake(value, body.substring(start.length()), false);
    }

    private String email() {
        String local = FIRST[r.nextInt(FIRST.length)] + (r.nextBoolean() ? "." : "_") + LAST[r.nextInt(LAST.length)]
                + (r.nextBoolean() ? String.valueOf(r.nextInt(99)) : "");
        return local + "@" + MAIL_DOMAINS[r.nextInt(MAIL_DOMAINS.length)];
    }

    private String card() {
        return r.nextInt(4) == 0 ? luhn("3" + (r.nextBoolean() ? "4" : "7") + s(DIGITS, 12)) : card16();
    }

    private String card16() {
        String prefix = r.nextBoolean() ? "4" : "5" + (1 + r.nextInt(5));
        return luhn(prefix + s(DIGITS, 15 - prefix.length()));
    }

    /** {@code digits} with the Luhn check digit appended. */
    static String luhn(String digits) {
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return digits + (10 - sum % 10) % 10;
    }

    /** {@code s} in groups of four characters, {@code sep} between them: an IBAN as people write it. */
    static String group(String s, String sep) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i += 4) {
            if (i > 0) {
                b.append(sep);
            }
            b.append(s, i, Math.min(s.length(), i + 4));
        }
        return b.toString();
    }

    private String iban() {
        String[][] countries = {{"GB", "NWBK", "14"}, {"DE", "", "18"}, {"FR", "", "23"}, {"NL", "ABNA", "10"},
                {"ES", "", "20"}, {"IT", "X", "22"}};
        String[] c = countries[r.nextInt(countries.length)];
        String bban = c[1] + s(DIGITS, Integer.parseInt(c[2]));
        String rearranged = bban + c[0] + "00";
        StringBuilder numeric = new StringBuilder();
        for (char ch : rearranged.toCharArray()) {
            numeric.append(Character.isLetter(ch) ? String.valueOf(ch - 'A' + 10) : String.valueOf(ch));
        }
        int check = 98 - new java.math.BigInteger(numeric.toString()).mod(java.math.BigInteger.valueOf(97)).intValue();
        return c[0] + String.format("%02d", check) + bban;
    }

    private String ssn(String sep) {
        int area;
        do {
            area = 1 + r.nextInt(899);
        } while (area == 666);
        return String.format("%03d%s%02d%s%04d", area, sep, 1 + r.nextInt(99), sep, 1 + r.nextInt(9999));
    }

    private String phoneInternational() {
        switch (r.nextInt(7)) {
            case 0: return "+44 20 7946 " + s(DIGITS, 4);
            case 1: return "+1 415-555-" + s(DIGITS, 4);
            case 2: return "+49 30 " + s(DIGITS, 8);
            case 3: return "+33 1 " + s(DIGITS, 2) + " " + s(DIGITS, 2) + " " + s(DIGITS, 2) + " " + s(DIGITS, 2);
            case 4: return "+91 98" + s(DIGITS, 3) + " " + s(DIGITS, 5);
            case 5: return "+1 (212) 555-" + s(DIGITS, 4);
            default: return "+4479" + s(DIGITS, 8);
        }
    }

    private String phoneNational() {
        switch (r.nextInt(8)) {
            case 0: return "020 7946 " + s(DIGITS, 4);
            case 1: return "030 " + s(DIGITS, 4) + " " + s(DIGITS, 4);
            case 2: return "01 " + s(DIGITS, 2) + " " + s(DIGITS, 2) + " " + s(DIGITS, 2) + " " + s(DIGITS, 2);
            case 3: return "415-555-" + s(DIGITS, 4);
            case 4: return "415 555 " + s(DIGITS, 4);
            case 5: return "06-" + s(DIGITS, 8);
            case 6: return "0412 " + s(DIGITS, 3) + " " + s(DIGITS, 3);
            default: return "07700 900" + s(DIGITS, 3);
        }
    }

    private String phoneParens() {
        switch (r.nextInt(3)) {
            case 0: return "(415) 555-" + s(DIGITS, 4);
            case 1: return "(020) 7946 " + s(DIGITS, 4);
            default: return "+1 (646) 555-" + s(DIGITS, 4);
        }
    }
}
