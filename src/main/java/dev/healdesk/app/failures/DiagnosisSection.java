package dev.healdesk.app.failures;

import atlantafx.base.theme.Styles;
import dev.healdesk.app.fx.Badges;
import dev.healdesk.app.fx.Subscriptions;
import dev.healdesk.app.fx.View;
import dev.healdesk.core.run.Diagnosis;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The detail pane's Diagnosis section: the model's answer streaming in while the run asks for it, then the root
 * cause, the confidence, where the model disagrees with triage, its explanation and evidence, and the button that
 * takes the playbook it suggests. Every node has an id ({@code diagnosis-*}) for tests and scripts.
 */
final class DiagnosisSection implements View {
    private final ScrollPane root;
    private final Subscriptions subs = new Subscriptions();

    private final Label heading = new Label();
    private final ProgressIndicator asking = new ProgressIndicator(ProgressIndicator.INDETERMINATE_PROGRESS);
    private final Label cached = Badges.badge("cached", "neutral");
    private final Label reason = new Label();
    private final TextArea stream = new TextArea();
    private final VBox result = new VBox(8);
    private final Label malformed = Badges.badge("not in the form asked for", "severity-medium");
    private final TextArea raw = new TextArea();
    private final Label rootCause = new Label();
    private final ProgressBar confidenceBar = new ProgressBar(0);
    private final Label confidence = new Label();
    private final HBox confidenceRow;
    private final Label disagreement = new Label();
    private final Label explanation = new Label();
    private final Label evidenceCaption = new Label("Evidence");
    private final VBox evidence = new VBox(3);
    private final Label note = new Label();
    private final Button useSuggested = new Button();

    DiagnosisSection(FailuresViewModel model) {
        Label title = new Label("Diagnosis");
        title.getStyleClass().addAll("detail-key", Styles.TEXT_MUTED);
        title.setMinWidth(Region.USE_PREF_SIZE);
        heading.setId("diagnosis-heading");
        heading.getStyleClass().add("diagnosis-heading");
        asking.setId("diagnosis-asking");
        asking.setPrefSize(16, 16);
        asking.setMaxSize(16, 16);
        cached.setId("diagnosis-cached");
        cached.setTooltip(new Tooltip("From the diagnosis cache: this fingerprint was diagnosed by the same model"
                + " before, at no LLM cost"));
        HBox head = new HBox(8, title, heading, asking, cached);
        head.setAlignment(Pos.CENTER_LEFT);

        reason.setId("diagnosis-reason");
        reason.setWrapText(true);
        reason.getStyleClass().add(Styles.TEXT_MUTED);

        stream.setId("diagnosis-stream");
        stream.setEditable(false);
        stream.setWrapText(true);
        stream.setPrefRowCount(6);
        stream.getStyleClass().add("mono");
        VBox.setVgrow(stream, Priority.ALWAYS);

        malformed.setId("diagnosis-malformed");
        raw.setId("diagnosis-raw");
        raw.setEditable(false);
        raw.setWrapText(true);
        raw.setPrefRowCount(5);
        raw.getStyleClass().add("mono");
        rootCause.setId("diagnosis-root-cause");
        rootCause.setWrapText(true);
        rootCause.getStyleClass().add("diagnosis-root-cause");
        confidenceBar.setId("diagnosis-confidence-bar");
        confidenceBar.setPrefWidth(120);
        confidenceBar.getStyleClass().add(Styles.SMALL);
        confidence.setId("diagnosis-confidence");
        confidence.getStyleClass().add(Styles.TEXT_BOLD);
        Label confidenceKey = new Label("confidence");
        confidenceKey.getStyleClass().add(Styles.TEXT_MUTED);
        confidenceRow = new HBox(8, confidenceBar, confidence, confidenceKey);
        confidenceRow.setAlignment(Pos.CENTER_LEFT);
        disagreement.setId("diagnosis-disagreement");
        disagreement.setWrapText(true);
        disagreement.getStyleClass().add("note-accent");
        explanation.setId("diagnosis-explanation");
        explanation.setWrapText(true);
        evidenceCaption.getStyleClass().addAll("detail-key", Styles.TEXT_MUTED);
        evidence.setId("diagnosis-evidence");
        note.setId("diagnosis-note");
        note.setWrapText(true);
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_ITALIC);
        useSuggested.setId("use-suggested-playbook");
        useSuggested.getStyleClass().add(Styles.ACCENT);
        useSuggested.setTooltip(new Tooltip("Propose this playbook for the group instead of triage's"));
        useSuggested.textProperty().bind(model.useSuggestedTextProperty());
        subs.add(useSuggested.textProperty()::unbind);
        useSuggested.disableProperty().bind(model.canUseSuggestedProperty().not());
        subs.add(useSuggested.disableProperty()::unbind);
        useSuggested.setOnAction(e -> model.useSuggestedPlaybook());
        result.setId("diagnosis-result");
        result.getChildren().addAll(malformed, raw, rootCause, confidenceRow, disagreement, explanation,
                evidenceCaption, evidence, note, useSuggested);

