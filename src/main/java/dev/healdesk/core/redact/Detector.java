package dev.healdesk.core.redact;

/**
 * One family of formats, called by {@link Redactor} only where one of its trigger characters occurs, so that
 * its regexes and checks run on a few places of a text rather than over all of it.
 */
interface Detector {

    /**
     * Looks at the trigger at {@code i} in {@code scan.text}, adds what it finds to {@code scan}, and returns
     * where scanning may go on: {@code i + 1}, or further when it has read (and judged) more.
     */
    int at(Scan scan, int i);
}
