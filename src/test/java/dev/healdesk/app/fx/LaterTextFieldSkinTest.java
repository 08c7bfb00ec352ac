package dev.healdesk.app.fx;

import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.TextFieldSkin;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first frame's skin of a text field (TestFX, headless Monocle): it takes the room JavaFX's own skin takes and
 * puts the text where that skin puts it, in the theme's colour, and gives way to JavaFX's skin after the next frame.
 */
@ExtendWith(ApplicationExtension.class)
class LaterTextFieldSkinTest {
    private final HBox row = new HBox(10);
    private ThemeService theme;

    @Start
    void start(Stage stage) {
        theme = new ThemeService(false);
        theme.installUserAgentStylesheet();
        row.setAlignment(Pos.BASELINE_LEFT);
        Scene scene = new Scene(row, 400, 200);
        theme.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void itTakesTheRoomOfJavaFxsSkinAndDrawsTheTextWhereThatSkinDoes(FxRobot robot) {
        robot.interact(() -> {
            TextField real = field();
            TextField later = field();
            row.getChildren().setAll(real, later);
            LaterTextFieldSkin.untilAfterNextFrame(later);   // no frame before the checks below: one interaction
            row.applyCss();
            row.layout();

            assertThat(later.getSkin()).isInstanceOf(LaterTextFieldSkin.class);
            assertThat(real.getSkin()).isInstanceOf(TextFieldSkin.class);
            assertThat(later.getHeight()).as("height").isEqualTo(real.getHeight()).isGreaterThan(10);
            assertThat(later.prefHeight(-1)).as("preferred height").isEqualTo(real.prefHeight(-1));
            assertThat(later.getBaselineOffset()).as("baseline").isEqualTo(real.getBaselineOffset());
            Text drawn = text(later);
            Text theirs = text(real);
            assertThat(drawn.getText()).isEqualTo("3");
            assertThat(drawn.getFont()).isEqualTo(theirs.getFont());
            Paint fill = theirs.getFill();
            assertThat(drawn.getFill()).as("the theme's text colour").isEqualTo(fill);
            assertThat(drawn.localToScene(0, drawn.getY()).getY()).as("the text's baseline in the scene")
                    .isEqualTo(theirs.localToScene(0, theirs.getY()).getY());
            assertThat(drawn.localToScene(0, 0).getX() - later.localToScene(0, 0).getX())
                    .as("the text's start within its field")
                    .isEqualTo(theirs.localToScene(0, 0).getX() - real.localToScene(0, 0).getX());
        });
    }

    @Test
    void javaFxsOwnSkinTakesOverAfterTheNextFrameAndShowsTheFieldsText(FxRobot robot) throws Exception {
        TextField later = field();
        robot.interact(() -> {
            row.getChildren().setAll(later);
            LaterTextFieldSkin.untilAfterNextFrame(later);
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> later.getSkin() instanceof TextFieldSkin);
        robot.interact(() -> later.setText("12"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(later.getChildrenUnmodifiable()).as("the first frame's text is gone")
                .noneMatch(n -> n instanceof Text t && "3".equals(t.getText()));
        assertThat(text(later).getText()).isEqualTo("12");
    }

    private static TextField field() {
        TextField field = new TextField("3");
        field.setEditable(false);
        field.setPrefWidth(60);
        return field;
    }

    /** The field's text node (style class "text"), wherever its skin put it. */
    private static Text text(TextField field) {
        return (Text) field.lookup(".text");
    }
}