        // Each text keeps its whole height, so that a narrow pane (a 1024 px window) scrolls instead of cutting the
        // root cause and the explanation short with "…".
        for (Label l : new Label[] {reason, rootCause, disagreement, explanation, note}) {
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        VBox box = new VBox(10, head, reason, stream, result);
        box.setPadding(new Insets(0, 8, 0, 0));
        root = new ScrollPane(box);
        root.setId("diagnosis-section");
        root.setFitToWidth(true);
        root.setFitToHeight(true);
        root.getStyleClass().add("diagnosis-section");
        root.setMinWidth(0);
        root.setPrefWidth(480);

        subs.add(model.diagnosisProperty().subscribe(this::show));
    }

    private void show(DiagnosisDetail d) {
        DiagnosisDetail.State state = d == null ? DiagnosisDetail.State.NONE : d.state();
        heading.setText(d == null ? "" : d.heading());
        shown(asking, state == DiagnosisDetail.State.ASKING);
        shown(reason, state == DiagnosisDetail.State.NONE && d != null);
        reason.setText(d == null || d.reason() == null ? "" : d.reason());
        shown(stream, state == DiagnosisDetail.State.ASKING);
        if (state == DiagnosisDetail.State.ASKING && !stream.getText().equals(d.streamed())) {
            if (d.streamed().startsWith(stream.getText())) {
                stream.appendText(d.streamed().substring(stream.getLength()));   // keeps the end in view
            } else {
                stream.setText(d.streamed());
            }
        } else if (state != DiagnosisDetail.State.ASKING) {
            stream.clear();
        }
        shown(result, state == DiagnosisDetail.State.DONE);
        Diagnosis diagnosis = d == null ? null : d.diagnosis();
        shown(cached, diagnosis != null && diagnosis.cached());
        if (diagnosis != null) {
            showResult(d, diagnosis);
        }
    }

    private void showResult(DiagnosisDetail d, Diagnosis diagnosis) {
        boolean bad = diagnosis.malformed();
        shown(malformed, bad);
        shown(raw, bad);
        raw.setText(bad ? diagnosis.rawText() : "");
        shown(rootCause, !bad);
        rootCause.setText(bad ? "" : diagnosis.rootCause());
        shown(confidenceRow, !bad);
        confidenceBar.setProgress(bad ? 0 : diagnosis.confidence());
        confidence.setText(d.confidenceText());
        shown(disagreement, d.disagreement() != null);
        disagreement.setText(d.disagreement() == null ? "" : d.disagreement());
        shown(explanation, diagnosis.explanation() != null && !diagnosis.explanation().isBlank());
        explanation.setText(diagnosis.explanation() == null ? "" : diagnosis.explanation());
        evidence.getChildren().clear();
        for (String line : diagnosis.evidence()) {
            Label l = new Label("•  " + line);
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.getStyleClass().add("mono-inline");
            evidence.getChildren().add(l);
        }
        shown(evidenceCaption, !diagnosis.evidence().isEmpty());
        shown(evidence, !diagnosis.evidence().isEmpty());
        shown(note, diagnosis.note() != null);
        note.setText(diagnosis.note() == null ? "" : "Healdesk's note: " + diagnosis.note());
        shown(useSuggested, !bad);
    }

    private static void shown(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
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
