package dev.healdesk.app.history;

import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.core.history.HistoryQueries;
import dev.healdesk.core.history.HistoryStore;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The history's trends over the last 30, 90 or 365 days: one point per UTC day with runs (pass rate, health score,
 * time to healthy, fix success rate, flaky tests, LLM calls and tokens), and the seeds' metrics over the same days.
 */
public final class TrendsViewModel {

    public enum Range {
        DAYS_30(30), DAYS_90(90), DAYS_365(365);

        private final int days;

        Range(int days) {
            this.days = days;
        }

        public int days() {
            return days;
        }

        @Override
        public String toString() {
            return "Last " + days + " days";
        }
    }

    private final Supplier<HistoryStore> store;
    private final Executor worker;
    private final FxBridge bridge;
    private final Clock clock;
    private final ObjectProperty<Range> range = new SimpleObjectProperty<>(this, "range", Range.DAYS_30);
    private final ObservableList<HistoryQueries.TrendPoint> points = FXCollections.observableArrayList();
    private final ObservableList<HistoryQueries.TrendPoint> pointsView = FXCollections.unmodifiableObservableList(points);
    private final ReadOnlyObjectWrapper<HistoryQueries.Metrics> metrics = new ReadOnlyObjectWrapper<>(this, "metrics");
    private final ReadOnlyObjectWrapper<LocalDate> firstDay = new ReadOnlyObjectWrapper<>(this, "firstDay");
    private LocalDate lastDay;
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final Subscription watching;
    private long query;

    TrendsViewModel(Supplier<HistoryStore> store, Executor worker, FxBridge bridge, Clock clock) {
        this.store = store;
        this.worker = worker;
        this.bridge = bridge;
        this.clock = clock;
        watching = range.subscribe((was, now) -> refresh());
    }

    public ObjectProperty<Range> rangeProperty() {
        return range;
    }

    /** The days with runs in the range, oldest first. */
    public ObservableList<HistoryQueries.TrendPoint> points() {
        return pointsView;
    }

    public ReadOnlyObjectProperty<HistoryQueries.Metrics> metricsProperty() {
        return metrics.getReadOnlyProperty();
    }

    /** The range's first day (UTC), where the charts' time axis begins. */
    public ReadOnlyObjectProperty<LocalDate> firstDayProperty() {
        return firstDay.getReadOnlyProperty();
    }

    /** The range's last day (UTC): today. */
    public LocalDate lastDay() {
        return lastDay;
    }

    /** "12 runs on 5 of the last 30 days", or why the trend cannot be read. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public void refresh() {
        long mine = ++query;
        Range r = range.get();
        Instant to = clock.instant();
        LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC);
        LocalDate first = last.minusDays(r.days() - 1L);
        Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        HistoryViewModel.submit(worker, bridge, () -> {
            HistoryStore s = store.get();
            List<HistoryQueries.TrendPoint> days = s.trend(null, from, to.plusMillis(1));
            HistoryQueries.Metrics m = s.metrics(null, from, to.plusMillis(1));
            bridge.post(() -> {
                if (mine == query) {
                    lastDay = last;
                    points.setAll(days);
                    firstDay.set(first);
                    metrics.set(m);
                    int runs = days.stream().mapToInt(HistoryQueries.TrendPoint::runs).sum();
                    statusText.set(runs == 0 ? "No runs in the " + r.toString().toLowerCase(Locale.ROOT)
                            : runs + " run(s) on " + days.size() + " of the " + r.toString().toLowerCase(Locale.ROOT));
                }
            });
        }, "read the trends", statusText::set);
    }

    public void dispose() {
        watching.unsubscribe();
    }

    /** A duration for an operator: "14 s", "42 min", "3.5 h", "2.1 days"; "—" for none (-1). */
    public static String duration(long ms) {
        if (ms < 0) {
            return "—";
        }
        Duration d = Duration.ofMillis(ms);
        if (d.toSeconds() < 90) {
            return d.toSeconds() + " s";
        }
        if (d.toMinutes() < 90) {
            return d.toMinutes() + " min";
        }
        double hours = ms / 3_600_000.0;
        return hours < 48 ? String.format(Locale.ROOT, "%.1f h", hours)
                : String.format(Locale.ROOT, "%.1f days", hours / 24);
    }

    /** "ollama 14 calls, 9,800 tokens · openai 2 calls, …", or "none". */
    public static String byProvider(Map<String, HistoryQueries.LlmUse> uses) {
        return uses.isEmpty() ? "none" : uses.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %d calls, %,d tokens", e.getKey(), e.getValue().calls(),
                        e.getValue().tokens()))
                .collect(Collectors.joining(" · "));
    }
}
