package dev.healdesk.app.fx;

import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's own stylesheet as JavaFX loads it: JavaFX takes {@code healdesk.bss} when it lies beside
 * {@code healdesk.css} (the build makes it with JavaFX's Css2Bin, so that the first frame does not parse CSS), so the
 * binary form must say exactly what the CSS says, or the console would not look as its CSS is written.
 */
class ThemeServiceTest {

    @Test
    void theBinaryStylesheetBesideTheCssHoldsTheSameRulesAsTheCss() throws IOException {
        URL css = ThemeService.class.getResource(ThemeService.APP_CSS);
        URL bss = ThemeService.class.getResource(ThemeService.APP_CSS.replace(".css", ".bss"));
        assertThat(css).isNotNull();
        assertThat(bss).as("healdesk.bss beside healdesk.css: `mvn process-classes` makes it").isNotNull();

        List<String> written = rules(new CssParser().parse(css));
        List<String> loaded = rules(Stylesheet.loadBinary(bss));

        assertThat(written).hasSizeGreaterThan(50);
        assertThat(loaded).isEqualTo(written);
    }

    /**
     * Each rule as text: its selectors and every declaration with its value (asked for by name: a rule loaded from the
     * binary form unpacks its declarations when they are first asked for, and its toString does not ask).
     */
    private static List<String> rules(Stylesheet stylesheet) {
        return stylesheet.getRules().stream().map(r -> r.getSelectors() + " " + r.getDeclarations()).toList();
    }
}
