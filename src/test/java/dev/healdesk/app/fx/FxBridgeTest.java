package dev.healdesk.app.fx;

import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.run.RunListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FxBridgeTest {

    @Test
    void runEventsArriveInOrder() {
        List<String> seen = new ArrayList<>();
        RunListener listener = FxBridge.direct().runListener(batch -> batch.forEach(e -> seen.add(
                ((RunEvent.Log) e).message())));
        for (int i = 0; i < 5; i++) {
            listener.onEvent(new RunEvent.Log("run", RunEvent.Log.Level.INFO, "m" + i));
        }
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), seen);
    }

    @Test
    void aFailingUpdateIsLoggedAndTheNextOneStillRuns() {
        FxBridge bridge = FxBridge.direct();
        List<String> seen = new ArrayList<>();
        bridge.post(() -> {
            throw new IllegalStateException("expected in this test");
        });
        bridge.<String>toUi(seen::add).accept("after");
        assertEquals(List.of("after"), seen);
    }
}
