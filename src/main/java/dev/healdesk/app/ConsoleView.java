package dev.healdesk.app;

import atlantafx.base.controls.Notification;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import dev.healdesk.app.doctor.DoctorView;
import dev.healdesk.app.doctor.DoctorViewModel;
import dev.healdesk.app.failures.FailuresView;
import dev.healdesk.app.fx.Badges;
import dev.healdesk.app.fx.LaterTooltips;
import dev.healdesk.app.fx.Subscriptions;
import dev.healdesk.app.fx.ThemeService;
import dev.healdesk.app.fx.View;
import dev.healdesk.app.hardware.HardwareView;
import dev.healdesk.app.history.HistoryView;
import dev.healdesk.app.playbooks.PlaybookQueueViewModel;
import dev.healdesk.app.playbooks.PlaybooksView;
import dev.healdesk.app.run.RunView;
import dev.healdesk.app.settings.SettingsView;
import dev.healdesk.app.settings.SettingsViewModel;
import dev.healdesk.core.triage.HealthStatus;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console's window content: the navigation rail on the left, the current screen in the middle,
 * and the status bar (health, last run, target) at the bottom. Notifications float over the top right of the
 * screen: a fix healed (wherever the operator is), and a proposal waiting for the operator while they are on another
 * screen (the rail's Playbooks item also counts those).
 */
public final class ConsoleView implements View {
    private final BorderPane root = new BorderPane();
    private final Subscriptions subs = new Subscriptions();
    private final Map<Screen, View> screens = new EnumMap<>(Screen.class);
    private final Map<Screen, ToggleButton> navButtons = new EnumMap<>(Screen.class);
    private final StackPane content = new StackPane();
    /** Over the content, top right; lets clicks through where it shows nothing. */
    private final VBox notices = new VBox(10);
    private final ConsoleViewModel model;
    private final SettingsViewModel settings;
    private final ThemeService theme;
    /** The setup check's window and its content, made when first shown. */
    private Stage doctorWindow;
    private DoctorView doctorView;

    public ConsoleView(ConsoleViewModel model, ThemeService theme, SettingsViewModel settings) {
        this.model = model;
        root.getStyleClass().add("console");
        this.settings = settings;
        this.theme = theme;

        content.getStyleClass().add("content");
        LaterTooltips tooltips = new LaterTooltips();
        root.setLeft(rail(theme, tooltips));
        notices.setId("notices");
        notices.getStyleClass().add("notice-layer");
        notices.setAlignment(Pos.TOP_RIGHT);
        notices.setFillWidth(false);
        notices.setPickOnBounds(false);
        notices.setPadding(new Insets(16, 20, 16, 20));
        root.setCenter(new StackPane(content, notices));
        root.setBottom(statusBar());
        subs.add(model.screenProperty().subscribe(this::show));
        subs.add(model.playbooks().onNotice(this::notify));
        if (model.doctor() != null) {
            subs.add(model.doctor().showingProperty().subscribe(this::showDoctor));
        }
        tooltips.installAfterNextFrame();   // none of them is in the first frame
    }

    /** Switches to {@code screen} (as a click on the rail would). */
    public void select(Screen screen) {
        model.screenProperty().set(screen);
    }

    private void show(Screen screen) {
        // Screens are built when first shown: the first frame only pays for the one it shows.
        content.getChildren().setAll(screens.computeIfAbsent(screen, this::create).root());
        if (screen == Screen.PLAYBOOKS) {
            notices.getChildren().removeIf(n -> "notice-awaiting".equals(n.getId()));   // they are here now
        }
        ToggleButton button = navButtons.get(screen);
        if (!button.isSelected()) {
            button.setSelected(true);
        }
    }

    private View create(Screen screen) {
        return switch (screen) {
            case RUN -> new RunView(model.run(), model.faults(), model.hardware().ollamaProblemProperty());
            case FAILURES -> new FailuresView(model.failures());
            case PLAYBOOKS -> new PlaybooksView(model.playbooks());
            case HISTORY -> new HistoryView(model.history());
            case HARDWARE -> new HardwareView(model.hardware(),
                    model.doctor() == null ? null : model.doctor()::open);
            case SETTINGS -> new SettingsView(settings);
        };
    }

    /**
     * Shows or hides the setup check in a window of its own over the console (not modal: the console stays usable
     * behind it, and closing the window is Continue).
     */
    private void showDoctor(boolean show) {
        DoctorViewModel doctor = model.doctor();
        if (!show) {
            if (doctorWindow != null) {
                doctorWindow.hide();
            }
            return;
        }
        if (doctorWindow == null) {
            doctorView = new DoctorView(doctor);
            // As tall as the cards want, within the screen (a laptop's 768 pixels included).
            double height = Math.min(820, javafx.stage.Screen.getPrimary().getVisualBounds().getHeight() - 60);
            Scene scene = new Scene(doctorView.root(), 880, height);
            subs.add(theme.install(scene));
            Stage stage = new Stage();
            Window owner = root.getScene() == null ? null : root.getScene().getWindow();
            if (owner != null) {
                stage.initOwner(owner);
            }
            stage.setTitle("Healdesk — setup check");
            stage.setScene(scene);
            stage.setMinWidth(600);
            stage.setMinHeight(420);
            stage.setOnHidden(e -> doctor.close());
            doctorWindow = stage;
        }
        doctorWindow.show();
        doctorWindow.toFront();
    }

    private VBox rail(ThemeService theme, LaterTooltips tooltips) {
        ToggleGroup group = new ToggleGroup();
        VBox rail = new VBox(4);
        rail.getStyleClass().add("nav-rail");
        rail.setPadding(new Insets(14, 8, 12, 8));

        Label brand = new Label("Healdesk");
        brand.getStyleClass().add("brand");
        brand.setMaxWidth(Double.MAX_VALUE);
        rail.getChildren().add(brand);

        for (Screen s : Screen.values()) {
            Label glyph = new Label(s.glyph());
            glyph.getStyleClass().add("nav-glyph");
            ToggleButton b = new ToggleButton(s.title(), glyph);
            b.setId(s.id());
            b.getStyleClass().add("nav-button");
            b.setContentDisplay(ContentDisplay.TOP);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setToggleGroup(group);
            b.setOnAction(e -> {
                if (!b.isSelected()) {
                    b.setSelected(true);   // the rail always has one screen selected
                }
                model.screenProperty().set(s);
            });
            navButtons.put(s, b);
            rail.getChildren().add(b);
        }
        count(Screen.FAILURES, Bindings.size(model.failures().groups()).asString(),
                Bindings.isNotEmpty(model.failures().groups()));
        count(Screen.PLAYBOOKS, model.playbooks().awaitingProperty().asString(),
                model.playbooks().awaitingProperty().greaterThan(0)).getStyleClass().add("nav-count-awaiting");

        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        ToggleSwitch dark = new ToggleSwitch("Dark");
        dark.setId("theme-dark");
        tooltips.set(dark, "Switch between the light and the dark theme");
        subs.bindBidirectional(dark.selectedProperty(), theme.darkProperty());
        HBox darkBox = new HBox(dark);
        darkBox.setAlignment(Pos.CENTER);
        rail.getChildren().addAll(spacer, darkBox);
        return rail;
    }

    /** A count in the top right corner of {@code screen}'s rail item, shown while {@code visible}. */
    private Label count(Screen screen, ObservableStringValue text, BooleanExpression visible) {
        Label count = new Label();
        count.setId(screen.id() + "-count");
        count.getStyleClass().add("nav-count");
        subs.bind(count.textProperty(), text);
        subs.bind(count.visibleProperty(), visible);
        ToggleButton button = navButtons.get(screen);
        button.setGraphic(new StackPane(button.getGraphic(), count));
        StackPane.setAlignment(count, Pos.TOP_RIGHT);
        return count;
    }

    /**
     * Shows a notice over the content for a while: a healed fix always; a proposal waiting only while the operator is
     * elsewhere, with a button that takes them to it.
     */
    private void notify(PlaybookQueueViewModel.Notice notice) {
        boolean awaiting = notice.kind() == PlaybookQueueViewModel.Notice.Kind.AWAITING;
        if (awaiting && model.screenProperty().get() == Screen.PLAYBOOKS) {
            return;
        }
        Label glyph = new Label(awaiting ? Screen.PLAYBOOKS.glyph() : "\u2714");
        glyph.getStyleClass().add("nav-glyph");
        Notification note = new Notification(notice.title() + "\n" + notice.text(), glyph);
        note.setId(awaiting ? "notice-awaiting" : "notice-healed");
        note.getStyleClass().add(awaiting ? Styles.WARNING : Styles.SUCCESS);
        note.setPrefWidth(380);
        note.setMaxHeight(Region.USE_PREF_SIZE);
        note.setOnClose(e -> notices.getChildren().remove(note));
        if (awaiting) {
            Button review = new Button("Review");
            review.setOnAction(e -> {
                notices.getChildren().remove(note);
                select(Screen.PLAYBOOKS);
            });
            note.setPrimaryActions(review);
        }
        notices.getChildren().add(note);
        PauseTransition linger = new PauseTransition(Duration.seconds(awaiting ? 20 : 10));
        linger.setOnFinished(e -> notices.getChildren().remove(note));
        linger.play();
    }

    private HBox statusBar() {
        Label status = Badges.badge("no run", "neutral");
        status.setId("status-health");
        // The badge says "running" while a run runs, else the last run's state (HEALED, CANCELLED, ...), coloured by
        // its final health.
        subs.add(model.statusTextProperty().subscribe(s -> Badges.restyle(status, s,
                model.run().runningProperty().get() ? "neutral"
                        : Badges.statusKind(model.healthStatusProperty().get()))));
        Label health = new Label();
        health.setId("status-score");
        health.getStyleClass().add("status-strong");
        subs.bind(health.textProperty(), model.healthTextProperty());

        Label runKey = key("Last run");
        Label runId = new Label();
        runId.setId("status-run");
        runId.getStyleClass().add("mono-inline");
        subs.bind(runId.textProperty(), model.lastRunIdProperty());
        Label fromHistory = new Label("(from history)");
        fromHistory.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        subs.showWhen(fromHistory, model.sessionRunProperty().not().and(model.healthStatusProperty().isNotNull()));

        Label targetKey = key("Target");
        Label target = new Label();
        target.setId("status-target");
        subs.bind(target.textProperty(), model.targetTextProperty());

        Label activity = new Label();
        activity.setId("status-activity");
        activity.getStyleClass().add(Styles.TEXT_MUTED);
        subs.bind(activity.textProperty(), Bindings.when(model.run().runningProperty())
                .then(Bindings.concat("Running · ", model.run().progressTextProperty()))
                .otherwise(""));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, status, health, separator(), runKey, runId, fromHistory, separator(), targetKey,
                target, spacer, activity);
        // What the operator reads first keeps its whole text on a narrow window; the run id, the target and the
        // activity give way (the run id cut at its end, after its date and time).
        for (Region r : List.of(status, health, runKey, fromHistory, targetKey)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        bar.setId("status-bar");
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 16, 6, 16));
        return bar;
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private static Separator separator() {
        Separator s = new Separator(Orientation.VERTICAL);
        s.setPrefHeight(16);
        return s;
    }

    /** The status shown in the status bar, for tests. */
    public HealthStatus shownStatus() {
        return model.healthStatusProperty().get();
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void dispose() {
        subs.release();
        screens.values().forEach(View::dispose);
        if (doctorView != null) {
            doctorView.dispose();
            doctorWindow.hide();
        }
    }
}
