package dev.healdesk.app.settings;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.healdesk.app.fx.Subscriptions;
import dev.healdesk.app.fx.View;
import dev.healdesk.core.config.Setting;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings screen: every {@link Setting} by section, each with its control, its variable, its help, the reason
 * when a value is refused, and the value in force when {@code .env} or the environment goes over the file; then the
 * secrets, by name and origin only. Changes are saved by the view model a moment after the last keystroke.
 */
public final class SettingsView implements View {
    private final BorderPane root = new BorderPane();
    private final SettingsViewModel model;
    private final Subscriptions subs = new Subscriptions();

    public SettingsView(SettingsViewModel model) {
        this.model = model;
        root.getStyleClass().addAll("screen", "settings");
        root.setPadding(new Insets(20, 24, 16, 24));
        root.setTop(header());
        VBox content = new VBox(18);
        content.setPadding(new Insets(0, 12, 12, 0));
        if (!model.loadProblems().isEmpty()) {
            Message problems = new Message("Some settings were refused when Healdesk started",
                    String.join("\n", model.loadProblems()) + "\nThe other settings are in use; fix these in their"
                            + " file (or below) and restart.");
            problems.setId("settings-load-problems");
            problems.getStyleClass().add(Styles.DANGER);
            content.getChildren().add(problems);
        }
        for (Setting.Section section : Setting.Section.values()) {
            content.getChildren().add(section(section));
        }
        content.getChildren().add(secrets());
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        root.setCenter(scroll);
    }

    private VBox header() {
        Label title = new Label("Settings");
        title.getStyleClass().add(Styles.TITLE_2);
        Label status = new Label();
        status.setId("settings-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.statusProperty());
        subs.add(status.textProperty()::unbind);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, title, spacer, status);
        top.setAlignment(Pos.CENTER_LEFT);
        Label where = new Label("Saved as you type to " + model.filePath() + ". Order of precedence: this file, then"
                + " .env, then the environment, then a command's flags. The theme changes at once; the rest applies to"
                + " every healdesk command from now on and to the console's next start.");
        where.setId("settings-where");
        where.setWrapText(true);
        where.getStyleClass().add(Styles.TEXT_MUTED);
        VBox header = new VBox(6, top, where);
        header.setPadding(new Insets(0, 0, 14, 0));
        return header;
    }

