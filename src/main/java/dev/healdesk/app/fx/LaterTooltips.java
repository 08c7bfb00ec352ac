package dev.healdesk.app.fx;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A view's tooltips, made and installed after the next frame instead of while the view is built. A tooltip is a
 * popup window with a scene of its own, and the frame draws none of it; the console's first screen has a dozen, so
 * its first frame no longer waits for them. An operator cannot tell: a tooltip shows only after the pointer has rested
 * on its control for a while, and by then the next frame is long drawn.
 * <pre>
 *   LaterTooltips tips = new LaterTooltips();
 *   tips.set(dryRun, "Propose and record fixes without applying anything");
 *   ...
 *   tips.installAfterNextFrame();   // once, at the end of the view's constructor, on the FX thread
 * </pre>
 */
public final class LaterTooltips {
    private final List<Runnable> pending = new ArrayList<>();

    /** A plain tooltip with {@code text}. */
    public void set(Control control, String text) {
        set(control, () -> new Tooltip(text));
    }

    /** The tooltip that {@code tooltip} makes (called after the next frame). */
    public void set(Control control, Supplier<Tooltip> tooltip) {
        pending.add(() -> control.setTooltip(tooltip.get()));
    }

    /** Makes and installs every tooltip set so far, after the next frame; call on the FX thread. */
    public void installAfterNextFrame() {
        List<Runnable> now = List.copyOf(pending);
        pending.clear();
        if (!now.isEmpty()) {
            UiThread.afterNextFrame(() -> now.forEach(Runnable::run));
        }
    }
}
