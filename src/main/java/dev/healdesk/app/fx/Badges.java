package dev.healdesk.app.fx;

import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FixClass;
import dev.healdesk.core.triage.HealthStatus;
import dev.healdesk.core.triage.Severity;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.util.Callback;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Coloured labels for the values an operator scans for: status, severity, category, fix class, a playbook's risk and
 * where its proposal stands ({@code state-*}, named by the queue). The
 * colours are named in healdesk.css ({@code -hd-*}), so light and dark themes both read well.
 */
public final class Badges {
    public static final String BADGE = "badge";
    private static final List<String> KINDS = List.of(
            "status-healthy", "status-degraded", "status-failing",
            "severity-critical", "severity-high", "severity-medium", "severity-low",
            "fix-a", "fix-b", "fix-c");

    private Badges() {
    }

    public static Label badge(String text, String kind) {
        Label label = new Label(text);
        label.getStyleClass().addAll(BADGE, kind);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    public static String kindOf(HealthStatus status) {
        return "status-" + status.id();
    }

    public static String kindOf(Severity severity) {
        return "severity-" + severity.id();
    }

    public static String kindOf(FixClass fixClass) {
        return "fix-" + fixClass.name().toLowerCase(Locale.ROOT);
    }

    public static String kindOf(Risk risk) {
        return "risk-" + risk.name().toLowerCase(Locale.ROOT);
    }

    public static String kindOf(Category category) {
        return "category-" + category.id();
    }

    /** Parses a stored id ({@code "high"}) to its badge kind, or a neutral one for an unknown value. */
    public static String severityKind(String stored) {
        try {
            return kindOf(Severity.fromId(stored));
        } catch (IllegalArgumentException | NullPointerException e) {
            return "neutral";
        }
    }

    public static String statusKind(HealthStatus status) {
        return status == null ? "neutral" : kindOf(status);
    }

    public static String fixKind(String stored) {
        try {
            return kindOf(FixClass.valueOf(stored.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return "neutral";
        }
    }

    /** Re-styles {@code label} as a badge of {@code kind}, dropping its previous kind. */
    public static void restyle(Label label, String text, String kind) {
        label.setText(text);
        label.getStyleClass().removeIf(c -> KINDS.contains(c) || c.startsWith("category-") || c.startsWith("risk-")
                || c.startsWith("state-") || c.equals("neutral"));
        if (!label.getStyleClass().contains(BADGE)) {
            label.getStyleClass().add(BADGE);
        }
        label.getStyleClass().add(kind);
    }

    /**
     * A tree table cell that shows its value as a badge (none for a null value); {@code text} and {@code kind} derive
     * from the value. Like {@link #cells}, it widens its column to the whole badge.
     */
    public static <S, T> Callback<TreeTableColumn<S, T>, TreeTableCell<S, T>> treeCells(Function<T, String> text,
                                                                                  Function<T, String> kind) {
        return column -> new TreeTableCell<>() {
            private final Label label = badge("", "neutral");

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    restyle(label, text.apply(item), kind.apply(item));
                    setGraphic(label);
                    if (getTableColumn() != null && getScene() != null) {
                        applyCss();
                        fit(getTableColumn().minWidthProperty(), getTableColumn().prefWidthProperty(),
                                label.prefWidth(-1) + snappedLeftInset() + snappedRightInset());
                    }
                }
            }
        };
    }

    /** Widens a column (its least and preferred widths) to {@code need}: never "datab" for database. */
    private static void fit(javafx.beans.property.DoubleProperty min, javafx.beans.property.DoubleProperty pref,
                            double need) {
        double w = Math.ceil(need) + 2;
        if (min.get() < w) {
            min.set(w);
        }
        if (pref.get() < w) {
            pref.set(w);
        }
    }

    /** A table cell that shows its value as a badge; {@code text} and {@code kind} derive from the value. */
    public static <S, T> Callback<TableColumn<S, T>, TableCell<S, T>> cells(Function<T, String> text,
                                                                          Function<T, String> kind) {
        return column -> new TableCell<>() {
            private final Label label = badge("", "neutral");

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    restyle(label, text.apply(item), kind.apply(item));
                    setGraphic(label);
                    fitColumn();
                }
            }

            /** Widens the column to the whole badge (never "datab" for database), the table scrolling if need be. */
            private void fitColumn() {
                TableColumn<S, T> column = getTableColumn();
                if (column == null || getScene() == null) {
                    return;
                }
                applyCss();
                fit(column.minWidthProperty(), column.prefWidthProperty(),
                        label.prefWidth(-1) + snappedLeftInset() + snappedRightInset());
            }
        };
    }
}
