package dev.healdesk.core.playbook.review;

import dev.healdesk.core.playbook.Playbook;
import dev.healdesk.core.playbook.PlaybookRegistry;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FixClass;
import dev.healdesk.core.triage.PatternCatalog;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewPlaybooksTest {

    @Test
    void registersTheProposalsAndTheIssueUnderTheNamesThePatternCatalogUses() {
        PlaybookRegistry registry = ReviewPlaybooks.register(new PlaybookRegistry());

        assertEquals(new TreeSet<>(Set.of("file-issue", "propose-config-change", "propose-selector-fix")),
                registry.names());
        assertTrue(PatternCatalog.builtIn().playbooks().containsAll(registry.names()));
        Playbook selector = registry.find("propose-selector-fix").orElseThrow();
        assertEquals(FixClass.B, selector.fixClass());
        assertEquals(FixClass.B, registry.find("propose-config-change").orElseThrow().fixClass());
        assertEquals(FixClass.C, registry.find("file-issue").orElseThrow().fixClass());
        assertTrue(selector.isApplicable(ReviewFixtures.uiGroup("boom")));
        assertFalse(selector.categories().contains(Category.DATABASE));
        assertEquals(Set.of(Category.values()), registry.find("file-issue").orElseThrow().categories());
    }
}
