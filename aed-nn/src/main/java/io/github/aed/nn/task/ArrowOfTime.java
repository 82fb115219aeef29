package io.github.aed.nn.task;

import java.util.random.RandomGenerator;

/**
 * Arrow of time: is the 6-frame sequence (offsets −3…−1, +1…+3, the middle frame left out) played forward or
 * backward? Two-way softmax, target {@code [1, 0]} forward, {@code [0, 1]} backward, each with probability ½. Test
 * score: the probability of "backward" for the forward test sequence.
 */
public final class ArrowOfTime extends TwoWayTask {

    /** Registry name. */
    public static final String NAME = "arrow-of-time";
    private static final FrameSelection FORWARD = FrameSelection.consecutive(3, true);

    /** With the reference's weight 1. */
    public ArrowOfTime() {
        this(1.0);
    }

    /** @param weight the task's weight in the total loss */
    public ArrowOfTime(double weight) {
        super(NAME, weight, FORWARD, 3);
    }

    @Override
    public TaskSample sample(TrainingObject object, FrameSelection sharedInput, RandomGenerator random) {
        boolean backward = random.nextBoolean();
        return labelled(backward ? FORWARD.reversed() : FORWARD, backward);
    }

    @Override
    public String toString() {
        return NAME + "(weight " + weight() + ")";
    }

    /** Re-creates the task from its saved weight; it has no options. */
    public static final class Provider extends ProxyTaskProvider {

        /** Called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(NAME, settings -> new ArrowOfTime(settings.weight()));
        }
    }
}
