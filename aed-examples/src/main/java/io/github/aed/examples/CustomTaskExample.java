package io.github.aed.examples;

import io.github.aed.detect.motion.MotionDetector;
import io.github.aed.core.scene.AnomalyKind;
import io.github.aed.core.scene.GeneratedVideo;
import io.github.aed.core.scene.SceneGenerator;
import io.github.aed.core.video.Video;
import io.github.aed.examples.cli.SeedOption;
import io.github.aed.metrics.Auc;
import io.github.aed.nn.AnomalyDetector;
import io.github.aed.nn.scoring.ScoredObject;
import io.github.aed.nn.scoring.VideoScores;
import io.github.aed.nn.train.TrainingSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import io.github.aed.nn.task.FrameSelection;
import io.github.aed.nn.task.ProxyTask;
import io.github.aed.nn.task.ProxyTaskProvider;
import io.github.aed.nn.task.TaskHead;
import io.github.aed.nn.task.TaskSample;
import io.github.aed.nn.task.TrainingObject;
import io.github.aed.nn.task.TwoWayTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How to add a fifth proxy task without touching the library: implement {@link ProxyTask} (declaring its head as a
 * {@link TaskHead}), put it in the task list, and list its {@link ProxyTaskProvider} in
 * {@code META-INF/services/io.github.aed.nn.task.ProxyTaskProvider} (this module's resources) so that model files
 * naming it load like any other. Run it with {@code ./aed custom-task}.
 */
@Command(name = "custom-task", header = "example: a fifth proxy task (playback speed) trained and scored beside the four, on generated scenes",
        description = {"Defines a fifth proxy task in the example's own code (is the sequence played at normal or double "
                + "speed?), trains it beside the four built-in tasks on generated normal videos, scores a test video with a "
                + "cyclist and a cart, prints every task's frame AUC, and saves and reloads the model: the task's provider is "
                + "listed in META-INF/services, so loading finds it, and the primed motion detector comes back with the model.", "Source: aed-examples/src/main/java/io/github/aed/examples/CustomTaskExample.java"})
final class CustomTaskExample implements Callable<Integer> {

    /**
     * Is the 7-frame sequence played at normal or at double speed? Anomalous objects often move unusually fast.
     * {@link TwoWayTask} supplies the reference's classifier head ({@link TaskHead#classScores} over 2 classes), loss
     * and score; a task with another head implements {@link ProxyTask} directly and returns its {@link TaskHead} (a
     * regression vector, or a reconstructed crop).
     */
    static final class PlaybackSpeed extends TwoWayTask {
        static final String NAME = "playback-speed";
        // the same test frames as motion irregularity: both heads share one encoder pass at test time
        private static final FrameSelection NORMAL = FrameSelection.consecutive(3, false);
        private static final FrameSelection DOUBLE = new FrameSelection(new int[] {-6, -4, -2, 0, 2, 4, 6});

        PlaybackSpeed(double weight) {
            super(NAME, weight, NORMAL, 6);
        }

        @Override
        public TaskSample sample(TrainingObject object, FrameSelection sharedInput, RandomGenerator random) {
            boolean fast = random.nextBoolean();
            return labelled(fast ? DOUBLE : NORMAL, fast);
        }

    }

    /**
     * Makes the playback-speed task again when a model file names it; listed in META-INF/services, so that
     * {@link AnomalyDetector#load} finds it. The library saves and restores the task's weight.
     */
    public static final class PlaybackSpeedProvider extends ProxyTaskProvider {

        /** Called by {@link java.util.ServiceLoader}. */
        public PlaybackSpeedProvider() {
            super(PlaybackSpeed.NAME, settings -> new PlaybackSpeed(settings.weight()));
        }
    }

    @Option(names = "--epochs", paramLabel = "N", description = "training epochs (default: ${DEFAULT-VALUE})")
    private int epochs = 4;

    @Mixin
    private SeedOption seed = new SeedOption(1);

    @Override
    public Integer call() throws Exception {
        SceneGenerator scene = SceneGenerator.builder().frames(120).seed(seed.seed()).build();
        List<Video> normal = new ArrayList<>();
        for (int v = 0; v < 5; v++) {
            normal.add(scene.generate("Train" + v, v).asVideo());
        }
        GeneratedVideo test = scene.toBuilder().anomaly(AnomalyKind.FAST_MOVER, 20, 40).anomaly(AnomalyKind.VEHICLE, 60, 40)
                .build().generate("Test", 100);

        AnomalyDetector detector = AnomalyDetector.builder().detector(MotionDetector.builder().build())
                .addTask(new PlaybackSpeed(1.0))
                .training(TrainingSettings.builder().epochs(epochs).maxSamplesPerVideo(0).seed(seed.seed()).build())
                .build()
                .fit(normal);
        VideoScores scores = detector.score(test.asVideo());
        System.out.println("frame AUC on the test video, per task (each task's raw score, max per frame; frames without "
                + "objects get the task's lowest score):");
        for (String task : scores.objects().get(0).rawByTask().keySet()) {
            double[] perFrame = new double[test.labels().length];
            java.util.Arrays.fill(perFrame, scores.objects().stream().mapToDouble(obj -> obj.rawByTask().get(task)).min().orElse(0));
            for (ScoredObject obj : scores.objects()) {
                int f = obj.detection().frameIndex();
                perFrame[f] = Math.max(perFrame[f], obj.rawByTask().get(task));
            }
            System.out.printf(java.util.Locale.ROOT, "  %-20s %.3f%n", task, Auc.auc(abnormal(test.labels()), perFrame));
        }
        System.out.printf(java.util.Locale.ROOT, "  %-20s %.3f%n", "all five combined", Auc.auc(abnormal(test.labels()), scores.frameScores()));

        Path file = Files.createTempFile("custom-task", ".aed");
        detector.save(file);
        try (AnomalyDetector back = AnomalyDetector.load(file)) {
            if (!java.util.Arrays.equals(scores.frameScores(), back.score(test.asVideo()).frameScores())) {
                throw new IllegalStateException("the reloaded model " + file + " scores the test video differently");
            }
            System.out.println("saved and reloaded " + file + " with tasks (their providers found by ServiceLoader) "
                    + back.model().orElseThrow().tasks().stream().map(t -> t.name() + " x" + t.weight()).toList()
                    + "; it scores the test video identically with the restored " + back.objectDetector().describe());
        }
        Files.delete(file);
        return 0;
    }

    private static boolean[] abnormal(int[] labels) {
        boolean[] out = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i] == 1;
        }
        return out;
    }
}
