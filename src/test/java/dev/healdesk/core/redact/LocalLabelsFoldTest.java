package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link LocalLabels#fold} without the normalizer for ASCII folds as it did with it. */
class LocalLabelsFoldTest {

    @Test
    void foldingAsciiWithoutTheNormalizerFoldsAsWithIt() {
        // LocalLabels.fold skips Normalizer for ASCII, which is its own NFD: every ASCII character, alone and in a word
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            String s = "a" + c + "B";
            assertEquals(foldedWithNormalizer(s), LocalLabels.fold(s), "character " + (int) c);
            all.append(c);
        }
        assertEquals(foldedWithNormalizer(all.toString()), LocalLabels.fold(all.toString()));
        assertEquals("contrasena", LocalLabels.fold("Contraseña"));
        assertEquals("strasse", LocalLabels.fold("Straße"));
        assertEquals("haslo", LocalLabels.fold("Hasło"));
    }

    /** {@link LocalLabels#fold} as it was before its ASCII path. */
    private static String foldedWithNormalizer(String label) {
        String d = Normalizer.normalize(label.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'ł') {
                c = 'l';
            } else if (c == 'ß') {
                b.append("ss");
                continue;
            } else if (c == '_' || c == '-' || c == '.' || c == '\'' || c == ' ') {
                if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                    b.append(' ');
                }
                continue;
            }
            b.append(c);
        }
        int n = b.length();
        return n > 0 && b.charAt(n - 1) == ' ' ? b.substring(0, n - 1) : b.toString();
    }
}
