package io.github.aed.examples;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.nn.model.ModelFile;
import io.github.aed.nn.model.TrainedModel;
import io.github.aed.nn.model.ValidationScores;
import io.github.aed.nn.network.BackboneVariant;
import io.github.aed.nn.network.MultiTaskNetwork;
import io.github.aed.nn.network.NetworkSettings;
import io.github.aed.nn.task.ArrowOfTime;
import io.github.aed.nn.task.FrameSelection;
import io.github.aed.nn.task.MiddleBox;
import io.github.aed.nn.task.MotionIrregularity;
import io.github.aed.nn.task.ProxyTask;
import io.github.aed.nn.task.TaskRegistry;
import io.github.aed.nn.task.TaskSample;
import io.github.aed.nn.task.TrainingObject;
import io.github.aed.nn.task.TwoWayTask;
import io.github.aed.nn.train.PreparedSample;
import io.github.aed.nn.train.SampleBatcher;
import io.github.aed.nn.train.SampleMaker;
import io.github.aed.core.cube.CubeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * How to add a fifth proxy task without touching the library: implement {@link ProxyTask}, put it in the task list,
 * and register its factory so that model files naming it can be loaded. Run with
 * {@code java -cp aed-examples/target/aed-examples.jar:aed-examples/target/lib/* io.github.aed.examples.CustomTaskExample}.
 */
public final class CustomTaskExample {

    /**
     * Is the 7-frame sequence played at normal or at double speed? Anomalous objects often move unusually fast.
     * {@link TwoWayTask} supplies the reference's classifier head, loss and score; a task with another head implements
     * {@link ProxyTask} directly.
     */
    static final class PlaybackSpeed extends TwoWayTask {
        static final String NAME = "playback-speed";
        // the same test frames as motion irregularity: both heads share one encoder pass at test time
        private static final FrameSelection NORMAL = FrameSelection.consecutive(3, false);
        private static final FrameSelection DOUBLE = new FrameSelection(new int[] {-6, -4, -2, 0, 2, 4, 6});

        PlaybackSpeed() {
            super(NAME, 1.0, NORMAL, 6);
        }

        @Override
        public TaskSample sample(TrainingObject object, FrameSelection sharedInput, RandomGenerator random) {
            boolean fast = random.nextBoolean();
            return labelled(fast ? DOUBLE : NORMAL, fast);
        }

        @Override
        public Map<String, String> settings() {
            return Map.of();
        }
    }

    private CustomTaskExample() {
    }

    public static void main(String[] args) throws Exception {
        List<ProxyTask> tasks = List.of(new ArrowOfTime(), new MotionIrregularity(), new MiddleBox(), new PlaybackSpeed());
        NetworkSettings settings = NetworkSettings.builder().variant(BackboneVariant.SHALLOW_NARROW).cubeSize(32).build();
        MultiTaskNetwork network = MultiTaskNetwork.create(settings, tasks);
        System.out.println("network with tasks " + tasks.stream().map(ProxyTask::name).toList() + ": "
                + network.parameterCount() + " parameters, " + network.inferenceLayout().paths().size()
                + " encoder passes per object at test time");

        // one training step on random cubes, just to show the plumbing (Trainer does this from videos)
        SampleMaker maker = new SampleMaker(network);
        List<PreparedSample> samples = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 8; i++) {
            float[] cube = new float[3 * 31 * 32 * 32];
            for (int j = 0; j < cube.length; j++) {
                cube[j] = random.nextInt(256) / 255f;
            }
            Detection d = Detection.of(15, new Box(0, 0, 32, 32), 0, "person", 0.9);
            samples.add(maker.prepare(new TrainingObject(cube, 3, 15, 32, d, null), i));
        }
        double[] losses = network.fit(new SampleBatcher(network).batch(samples));
        System.out.println("losses per task after one step: " + java.util.Arrays.toString(losses));

        Path file = Files.createTempFile("custom-task", ".aed");
        ModelFile.save(new TrainedModel(network, CubeSettings.training().toBuilder().size(32).build(),
                CubeSettings.testing().toBuilder().size(32).build(), "random cubes", "none", ValidationScores.none(), Map.of()), file);
        TrainedModel back = ModelFile.load(file, TaskRegistry.defaults().register(PlaybackSpeed.NAME, s -> new PlaybackSpeed()));
        System.out.println("saved and loaded " + file + " with tasks " + back.network().tasks().stream().map(ProxyTask::name).toList());
        Files.delete(file);
    }
}
