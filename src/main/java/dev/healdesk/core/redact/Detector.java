package dev.healdesk.core.redact;

/**
 * One family of formats, called by {@link Redactor} only where one of its trigger characters occurs, so that
 * its regexes and checks run on a few places of a text rather than over all of it. An abstract class rather than an
 * interface: the scan's one call site sees every detector, and a virtual call there costs less than an interface's.
 */
abstract class Detector {

    /**
     * Looks at the trigger at {@code i} in {@code scan.text}, adds what it finds to {@code scan}, and returns
     * where scanning may go on: {@code i + 1}, or further when it has read (and judged) more.
     */
    abstract int at(Scan scan, int i);

    /**
     * For the trigger {@code c}, the ASCII characters that can follow it where this detector finds something, as a
     * table by character, or null for no such test. Where the character after {@code c} is ASCII and not among them
     * (or there is none), {@link #at} finds nothing and returns {@code i + 1}, or {@link Scan#wordEnd} where {@code c}
     * is a word character ({@link Chars#word}), so {@link Redactor} takes that without calling it. A character outside
     * ASCII after the trigger always gets the call.
     */
    boolean[] seconds(char c) {
        return null;
    }

    /**
     * For the trigger {@code c}, the ASCII characters that can stand before it where this detector finds something, as
     * a table by character, or null for no such test: as {@link #seconds}, for the character before the trigger.
     */
    boolean[] befores(char c) {
        return null;
    }

    /**
     * For the word character {@code c}: bit {@code n} set where this detector may find something at a word of
     * {@code n} characters (bit 63: of 63 or more), the word being the run {@link Scan#wordEnd} reads. Where the bit
     * of the word at the trigger is clear, {@link #at} finds nothing and returns {@link Scan#wordEnd}, so
     * {@link Redactor} takes that without calling it. All bits set (the default): no such promise.
     */
    long wordLengths(char c) {
        return -1L;
    }

    /**
     * For the trigger {@code c}, a test of both neighbours together, or null for none: two tables by ASCII character,
     * {@code [0]} for the character before the trigger and {@code [1]} for the one after it. Where neither neighbour is
     * in its table (or there is none: the text's start or end), {@link #at} finds nothing and returns as
     * {@link #seconds} says, so {@link Redactor} takes that without calling it. This holds where a detector needs one
     * side or the other, which two separate tests cannot say: an IPv6 address at a colon either goes on before it or
     * opens with {@code ::}. A character outside ASCII on either side always gets the call.
     */
    boolean[][] eitherSide(char c) {
        return null;
    }
}
