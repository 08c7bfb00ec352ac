package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * The general gaps the outside measures' comments name (Fifth and SixthMainstreamMeasureTest), each by a general form
 * (redact50): a try at a one-time code or a password by its Devise-style name ({@code otp_attempt},
 * {@code password_attempt}: {@link KeyNames}' trailing words), the UK's National Insurance number by its bare label with
 * no number word ({@code NationalInsurance}), a keychain item's {@code kSecValueData} (Apple's Keychain Services: an
 * item's data is its secret), also as Foundation prints an NSData ({@code <hex>}, {@link KeyValues}), and a person's
 * number by its name with whose it is after it ({@code bsn_eigenaar}, {@code cpf_titular}). Each on lines written for
 * this test, with counter-examples that must stay.
 */
class OutsideGapsFormsTest {

    private static final String UPPER = "ABCEGHJKLMNPRSTWXYZ";   // letters a NINO's prefix may start with

    private final Random random = new Random(50_2026L);
    private final Redactor redactor = Redactor.standard();
    private final Redactor atRest = Redactor.atRest();

    @Test
    void aTryAtAOneTimeCodeOrAPasswordGoesByItsName() {
        for (int k = 0; k < 8; k++) {
            String code = FormChecks.digits(random, 6, '1', 9);
            String password = "Pw" + FormChecks.token(random, 10) + "7";
            String rails = "params={\"user\"=>{\"email\"=>\"qa@example.test\", \"password\"=>\"" + password
                    + "\", \"otp_attempt\"=>\"" + code + "\"}} request_id=8c1f2e3d";
            FormChecks.gone(redactor, rails, code, "\"otp_attempt\"=>\"", "request_id=8c1f2e3d");
            FormChecks.gone(atRest, rails, code);
            FormChecks.gone(redactor, "user[otp_attempt]=" + code + "&commit=Verify", code, "&commit=Verify");
            FormChecks.gone(redactor, "{\"passwordAttempt\": \"" + password + "\", \"ok\": false}", password,
                    "\"ok\": false}");
            FormChecks.gone(redactor, "pin_attempt: " + code, code);
        }
    }

    @Test
    void anAttemptsCountOrALoginAttemptStays() {
        // the word "attempt" after a name that is no secret's, or a count of tries
        FormChecks.untouched(redactor, "{\"login_attempt\": \"2024-06-11T08:14:12Z\", \"attempt\": 3}");
        FormChecks.untouched(redactor, "otp_attempts=3 max_attempts=5 retry_attempt=2");
        FormChecks.untouched(redactor, "sync_attempt: b7e1c2d4-9f0a-4e3b-8c5d-1a2b3c4d5e6f");
        FormChecks.untouched(redactor, "\"otp_attempt\": null");
    }

    private String nino() {
        StringBuilder b = new StringBuilder();
        b.append(UPPER.charAt(random.nextInt(UPPER.length()))).append(UPPER.charAt(random.nextInt(UPPER.length())));
        b.append(FormChecks.digits(random, 6, '0', 10));
        return b.append((char) ('A' + random.nextInt(4))).toString();
    }

    @Test
    void aNationalInsuranceNumberGoesByItsBareLabel() {
        for (int k = 0; k < 8; k++) {
            String nino = nino();
            String form = "\"form\":{\"Email\":\"qa@example.test\",\"NationalInsurance\":\"" + nino + "\"},\"url\":\"/x\"";
            FormChecks.gone(redactor, form, nino, "\"NationalInsurance\":\"", "\"url\":\"/x\"");
            FormChecks.gone(atRest, form, nino);
            FormChecks.gone(redactor, "national_insurance=" + nino + " status=rejected", nino, " status=rejected");
        }
    }

    @Test
    void aNationalInsuranceLabelBeforeNoNumberAndOtherInsuranceStay() {
        FormChecks.untouched(redactor, "{\"NationalInsurance\": true, \"nationalInsurance\": \"pending\"}");
        FormChecks.untouched(redactor, "travel_insurance: AB123456C, insurance=ZX998877D, national=GB");
        FormChecks.untouched(redactor, "national_insurance_rate: 13.8, NationalInsurance: null");
    }

    @Test
    void aKeychainItemsDataGoesBesideItsAttributes() {
        for (int k = 0; k < 8; k++) {
            String data = FormChecks.hex(random, 64);
            String token = FormChecks.token(random, 40);
            String dump = "keychain item: [kSecAttrAccount: com.acme.vpn.credentials, kSecAttrService: vpn-profile, "
                    + "kSecValueData: " + data + ", kSecAttrAccessGroup: X9T4KQ2B7P.com.acme.shared]";
            FormChecks.gone(redactor, dump, data, "kSecAttrService: vpn-profile",
                    "kSecAttrAccessGroup: X9T4KQ2B7P.com.acme.shared]");
            FormChecks.gone(atRest, dump, data);
            FormChecks.gone(redactor, "query[kSecValueData] = \"" + token + "\"", token);
            // as Foundation prints an NSData: hexadecimal in angle brackets, whole or in groups of eight
            String printed = "[kSecValueData: <" + data + ">, kSecClass: genp]";
            FormChecks.gone(redactor, printed, data, "[kSecValueData: <", ">, kSecClass: genp]");
            String grouped = data.substring(0, 8) + " " + data.substring(8, 16) + " " + data.substring(16, 24);
            FormChecks.gone(redactor, "kSecValueData: <" + grouped + ">", data.substring(8, 16));
            FormChecks.gone(atRest, "kSecValueData: <" + grouped + ">", data.substring(8, 16));
        }
    }

    @Test
    void aKeychainItemsOtherAttributesAndAnEmptyDataStay() {
        FormChecks.untouched(redactor, "[kSecAttrAccount: qa-rider-07, kSecAttrLabel: Acme VPN, kSecClass: kSecClassGenericPassword]");
        FormChecks.untouched(redactor, "kSecValueData: nil, kSecValueRef: 0x600003b2c1e0, kSecReturnData: true");
        FormChecks.untouched(redactor, "SecItemCopyMatching: kSecValueData missing (errSecItemNotFound -25300)");
        // printed bytes under a name that is no secret's, and angle brackets that hold no bytes
        FormChecks.untouched(redactor, "publicKey: <3f2a9c1d 8e7b6a5f 4e3d2c1b 0a9f8e7d>, certHash: <0a9f8e7d3f2a9c1d>");
        FormChecks.untouched(redactor, "kSecValueData: <nil>, kSecValueData: <NSData>, kSecValueData: <3f2a>");
    }

    @Test
    void aPersonsNumberGoesByItsNameWithWhoseItIsAfterIt() {
        for (int k = 0; k < 8; k++) {
            String bsn = FormChecks.drawn(random, "", 9, FourthMainstreamMeasureTest::bsnOk);
            String cpf = FormChecks.drawn(random, "", 11, SixthMainstreamMeasureTest::cpfOk);
            FormChecks.gone(redactor, "validatie mislukt: {\"bsn_eigenaar\": \"" + bsn + "\", \"plaats\": \"Utrecht\"}", bsn,
                    "\"plaats\": \"Utrecht\"}");
            FormChecks.gone(atRest, "bsn_eigenaar=" + bsn, bsn);
            FormChecks.gone(redactor, "{'cpf_titular': '" + cpf + "', 'status': 'recusado'}", cpf, "'status': 'recusado'}");
        }
    }

    @Test
    void aHoldersNameOrWordAfterANumbersNameStays() {
        FormChecks.untouched(redactor, "passport_holder: Jan de Vries, bsn_eigenaar: onbekend");
        FormChecks.untouched(redactor, "licence_owner: 12345678, key_owner: 123456789, driver_licence_owner: unknown");
        FormChecks.untouched(redactor, "{\"cpf_titular\": null, \"bsn_houder\": true}");
    }
}
