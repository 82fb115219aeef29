package io.github.aed.nn.task;

import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossL1;
import org.nd4j.linalg.lossfunctions.impl.LossL2;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * The loss of a task's head, as the reference defines it: cross-entropy per sample, absolute or squared error as a
 * <b>mean over the output's elements</b> (pixels × channels, or vector entries), then a mean over the mini-batch.
 *
 * <p>DL4J sums L1/L2 over a sample's outputs, so {@link #dl4j} divides the loss weights by the number of outputs per
 * sample: the head's contribution is then {@code weight × element mean}, on the same scale as the cross-entropy
 * heads (checked in {@code LossScaleTest}). {@link #evaluate} computes the same value in plain Java for validation.
 */
public enum LossKind {
    /** −Σ target · log(p) over the classes; the head's output is a softmax. */
    SOFTMAX_CROSS_ENTROPY(Activation.SOFTMAX),
    /** Mean |output − target| over the output's elements. */
    MEAN_ABSOLUTE_ERROR(null),
    /** Mean (output − target)² over the output's elements. */
    MEAN_SQUARED_ERROR(null);

    private final Activation forcedActivation;

    LossKind(Activation forcedActivation) {
        this.forcedActivation = forcedActivation;
    }

    /** The output activation this loss needs, or {@code fallback} when the loss leaves it to the head. */
    public Activation outputActivation(Activation fallback) {
        return forcedActivation != null ? forcedActivation : fallback;
    }

    /**
     * The DL4J loss function whose score is {@code weight ×} this loss for a sample.
     *
     * @param weight         the task weight
     * @param lossColumns    length of the weight array DL4J expects: classes or outputs of an output layer, channels of
     *                       a CNN loss layer
     * @param elements       the number of output elements per sample the mean runs over (e.g. C·H·W)
     */
    public ILossFunction dl4j(double weight, int lossColumns, long elements) {
        double w = this == SOFTMAX_CROSS_ENTROPY ? weight : weight / elements;
        var weights = Nd4j.valueArrayOf(new long[] {1, lossColumns}, w).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        return switch (this) {
            case SOFTMAX_CROSS_ENTROPY -> new LossMCXENT(weights);
            case MEAN_ABSOLUTE_ERROR -> new LossL1(weights);
            case MEAN_SQUARED_ERROR -> new LossL2(weights);
        };
    }

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
