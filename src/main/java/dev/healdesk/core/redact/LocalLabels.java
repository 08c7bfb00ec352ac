package dev.healdesk.core.redact;

import com.fasterxml.jackson.databind.JsonNode;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Labels in other languages than English that name a secret or a person's number ({@code local-labels.json}), for a
 * key-value separator whose key {@link KeyNames} reads as none: {@code Kennwort: …}, {@code mot de passe=…},
 * {@code clave de API=…}, {@code token autoryzacyjny=…}, {@code Partita IVA=…}, {@code パスワード=…},
 * {@code 身份证号=…}, {@code 비밀번호=…}. The label is read back from the key's end over letters of any script, digits,
 * single blanks and {@code _ - . '}; a Latin-script label is folded (small letters, accents dropped, {@code ł} as
 * {@code l}, {@code _ - . '} as a blank) and its last words must be one of the file's labels, the longest that is; a
 * label in Japanese, Chinese or Korean must end the run of its script. A label written as an identifier, its words
 * joined in camel case ({@code motDePasse}, {@code cleApi}, {@code claveSecreta}), may start at a capital after a
 * small letter too ({@code userCleApi}), and is read parted at its capitals where it folds to no label whole. What
 * the value must look like is the kind's
 * ({@link Judge#value}): a placeholder ({@code ***}, {@code <oculta>}) and prose ({@code Das Passwort wurde geändert},
 * no separator) stay.
 */
final class LocalLabels {

    static final String RESOURCE = "local-labels.json";
    /** How far back a label may reach from the separator. */
    private static final int MAX_LABEL = 48;
    /** Slots of the table of last words' hashes: a cheap no for most keys, which name none of the labels. */
    private static final int SLOTS = 4096;

    private static final Map<String, KeyNames.Key> LATIN = new HashMap<>();
    private static final Map<String, KeyNames.Key> CJK = new HashMap<>();
    /** The labels of a card's security code (folded, or in their script), a password of three digits too. */
    private static final java.util.Set<String> CARD_CODES = new java.util.HashSet<>();
    private static final boolean[] LAST_WORDS = new boolean[SLOTS];
    /** Beside {@link #LAST_WORDS}: the last words themselves by slot, for {@link #lastWord}. */
    private static final String[][] LAST_WORDS_BY_SLOT = new String[SLOTS][];
    /** The slots of the Latin labels' hashes with their words joined: a cheap no for a run of letters that is none. */
    private static final boolean[] WHOLE = new boolean[SLOTS];
    private static final int LONGEST_CJK;
    /**
     * {@code local-labels.json}'s messageWords: the words that name a password in the scripts whose words carry vowel
     * signs and viramas, which {@link #start} does not read back (its labels are runs of letters), without their
     * zero-width joiners and non-joiners.
     */
    private static final java.util.Set<String> MESSAGE_PASSWORDS = new java.util.HashSet<>();

    static {
        JsonNode file = RuleTable.resource(RESOURCE);
        JsonNode labels = file.get("labels");
        int longest = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> kind = it.next();
            boolean cardCode = kind.getKey().equals("CARD_CODE");
            KeyNames.Key key = cardCode ? KeyNames.Key.PASSWORD : KeyNames.Key.valueOf(kind.getKey());
            for (JsonNode label : kind.getValue()) {
                String l = label.asText();
                if (cardCode) {
                    CARD_CODES.add(l);
                }
                if (cjk(l.charAt(l.length() - 1))) {
                    CJK.put(l, key);
                    longest = Math.max(longest, l.length());
                } else {
                    if (!l.equals(fold(l))) {
                        throw new IllegalStateException(RESOURCE + ": a label not folded: " + l);
                    }
                    LATIN.put(l, key);
                    String joined = l.replace(" ", "");
                    WHOLE[hash(joined, 0, joined.length())] = true;
                    String last = l.substring(l.lastIndexOf(' ') + 1);
                    int slot = hash(last, 0, last.length());
                    LAST_WORDS[slot] = true;
                    String[] had = LAST_WORDS_BY_SLOT[slot];
                    if (had == null) {
                        LAST_WORDS_BY_SLOT[slot] = new String[] {last};
                    } else if (!java.util.Arrays.asList(had).contains(last)) {
                        LAST_WORDS_BY_SLOT[slot] = java.util.Arrays.copyOf(had, had.length + 1);
                        LAST_WORDS_BY_SLOT[slot][had.length] = last;
                    }
                }
            }
        }
        LONGEST_CJK = longest;
        for (JsonNode word : file.get("messageWords").get("PASSWORD")) {
            MESSAGE_PASSWORDS.add(joinerless(word.asText(), 0, word.asText().length()));
        }
    }

    /**
     * Whether the word {@code s[start, end)} of a message names a password in a script whose words carry vowel signs
     * and viramas ({@code പാസ്‌വേഡ്}, {@code पासवर्ड}, {@code รหัสผ่าน}), a zero-width joiner or non-joiner in it or not.
     */
    static boolean messagePassword(String s, int start, int end) {
        return end > start && s.charAt(start) >= 0x0900 && MESSAGE_PASSWORDS.contains(joinerless(s, start, end));
    }

    private static String joinerless(String s, int start, int end) {
        StringBuilder b = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c != '\u200c' && c != '\u200d') {
                b.append(c);
            }
        }
        return b.toString();
    }

    private LocalLabels() {
    }

    /**
     * Where the label that ends at {@code end} starts, when it is one of the file's, else -1: for the key that
     * {@link KeyValues} read before its separator and {@link KeyNames} found nothing in.
     */
    static int start(String s, int end) {
        if (end < 2 || end > s.length()) {
            return -1;
        }
        char last = s.charAt(end - 1);
        if (cjk(last)) {
            return cjkStart(s, end);
        }
        if (!Character.isLetter(last)) {
            return -1;
        }
        int wordStart = end;
        while (wordStart > 0 && Character.isLetter(s.charAt(wordStart - 1)) && !cjk(s.charAt(wordStart - 1))) {
            wordStart--;
        }
        int slot = foldedHash(s, wordStart, end);
        // the slot is shared (4,096 of them, a few per cent taken: "ts" of a spec file's name, "id" of a column): a
        // last word of ASCII letters with nothing alphanumeric glued before it folds to its small letters in any label
        // read back from here, so unless it is a label's last word none of them is a label, and no label is folded
        boolean maybe = LAST_WORDS[slot] && !((wordStart == 0 || !Character.isLetterOrDigit(s.charAt(wordStart - 1)))
                && lastWord(s, wordStart, end, LAST_WORDS_BY_SLOT[slot]) == 0);
        // a label written as an identifier, its words joined in camel case (motDePasse, cleApi, claveSecreta), as a
        // DTO's toString() or a JSON body prints a localised field: its last word starts at a capital
        // (judged as the whole word is: an ASCII last word only where it is a label's, so a column's userId stays out)
        for (int h = end - 1; !maybe && h > wordStart; h--) {
            if (hump(s, h)) {
                int humpSlot = foldedHash(s, h, end);
                maybe = LAST_WORDS[humpSlot] && lastWord(s, h, end, LAST_WORDS_BY_SLOT[humpSlot]) != 0;
            }
        }
        if (!maybe) {
            return -1;
        }
        int from = end;
        int best = -1;
        // while s[from, end) is a run of letters, or ASCII, its fold (parted at its capitals or not) is a label only
        // where its letters' and digits' hash is a label's with its words joined: a cheap no before any fold
        boolean letters = true;
        boolean ascii = true;
        while (from > 0 && end - from < MAX_LABEL) {
            char c = s.charAt(from - 1);
            boolean inLabel = Character.isLetterOrDigit(c) && !cjk(c) || c == '_' || c == '-' || c == '.' || c == '\''
                    || c == ' ' && from >= 2 && s.charAt(from - 2) != ' ';
            if (!inLabel) {
                break;
            }
            from--;
            letters &= Character.isLetter(c);
            ascii &= c < 0x80;
            boolean wordStarts = from == 0 || !Character.isLetterOrDigit(s.charAt(from - 1)) || hump(s, from);
            if (wordStarts && Character.isLetterOrDigit(c)
                    && (letters ? WHOLE[foldedHash(s, from, end)] : !ascii || WHOLE[joinedHash(s, from, end)])
                    && key(s, from, end) != null) {
                best = from;
            }
        }
        return best;
    }

    /** Whether a capital at {@code i} follows a small letter: a word of a name in camel case starts there. */
    static boolean hump(String s, int i) {
        return i > 0 && Character.isUpperCase(s.charAt(i)) && Character.isLowerCase(s.charAt(i - 1));
    }

    /** Whether {@code s[start, end)} has a word of a camel-case name after its first: only then is it read parted. */
    private static boolean humped(String s, int start, int end) {
        for (int i = start + 1; i < end; i++) {
            if (hump(s, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The label {@code s[start, end)} folded; a name in camel case that folds to no label whole is read parted at its
     * capitals ({@code motDePasse} as {@code mot De Passe}).
     */
    private static String folded(String s, int start, int end) {
        String folded = fold(s.substring(start, end));
        if (LATIN.containsKey(folded) || !humped(s, start, end)) {
            return folded;
        }
        StringBuilder b = new StringBuilder(end - start + 4);
        for (int i = start; i < end; i++) {
            if (i > start && hump(s, i)) {
                b.append(' ');
            }
            b.append(s.charAt(i));
        }
        return fold(b.toString());
    }

    /**
     * For the word {@code s[start, end)}: 1 where it is all ASCII letters and, in small letters, one of {@code lasts}
     * (the labels' last words in its hash's slot); 0 where it is all ASCII letters and none of them; -1 where it is not
     * all ASCII (its fold is then {@link #fold}'s to tell).
     */
    private static int lastWord(String s, int start, int end, String[] lasts) {
        for (int i = start; i < end; i++) {
            if (s.charAt(i) >= 0x80) {
                return -1;
            }
        }
        for (String last : lasts) {
            if (last.length() != end - start) {
                continue;
            }
            int i = start;
            // the word's characters are ASCII letters: | 0x20 is their small letter
            while (i < end && (s.charAt(i) | 0x20) == last.charAt(i - start)) {
                i++;
            }
            if (i == end) {
                return 1;
            }
        }
        return 0;
    }

    /**
     * Whether the value at {@code value} stands after a card's security code's label in another language, and a colon or
     * an equals sign ({@code セキュリティコード=505}, {@code código de seguridad: 731}): for {@link Judge}'s card code.
     */
    static boolean cardCode(String s, int value) {
        int k = value - 1;
        while (k >= 0 && (s.charAt(k) == '"' || s.charAt(k) == '\'' || Chars.blank(s.charAt(k)))) {
            k--;
        }
        if (k < 1 || s.charAt(k) != '=' && s.charAt(k) != ':') {
            return false;
        }
        k--;
        while (k >= 0 && (s.charAt(k) == '"' || s.charAt(k) == '\'' || Chars.blank(s.charAt(k)))) {
            k--;
        }
        int end = k + 1;
        int start = start(s, end);
        if (start < 0) {
            return false;
        }
        if (cjk(s.charAt(end - 1))) {
            for (int from = Math.max(start, end - LONGEST_CJK); from < end; from++) {
                if (CJK.containsKey(s.substring(from, end))) {
                    return CARD_CODES.contains(s.substring(from, end));
                }
            }
            return false;
        }
        return CARD_CODES.contains(folded(s, start, end));
    }

    /** The kind of key the label {@code s[start, end)} that {@link #start} found names. */
    static KeyNames.Key key(String s, int start, int end) {
        if (cjk(s.charAt(end - 1))) {
            for (int from = Math.max(start, end - LONGEST_CJK); from < end; from++) {
                KeyNames.Key key = CJK.get(s.substring(from, end));
                if (key != null) {
                    return key;
                }
            }
            return null;
        }
        return LATIN.get(folded(s, start, end));   // motDePasse, cleApi: parted at their capitals
    }

    private static int cjkStart(String s, int end) {
        int runStart = end;
        while (runStart > 0 && cjk(s.charAt(runStart - 1))) {
            runStart--;
        }
        int best = -1;
        for (int from = Math.max(runStart, end - LONGEST_CJK); from < end; from++) {
            if (CJK.containsKey(s.substring(from, end))) {
                best = from;
                break;   // the longest, as from rises
            }
        }
        if (best < 0) {
            return -1;
        }
        // a Latin word glued before (APIキー, APIv3密钥) belongs to the label
        int k = best;
        while (k > 0 && Chars.alnum(s.charAt(k - 1))) {
            k--;
        }
        return k;
    }

    /**
     * Whether the value after the separator at {@code v} is a word in brackets, as a localised tool writes a value it
     * hid: {@code (masqué)}, {@code [ukryte]}, {@code <oculta>}, {@code (非表示)}: letters of any script and blanks alone
     * between (, [, < or { and its closing mate.
     */
    static boolean masked(String s, int v) {
        v = Chars.skipBlanks(s, v);
        if (v >= s.length()) {
            return false;
        }
        int open = "([<{".indexOf(s.charAt(v));
        if (open < 0) {
            return false;
        }
        char close = ")]>}".charAt(open);
        int i = v + 1;
        while (i < s.length() && i - v < MAX_LABEL && (Character.isLetter(s.charAt(i)) || s.charAt(i) == ' ')) {
            i++;
        }
        return i > v + 1 && i < s.length() && s.charAt(i) == close;
    }

    /** Japanese kana, CJK ideographs, Hangul: scripts that write a label without blanks. */
    static boolean cjk(char c) {
        return c >= 0x3040 && c <= 0x30ff || c >= 0x3400 && c <= 0x9fff || c >= 0xac00 && c <= 0xd7af
                || c >= 0xf900 && c <= 0xfaff;
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** A label as the file writes it: small letters, accents dropped, ł as l, ß as ss, _ - . ' as one blank. */
    static String fold(String label) {
        String lower = label.toLowerCase(Locale.ROOT);
        // ASCII is its own NFD: the file's labels but the CJK ones are, and checking them at start without the
        // normalizer keeps its ICU data (read out of the runtime's compressed image, ~6 ms) out of a short process
        String d = ascii(lower) ? lower : Normalizer.normalize(lower, Normalizer.Form.NFD);
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

    /**
     * {@link #hash} of the word {@code s[start, end)} folded, without building it: ß counts as ss, and a capital sigma
     * that ends the word after a letter as a final ς, as {@link #fold}'s {@code String.toLowerCase} makes them.
     */
    private static int foldedHash(String s, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if (c == 'σ' && i == end - 1 && i > start && s.charAt(i) == 'Σ' && Character.isLetter(s.charAt(i - 1))) {
                c = 'ς';
            }
            if (c == 'ß') {
                h = 31 * (31 * h + 's') + 's';
                continue;
            }
            h = 31 * h + plain(c);
        }
        return (h ^ h >>> 12) & (SLOTS - 1);
    }

    /** {@link #hash} of the ASCII label {@code s[start, end)} folded with its words joined: blanks and {@code _ - . '} left out. */
    private static int joinedHash(String s, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '_' && c != '-' && c != '.' && c != '\'') {
                h = 31 * h + (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            }
        }
        return (h ^ h >>> 12) & (SLOTS - 1);
    }

    private static int hash(String folded, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + folded.charAt(i);
        }
        return (h ^ h >>> 12) & (SLOTS - 1);
    }

    /** A small letter without its accent, for the letters of the languages the file has. */
    private static char plain(char c) {
        if (c < 0xc0) {
            return c;
        }
        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char base = d.charAt(0);
        return base == 'ł' ? 'l' : base;
    }
}
