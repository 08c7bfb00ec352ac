package dev.healdesk.app.run;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import dev.healdesk.app.fx.LaterTooltips;
import dev.healdesk.app.fx.Subscriptions;
import dev.healdesk.app.fx.View;
import javafx.geometry.HorizontalDirection;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The sandbox's fault switches: one toggle per fault (label = its id, tooltip = what it breaks),
 * bound two-way to the sandbox through {@link FaultPanelViewModel}, and a restart button.
 * Each switch has the id {@code fault-<id>} for tests and scripts.
 */
public final class FaultPanel implements View {
    private final VBox root = new VBox(10);
    private final Subscriptions subs = new Subscriptions();

    public FaultPanel(FaultPanelViewModel model) {
        LaterTooltips tooltips = new LaterTooltips();
        root.getStyleClass().addAll("card", "fault-panel");
        root.setPadding(new Insets(14, 16, 14, 16));

        Label title = new Label("Sandbox faults");
        title.getStyleClass().add(Styles.TITLE_4);
        Label status = new Label();
        status.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        status.setWrapText(true);
        subs.bind(status.textProperty(), model.statusTextProperty());

        GridPane grid = new GridPane();
        grid.setHgap(28);
        grid.setVgap(10);
        int i = 0;
        for (FaultPanelViewModel.FaultSwitch s : model.switches()) {
            ToggleSwitch toggle = new ToggleSwitch(s.fault().id());
            toggle.setId("fault-" + s.fault().id());
            toggle.setLabelPosition(HorizontalDirection.RIGHT);
            toggle.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> clickedBeside(toggle, e));
            String description = s.fault().description();
            tooltips.set(toggle, () -> {
                Tooltip tip = new Tooltip(description);
                tip.setShowDelay(Duration.millis(300));
                tip.setWrapText(true);
                tip.setMaxWidth(360);
                return tip;
            });
            subs.bindBidirectional(toggle.selectedProperty(), s.onProperty());
            subs.bind(toggle.disableProperty(), model.availableProperty().not());
            grid.add(toggle, i % 2, i / 2);
            i++;
        }

        Button restart = new Button("Restart sandbox");
        restart.setId("restart-sandbox");
        tooltips.set(restart, "Restart the sandbox server: clears backend-down");
        subs.bind(restart.disableProperty(), model.availableProperty().not());
        restart.setOnAction(e -> model.restart());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, spacer, restart);
        head.setAlignment(Pos.CENTER_LEFT);

        root.getChildren().addAll(head, status, grid);
        tooltips.installAfterNextFrame();   // the console's first frame shows this panel, and no tooltip
    }

    /**
     * The switch's skin toggles only on its thumb; a click on the label toggles it too, as a check
     * box's would (a click on the thumb is left to the skin, so it toggles once).
     */
    private static void clickedBeside(ToggleSwitch toggle, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
            return;
        }
        for (Node n = e.getPickResult().getIntersectedNode(); n != null && n != toggle; n = n.getParent()) {
            if (n.getStyleClass().contains("thumb-area") || n.getStyleClass().contains("thumb")) {
                return;
            }
        }
        toggle.setSelected(!toggle.isSelected());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void dispose() {
        subs.release();
    }
}
