package dev.healdesk.app.fx;

import javafx.beans.value.ChangeListener;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.TextFieldSkin;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A text field's skin for the first frame: its text where {@link TextFieldSkin} draws it, and nothing else, until
 * JavaFX's own skin takes over after that frame (or at once, should the field be focused first). The background and
 * the border are the field's own (its CSS), so the frame looks the same.
 * <p>
 * Why: the console's first screen has one text field, the editor of the Max fixes spinner, and JavaFX's skin for it
 * brings the whole of text editing before the first frame (its behaviour's key map, a context menu, caret and
 * selection shapes: some 190 classes and 100 lambdas, on the JavaFX thread, one after the other). The first frame
 * shows a number in a box.
 * <p>
 * Left-aligned text on one line only (the spinner's editor): the text starts and its baseline sits where TextFieldSkin puts them,
 * centred by its ascent and descent in the content box; the field's preferred height is its text's plus the insets.
 */
public final class LaterTextFieldSkin extends SkinBase<TextField> {
    private static final CssMetaData<TextField, Paint> TEXT_FILL = new CssMetaData<>("-fx-text-fill",
            PaintConverter.getInstance(), Color.BLACK) {
        @Override
        public boolean isSettable(TextField field) {
            return field.getSkin() instanceof LaterTextFieldSkin skin && !skin.textFill.isBound();
        }

        @Override
        @SuppressWarnings("unchecked")
        public StyleableProperty<Paint> getStyleableProperty(TextField field) {
            return (StyleableProperty<Paint>) (Object) ((LaterTextFieldSkin) field.getSkin()).textFill;
        }
    };
    private static final List<CssMetaData<? extends Styleable, ?>> CSS;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(SkinBase.getClassCssMetaData());
        all.add(TEXT_FILL);
        CSS = Collections.unmodifiableList(all);
    }

    private final Text text = new Text();
    private final StyleableObjectProperty<Paint> textFill = new StyleableObjectProperty<>(Color.BLACK) {
        @Override
        public Object getBean() {
            return LaterTextFieldSkin.this;
        }

        @Override
        public String getName() {
            return "textFill";
        }

        @Override
        public CssMetaData<TextField, Paint> getCssMetaData() {
            return TEXT_FILL;
        }
    };
    private final ChangeListener<Boolean> focus = (o, was, is) -> {
        if (is) {
            takeOver();
        }
    };

    private LaterTextFieldSkin(TextField field) {
        super(field);
        text.setManaged(false);
        text.getStyleClass().add("text");
        text.fontProperty().bind(field.fontProperty());
        text.textProperty().bind(field.textProperty());
        text.fillProperty().bind(textFill);
        getChildren().add(text);
        field.focusedProperty().addListener(focus);
    }

    /**
     * Gives {@code field} this skin now and JavaFX's own after the next frame; call on the FX thread before the field
     * is first shown.
     */
    public static void untilAfterNextFrame(TextField field) {
        LaterTextFieldSkin skin = new LaterTextFieldSkin(field);
        field.setSkin(skin);
        // After the pulse that follows the frame, not inside it: the frame is on the screen by then.
        UiThread.afterNextFrame(() -> FxBridge.platform().post(skin::takeOver));
    }

    private void takeOver() {
        TextField field = getSkinnable();
        if (field != null && field.getSkin() == this) {
            field.setSkin(new TextFieldSkin(field));
        }
    }

    @Override
    public void dispose() {
        TextField field = getSkinnable();
        if (field != null) {
            field.focusedProperty().removeListener(focus);
        }
        text.fontProperty().unbind();
        text.textProperty().unbind();
        text.fillProperty().unbind();
        getChildren().remove(text);
        super.dispose();
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double ascent = text.getBaselineOffset();
        double descent = text.getLayoutBounds().getHeight() - ascent;
        // TextFieldSkin leaves half its caret's width before the first character: the caret is two pixels wide here
        // (LaterTextFieldSkinTest compares the two skins).
        text.setLayoutX(x + 1);
        text.setY(y + (ascent + h - descent) / 2);
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return top + text.getLayoutBounds().getHeight() + bottom;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return computePrefHeight(width, top, right, bottom, left);
    }

    @Override
    protected double computeMaxHeight(double width, double top, double right, double bottom, double left) {
        return getSkinnable().prefHeight(width);
    }

    @Override
    protected double computeBaselineOffset(double top, double right, double bottom, double left) {
        return top + text.getBaselineOffset();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }
}
