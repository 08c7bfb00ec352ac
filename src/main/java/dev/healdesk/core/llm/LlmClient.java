package dev.healdesk.core.llm;

import dev.healdesk.core.process.Cancellation;

import java.util.function.Consumer;

/** A model provider: the local Ollama, or the optional cloud fallback. Text given to it is already redacted. */
public interface LlmClient {

    /** "ollama" or "anthropic": recorded in the run's {@code llm} summary. */
    String provider();

    /**
     * Asks {@code request}, handing each streamed piece of the answer to {@code onToken} as it arrives (on the
     * calling thread), and returns the whole answer.
     *
     * @throws LlmException when no answer came: unreachable, model missing, an error, a stalled or cut stream,
     *                      or cancelled
     */
    LlmAnswer complete(LlmRequest request, Consumer<String> onToken, Cancellation cancel) throws LlmException;
}
