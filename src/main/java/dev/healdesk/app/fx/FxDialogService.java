package dev.healdesk.app.fx;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Modality;
import javafx.stage.Window;

import java.util.function.Supplier;

/** Alerts owned by the console's window, styled like it, with long text in a selectable area. */
public final class FxDialogService implements DialogService {
    private static final int INLINE_LIMIT = 300;

    private final Supplier<Window> owner;
    private final ThemeService theme;

    public FxDialogService(Supplier<Window> owner, ThemeService theme) {
        this.owner = owner;
        this.theme = theme;
    }

    @Override
    public void showError(String title, String header, String message) {
        show(Alert.AlertType.ERROR, title, header, message);
    }

    @Override
    public void showInfo(String title, String header, String message) {
        show(Alert.AlertType.INFORMATION, title, header, message);
    }

    private void show(Alert.AlertType type, String title, String header, String message) {
        UiThread.require("A dialog");
        Alert alert = new Alert(type, "", ButtonType.OK);
        alert.setTitle(title);
        alert.setHeaderText(header);
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
        }
        alert.initModality(Modality.WINDOW_MODAL);
        String text = message == null ? "" : message;
        if (text.length() <= INLINE_LIMIT && text.lines().count() <= 4) {
            Label label = new Label(text);
            label.setWrapText(true);
            label.setMaxWidth(520);
            alert.getDialogPane().setContent(label);
        } else {
            TextArea area = new TextArea(text);
            area.setEditable(false);
            area.setWrapText(true);
            area.setPrefSize(620, 220);
            area.getStyleClass().add("mono");
            alert.getDialogPane().setContent(area);
        }
        alert.getDialogPane().getStylesheets().add(theme.appStylesheet());
        theme.markDark(alert.getDialogPane());
        alert.showAndWait();
    }
}
