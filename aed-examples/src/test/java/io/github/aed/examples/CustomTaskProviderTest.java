package io.github.aed.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.nn.task.ProxyTask;
import io.github.aed.nn.task.TaskRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The custom-task example's task is found the way a user's would be: through its META-INF/services entry. */
class CustomTaskProviderTest {

    @Test
    void thePlaybackSpeedTaskIsFoundOnTheClassPathAndComesBackWithItsSavedWeight() {
        TaskRegistry registry = TaskRegistry.defaults();
        assertTrue(registry.knows(CustomTaskExample.PlaybackSpeed.NAME), "providers found: " + registry.names());
        ProxyTask saved = new CustomTaskExample.PlaybackSpeed(0.25);
        ProxyTask back = registry.create(saved.name(), saved.settings());
        assertEquals(0.25, back.weight());
        assertEquals(saved.head(), back.head());
        assertEquals(Map.of(ProxyTask.WEIGHT, "0.25"), back.settings());
    }
}
