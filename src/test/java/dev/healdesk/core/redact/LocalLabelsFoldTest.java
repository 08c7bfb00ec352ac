package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link LocalLabels#fold} without the normalizer for ASCII folds as it did with it. */
class LocalLabelsFoldTest {

    @Test
    void asciiIsItsOwnDecompositionSoFoldingItWithoutTheNormalizerChangesNothing() {
        // LocalLabels.fold skips Normalizer for ASCII text: exact only where every ASCII character, alone and beside
        // others, is its own NFD after the lower-casing fold does first
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            String s = ("a" + c + "B").toLowerCase(Locale.ROOT);
            assertEquals(s, Normalizer.normalize(s, Normalizer.Form.NFD), "character " + (int) c);
            all.append(c);
        }
        String lower = all.toString().toLowerCase(Locale.ROOT);
        assertEquals(lower, Normalizer.normalize(lower, Normalizer.Form.NFD));
        assertEquals("api key", LocalLabels.fold("API_Key"));
        assertEquals("mot de passe", LocalLabels.fold("mot-de-passe."));
    }

    @Test
    void textBeyondAsciiStillGoesThroughTheNormalizer() {
        assertEquals("contrasena", LocalLabels.fold("Contraseña"));
        assertEquals("strasse", LocalLabels.fold("Straße"));
        assertEquals("haslo", LocalLabels.fold("Hasło"));
        assertEquals("codigo de verificacao", LocalLabels.fold("Código de verificação"));
    }
}
