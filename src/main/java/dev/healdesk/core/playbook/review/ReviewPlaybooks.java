package dev.healdesk.core.playbook.review;

import dev.healdesk.core.playbook.PlaybookRegistry;

/**
 * The playbooks that change nothing running and so never apply without an operator's approval: the class-B
 * proposals (a selector fix, a config change) and the class-C issue. One call registers them, so the composition
 * root lists playbook families, not single classes.
 */
public final class ReviewPlaybooks {
    private ReviewPlaybooks() {
    }

    public static PlaybookRegistry register(PlaybookRegistry registry) {
        return registry.register(new ProposeChangePlaybook(ProposeChangePlaybook.Kind.SELECTOR))
                .register(new ProposeChangePlaybook(ProposeChangePlaybook.Kind.CONFIG))
                .register(new FileIssuePlaybook());
    }
}
