package io.github.aed.nn.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.nn.FrozenFramesTask;
import io.github.aed.nn.teacher.DetectorConfidenceTeacher;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class TaskRegistryTest {

    @Test
    void serviceLoaderFindsTheFourBuiltInProviders() {
        assertEquals(Set.of(ArrowOfTime.NAME, MotionIrregularity.NAME, MiddleBox.NAME, KnowledgeDistillation.NAME),
                TaskRegistry.defaults().names());
    }

    @Test
    void everyBuiltInTaskComesBackFromItsSettingsWithItsWeightAndOptions() {
        List<ProxyTask> tasks = List.of(new ArrowOfTime(0.75), new MotionIrregularity(2, 5), MiddleBox.standalone(0.25),
                new KnowledgeDistillation(new DetectorConfidenceTeacher(6), 0.5, OutputActivation.RELU));
        TaskRegistry registry = TaskRegistry.defaults();
        for (ProxyTask t : tasks) {
            ProxyTask back = registry.create(t.name(), t.settings());
            assertEquals(t.settings(), back.settings(), t.name());
            assertEquals(t.head(), back.head(), t.name());
            assertEquals(t.inputOf(), back.inputOf(), t.name());
            assertEquals(t.toString(), back.toString());
        }
    }

    @Test
    void theLibrarySavesTheWeightOfATaskWithoutOptions() {
        assertEquals(Map.of(ProxyTask.WEIGHT, "1.0"), new FrozenFramesTask().settings());
        assertEquals(Map.of(ProxyTask.WEIGHT, "0.5", "maxGap", "4"), new MotionIrregularity(0.5, 4).settings());
    }

    @Test
    void anUnknownTaskIsNamedWithTheKnownProviders() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> TaskRegistry.defaults().create(FrozenFramesTask.NAME, Map.of(ProxyTask.WEIGHT, "1")));
        assertTrue(e.getMessage().contains("'frozen-frames'")
                && e.getMessage().contains("[arrow-of-time, distillation, middle-box, motion-irregularity]"), e.getMessage());
        ProxyTask registered = TaskRegistry.defaults().register(new FrozenFramesTask.Provider())
                .create(FrozenFramesTask.NAME, Map.of(ProxyTask.WEIGHT, "1"));
        assertEquals(FrozenFramesTask.NAME, registered.name());
    }

    @Test
    void badSettingsAreRejectedNamingTheTaskAndTheField() {
        TaskRegistry registry = TaskRegistry.defaults();
        var noWeight = assertThrows(IllegalArgumentException.class, () -> registry.create(ArrowOfTime.NAME, Map.of()));
        assertTrue(noWeight.getMessage().contains(ArrowOfTime.NAME) && noWeight.getMessage().contains("'weight'"),
                noWeight.getMessage());
        var badGap = assertThrows(IllegalArgumentException.class,
                () -> registry.create(MotionIrregularity.NAME, Map.of(ProxyTask.WEIGHT, "1", "maxGap", "three")));
        assertTrue(badGap.getMessage().contains("'maxGap'") && badGap.getMessage().contains("three"), badGap.getMessage());
        var noTeacher = assertThrows(IllegalArgumentException.class,
                () -> registry.create(KnowledgeDistillation.NAME, Map.of(ProxyTask.WEIGHT, "0.5")));
        assertTrue(noTeacher.getMessage().contains("'teacher'"), noTeacher.getMessage());
        var badActivation = assertThrows(IllegalArgumentException.class, () -> registry.create(KnowledgeDistillation.NAME,
                Map.of(ProxyTask.WEIGHT, "0.5", "teacher", DetectorConfidenceTeacher.NAME, "teacher.classes", "3",
                        "activation", "TANH")));
        assertTrue(badActivation.getMessage().contains("'activation'"), badActivation.getMessage());
    }

    @Test
    void aProviderThatDropsTheSavedWeightOrNameIsCaught() {
        TaskRegistry registry = TaskRegistry.defaults()
                .register(new ProxyTaskProvider("fixed-weight", settings -> new FrozenFramesTask()) {
                });
        var wrongName = assertThrows(IllegalStateException.class, () -> registry.create("fixed-weight", Map.of(ProxyTask.WEIGHT, "1")));
        assertTrue(wrongName.getMessage().contains("'frozen-frames'"), wrongName.getMessage());
        TaskRegistry frozen = TaskRegistry.defaults().register(new FrozenFramesTask.Provider());
        var wrongWeight = assertThrows(IllegalStateException.class,
                () -> frozen.create(FrozenFramesTask.NAME, Map.of(ProxyTask.WEIGHT, "0.3")));
        assertTrue(wrongWeight.getMessage().contains("0.3"), wrongWeight.getMessage());
    }

    @Test
    void anOptionNamedWeightIsRefused() {
        var e = assertThrows(IllegalStateException.class, () -> new WeightOption().settings());
        assertTrue(e.getMessage().contains("'weight'"), e.getMessage());
    }

    /** A task whose own option clashes with the weight the library saves. */
    private static final class WeightOption extends TwoWayTask {
        private static final FrameSelection SEQUENCE = FrameSelection.consecutive(3, false);

        WeightOption() {
            super("weight-option", 1, SEQUENCE, 3);
        }

        @Override
        public TaskSample sample(TrainingObject object, FrameSelection sharedInput, RandomGenerator random) {
            return labelled(random.nextBoolean() ? SEQUENCE.reversed() : SEQUENCE, random.nextBoolean());
        }

        @Override
        public Map<String, String> options() {
            return Map.of(ProxyTask.WEIGHT, "2");
        }
    }
}
