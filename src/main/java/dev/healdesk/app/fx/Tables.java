package dev.healdesk.app.fx;

import javafx.beans.InvalidationListener;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.util.Subscription;

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
        InvalidationListener check = o -> {
            double least = CHROME;
            for (TreeTableColumn<?, ?> c : table.getVisibleLeafColumns()) {
                least += c.getMinWidth();
            }
            boolean fits = least <= table.getWidth();
            var policy = fits ? TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN
                    : TreeTableView.UNCONSTRAINED_RESIZE_POLICY;
            if (table.getColumnResizePolicy() != policy) {
                table.setColumnResizePolicy(policy);
            }
        };
        table.widthProperty().addListener(check);
        table.getVisibleLeafColumns().addListener(check);
        for (TreeTableColumn<?, ?> c : table.getVisibleLeafColumns()) {
            c.minWidthProperty().addListener(check);
        }
        check.invalidated(null);
        return () -> {
            table.widthProperty().removeListener(check);
            table.getVisibleLeafColumns().removeListener(check);
            for (TreeTableColumn<?, ?> c : table.getColumns()) {
                c.minWidthProperty().removeListener(check);
            }
        };
    }
}
