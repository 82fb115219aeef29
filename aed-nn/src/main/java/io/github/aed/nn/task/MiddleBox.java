package io.github.aed.nn.task;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Middle-box prediction: reconstruct the middle crop (offset 0) from the 6 frames around it
 * ({@link TaskHead.ReconstructedCrop}). Loss: mean absolute error over the crop's pixels and channels. Test score: the mean absolute error of the reconstruction.
 *
 * <p>By default it reads the input drawn by {@link ArrowOfTime} (forward or reversed), as the reference does, so the
 * two heads share one encoder pass; the target is the middle frame either way. {@link #standalone} draws its own
 * input with the same distribution, for configurations without the arrow-of-time task.
 */
public final class MiddleBox extends AbstractProxyTask {

    /** Registry name. */
    public static final String NAME = "middle-box";
    private static final String INPUT_OF = "inputOf";
    private static final FrameSelection AROUND = FrameSelection.consecutive(3, true);

    private final String inputOf;

    /** Weight 1, reading the arrow-of-time input. */
    public MiddleBox() {
        this(1.0, ArrowOfTime.NAME);
    }

    /**
     * @param weight  the task weight
     * @param inputOf the task whose input to read, or {@link #NAME} to draw its own
     */
    public MiddleBox(double weight, String inputOf) {
        super(NAME, TaskHead.reconstructedCrop(weight), AROUND, 3);
        this.inputOf = inputOf;
    }

    /** A middle-box task that draws its own input (6 frames, reversed with probability ½). */
    public static MiddleBox standalone(double weight) {
        return new MiddleBox(weight, NAME);
    }

    @Override
    public String inputOf() {
        return inputOf;
    }

    @Override
    public TaskSample sample(TrainingObject object, FrameSelection sharedInput, RandomGenerator random) {
        float[] middle = object.frame(0);
        if (sharedInput != null) {
            return TaskSample.sharedInput(middle);
        }
        return TaskSample.of(random.nextBoolean() ? AROUND.reversed() : AROUND, middle);
    }

    @Override
    public double score(float[] output, ScoringObject object) {
        return LossKind.MEAN_ABSOLUTE_ERROR.evaluate(output, object.frame(0), 0);
    }

    /** {@code inputOf}. */
    @Override
    public Map<String, String> options() {
        return Map.of(INPUT_OF, inputOf);
    }

    @Override
    public String toString() {
        return NAME + "(weight " + weight() + (inputOf.equals(NAME) ? ", own input" : ", input of " + inputOf) + ")";
    }

    /** Re-creates the task from its saved weight and {@code inputOf} (the arrow-of-time task when absent). */
    public static final class Provider extends ProxyTaskProvider {

        /** Called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(NAME, settings -> new MiddleBox(settings.weight(), settings.option(INPUT_OF, ArrowOfTime.NAME)));
        }
    }
}
