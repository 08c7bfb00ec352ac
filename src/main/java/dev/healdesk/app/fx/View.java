package dev.healdesk.app.fx;

import javafx.scene.Parent;

/** A screen or panel built in code: its root node, and the release of everything it bound to. */
public interface View {

    Parent root();

    /** Releases the bindings and listeners this view holds on its view model. */
    void dispose();
}
