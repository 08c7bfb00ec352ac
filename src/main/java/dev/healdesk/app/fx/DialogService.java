package dev.healdesk.app.fx;

/**
 * Every dialog the console shows goes through here, so view models can report to the operator
 * without touching a control, and tests can record what would have been shown.
 */
public interface DialogService {

    /** An error the operator must see: {@code title} in the window bar, {@code header} in bold, details below. */
    void showError(String title, String header, String message);

    void showInfo(String title, String header, String message);
}
