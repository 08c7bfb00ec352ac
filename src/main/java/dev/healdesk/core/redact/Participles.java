package dev.healdesk.core.redact;

/**
 * A name and a participle that says what was done with its value, before the colon: {@code access_token used: …}
 * (PayPal's SDK samples and many a debug line), {@code token sent: …}, {@code api key issued: …}, {@code refresh_token
 * received: …}. The name before the participle is judged as a key name, so {@code retries used: 3} and {@code
 * bytes sent: 512} stay, and the value as that name's. A label in another language goes the same way with its
 * language's participle ({@code code de vérification saisi : …}, {@code Kennwort eingegeben: …}), read by
 * {@link LocalLabels}.
 */
final class Participles {

    private static final String[] WORDS = {"used", "sent", "issued", "received", "returned", "generated", "obtained",
            "fetched", "minted", "presented",
            // after a label in another language ({@link LocalLabels}): French, German, Spanish, Portuguese, Italian,
            // Dutch, as localised forms and test steps print what was typed or sent (code de vérification saisi : …)
            "saisi", "saisie", "eingegeben", "gesendet", "verwendet", "erhalten", "ingresado", "introducido", "enviado",
            "usado", "recibido", "digitado", "recebido", "inserito", "inviato", "usato", "ricevuto", "ingevoerd",
            "verzonden", "gebruikt", "ontvangen"};
    /** The longest word of {@link #WORDS}. */
    private static final int LONGEST = 11;

    private Participles() {
    }

    /**
     * Where the name before the participle {@code s[start, end)} starts, one blank before it; -1 where the word is no
     * participle of the list or no name (letters, digits, {@code _ - .}) stands there.
     */
    static int nameStart(String s, int start, int end) {
        if (end - start < 4 || end - start > LONGEST || start < 3 || s.charAt(start - 1) != ' '
                || !Chars.isAny(s, start, end, WORDS)) {
            return -1;
        }
        int k = start - 1;
        while (k > 0 && start - 1 - k < KeyNames.MAX_LENGTH && keyChar(s.charAt(k - 1))) {
            k--;
        }
        return k < start - 1 && (k == 0 || !keyChar(s.charAt(k - 1))) ? k : -1;
    }

    private static boolean keyChar(char c) {
        return Chars.alnum(c) || c == '_' || c == '-' || c == '.';
    }
}
