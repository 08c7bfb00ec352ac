package dev.healdesk.app.fx;

import javafx.beans.InvalidationListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.Region;
import javafx.util.Subscription;

import java.util.function.Consumer;

/** Helpers for the console's tables, shared by the screens. */
public final class Tables {
    /** Room for the vertical scroll bar and the table's border, beside the columns. */
    private static final double CHROME = 24;

    private Tables() {
    }

    /**
     * Fills the table's width with its columns (the last one taking what is left) while their least widths fit, and
     * lets the table scroll sideways once they do not (a narrow window): a column is then never squeezed under its
     * least width, so its header and badges are never cut. Follows the table's width and the columns' least widths
     * until released.
     */
    public static Subscription fitOrScroll(TreeTableView<?> table) {
        return fitOrScroll(table, table.getVisibleLeafColumns(), fits -> {
            var policy = fits ? TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN
                    : TreeTableView.UNCONSTRAINED_RESIZE_POLICY;
            if (table.getColumnResizePolicy() != policy) {
                table.setColumnResizePolicy(policy);
            }
        });
    }

    /** The same for a flat table. */
    public static Subscription fitOrScroll(TableView<?> table) {
        return fitOrScroll(table, table.getVisibleLeafColumns(), fits -> {
            var policy = fits ? TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN
                    : TableView.UNCONSTRAINED_RESIZE_POLICY;
            if (table.getColumnResizePolicy() != policy) {
                table.setColumnResizePolicy(policy);
            }
        });
    }

    private static Subscription fitOrScroll(Region table, ObservableList<? extends TableColumnBase<?, ?>> columns,
                                            Consumer<Boolean> fits) {
        InvalidationListener check = o -> {
            double least = CHROME;
            for (TableColumnBase<?, ?> c : columns) {
                least += c.getMinWidth();
            }
            fits.accept(least <= table.getWidth());
        };
        table.widthProperty().addListener(check);
        columns.addListener(check);
        for (TableColumnBase<?, ?> c : columns) {
            c.minWidthProperty().addListener(check);
        }
        check.invalidated(null);
        return () -> {
            table.widthProperty().removeListener(check);
            columns.removeListener(check);
            for (TableColumnBase<?, ?> c : columns) {
                c.minWidthProperty().removeListener(check);
            }
        };
    }
}
