package io.github.aed.nn;

import io.github.aed.nn.network.HeadBuilder;
import io.github.aed.nn.network.Heads;
import io.github.aed.nn.task.FrameSelection;
import io.github.aed.nn.task.LossKind;
import io.github.aed.nn.task.ProxyTask;
import io.github.aed.nn.task.ScoringObject;
import io.github.aed.nn.task.TaskSample;
import io.github.aed.nn.task.TrainingObject;
import java.util.Map;
import java.util.random.RandomGenerator;

/** A fifth task written outside the library: is the 7-frame sequence played at normal or double speed? */
public final class PlaybackSpeedTask implements ProxyTask {

    public static final String NAME = "playback-speed";
    private static final FrameSelection NORMAL = FrameSelection.consecutive(3, false);
    private static final FrameSelection DOUBLE = new FrameSelection(new int[] {-6, -4, -2, 0, 2, 4, 6});

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double weight() {
        return 1;
    }

    @Override
    public LossKind loss() {
        return LossKind.SOFTMAX_CROSS_ENTROPY;
    }

    @Override
    public FrameSelection testInput() {
        return NORMAL;
    }

    @Override
    public int trainingRadius() {
        return 6;
    }

    @Override
    public int targetLength(int channels, int size) {
        return 2;
    }

    @Override
    public TaskSample sample(TrainingObject object, FrameSelection sharedInput, RandomGenerator random) {
        boolean fast = random.nextBoolean();
        return TaskSample.of(fast ? DOUBLE : NORMAL, fast ? new float[] {0, 1} : new float[] {1, 0});
    }

    @Override
    public void buildHead(HeadBuilder head) {
        Heads.classifier(head, 2);
    }

    @Override
    public double score(float[] output, ScoringObject object) {
        return output[1];
    }

    @Override
    public Map<String, String> settings() {
        return Map.of();
    }
}
