package dev.healdesk.app.fx;

import javafx.scene.control.Label;

/** Labels the screens share, so that one style class means one look everywhere. */
public final class Labels {

    private Labels() {
    }

    /** A small heading over a group of controls ("Projects", "Plan (dry run)"): the {@code caption} style class. */
    public static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("caption");
        return label;
    }
}
