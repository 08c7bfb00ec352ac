package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A password found by its shape where nothing names it, and the look-alikes that stay. */
class PasswordShapesTest {

    private static final Redactor REDACTOR = Redactor.standard();

    private static void untouched(String text) {
        assertEquals(text, REDACTOR.redact(text));
    }

    @Test
    void aPasswordShapedRunGoesWhereverItIsPrinted() {
        assertEquals("[api] elementHandle.fill(\"[REDACTED_PASSWORD]\")",
                REDACTOR.redact("[api] elementHandle.fill(\"ZKfY%mp7wGM#2\")"));
        assertEquals("Expected text: [REDACTED_PASSWORD] but was: M29U",
                REDACTOR.redact("Expected text: Harbor5909*qn but was: M29U"));
        assertEquals("DATA {\"value\":[\"[REDACTED_PASSWORD]\"]}", REDACTOR.redact("DATA {\"value\":[\"Copper7725*ir\"]}"));
        assertEquals("login ci-bot / [REDACTED_PASSWORD] failed", REDACTOR.redact("login ci-bot / Tq8~wePz31Lm failed"));
    }

    @Test
    void aUrlEncodedSignCountsAsTheSignItStandsFor() {
        assertEquals("+ echo \"checking: [REDACTED_PASSWORD]\"", REDACTOR.redact("+ echo \"checking: 7Rr2pLx%21w9Q%40k\""));
        untouched("searched Caf%C3%A9Menu2%20Lunch1 today");   // letters outside ASCII
        untouched("download Quarterly%20Report%202024.pdf and Rev%2DB2x");   // blanks and dashes are no signs
    }

    @Test
    void sambasUserBeforeThePercentStays() {
        assertEquals("smbclient //fs01/share -U \"qa-automation%[REDACTED_PASSWORD]\"",
                REDACTOR.redact("smbclient //fs01/share -U \"qa-automation%Pz7!kQw2Lm\""));
    }

    @Test
    void lookAlikesStay() {
        untouched("Jenkins Build#1234 of Release-7 failed");
        untouched("click #Submit2Btn then #Cancel3Link");
        untouched("coverage 100% (Lines 88%, Branches 71%)");
        untouched("at dev.healdesk.Foo$1.run(Foo.java:12) and lambda$main$0");
        untouched("GET /api/v1/items?Page=2&Sort=Desc1#Top HTTP/1.1");
        untouched("name=Build%20Agent%2007 path=%2Fsrv%2FApp1");
        untouched("Dec 5 12:00:01 mail dovecot: imap-login: Login#011method=PLAIN#011Session=Xy7kT2");
        untouched("sha512-Ab3+Cd9!Ef/Gh7^Ij2== integrity check");
        untouched("Welcome back, Anna! Order #A1b2 shipped.");
        untouched("mysql -u root --ssl-mode=REQUIRED -h db01 orders");
    }

    @Test
    void aCommandLineFlagKeepsItsDashAndLetsTheFlagRuleMaskTheValue() {
        assertEquals("mysql -u root -p[REDACTED_PASSWORD] orders", REDACTOR.redact("mysql -u root -pKk29!lmQ orders"));
    }
}
