package io.github.aed.nn.task;

/**
 * A task that tells two kinds of input apart (e.g. forward/backward): the reference's classifier head
 * ({@link TaskHead.ClassScores} over 2 classes, softmax cross-entropy), targets {@code [1, 0]} for the normal kind and
 * {@code [0, 1]} for the other, and as test score the probability of the other kind for the normal test input.
 */
public abstract class TwoWayTask extends AbstractProxyTask {

    private static final float[] NORMAL = {1, 0};
    private static final float[] OTHER = {0, 1};

    protected TwoWayTask(String name, double weight, FrameSelection testInput, int trainingRadius) {
        super(name, TaskHead.classScores(2, weight), testInput, trainingRadius);
    }

    /** A sample of this input, labelled "other kind" when {@code other}, else "normal". */
    protected static TaskSample labelled(FrameSelection input, boolean other) {
        return TaskSample.of(input, (other ? OTHER : NORMAL).clone());
    }

    /** The probability of the other kind. */
    @Override
    public final double score(float[] output, ScoringObject object) {
        return output[1];
    }
}
