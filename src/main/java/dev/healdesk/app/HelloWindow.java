package dev.healdesk.app;

import dev.healdesk.app.fx.UiThread;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The floor of {@code healdesk bench --only=startup}: a hello-world JavaFX window of the console's size, started
 * with the same JVM, flags and JavaFX jars, that reports its first frame the way the console does
 * ({@link StartupProbe}). Not part of the product; {@code java -cp healdesk.jar:lib/* dev.healdesk.app.HelloWindow}.
 * Like {@link dev.healdesk.Launcher}, the main class is not the {@code Application} (java refuses to start one from
 * the class path).
 */
public final class HelloWindow {

    private HelloWindow() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window: one label. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new StackPane(new Label("Hello")), 1320, 840));
            stage.setTitle("Hello");
            stage.show();
            if (StartupProbe.active()) {
                UiThread.afterNextFrame(StartupProbe::firstFrameShown);   // as the console measures its first frame
            }
        }
    }
}
