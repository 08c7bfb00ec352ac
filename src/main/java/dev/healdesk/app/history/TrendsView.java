package dev.healdesk.app.history;

import atlantafx.base.theme.Styles;
import dev.healdesk.app.fx.Labels;
import dev.healdesk.app.fx.Subscriptions;
import dev.healdesk.app.fx.View;
import dev.healdesk.core.history.HistoryQueries;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The trends: the seeds' metrics over the chosen range as a row of figures, then one small chart per series, day by
 * day (UTC) on a shared time axis, so that a gap without runs reads as a gap.
 */
final class TrendsView implements View {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT);

    /** One chart: its title, its unit, how a day's point is read (NaN: no value that day), a fixed 0–100 axis. */
    private record Series(String id, String title, ToDoubleFunction<HistoryQueries.TrendPoint> value, boolean percent) {
    }

    private static final List<Series> SERIES = List.of(
            new Series("pass-rate", "Pass rate (%)", HistoryQueries.TrendPoint::passRate, true),
            new Series("health-score", "Health score", HistoryQueries.TrendPoint::healthScore, true),
            new Series("time-to-healthy", "Time to healthy (hours)",
                    p -> p.timeToHealthyMs() < 0 ? Double.NaN : p.timeToHealthyMs() / 3_600_000.0, false),
            new Series("fix-success", "Fix success rate (%)",
                    p -> p.fixesAttempted() == 0 ? Double.NaN : p.fixSuccessRate(), true),
            new Series("flaky", "Flaky tests", HistoryQueries.TrendPoint::flaky, false),
            new Series("llm-calls", "LLM calls", HistoryQueries.TrendPoint::llmCalls, false),
            new Series("llm-tokens", "LLM tokens (thousands)", p -> p.llmTokens() / 1000.0, false));

    private final Subscriptions subs = new Subscriptions();
    private final ScrollPane root;
    private final List<LineChart<Number, Number>> charts = new ArrayList<>();
    private final TrendsViewModel model;

    TrendsView(TrendsViewModel model) {
        this.model = model;
        ComboBox<TrendsViewModel.Range> range = new ComboBox<>(
                FXCollections.observableArrayList(TrendsViewModel.Range.values()));
        range.setId("trends-range");
        range.valueProperty().bindBidirectional(model.rangeProperty());
        subs.add(() -> range.valueProperty().unbindBidirectional(model.rangeProperty()));
        Label status = new Label();
        status.setId("trends-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.statusTextProperty());
        subs.add(status.textProperty()::unbind);
        HBox bar = new HBox(10, range, status);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label passRate = figure();
        Label fixRate = figure();
        Label mttr = figure();
        Label callsPerRun = figure();
        Label providers = figure();
        Label patterns = figure();
        passRate.setId("trends-pass-rate");
        fixRate.setId("trends-fix-rate");
        mttr.setId("trends-mttr");
        callsPerRun.setId("trends-llm-per-run");
        providers.setId("trends-providers");
        patterns.setId("trends-patterns");
        providers.getStyleClass().remove(Styles.TITLE_3);
        patterns.getStyleClass().remove(Styles.TITLE_3);
        HBox figures = new HBox(28, labelled(passRate, "pass rate"), labelled(fixRate, "auto-fix success rate"),
                labelled(mttr, "mean time to recovery"), labelled(callsPerRun, "LLM calls per run"),
                labelled(providers, "LLM use by provider"), labelled(patterns, "top patterns"));
        figures.setAlignment(Pos.TOP_LEFT);
        subs.add(model.metricsProperty().subscribe(m -> {
            passRate.setText(m == null ? "—" : percent(m.passRate()));
            fixRate.setText(m == null ? "—" : m.fixesAttempted() == 0 ? "no fix tried"
                    : percent(m.autoFixSuccessRate()) + "  (" + m.fixesSucceeded() + "/" + m.fixesAttempted() + ")");
            mttr.setText(m == null ? "—" : TrendsViewModel.duration(m.meanTimeToRecoveryMs()));
            callsPerRun.setText(m == null ? "—" : String.format(Locale.ROOT, "%.1f", m.llmCallsPerRun()));
            providers.setText(m == null ? "—" : TrendsViewModel.byProvider(m.llmByProvider()));
            patterns.setText(m == null || m.topPatterns().isEmpty() ? "none" : topPatterns(m.topPatterns()));
        }));

        GridPane grid = new GridPane(12, 12);
        int columns = 4;
        for (int i = 0; i < columns; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / columns);
            grid.getColumnConstraints().add(c);
        }
        for (int i = 0; i < SERIES.size(); i++) {
            LineChart<Number, Number> chart = chart(SERIES.get(i));
            charts.add(chart);
            grid.add(chart, i % columns, i / columns);
        }
        // The points come first, then the range's first day, which draws them (also when only the range moved).
        // The model may have loaded before this view was built (the tab opens later): draw what it holds now too, or
        // the charts keep their default axis (epoch days 0 to 100: Jan 1 – Apr 11) until the range changes.
        subs.add(model.firstDayProperty().subscribe(first -> redraw()));
        subs.onChange(model.points(), c -> redraw());

        VBox box = new VBox(14, bar, figures, grid);
        box.setPadding(new Insets(12, 4, 4, 0));
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        root.getStyleClass().add("edge-to-edge");
    }

    private static Label figure() {
        Label value = new Label("—");
        value.getStyleClass().add(Styles.TITLE_3);
        value.setWrapText(true);
        return value;
    }

    private static VBox labelled(Label value, String caption) {
        VBox box = new VBox(2, value, Labels.caption(caption));
        box.setMinWidth(110);
        HBox.setHgrow(box, Priority.SOMETIMES);
        return box;
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f %%", value);
    }

    private static String topPatterns(Map<String, Integer> patterns) {
        return patterns.entrySet().stream().limit(3).map(e -> e.getKey() + " ×" + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    private static LineChart<Number, Number> chart(Series series) {
        NumberAxis x = new NumberAxis();
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number day) {
                return DAY.format(LocalDate.ofEpochDay(Math.round(day.doubleValue())));
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(true);
        if (series.percent()) {
            y.setAutoRanging(false);
            y.setLowerBound(0);
            y.setUpperBound(110);   // ticks stop at 100; the margin keeps a 100 % point whole
            y.setTickUnit(25);
        }
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId("trend-" + series.id());
        chart.setTitle(series.title());
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setPrefHeight(220);
        chart.setMinHeight(200);
        chart.getStyleClass().add("trend-chart");
        return chart;
    }

    private void redraw() {
        LocalDate first = model.firstDayProperty().get();
        if (first == null) {
            return;
        }
        // A day of margin on both sides, so that the first and last days' points are drawn whole; the ticks count
        // back from today, so that today is labelled.
        long last = model.lastDay().toEpochDay();
        long span = Math.max(1, last - first.toEpochDay());
        long unit = span <= 31 ? 7 : span <= 92 ? 14 : 61;
        long upper = last + 1;
        long lower = upper - unit * ((span + 2 + unit - 1) / unit);
        for (int i = 0; i < SERIES.size(); i++) {
            Series s = SERIES.get(i);
            LineChart<Number, Number> chart = charts.get(i);
            NumberAxis x = (NumberAxis) chart.getXAxis();
            x.setLowerBound(lower);
            x.setUpperBound(Math.max(upper, lower + 1));
            x.setTickUnit(unit);
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            for (HistoryQueries.TrendPoint p : model.points()) {
                double v = s.value().applyAsDouble(p);
                if (!Double.isNaN(v)) {
                    line.getData().add(new XYChart.Data<>(p.day().toEpochDay(), v));
                }
            }
            chart.getData().setAll(List.of(line));
        }
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
