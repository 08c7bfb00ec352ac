package dev.healdesk.app;

/** The console's screens, in the order of the navigation rail. */
public enum Screen {
    RUN("Run", "\u25B6"),
    FAILURES("Failures", "\u26A0"),
    PLAYBOOKS("Playbooks", "\u2692"),
    HISTORY("History", "\u27F2"),
    HARDWARE("Hardware", "\u25A3"),
    SETTINGS("Settings", "\u2699");

    private final String title;
    private final String glyph;

    Screen(String title, String glyph) {
        this.title = title;
        this.glyph = glyph;
    }

    public String title() {
        return title;
    }

    /** A one-character icon drawn from the font (DejaVu Sans has them all). */
    public String glyph() {
        return glyph;
    }

    public String id() {
        return "nav-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
