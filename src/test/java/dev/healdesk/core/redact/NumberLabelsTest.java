package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * A person's number after its label with no colon or equals sign between ({@link NumberLabels}), on lines written for
 * this test, each form with counter-examples whose words say nothing of a person. Numbers are made at test time in the
 * shapes the rule reads (a valid SSN area; a personal number of 8 or 9 digits).
 */
class NumberLabelsTest {

    private final Random random = new Random(20261206L);
    private final Redactor redactor = Redactor.standard();

    private String digits(int n) {
        StringBuilder b = new StringBuilder();
        b.append((char) ('1' + random.nextInt(8)));   // 1-8: never an SSN's invalid 000 or 9xx area
        for (int i = 1; i < n; i++) {
            b.append((char) ('1' + random.nextInt(9)));
        }
        return b.toString();
    }

    @Test
    void aSocialSecurityNumberGoesAfterItsLabelInProse() {
        String ssn = digits(9);
        FormChecks.gone(redactor, "AssertionError: no customer with SSN " + ssn + " on file (tenant acme-eu)", ssn,
                "no customer with SSN", "on file (tenant acme-eu)");
        FormChecks.gone(redactor, "lookup failed: SSN# " + ssn, ssn, "lookup failed: SSN#");
        FormChecks.gone(redactor, "the applicant's ssn is " + ssn + ".", ssn, "the applicant's ssn is");
        String spaced = ssn.substring(0, 3) + " " + ssn.substring(3, 5) + " " + ssn.substring(5);
        FormChecks.gone(redactor, "Social Security Number: " + spaced + " (verified)", spaced, "(verified)");
        FormChecks.gone(redactor, "SSN: " + spaced, spaced, "SSN: ");
    }

    @Test
    void anotherPersonsNumberGoesAfterItsLabelInProse() {
        String number = digits(9);
        FormChecks.gone(redactor, "expected passport " + number + " to be valid", number, "to be valid");
        FormChecks.gone(redactor, "national insurance no " + number, number, "national insurance no");
        FormChecks.gone(redactor, "rejected: tax id " + number.substring(0, 2) + "-" + number.substring(2),
                number.substring(2), "rejected: tax id");
        FormChecks.gone(redactor, "Driver licence #" + number.substring(0, 8) + " expired", number.substring(0, 8),
                "expired");
    }

    @Test
    void aNumberAfterWordsThatNameNoPersonStays() {
        String number = digits(9);
        FormChecks.untouched(redactor, "order id " + number + " not found");
        FormChecks.untouched(redactor, "room number " + number.substring(0, 6) + " is booked");
        FormChecks.untouched(redactor, "build " + number + " failed on runner 12");
        FormChecks.untouched(redactor, "the id " + number + " of the passport record");
        FormChecks.untouched(redactor, "passport country DE, batch " + number);
        FormChecks.untouched(redactor, "SSN 9" + number.substring(1) + " (an ITIN's 9xx area is no SSN)");
        FormChecks.untouched(redactor, "ssn is 12345 characters long");   // too few digits for a person's number
    }
}
