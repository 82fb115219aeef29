package io.github.aed.nn.task;

import io.github.aed.nn.network.HeadBuilder;
import io.github.aed.nn.network.Heads;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Arrow of time: is the 6-frame sequence (offsets −3…−1, +1…+3, the middle frame left out) played forward or
 * backward? Two-way softmax, target {@code [1, 0]} forward, {@code [0, 1]} backward, each with probability ½. Test
 * score: the probability of "backward" for the forward test sequence.
 */
public final class ArrowOfTime implements ProxyTask {

    /** Registry name. */
    public static final String NAME = "arrow-of-time";
    private static final FrameSelection FORWARD = FrameSelection.consecutive(3, true);

    private final double weight;

    /** With the reference's weight 1. */
    public ArrowOfTime() {
        this(1.0);
    }

    public ArrowOfTime(double weight) {
        this.weight = weight;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double weight() {
        return weight;
    }

    @Override
    public LossKind loss() {
        return LossKind.SOFTMAX_CROSS_ENTROPY;
    }

    @Override
    public FrameSelection testInput() {
        return FORWARD;
    }

    @Override
    public int trainingRadius() {
        return 3;
    }

    @Override
    public int targetLength(int channels, int size) {
        return 2;
    }

    @Override
    public TaskSample sample(TrainingObject object, FrameSelection sharedInput, RandomGenerator random) {
        boolean backward = random.nextBoolean();
        return TaskSample.of(backward ? FORWARD.reversed() : FORWARD, backward ? new float[] {0, 1} : new float[] {1, 0});
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
        return Map.of("weight", Double.toString(weight));
    }

    @Override
    public String toString() {
        return NAME + "(weight " + weight + ")";
    }
}
