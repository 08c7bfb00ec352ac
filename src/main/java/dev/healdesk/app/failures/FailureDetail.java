package dev.healdesk.app.failures;

import java.util.List;

/**
 * What the detail pane shows for one failure group.
 *
 * @param actions one line per playbook proposal/decision recorded for the group, or empty
 */
public record FailureDetail(String title, String fingerprint, String pattern, String playbook, List<String> tests,
                            String message, String stackTop, List<String> actions) {
    public FailureDetail {
        tests = List.copyOf(tests);
        actions = List.copyOf(actions);
    }
}
