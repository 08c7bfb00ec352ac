package dev.healdesk.app.fx;

import dev.healdesk.core.triage.Category;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Badge cells in a flat and a tree table (TestFX, headless Monocle): a category shows as its coloured badge, a
 * missing value as nothing, and a column set too narrow widens to the whole badge (never "datab" for database).
 */
@ExtendWith(ApplicationExtension.class)
class BadgesTest {
    private final TableColumn<Category, Category> flat = new TableColumn<>("Category");
    private final TreeTableColumn<Category, Category> tree = new TreeTableColumn<>("Category");

    @Start
    void start(Stage stage) {
        ThemeService theme = new ThemeService(false);
        theme.installUserAgentStylesheet();
        flat.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        flat.setCellFactory(Badges.cells(Category::id, Badges::kindOf));
        flat.setPrefWidth(12);
        flat.setMinWidth(12);
        TableView<Category> table = new TableView<>(FXCollections.observableArrayList(
                Category.DATABASE, null, Category.UI));
        table.getColumns().add(flat);

        tree.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        tree.setCellFactory(Badges.treeCells(Category::id, Badges::kindOf));
        tree.setPrefWidth(12);
        tree.setMinWidth(12);
        TreeItem<Category> root = new TreeItem<>(null);
        root.getChildren().addAll(List.of(new TreeItem<>(Category.DATABASE), new TreeItem<>(Category.NETWORK)));
        TreeTableView<Category> treeTable = new TreeTableView<>(root);
        treeTable.setShowRoot(false);
        treeTable.getColumns().add(tree);

        Scene scene = new Scene(new HBox(table, treeTable), 800, 400);
        theme.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aTableCellShowsItsValueAsABadgeAndWidensItsColumnToTheWholeBadge(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Label database = robot.lookup(".table-view .badge.category-database").queryAs(Label.class);
        assertThat(database.getText()).isEqualTo("database");
        assertThat(robot.lookup(".table-view .badge.category-ui").tryQuery()).isPresent();
        assertThat(robot.lookup(".table-view .badge").queryAll()).as("the null row shows no badge").hasSize(2);
        assertThat(flat.getWidth()).as("widened from 12 px to the whole badge")
                .isGreaterThanOrEqualTo(prefWidth(robot, database));
    }

    @Test
    void aTreeTableCellDoesTheSame(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Label database = robot.lookup(".tree-table-view .badge.category-database").queryAs(Label.class);
        assertThat(database.getText()).isEqualTo("database");
        assertThat(robot.lookup(".tree-table-view .badge.category-network").tryQuery()).isPresent();
        assertThat(tree.getWidth()).as("widened from 12 px to the whole badge")
                .isGreaterThanOrEqualTo(prefWidth(robot, database));
    }

    private static double prefWidth(FxRobot robot, Label label) {
        AtomicReference<Double> w = new AtomicReference<>();
        robot.interact(() -> w.set(label.prefWidth(-1)));
        return w.get();
    }
}
