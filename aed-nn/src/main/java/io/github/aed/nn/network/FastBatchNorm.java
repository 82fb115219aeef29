package io.github.aed.nn.network;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batch normalisation over the channels of an activation, optionally followed by ReLU, computed by
 * {@link FastBatchNormLayer}. Two layouts:
 * <ul>
 * <li><b>channels first</b> (the default): NCHW {@code [n, c, h, w]}, as in the heads;</li>
 * <li><b>channels last</b> ({@link #channelsLast()}): NDHWC {@code [n, d, h, w, c]}, as in the encoder, whose
 * convolutions run fastest in that layout. DL4J M2.1 has no batch normalisation for rank-5 input; this one reduces
 * each channel over the n·d·h·w values of a 3D batch normalisation.</li>
 * </ul>
 *
 * <p>Same parameters, statistics and update rule as DL4J's {@link BatchNormalization} (gamma, beta, moving mean and
 * variance with decay as momentum), which it extends; only the arithmetic differs. DL4J M2.1's implementation
 * broadcasts the per-channel values along dimension 1 of the activation, which ND4J does element by element with
 * strided access: 0.3–0.5 s for one 8×16×7×64×64 activation on this machine, slower than the convolution before
 * it. Here the activation is viewed as a matrix whose rows or columns are channels, broadcasts run along contiguous
 * memory and per-channel sums are matrix-vector products. {@code FastBatchNormTest} checks outputs, gradients and
 * moving statistics against DL4J's layer, in both layouts.
 */
public class FastBatchNorm extends BatchNormalization {

    private static final long serialVersionUID = 1L;

    private boolean relu;
    private boolean channelsLast;

    /** For serialisation; use {@link #of}. */
    public FastBatchNorm() {
        setLockGammaBeta(false);
        setUseLogStd(false);
        setMinibatch(true);
        setGamma(1.0);
        setBeta(0.0);
    }

    /**
     * @param momentum moving-average momentum of the statistics (DL4J's "decay")
     * @param epsilon  added to the variance
     * @param relu     whether ReLU follows (fused, saving a layer and a copy)
     */
    public static FastBatchNorm of(double momentum, double epsilon, boolean relu) {
        FastBatchNorm b = new FastBatchNorm();
        b.setDecay(momentum);
        b.setEps(epsilon);
        b.relu = relu;
        return b;
    }

    /** A copy that normalises NDHWC activations (channels on the last axis) instead of NCHW ones. */
    public FastBatchNorm channelsLast() {
        FastBatchNorm c = clone();
        c.channelsLast = true;
        return c;
    }

    public boolean isChannelsLast() {
        return channelsLast;
    }

    public void setChannelsLast(boolean channelsLast) {
        this.channelsLast = channelsLast;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return channelsLast ? checkedChannelsLast(inputType) : super.getOutputType(layerIndex, inputType);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (!channelsLast) {
            super.setNIn(inputType, override);
        } else if (nIn <= 0 || override) {
            nIn = checkedChannelsLast(inputType).getChannels();
            nOut = nIn;
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return channelsLast ? null : super.getPreProcessorForInputType(inputType);
    }

    private InputType.InputTypeConvolutional3D checkedChannelsLast(InputType t) {
        if (t instanceof InputType.InputTypeConvolutional3D c && c.getDataFormat() == Convolution3D.DataFormat.NDHWC) {
            return c;
        }
        throw new IllegalStateException("channels-last batch normalisation " + getLayerName() + " expects an NDHWC 3D "
                + "convolutional input, got " + t);
    }

    public boolean isRelu() {
        return relu;
    }

    public void setRelu(boolean relu) {
        this.relu = relu;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        return CustomLayers.wire(new FastBatchNormLayer(conf, networkDataType), this, conf, listeners, layerIndex, layerParamsView,
                initializeParams);
    }

    @Override
    public FastBatchNorm clone() {
        FastBatchNorm c = (FastBatchNorm) super.clone();
        c.relu = relu;
        c.channelsLast = channelsLast;
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FastBatchNorm f && f.relu == relu && f.channelsLast == channelsLast && super.equals(o);
    }

    @Override
    public int hashCode() {
        return (super.hashCode() * 31 + Boolean.hashCode(relu)) * 31 + Boolean.hashCode(channelsLast);
    }
}
