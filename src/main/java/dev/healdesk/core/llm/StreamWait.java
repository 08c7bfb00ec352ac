package dev.healdesk.core.llm;

import dev.healdesk.core.process.Cancellation;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * The wait both streamed LLM clients need: the HTTP call runs on a thread of its own and hands its pieces (tokens,
 * counts, the end, a failure) over this queue, because neither client library stops a stream that goes quiet. The
 * waiting side allows the first-token limit until the answer starts (a model may be loading) and the stall limit
 * after, and ends at once on a cancel.
 */
final class StreamWait {
    private final BlockingQueue<Object> pieces = new LinkedBlockingQueue<>();
    private final Duration firstToken;
    private final Duration stall;
    private boolean answering;

    StreamWait(Duration firstToken, Duration stall) {
        this.firstToken = firstToken;
        this.stall = stall;
    }

    /** From the calling thread: one more piece. */
    void add(Object piece) {
        pieces.add(piece);
    }

    /** The answer has started: from now on the stall limit applies. */
    void answering() {
        answering = true;
    }

    /**
     * The next piece.
     *
     * @param silence the message for a wait that got nothing, from the seconds waited and whether the answer had
     *                started
     */
    Object next(Cancellation cancel, BiFunction<Long, Boolean, String> silence)
            throws LlmException, InterruptedException {
        Duration wait = answering ? stall : firstToken;
        Object piece = pieces.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (cancel.isCancelled()) {
            throw new LlmException("Diagnosis cancelled", false, null);
        }
        if (piece == null) {
            throw new LlmException(silence.apply(wait.toSeconds(), answering), false, null);
        }
        return piece;
    }
}
