package dev.healdesk.core.run;

import java.util.List;

/**
 * Seam for the playbooks (core/playbook): proposes a playbook for each failure group, takes the
 * operator's or the policy's decision, applies, verifies (re-running tests through {@link HealRequest#rerun()})
 * and rolls back. Returns every decision made, in order.
 */
@FunctionalInterface
public interface Healer {

    List<ActionRecord> heal(HealRequest request);
}
