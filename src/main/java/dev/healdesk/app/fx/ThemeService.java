package dev.healdesk.app.fx;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.util.Subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Light or dark: the AtlantaFX Primer user-agent stylesheet for the whole application, plus the
 * console's own stylesheet ({@value #APP_CSS}) on every scene, whose named colours switch on the
 * {@code :dark} pseudo-class of the scene's root.
 */
public final class ThemeService {
    public static final String APP_CSS = "/dev/healdesk/app/healdesk.css";
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private final BooleanProperty dark;
    private final List<Scene> scenes = new ArrayList<>();
    private final String appCss;

    public ThemeService(boolean dark) {
        this.dark = new SimpleBooleanProperty(this, "dark", dark);
        this.appCss = Objects.requireNonNull(ThemeService.class.getResource(APP_CSS), APP_CSS).toExternalForm();
        this.dark.addListener((obs, was, now) -> apply());
    }

    /** {@code -Dhealdesk.theme} (demos, screenshots), else the settings' {@code HEALDESK_THEME}, else light. */
    public static ThemeService from(Map<String, String> env) {
        String theme = System.getProperty("healdesk.theme", env.getOrDefault("HEALDESK_THEME", "light"));
        return new ThemeService("dark".equalsIgnoreCase(theme));
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public boolean isDark() {
        return dark.get();
    }

    /** Sets the user-agent stylesheet; call once on the FX thread before the first window shows. */
    public void installUserAgentStylesheet() {
        // The pre-compiled (binary) form: the same rules, without parsing 170 KB of CSS at startup.
        Application.setUserAgentStylesheet(dark.get()
                ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
    }

    /** Styles {@code scene} (the main window or a dialog) until the returned subscription is released. */
    public Subscription install(Scene scene) {
        if (!scene.getStylesheets().contains(appCss)) {
            scene.getStylesheets().add(appCss);
        }
        scenes.add(scene);
        markDark(scene.getRoot());
        Subscription rootWatch = scene.rootProperty().subscribe(this::markDark);
        return () -> {
            rootWatch.unsubscribe();
            scenes.remove(scene);
        };
    }

    /** Marks a node that lives outside the themed scenes (a dialog pane) with the current theme. */
    public void markDark(Parent root) {
        if (root != null) {
            root.pseudoClassStateChanged(DARK, dark.get());
        }
    }

    public String appStylesheet() {
        return appCss;
    }

    private void apply() {
        installUserAgentStylesheet();
        List.copyOf(scenes).forEach(s -> markDark(s.getRoot()));
    }
}
