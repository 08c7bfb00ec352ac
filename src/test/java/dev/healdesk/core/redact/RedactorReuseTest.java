package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The redactor reads each text from arrays its calling thread keeps between calls ({@link Scan.Buffers}): what one
 * call leaves there must never reach the next, whatever their lengths, and texts past Latin-1 read as they are.
 */
class RedactorReuseTest {

    private final Redactor redactor = Redactor.standard();
    private final String password = "Zx8kk2LmQ" + "aaBB12";

    @Test
    void aShortTextAfterALongerOneComesOutWithNoneOfTheLongerOnesCharacters() {
        String longer = ("INFO connecting user=svc password=" + password + " host=db.internal port=5432\n").repeat(200);
        String shorter = "token=invalid password=****";
        redactor.redact(longer);
        assertEquals(shorter, redactor.redact(shorter));
        assertEquals("password=[REDACTED_PASSWORD]", redactor.redact("password=" + password));
    }

    @Test
    void aTextLongerThanTheKeptArraysIsRedactedWholeAndTheNextOneStillReadsRight() {
        String line = "customer ssn=123-45-6789 opened ticket 42\n";
        String huge = line.repeat(Scan.Buffers.MAX_KEPT / line.length() + 10);
        String out = redactor.redact(huge);
        assertEquals("customer ssn=[REDACTED_SSN] opened ticket 42\n".repeat(Scan.Buffers.MAX_KEPT / line.length() + 10), out);
        assertEquals("ssn=[REDACTED_SSN]", redactor.redact("ssn=123-45-6789"));
    }

    @Test
    void textPastLatinOneKeepsItsCharactersAroundWhatGoes() {
        String text = "Ł \u2502 password=" + password + " \uD83D\uDE00 Grüße Łódź";
        assertEquals("Ł \u2502 password=[REDACTED_PASSWORD] \uD83D\uDE00 Grüße Łódź", redactor.redact(text));
        assertEquals(1, redactor.find(text).size());
    }

    @Test
    void threadsRedactingAtOnceEachGetTheirOwnTextBack() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> outs = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                String id = "job-" + t + " ";
                String text = (id + "password=" + password + " done\n").repeat(1 + t % 7);
                outs.add(pool.submit(() -> redactor.redact(text)));
            }
            for (int t = 0; t < 64; t++) {
                assertEquals(("job-" + t + " password=[REDACTED_PASSWORD] done\n").repeat(1 + t % 7), outs.get(t).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
