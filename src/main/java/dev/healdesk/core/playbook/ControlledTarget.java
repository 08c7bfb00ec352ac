package dev.healdesk.core.playbook;

import dev.healdesk.core.run.Target;

/**
 * A target that offers playbooks a {@link TargetControl} (its settings and handles). The run loop knows only
 * {@link Target}; the executor asks for this so that {@code core.run} never depends on the playbook package. A target
 * that is not one gets {@link TargetControl#none}: commands and requests from settings only.
 */
public interface ControlledTarget extends Target {

    TargetControl control();

    /** The control of {@code target}, or one without handles or settings. */
    static TargetControl controlOf(Target target) {
        return target instanceof ControlledTarget controlled ? controlled.control() : TargetControl.none(target.name());
    }
}