    private VBox section(Setting.Section section) {
        Label caption = new Label(section.title());
        caption.getStyleClass().add(Styles.TITLE_4);
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints(190);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints controls = new ColumnConstraints(380, 380, 380);
        ColumnConstraints notes = new ColumnConstraints();
        notes.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, controls, notes);
        int row = 0;
        for (SettingsViewModel.Field f : model.fields()) {
            if (f.setting().section() != section) {
                continue;
            }
            Label label = new Label(f.setting().label());
            label.setMinHeight(30);
            Node control = control(f);
            label.setLabelFor(control);
            VBox notesBox = notes(f);
            grid.add(label, 0, row);
            grid.add(control, 1, row);
            grid.add(notesBox, 2, row);
            GridPane.setValignment(label, javafx.geometry.VPos.TOP);
            GridPane.setValignment(notesBox, javafx.geometry.VPos.TOP);
            row++;
        }
        VBox box = new VBox(10, caption, grid);
        box.getStyleClass().add("card");
        box.setPadding(new Insets(12, 16, 14, 16));
        return box;
    }

    private Node control(SettingsViewModel.Field f) {
        Setting s = f.setting();
        String id = "setting-" + s.key().replace('.', '-');
        Node node = switch (s.type().kind()) {
            case BOOLEAN -> {
                CheckBox box = new CheckBox(s.defaultValue() == null ? "" : "default " + s.defaultValue());
                box.setAllowIndeterminate(true);
                sync(box, f);
                yield box;
            }
            case CHOICE -> {
                // The first item stands for "not in the file": the default (or what .env / the environment say).
                String unset = "default (" + f.defaultText() + ")";
                ComboBox<String> combo = new ComboBox<>();
                combo.getItems().add(unset);
                combo.getItems().addAll(s.type().choices());
                Runnable fromText = () -> {
                    String m = match(s, f.textProperty().get());
                    String shown = m.isEmpty() ? unset : m;
                    if (!shown.equals(combo.getValue())) {
                        combo.setValue(shown);
                    }
                };
                fromText.run();
                combo.valueProperty().addListener((o, was, now) ->
                        f.textProperty().set(now == null || now.equals(unset) ? "" : now));
                subs.add(f.textProperty().subscribe(t -> fromText.run()));
                combo.setMaxWidth(Double.MAX_VALUE);
                yield combo;
            }
            default -> {
                TextField field = new TextField();
                field.textProperty().bindBidirectional(f.textProperty());
                subs.add(() -> field.textProperty().unbindBidirectional(f.textProperty()));
                field.setPromptText(f.defaultText().isEmpty() ? "not set" : "default: " + f.defaultText());
                yield field;
            }
        };
        node.setId(id);
        if (node instanceof javafx.scene.control.Control c) {
            c.setTooltip(new Tooltip(s.help()));
            c.setMaxWidth(Double.MAX_VALUE);
        }
        subs.add(f.errorProperty().subscribe(e -> node.pseudoClassStateChanged(Styles.STATE_DANGER, !e.isEmpty())));
        return node;
    }

    /** A tri-state box: ticked true, unticked false, indeterminate "not in the file". */
    private void sync(CheckBox box, SettingsViewModel.Field f) {
        Runnable fromText = () -> {
            String t = f.textProperty().get().strip().toLowerCase(Locale.ROOT);
            box.setIndeterminate(t.isEmpty());
            box.setSelected(List.of("true", "yes", "on", "1").contains(t));
        };
        fromText.run();
        box.setOnAction(e -> f.textProperty().set(box.isIndeterminate() ? "" : Boolean.toString(box.isSelected())));
        subs.add(f.textProperty().subscribe(t -> fromText.run()));
    }

    private static String match(Setting s, String text) {
        String t = text == null ? "" : text.strip();
        return s.type().choices().stream().filter(c -> c.equalsIgnoreCase(t)).findFirst().orElse(t);
    }

    private VBox notes(SettingsViewModel.Field f) {
        Label variable = new Label(f.setting().variable().map(v -> v + " · ").orElse("") + f.setting().key());
        variable.getStyleClass().addAll("mono-inline", Styles.TEXT_MUTED);
        Label help = new Label(f.setting().help());
        help.setWrapText(true);
        help.getStyleClass().add(Styles.TEXT_SMALL);
        List<Node> children = new ArrayList<>(List.of(variable, help));
        String over = f.overriddenBy();
        if (!over.isEmpty()) {
            Label overridden = new Label(over);
            overridden.setId("setting-" + f.setting().key().replace('.', '-') + "-overridden");
            overridden.setWrapText(true);
            overridden.getStyleClass().addAll("note-accent", Styles.TEXT_SMALL);
            children.add(overridden);
        }
        Label error = new Label();
        error.setId("setting-" + f.setting().key().replace('.', '-') + "-error");
        error.setWrapText(true);
        error.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        error.textProperty().bind(f.errorProperty());
        subs.add(error.textProperty()::unbind);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        children.add(error);
        VBox box = new VBox(1);
        box.getChildren().addAll(children);
        box.setPadding(new Insets(2, 0, 8, 0));
        return box;
    }

    private VBox secrets() {
        Label caption = new Label("Secrets");
        caption.getStyleClass().add(Styles.TITLE_4);
        Label note = new Label("Read from the environment or .env only, never from the settings file, and never"
                + " shown: passwords, tokens and keys are replaced wherever a run writes or sends text.");
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_MUTED);
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(4);
        grid.getColumnConstraints().add(new ColumnConstraints(190));
        int row = 0;
        for (Map.Entry<String, String> e : model.secrets().entrySet()) {
            Label name = new Label(e.getKey());
            name.getStyleClass().add("mono-inline");
            Label where = new Label(e.getValue());
            where.setId("secret-" + e.getKey());
            where.getStyleClass().add(e.getValue().equals("not set") ? Styles.TEXT_MUTED : Styles.SUCCESS);
            grid.add(name, 0, row);
            grid.add(where, 1, row);
            row++;
        }
        VBox box = new VBox(10, caption, note, grid);
        box.getStyleClass().add("card");
        box.setPadding(new Insets(12, 16, 14, 16));
        return box;
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
