package dev.healdesk.core.redact;

/**
 * MyBatis' debug log of a statement's bound values, the line {@code ==> Parameters: …(String), …(Integer)} below its
 * {@code ==>  Preparing: INSERT … VALUES (?, ?)}: triggered by the arrow's {@code >} before {@code Parameters:}; the
 * values are read and judged by {@link PlaceholderParams#typed}, each as the column of its place.
 */
final class MyBatisParameters extends Detector {

    private static final boolean[] BEFORE = Chars.set("=");
    private static final String LABEL = "Parameters:";

    @Override
    public boolean[] befores(char c) {
        return BEFORE;
    }

    @Override
    int at(Scan scan, int gt) {
        String s = scan.text;
        int k = Chars.skipBlanks(s, gt + 1);
        if (k == gt + 1 || !s.startsWith(LABEL, k)) {
            return gt + 1;
        }
        PlaceholderParams.typed(scan, gt, Chars.skipBlanks(s, k + LABEL.length()));
        return gt + 1;
    }
}
