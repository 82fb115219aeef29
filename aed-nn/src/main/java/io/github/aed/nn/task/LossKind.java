package io.github.aed.nn.task;

/**
 * The loss of a task's head, as the reference defines it: cross-entropy per sample, absolute or squared error as a
 * <b>mean over the output's elements</b> (pixels × channels, or vector entries), then a mean over the mini-batch.
 *
 * <p>The network builds each head's loss so that its contribution is {@code weight × element mean}, on the same scale
 * as the cross-entropy heads (checked in {@code MultiTaskNetworkTest}); {@link #evaluate} computes the same value in plain
 * Java for validation.
 */
public enum LossKind {
    /** −Σ target · log(p) over the classes; the head's output is a softmax. */
    SOFTMAX_CROSS_ENTROPY,
    /** Mean |output − target| over the output's elements. */
    MEAN_ABSOLUTE_ERROR,
    /** Mean (output − target)² over the output's elements. */
    MEAN_SQUARED_ERROR;

    /** The unweighted loss of one sample: {@code output} is the head's output, {@code target} the sample's target. */
    public double evaluate(float[] output, float[] target, int offset) {
        int n = target.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double o = output[offset + i];
            double t = target[i];
            sum += switch (this) {
                case SOFTMAX_CROSS_ENTROPY -> t == 0 ? 0 : -t * Math.log(Math.max(o, 1e-10));
                case MEAN_ABSOLUTE_ERROR -> Math.abs(o - t);
                case MEAN_SQUARED_ERROR -> (o - t) * (o - t);
            };
        }
        return this == SOFTMAX_CROSS_ENTROPY ? sum : sum / n;
    }
}
