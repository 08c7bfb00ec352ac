package dev.healdesk.app.history;

import atlantafx.base.theme.Styles;
import dev.healdesk.app.fx.Labels;
import dev.healdesk.app.fx.Subscriptions;
import dev.healdesk.app.fx.View;
import dev.healdesk.core.history.HistoryQueries;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

import static dev.healdesk.app.history.HistoryView.WHEN;
import static dev.healdesk.app.history.HistoryView.column;
import static dev.healdesk.app.history.HistoryView.firstLine;

/** The failures that keep coming back, the most frequent first; below, the runs the selected one failed in. */
final class RecurringView implements View {
    private final Subscriptions subs = new Subscriptions();
    private final SplitPane root;

    RecurringView(RecurringViewModel model) {
        TableView<HistoryQueries.Recurring> top = HistoryView.table(subs, "history-recurring", model.rows(),
                "No failure recorded yet.");
        TableColumn<HistoryQueries.Recurring, String> category = column("Category", r -> r.fingerprint().category(),
                100);
        category.setCellFactory(dev.healdesk.app.fx.Badges.cells(s -> s, s -> "category-" + s));
        top.getColumns().setAll(List.of(category,
                column("Pattern", r -> r.fingerprint().patternId(), 190),
                column("Seen", r -> r.fingerprint().occurrences() + "×", 60),
                column("First seen", r -> WHEN.format(r.fingerprint().firstSeen()), 150),
                column("Last seen", r -> WHEN.format(r.fingerprint().lastSeen()), 150),
                column("Last fix that worked", r -> r.lastWorkingFix() == null ? "none yet"
                        : r.lastWorkingFix() + " · " + WHEN.format(r.lastWorkingFixAt()), 260),
                column("Message", r -> firstLine(r.fingerprint().message()), 380)));
        subs.syncSelection(top, model.selectedProperty());

        TableView<HistoryQueries.Occurrence> runs = HistoryView.table(subs, "history-occurrences",
                model.occurrences(), "Select a fingerprint.");
        runs.getColumns().setAll(List.of(
                column("Started", o -> WHEN.format(o.startedAt()), 150),
                column("Run", HistoryQueries.Occurrence::runId, 250),
                column("Target", HistoryQueries.Occurrence::target, 90),
                column("Tests", o -> String.valueOf(o.count()), 60),
                column("Playbook", o -> o.playbook() == null ? "—" : o.playbook(), 200),
                column("Decision", o -> o.decision() == null ? "—" : o.decision(), 110),
                column("Verified", o -> o.playbook() == null ? "" : o.verified() ? "yes" : "no", 80)));

        TableView<dev.healdesk.core.history.StoredIncident> incidents = HistoryView.table(subs,
                "history-recurring-incidents", model.incidents(), "No incident recorded yet.");
        incidents.getColumns().setAll(List.of(
                column("Incident", dev.healdesk.core.history.StoredIncident::title, 320),
                column("Class", dev.healdesk.core.history.StoredIncident::fixClass, 50),
                column("Runs", i -> i.runs() + "×", 50),
                column("Last seen", i -> WHEN.format(i.lastSeen()), 150)));
        SplitPane side = new SplitPane(incidents, top);
        side.setDividerPositions(0.4);

        Label status = new Label();
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.statusTextProperty());
        subs.add(status.textProperty()::unbind);
        VBox upper = new VBox(8, status, side);
        VBox.setVgrow(side, Priority.ALWAYS);
        upper.setPadding(new Insets(10, 0, 8, 0));
        VBox lower = new VBox(8, Labels.caption("Runs it failed in, the most recent first"), runs);
        VBox.setVgrow(runs, Priority.ALWAYS);
        lower.setPadding(new Insets(8, 0, 0, 0));
        root = new SplitPane(upper, lower);
        root.setOrientation(Orientation.VERTICAL);
        root.setDividerPositions(0.55);
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
