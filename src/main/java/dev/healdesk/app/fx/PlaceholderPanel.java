package dev.healdesk.app.fx;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.util.List;

/** An honest "not in this build yet" panel: what the screen will hold, and which issue brings it. */
public final class PlaceholderPanel {

    private PlaceholderPanel() {
    }

    public static VBox of(String title, String arrives, List<String> planned) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_2);
        Label note = new Label(arrives);
        note.getStyleClass().addAll("placeholder-note");
        note.setWrapText(true);
        VBox list = new VBox(6);
        for (String item : planned) {
            Label l = new Label("•  " + item);
            l.setWrapText(true);
            list.getChildren().add(l);
        }
        Label what = new Label("What will be here");
        what.getStyleClass().add(Styles.TITLE_4);
        VBox card = new VBox(10, what, list);
        card.getStyleClass().add("card");
        card.setPadding(new Insets(14, 16, 14, 16));
        card.setMaxWidth(760);
        VBox box = new VBox(14, heading, note, card);
        box.getStyleClass().add("screen");
        box.setPadding(new Insets(20, 24, 16, 24));
        return box;
    }
}
