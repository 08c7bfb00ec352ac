package dev.healdesk.app.failures;

import java.util.List;

/**
 * What the detail pane shows for one failure group.
 *
 * @param tests    the group's tests, each with its flip rate and recent outcomes
 * @param flipNote a warning when the group flips often (a fix may only look like it worked), else null
 * @param actions  one line per playbook proposal/decision recorded for the group, or empty
 */
public record FailureDetail(String title, String fingerprint, String pattern, String playbook, List<TestLine> tests,
                            String flipNote, String message, String stackTop, List<String> actions) {
    public FailureDetail {
        tests = List.copyOf(tests);
        actions = List.copyOf(actions);
    }
}
