package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;


/**
 * The general forms written for what the sixth corpus collection's tune part leaked or lost (a person's number by its
 * label, a mail client's SASL response, Redis ACL passwords, one-time codes in a message, a signature after its
 * algorithm, an SSH login that is no mailbox, a program's mailbox), each on lines written for this test, not taken from
 * the corpus, and each with a counter-example that must come through as it is. Values are made at test time.
 */
class SixthFormsTest {

    private final Random random = new Random(20261206L);
    private final Redactor redactor = Redactor.standard();
    private final Redactor atRest = Redactor.atRest();

    private String digits(int n) {
        return FormChecks.digits(random, n, '0', 10);
    }

    private String password() {
        String[] words = {"Harbor", "Willow", "Quartz", "Falcon"};
        return words[random.nextInt(words.length)] + digits(4) + "." + (char) ('a' + random.nextInt(26))
                + (char) ('a' + random.nextInt(26));
    }

    private void gone(Redactor r, String text, String secret, String... kept) {
        FormChecks.gone(r, text, secret, kept);
    }

    private void untouched(String text) {
        FormChecks.untouched(redactor, text);
    }

    @Test
    void aPersonsNumberGoesByItsLabelInEverySyntax() {
        String id = digits(9);
        gone(redactor, "  national_id: \"" + id + "\",\n  country: \"NL\"", id, "national_id", "country: \"NL\"");
        String passport = "K" + digits(8);
        gone(redactor, "Passport: " + passport + "\nNationality: Irish", passport, "Passport:", "Nationality: Irish");
        String licence = "D" + digits(8);
        gone(redactor, "Step failed. Driver licence: " + licence + " (expired)", licence, "Driver licence:", "(expired)");
        String cpf = digits(3) + "." + digits(3) + "." + digits(3) + "-" + digits(2);
        gone(redactor, "{\"cpf\":\"" + cpf + "\",\"status\":422}", cpf, "\"status\":422");
        String tax = digits(2) + "-" + digits(7);
        gone(redactor, "INSERT INTO vendors (name, tax_id) VALUES ('Acme', '" + tax + "')", tax, "'Acme'");
        String nino = "QQ" + digits(6) + "C";
        gone(redactor, "customer.nin=" + nino + " rejected", nino, "rejected");
    }

    @Test
    void aLabelOfAPersonsNumberLeavesWhatIsNoNumberAlone() {
        untouched("passport_country: DE");
        untouched("license: MIT");
        untouched("License: Apache-2.0");
        untouched("national_id: 2024-05-14");
        untouched("tax_id: pending");
        untouched("licence_key_ref: vault:licences/acme");
        untouched("rfc: 7231");
    }

    @Test
    void aPersonsNumberGoesAtRestToo() {
        String id = digits(11);
        gone(atRest, "pesel: " + id, id, "pesel:");
    }

    @Test
    void aSaslResponseGoesWithItsCommandOrAfterThePasswordPrompt() {
        String token = Base64.getEncoder().encodeToString(("user=ci@acme.test\u0001auth=Bearer ya29." + digits(20))
                .getBytes(StandardCharsets.UTF_8));
        gone(redactor, "send: 'AUTH XOAUTH2 " + token + "\\r\\n'\nreply: b'235 2.7.0 Accepted\\r\\n'", token,
                "AUTH XOAUTH2", "235 2.7.0 Accepted");
        String user = Base64.getEncoder().encodeToString("lucas".getBytes(StandardCharsets.UTF_8));
        String pass = Base64.getEncoder().encodeToString(password().getBytes(StandardCharsets.UTF_8));
        gone(redactor, " ~> AUTH LOGIN\n<~  334 VXNlcm5hbWU6\n ~> " + user + "\n<~  334 UGFzc3dvcmQ6\n ~> " + pass
                + "\n<~  235 2.7.0 Authentication successful", pass, user, "334 UGFzc3dvcmQ6", "Authentication successful");
        String plain = Base64.getEncoder().encodeToString(("\u0000bob\u0000" + password()).getBytes(StandardCharsets.UTF_8));
        gone(redactor, "C: AUTH PLAIN\nS: 334\nC: " + plain + "\nS: 235 ok", plain, "S: 235 ok");
        gone(redactor, "a01 AUTHENTICATE PLAIN " + plain, plain, "AUTHENTICATE PLAIN");
    }

    @Test
    void whatIsNoSaslResponseStays() {
        untouched("auth method is PLAIN\nAUTH PLAIN is not supported");
        untouched("error 334 at line 12\nretrying in 5 s");
        untouched("reply: b'334 VXNlcm5hbWU6\\r\\n'\nsend: 'bHVjYXM=\\r\\n'");
    }

    @Test
    void aRedisAclPasswordGoesAndItsHashStays() {
        String pw = password();
        gone(redactor, "user sessions-rw on >" + pw + " ~cache:* &* +@read +@write", pw, "user sessions-rw on",
                "~cache:* &* +@read +@write");
        gone(redactor, "127.0.0.1:6379> ACL SETUSER alice on >" + pw + " ~* +@all", pw, "ACL SETUSER alice on");
        untouched("user default on nopass ~* &* +@all");
        untouched("user bob on #" + digits(12) + " ~*");
        untouched("if count > 10 then retry");
    }

    @Test
    void aOneTimeCodeInAMessageGoesAndOtherCodesStay() {
        String code = digits(6);
        gone(redactor, "Subject: Your code\n\nYour one-time code is " + code + ". It expires in 10 minutes.", code,
                "It expires in 10 minutes.");
        gone(redactor, "SMS to +1 (555) 010-0000: verification code: " + code, code, "verification code:");
        String pin = digits(4);
        gone(redactor, "Your login PIN is " + pin + " ", pin, "Your login PIN is [REDACTED_PASSWORD]");
        untouched("Process finished with exit code 137");
        untouched("status code: 500");
        untouched("error code: 12345");
        untouched("zip code: 94105");
    }

    @Test
    void aSignatureAfterItsAlgorithmGoesAsTheSecretItsNameSays() {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            hex.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        gone(redactor, "X-Hub-Signature-256: sha256=" + hex, hex.toString(), "X-Hub-Signature-256:");
        untouched("image: registry.acme.test/shop@sha256:" + hex);
        untouched("checksum sha256=" + hex + " ok");
    }

    @Test
    void aGoMapPrintsHeadersAndTheirSecretsGo() {
        String pw = password();
        gone(redactor, "unexpected request: &{Method:POST Header:map[Accept:[text/html] Password:[" + pw + "]] Body:{}}",
                pw, "Accept:[text/html]", "Body:{}");
        untouched("Header:map[Accept:[text/html] Content-Type:[application/json]]");
    }

    @Test
    void anSshLoginIsNoMailboxAndNeitherIsAProgramsMailbox() {
        untouched("spawn ssh -p 2222 deploy@bastion.acme.net");
        untouched("deploy@bastion.acme.net's password: ");
        untouched("+ /usr/bin/scp build.tar ci@build-3.initech.net");
        untouched("SMTPRecipientsRefused from noreply@app.hooli.dev");
        gone(redactor, "ssh: could not reach, write to jane.doe@initech.net", "jane.doe@initech.net");
        gone(redactor, "report to jane.doe@initech.net; ssh bastion", "jane.doe@initech.net");
        gone(redactor, "rsync error: some files could not be transferred (code 23), ask jane.doe@initech.net",
                "jane.doe@initech.net");
        gone(redactor, "ssh failed, write to jane.doe@initech.net", "jane.doe@initech.net");
    }
}
