package dev.healdesk.app.run;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** One of the target's projects and whether the next run includes it (an input the view binds to). */
public final class ProjectOption {
    private final String name;
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected", true);

    public ProjectOption(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }

    public void setSelected(boolean value) {
        selected.set(value);
    }
}
