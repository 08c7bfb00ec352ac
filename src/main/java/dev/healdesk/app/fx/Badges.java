package dev.healdesk.app.fx;

import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FixClass;
import dev.healdesk.core.triage.HealthStatus;
import dev.healdesk.core.triage.Severity;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
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
                show(this, label, empty ? null : item, text, kind);
            }

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                fit(this, getTableColumn(), label);
            }
        };
    }

    /**
     * A table cell that shows its value as a badge (none for a null value); {@code text} and {@code kind} derive from
     * the value. It widens its column to the whole badge (never "datab" for database), the table scrolling if need be.
     */
    public static <S, T> Callback<TableColumn<S, T>, TableCell<S, T>> cells(Function<T, String> text,
                                                                          Function<T, String> kind) {
        return column -> new TableCell<>() {
            private final Label label = badge("", "neutral");

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                show(this, label, empty ? null : item, text, kind);
            }

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                fit(this, getTableColumn(), label);
            }
        };
    }

    private static <T> void show(IndexedCell<T> cell, Label label, T item, Function<T, String> text,
                                 Function<T, String> kind) {
        cell.setText(null);
        if (item == null) {
            cell.setGraphic(null);
        } else {
            restyle(label, text.apply(item), kind.apply(item));
            cell.setGraphic(label);
        }
    }

    /**
     * Widens {@code column} (its least and preferred widths) to the badge the cell shows. Done as the cell is laid out,
     * when its style is known: a cell filled before it joined the table is measured too.
     */
    private static void fit(IndexedCell<?> cell, TableColumnBase<?, ?> column, Label label) {
        if (column == null || cell.getGraphic() != label) {
            return;
        }
        double w = Math.ceil(label.prefWidth(-1) + cell.snappedLeftInset() + cell.snappedRightInset()) + 2;
        if (column.getMinWidth() < w) {
            column.setMinWidth(w);
        }
        if (column.getPrefWidth() < w) {
            column.setPrefWidth(w);
        }
    }
}
