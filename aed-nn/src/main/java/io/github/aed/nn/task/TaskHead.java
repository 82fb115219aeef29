package io.github.aed.nn.task;

/**
 * A task's head, declared in the library's own terms: what its output is, the loss it is trained with, and the task's
 * weight in the total loss. The network package turns a declaration into layers on the shared latent map (the
 * reference's heads, see {@code io.github.aed.nn.network.MultiTaskNetwork}); a task never sees the deep-learning
 * library.
 *
 * <ul>
 * <li>{@link ClassScores}: probabilities over K classes (softmax), cross-entropy loss;</li>
 * <li>{@link Regression}: a vector of n values, mean absolute or mean squared error;</li>
 * <li>{@link ReconstructedCrop}: a crop the size of the cube's frames (channels × size × size, values in the cube's
 *     [0, 1] range), mean absolute error.</li>
 * </ul>
 *
 * <p>The output layout (what {@link ProxyTask#score} reads and the target {@link ProxyTask#sample} gives) is the class
 * probabilities, the values, or the crop in channel-major order ({@code [channel][row][column]}).
 */
public sealed interface TaskHead permits TaskHead.ClassScores, TaskHead.Regression, TaskHead.ReconstructedCrop {

    /** The task's weight in the total loss: a finite number {@code >= 0}. */
    double weight();

    /** The loss the head is trained with. */
    LossKind loss();

    /** The number of output (and target) values per object, for cubes of this many channels and this side in pixels. */
    int outputLength(int channels, int size);

    /** Class probabilities over {@code classes} classes (at least 2): softmax, cross-entropy. */
    static ClassScores classScores(int classes, double weight) {
        return new ClassScores(classes, weight);
    }

    /** {@code values} values (at least 1) with the given output activation and loss (mean absolute or squared error). */
    static Regression regression(int values, OutputActivation activation, LossKind loss, double weight) {
        return new Regression(values, activation, loss, weight);
    }

    /** A reconstruction of a crop of the cube's frame size, mean absolute error. */
    static ReconstructedCrop reconstructedCrop(double weight) {
        return new ReconstructedCrop(weight);
    }

    /**
     * Class probabilities.
     *
     * @param classes the number of classes, at least 2
     * @param weight  the task's weight in the total loss
     */
    record ClassScores(int classes, double weight) implements TaskHead {

        /** Validates. */
        public ClassScores {
            if (classes < 2) {
                throw new IllegalArgumentException("classes must be at least 2, got " + classes);
            }
            checkWeight(weight);
        }

        @Override
        public LossKind loss() {
            return LossKind.SOFTMAX_CROSS_ENTROPY;
        }

        @Override
        public int outputLength(int channels, int size) {
            return classes;
        }
    }

    /**
     * A regression vector.
     *
     * @param values     the number of values, at least 1
     * @param activation the output activation
     * @param loss       {@link LossKind#MEAN_ABSOLUTE_ERROR} or {@link LossKind#MEAN_SQUARED_ERROR}, a mean over the
     *                   values
     * @param weight     the task's weight in the total loss
     */
    record Regression(int values, OutputActivation activation, LossKind loss, double weight) implements TaskHead {

        /** Validates. */
        public Regression {
            if (values < 1) {
                throw new IllegalArgumentException("values must be at least 1, got " + values);
            }
            if (activation == null) {
                throw new IllegalArgumentException("activation must be given");
            }
            if (loss != LossKind.MEAN_ABSOLUTE_ERROR && loss != LossKind.MEAN_SQUARED_ERROR) {
                throw new IllegalArgumentException("loss of a regression must be MEAN_ABSOLUTE_ERROR or MEAN_SQUARED_ERROR, got "
                        + loss);
            }
            checkWeight(weight);
        }

        @Override
        public int outputLength(int channels, int size) {
            return values;
        }
    }

    /**
     * A crop of the cube's frame size, reconstructed by the reference's decoder (upsampling stages back from the latent
     * map; the output is non-negative).
     *
     * @param weight the task's weight in the total loss
     */
    record ReconstructedCrop(double weight) implements TaskHead {

        /** Validates. */
        public ReconstructedCrop {
            checkWeight(weight);
        }

        @Override
        public LossKind loss() {
            return LossKind.MEAN_ABSOLUTE_ERROR;
        }

        @Override
        public int outputLength(int channels, int size) {
            return channels * size * size;
        }
    }

    private static void checkWeight(double weight) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be a finite number >= 0, got " + weight);
        }
    }
}
