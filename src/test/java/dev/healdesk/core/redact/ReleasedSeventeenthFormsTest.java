package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The general forms written for what the seventeenth corpus collection's released held-out part leaked or lost
 * (redact47): the shortest numbers E.164 has, Niue's and Tokelau's four digits after {@code +683} or {@code +690}
 * written apart ({@link Numbers}); Ukraine's EDRPOU code (and its Russian name, ЕГРПОУ) as a person's or a sole
 * trader's number by its label ({@code local-labels.json}); and, kept, the word "rejected" of Spring's binding error
 * after a field's name that names a password ({@code on field 'senha': rejected value […]}, {@link KeyValues}), whose
 * value the brackets hold. Each on lines written for this test, not taken from the corpus, with counter-examples that
 * must come through as they are. The EDRPOU codes are made here from the published check rule.
 */
class ReleasedSeventeenthFormsTest {

    private final Random random = new Random(47_2026L);
    private final Redactor redactor = Redactor.standard();
    private final Redactor atRest = Redactor.atRest();

    @Test
    void aNiueOrTokelauNumberOfFourDigitsAfterItsCodeGoes() {
        for (int k = 0; k < 8; k++) {
            String code = k % 2 == 0 ? "+683" : "+690";
            String number = code + (k % 3 == 0 ? "-" : " ") + FormChecks.digits(random, 4, '1', 9);
            FormChecks.gone(redactor, "[BaseDriver] Typing into element 5f1c2d3e: \"" + number + "\"", number,
                    "[BaseDriver] Typing into element 5f1c2d3e: \"", "\"");
            FormChecks.gone(redactor, "sms queued to " + number + " (status=sent)", number, "(status=sent)");
            // a phone is a person's: kept at rest, as every phone is
            FormChecks.untouched(atRest, "sms queued to " + number + " (status=sent)");
        }
    }

    @Test
    void fourDigitsAfterAnotherCodeOrGluedToTheirsStay() {
        // another country's code before four digits: E.164 has no such number (a diff's line count, a sum)
        FormChecks.untouched(redactor, "lines: +684 7136 -12; total +682 4411");
        // the code glued to the digits, a number starting 0, a fifth digit glued on a word
        FormChecks.untouched(redactor, "delta +6837136 and +683 0136 and +683 7136abc");
        // the code glued to a word before it
        FormChecks.untouched(redactor, "build v+683 7136 and id=x+690 2125");
    }

    /** Ukraine's EDRPOU check: weights 1..7 (7,1..6 from 30000000 to 59999999) mod 11, ten: weights two higher. */
    static boolean edrpou(String v) {
        int[] d = FormChecks.digitsOf(v);
        if (d.length != 8) {
            return false;
        }
        int[] w = d[0] >= 3 && d[0] <= 5 ? new int[] {7, 1, 2, 3, 4, 5, 6} : new int[] {1, 2, 3, 4, 5, 6, 7};
        int r = FormChecks.sum(d, w) % 11;
        if (r == 10) {
            int[] higher = new int[7];
            for (int i = 0; i < 7; i++) {
                higher[i] = w[i] + 2;
            }
            r = FormChecks.sum(d, higher) % 11 % 10;
        }
        return r == d[7];
    }

    private String edrpou() {
        return FormChecks.drawn(random, "", 8, v -> v.charAt(0) != '0' && edrpou(v));
    }

    @Test
    void theCheckOfThisTestIsEdrpousPublishedOne() {
        // the specimen of the published description passes, a changed check digit fails
        assertTrue(edrpou("32855961"));
        assertFalse(edrpou("32855962"));
        for (int k = 0; k < 20; k++) {
            String v = edrpou();
            assertTrue(edrpou(v), v);
            assertEquals(8, v.length(), v);
        }
    }

    @Test
    void anEdrpouCodeGoesByItsLabelInJsonAFormOrProse() {
        for (int k = 0; k < 8; k++) {
            String v = edrpou();
            FormChecks.gone(redactor, "payload: {\"email\": \"x\", \"edrpou\": \"" + v + "\"}", v, "\"edrpou\": \"",
                    "\"}");
            FormChecks.gone(atRest, "payload: {\"email\": \"x\", \"edrpou\": \"" + v + "\"}", v);
            FormChecks.gone(redactor, "Контрагент: код ЄДРПОУ: " + v + ", статус: активний", v, ", статус: активний");
            FormChecks.gone(redactor, "form.data: {'edrpou': '" + v + "', 'phone': None}", v, "'phone': None}");
            FormChecks.gone(redactor, "ЕГРПОУ=" + v + " rejected", v, " rejected");
        }
    }

    @Test
    void anEdrpouLabelsNeighboursAndItsLabelBeforeNoNumberStay() {
        // the label with no number after it, or a word that says it is none; another key's eight digits
        FormChecks.untouched(redactor, "{\"edrpou\": null, \"edrpou_required\": true}");
        FormChecks.untouched(redactor, "edrpou: missing; order_id: 32855961");
        FormChecks.untouched(redactor, "{\"invoice_no\": \"32855961\", \"edrpou_checked_at\": \"2024-06-01\"}");
    }

    @Test
    void springsRejectedValueAfterAPasswordsFieldIsKeptAndTheValueInItsBracketsGoes() {
        for (String field : new String[] {"senha", "password", "passwort", "contrasena", "heslo"}) {
            String secret = "Q" + FormChecks.token(random, 10) + "7!";
            String line = "Field error in object 'clienteForm' on field '" + field + "': rejected value [" + secret
                    + "]; codes [Size.clienteForm." + field + "]; default message [não deve estar em branco]";
            FormChecks.gone(redactor, line, secret, "on field '" + field + "': rejected value [",
                    "]; codes [Size.clienteForm." + field + "]");
            FormChecks.gone(atRest, line, secret, "': rejected value [");
            // the next field's error keeps its words too: "rejected" was never the password
            String two = line + "\nField error in object 'clienteForm' on field 'nome': rejected value [Ana]; "
                    + "default message [tamanho deve ser entre 2 e 40]";
            FormChecks.gone(redactor, two, secret, "on field 'nome': rejected value [Ana]");
        }
    }

    @Test
    void aPasswordsValueThatIsTheWordRejectedAloneStillGoes() {
        // no "value [" after it: the word is the value itself, as a config or a fixture writes one
        FormChecks.gone(redactor, "{\"password\": \"rejected\"}", "\"rejected\"");
        FormChecks.gone(redactor, "db.password=rejected\nnext=1", "=rejected");
    }
}
