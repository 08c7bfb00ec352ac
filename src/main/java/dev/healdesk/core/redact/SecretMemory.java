package dev.healdesk.core.redact;

import java.util.ArrayList;
import java.util.List;

/**
 * What one redactor found by context in the texts it was given before, looked for again in the texts after: a password
 * that a test's log names once ({@code password=…}) goes from a later assertion that prints it alone ({@code expected
 * '…' to be null}), though they are two texts (a result's message and its stack, two lines of a live log, two blocks
 * of a stream). {@link Echoes} does the same within one text. Only values of the kinds found by context and at least
 * {@link Echoes#MIN_LENGTH} long are kept, as there; at most {@link #MAX_VALUES}, the first ones, so that a long run's
 * memory stays small. One memory belongs to one run or one stream and to one redactor's rules (each run starts a
 * new one, so that what a failure's text becomes does not depend on the runs before it); safe to share between
 * threads. A value is never written anywhere: it lives in this object only.
 */
public final class SecretMemory {

    static final int MAX_VALUES = 1024;

    private volatile Echoes.Values values = Echoes.Values.NONE;

    /** How many values it holds. */
    public int size() {
        return values.size();
    }

    Echoes.Values values() {
        return values;
    }

    /** Keeps the values a text's scan picked ({@link Echoes#add}) that it does not hold yet. */
    void learn(Echoes.Picked picked) {
        Echoes.Values known = values;
        List<String> more = null;
        List<SecretKind> kinds = null;
        for (int v = 0; v < picked.count(); v++) {
            if (known.contains(picked.texts()[v])) {
                continue;
            }
            if (more == null) {
                more = new ArrayList<>();
                kinds = new ArrayList<>();
            }
            more.add(picked.texts()[v]);   // distinct already: Echoes looked for each once
            kinds.add(picked.kinds()[v]);
        }
        if (more != null) {
            add(more, kinds);
        }
    }

    private synchronized void add(List<String> more, List<SecretKind> kinds) {
        List<String> fresh = new ArrayList<>();
        List<SecretKind> freshKinds = new ArrayList<>();
        for (int i = 0; i < more.size() && values.size() + fresh.size() < MAX_VALUES; i++) {
            if (!values.contains(more.get(i))) {
                fresh.add(more.get(i));
                freshKinds.add(kinds.get(i));
            }
        }
        if (!fresh.isEmpty()) {
            values = values.with(fresh, freshKinds);
        }
    }
}
