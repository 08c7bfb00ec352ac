package dev.healdesk.app.failures;

import dev.healdesk.core.run.Diagnosis;

/**
 * What the detail pane's Diagnosis section shows for the selected group: nothing yet (and why), the model's answer
 * as it streams in, or the finished diagnosis.
 *
 * @param heading        "Asking llama3.2…", "llama3.2 · ollama", "No diagnosis"
 * @param streamed       the answer's text so far (while asking), or empty
 * @param diagnosis      the finished diagnosis ({@link State#DONE} only), else null
 * @param confidenceText "82 %" ({@link State#DONE}, well-formed), else empty
 * @param disagreement   how the model's category / fix class differ from triage's, or null when they agree
 * @param reason         why there is no diagnosis ({@link State#NONE}), else null
 */
public record DiagnosisDetail(State state, String heading, String streamed, Diagnosis diagnosis,
                              String confidenceText, String disagreement, String reason) {

    /** Where the group's diagnosis stands. */
    public enum State { NONE, ASKING, DONE }
}
