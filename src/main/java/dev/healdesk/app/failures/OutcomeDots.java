package dev.healdesk.app.failures;

import javafx.geometry.Pos;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * A test's recent outcomes as a row of small dots, oldest first: a hollow green ring for a pass, a filled red dot for
 * a failure, a filled amber one for a flaky run (passed on a retry), a small grey ring for a skip, a filled grey dot for a failure
 * while the operator had a sandbox fault switched on (not counted as a flip). Shape as well as
 * colour tells pass from fail; the tooltip spells the runs out.
 */
final class OutcomeDots {

    private OutcomeDots() {
    }

    /** @param recent one letter a run, oldest first: P, F, K, S or X (see {@link dev.healdesk.core.run.FlipRate}) */
    static HBox of(String recent) {
        HBox dots = new HBox(3);
        dots.getStyleClass().add("outcome-dots");
        dots.setAlignment(Pos.CENTER_LEFT);
        List<String> words = new ArrayList<>();
        for (char c : recent.toCharArray()) {
            Region dot = new Region();
            dot.getStyleClass().addAll("outcome-dot", "outcome-" + Character.toLowerCase(c));
            dots.getChildren().add(dot);
            words.add(word(c));
        }
        String spelled = "Last " + recent.length() + " runs, oldest first: " + String.join(", ", words);
        dots.setAccessibleText(spelled);
        Tooltip.install(dots, new Tooltip(spelled + "\n○ passed · ● failed · ● amber: flaky (passed on a retry)"
                + " · grey: skipped"
                + " · grey dot: failed with a sandbox fault switched on (not a flip)"));
        return dots;
    }

    static String word(char letter) {
        return switch (letter) {
            case 'P' -> "passed";
            case 'F' -> "failed";
            case 'K' -> "flaky";
            case 'S' -> "skipped";
            case 'X' -> "failed with a fault switched on (not counted)";
            default -> "?";
        };
    }
}
