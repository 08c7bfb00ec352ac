package dev.healdesk.app.doctor;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.healdesk.app.fx.Badges;
import dev.healdesk.app.fx.Subscriptions;
import dev.healdesk.app.fx.View;
import dev.healdesk.core.doctor.Check;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The setup check: a card per part with its status badge, what was found, and what to do, whose commands sit in
 * read-only fields (select or Copy, then paste into a terminal); "Check again" and "Continue" at the bottom.
 */
public final class DoctorView implements View {
    private static final double BADGE_COLUMN = 82;

    private final BorderPane root = new BorderPane();
    private final Subscriptions subs = new Subscriptions();
    private final DoctorViewModel model;
    private final VBox cards = new VBox(10);

    public DoctorView(DoctorViewModel model) {
        this.model = model;
        root.setId("doctor");
        root.getStyleClass().add("doctor");
        root.setPadding(new Insets(18, 20, 14, 20));
        root.setTop(header());
        cards.setId("doctor-checks");
        cards.setPadding(new Insets(0, 6, 4, 0));
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().addAll("hardware-scroll", Tweaks.EDGE_TO_EDGE);
        root.setCenter(scroll);
        root.setBottom(footer());
        rebuild();
        subs.onChange(model.checks(), (ListChangeListener<Check>) c -> rebuild());
    }

    private VBox header() {
        Label title = new Label("Setup check");
        title.getStyleClass().add(Styles.TITLE_2);
        ProgressIndicator busy = new ProgressIndicator(ProgressIndicator.INDETERMINATE_PROGRESS);
        busy.setId("doctor-running");
        busy.setPrefSize(18, 18);
        busy.setMaxSize(18, 18);
        subs.showWhen(busy, model.runningProperty());
        Label headline = subs.text("doctor-headline", model.headlineProperty());
        headline.setWrapText(true);
        headline.getStyleClass().add(Styles.TITLE_4);
        HBox top = new HBox(12, title, busy, headline);
        top.setAlignment(Pos.CENTER_LEFT);
        Label intro = new Label("What Healdesk needs on this machine. Nothing is changed: each part that is off says"
                + " what to do, with the commands to copy into a terminal.");
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        Label summary = subs.text("doctor-summary", model.summaryProperty());
        summary.setWrapText(true);
        summary.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Message error = new Message("The setup check failed", "");
        error.setId("doctor-error");
        error.getStyleClass().add(Styles.DANGER);
        error.descriptionProperty().bind(model.errorProperty());
        subs.add(error.descriptionProperty()::unbind);
        subs.showWhen(error, model.errorProperty().isNotNull());
        VBox header = new VBox(6, top, intro, summary, error);
        header.setPadding(new Insets(0, 0, 12, 0));
        return header;
    }

    private HBox footer() {
        Button again = new Button("Check again");
        again.setId("doctor-check-again");
        again.setTooltip(new Tooltip("Check every part again, e.g. after installing what was missing"));
        again.disableProperty().bind(model.runningProperty());
        subs.add(again.disableProperty()::unbind);
        again.setOnAction(e -> model.check());
        Button go = new Button("Continue");
        go.setId("doctor-continue");
        go.getStyleClass().add(Styles.ACCENT);
        go.setDefaultButton(true);
        go.setTooltip(new Tooltip("Close the setup check; it stays on the Hardware screen (Check setup)"));
        go.setOnAction(e -> model.close());
        Label later = new Label("Open it again from Hardware → Check setup.");
        later.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(10, later, spacer, again, go);
        footer.setAlignment(Pos.CENTER_RIGHT);
        footer.setPadding(new Insets(12, 0, 0, 0));
        return footer;
    }

    private void rebuild() {
        cards.getChildren().setAll(model.checks().stream().map(this::card).toList());
    }

    private Node card(Check check) {
        String id = check.id();
        Label badge = Badges.badge(check.status().id(), switch (check.status()) {
            case OK -> "status-healthy";
            case WARNING -> "status-degraded";
            case MISSING -> "status-failing";
        });
        badge.setId("doctor-status-" + id);
        VBox badgeColumn = new VBox(badge);   // a fixed column, so that the parts' titles line up
        badgeColumn.setMinWidth(BADGE_COLUMN);
        badgeColumn.setPrefWidth(BADGE_COLUMN);
        badgeColumn.setPadding(new Insets(3, 0, 0, 0));
        Label title = new Label(check.title());
        title.getStyleClass().add(Styles.TITLE_4);
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label finding = new Label(check.finding());
        finding.setId("doctor-finding-" + id);
        finding.setWrapText(true);
        VBox body = new VBox(6, title, finding);
        for (String d : check.details()) {
            Label detail = new Label(d);
            detail.setWrapText(true);
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            body.getChildren().add(detail);
        }
        if (check.advice() != null) {
            Label caption = new Label("What to do");
            caption.getStyleClass().add("caption");
            Label todo = new Label(check.advice());
            todo.setId("doctor-advice-" + id);
            todo.setWrapText(true);
            VBox advice = new VBox(2, caption, todo);
            advice.setPadding(new Insets(4, 0, 0, 0));
            body.getChildren().add(advice);
        }
        for (int i = 0; i < check.commands().size(); i++) {
            body.getChildren().add(command(id + "-" + i, check.commands().get(i)));
        }
        HBox.setHgrow(body, Priority.ALWAYS);
        HBox card = new HBox(10, badgeColumn, body);
        card.setId("doctor-check-" + id);
        card.getStyleClass().addAll("card", "doctor-card");
        card.getStyleClass().add("doctor-" + check.status().id());
        card.setPadding(new Insets(12, 14, 12, 14));
        return card;
    }

    /** A command to copy: a read-only field (select it, or press Copy). */
    private Node command(String id, String text) {
        TextField field = new TextField(text);
        field.setId("doctor-command-" + id);
        field.setEditable(false);
        field.getStyleClass().add("mono");
        HBox.setHgrow(field, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setId("doctor-copy-" + id);
        copy.getStyleClass().addAll(Styles.BUTTON_OUTLINED, Styles.SMALL);
        copy.setTooltip(new Tooltip("Copy the command, to paste into a terminal"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText("Copied");
        });
        copy.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, field, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
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
