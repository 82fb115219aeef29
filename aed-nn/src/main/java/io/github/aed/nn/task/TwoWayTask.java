package io.github.aed.nn.task;

import io.github.aed.nn.network.HeadBuilder;
import io.github.aed.nn.network.Heads;

/**
 * A task that tells two kinds of input apart (e.g. forward/backward): the reference's classifier head, softmax
 * cross-entropy, targets {@code [1, 0]} for the normal kind and {@code [0, 1]} for the other, and as test score the
 * probability of the other kind for the normal test input.
 */
public abstract class TwoWayTask extends AbstractProxyTask {

    private static final float[] NORMAL = {1, 0};
    private static final float[] OTHER = {0, 1};

    protected TwoWayTask(String name, double weight, FrameSelection testInput, int trainingRadius) {
        super(name, weight, LossKind.SOFTMAX_CROSS_ENTROPY, testInput, trainingRadius);
    }

    /** A sample of this input, labelled "other kind" when {@code other}, else "normal". */
    protected static TaskSample labelled(FrameSelection input, boolean other) {
        return TaskSample.of(input, (other ? OTHER : NORMAL).clone());
    }

    @Override
    public final int targetLength(int channels, int size) {
        return 2;
    }

    @Override
    public final void buildHead(HeadBuilder head) {
        Heads.classifier(head, 2);
    }

    /** The probability of the other kind. */
    @Override
    public final double score(float[] output, ScoringObject object) {
        return output[1];
    }
}
