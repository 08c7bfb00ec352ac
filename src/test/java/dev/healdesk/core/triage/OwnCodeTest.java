package dev.healdesk.core.triage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure raised by the application's own code (an exception thrown from its frames, an assertion on its values) is
 * at least high; one raised by a driver, the runtime or the test's own code keeps what its pattern says.
 */
class OwnCodeTest {

    private final Triage triage = new Triage(PatternCatalog.builtIn());

    @Test
    void aNullPointerExceptionThrownFromTheLibrarysOwnCodeIsAtLeastHigh() {
        TriagedFailure npe = triage.triage("java.lang.NullPointerException: Cannot invoke \"String.length()\" because"
                + " \"str\" is null", """
                java.lang.NullPointerException: Cannot invoke "String.length()" because "str" is null
                	at org.apache.commons.lang3.StringUtils.rtrim(StringUtils.java:8123)
                	at org.apache.commons.lang3.StringUtilsTest.testRtrim(StringUtilsTest.java:412)
                	at java.base/java.lang.reflect.Method.invoke(Method.java:568)
                """);

        assertThat(npe.classification().patternId()).isEqualTo("code-null-reference");
        assertThat(npe.classification().severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void anAssertionOnTheApplicationsValuesIsAtLeastHighInEveryFrameworksWords() {
        String[] assertions = {
                "org.opentest4j.AssertionFailedError: expected: <usage: foo> but was: <Usage: foo>",
                "java.lang.AssertionError: expected [10] but found [12]",
                "Expecting actual:\n  \"Usage\"\nto be equal to:\n  \"usage\"",
                "assert 12 == 10\nE       assert 12 == 10\nE        +  where 12 = total()",
        };
        for (String message : assertions) {
            assertThat(triage.triage(message, null).classification().severity()).as(message)
                    .isIn(Severity.HIGH, Severity.CRITICAL);
        }
    }

    @Test
    void failuresRaisedByTheTestsOwnCodeADriverOrTheRuntimeKeepTheirPatternsSeverity() {
        TriagedFailure inTest = triage.triage("java.lang.NullPointerException", """
                java.lang.NullPointerException
                	at shop.PriceTest.setUp(PriceTest.java:20)
                """);
        TriagedFailure inDriver = triage.triage("TypeError: Cannot read properties of undefined (reading 'click')",
                "TypeError: Cannot read properties of undefined\n"
                        + "    at Page.click (/work/app/node_modules/playwright-core/lib/page.js:10:5)");
        TriagedFailure inSpec = triage.triage("TypeError: Cannot read properties of null (reading 'id')",
                "    at /work/app/tests/orders.spec.ts:12:5");

        assertThat(inTest.classification().severity()).isEqualTo(Severity.MEDIUM);
        assertThat(inDriver.classification().severity()).isEqualTo(Severity.MEDIUM);
        assertThat(inSpec.classification().severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void framesAreTheApplicationsUnlessTheyAreTheRuntimesAFrameworksOrTheTests() {
        assertThat(OwnCode.isOwnFrame("at com.acme.billing.Invoice.total(Invoice.java:42)")).isTrue();
        assertThat(OwnCode.isOwnFrame("File \"/srv/app/billing/invoice.py\", line 42, in total")).isTrue();
        assertThat(OwnCode.isOwnFrame("/srv/app/billing/invoice.go:42 +0x1d")).isTrue();
        assertThat(OwnCode.isOwnFrame("at java.base/java.util.Objects.requireNonNull(Objects.java:233)")).isFalse();
        assertThat(OwnCode.isOwnFrame("at org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:55)"))
                .isFalse();
        assertThat(OwnCode.isOwnFrame("at com.acme.billing.InvoiceTest.total(InvoiceTest.java:42)")).isFalse();
        assertThat(OwnCode.isOwnFrame("File \"/srv/app/tests/test_invoice.py\", line 9, in test_total")).isFalse();
        assertThat(OwnCode.isOwnFrame("File \"/usr/lib/python3/dist-packages/requests/api.py\", line 9")).isFalse();
        assertThat(OwnCode.isOwnFrame("at dev.healdesk.core.sandbox.Probes.login(Probes.java:80)")).isFalse();
    }
}
