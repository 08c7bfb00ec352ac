package dev.healdesk.core.playbook;

/** How much a playbook can break. HIGH asks for a confirmation even where the policy would let it run. */
public enum Risk {
    LOW, MEDIUM, HIGH
}
