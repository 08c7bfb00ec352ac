package dev.healdesk.core.playbook;

import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.triage.FailureGroup;

import java.util.Optional;

/**
 * Which playbook to propose for a failure group. {@link #PATTERN} takes the pattern catalog's; a front end where the
 * operator picked the model's {@code suggestedPlaybook} for a group supplies its own choice (the pick is the
 * operator's, so the diagnosis alone never changes what is proposed).
 */
@FunctionalInterface
public interface PlaybookChoice {

    /** The playbook's name, or null to propose none. */
    String choose(FailureGroup group, Optional<Diagnosis> diagnosis);

    PlaybookChoice PATTERN = (group, diagnosis) -> group.classification().playbook();
}
