package io.github.aed.nn.network;

import java.util.Arrays;
import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A 3D convolution with identity activation (a batch normalisation follows it in every block of the network),
 * computed by {@link LinearConvolution3DLayer}. The arithmetic and parameters are DL4J's {@link Convolution3D}; only
 * backprop is cheaper: DL4J M2.1 runs the whole forward convolution again in backprop to apply the activation's
 * derivative, which for the identity is a no-op, so this layer passes the incoming gradient straight to the native
 * {@code conv3dnew_bp} op. That saves one forward convolution per layer and training step.
 */
public class LinearConvolution3D extends Convolution3D {

    private static final long serialVersionUID = 1L;

    private boolean inputGradient = true;

    /** For serialisation; use {@link #of}. */
    public LinearConvolution3D() {
    }

    private LinearConvolution3D(Convolution3D.Builder builder) {
        super(builder.activation(Activation.IDENTITY));
    }

    /** A 3D convolution from this builder's settings, with identity activation (any activation set is replaced). */
    public static LinearConvolution3D of(Convolution3D.Builder builder) {
        return new LinearConvolution3D(builder);
    }

    /**
     * A copy for a layer that reads the network's input, whose gradient nobody needs: backprop computes only the weight
     * and bias gradients, by a patch-extracting convolution and one matrix product (see {@link LinearConvolution3DLayer}).
     * For the first layer of the encoder (3 input channels) oneDNN's backprop spends most of its time in slow
     * small-channel kernels, half of it on the unused input gradient. Needs NDHWC data, stride 1 and dilation 1.
     */
    public LinearConvolution3D withoutInputGradient() {
        LinearConvolution3D c = clone();
        c.inputGradient = false;
        return c;
    }

    /** Whether backprop computes the gradient with respect to the input (true unless {@link #withoutInputGradient()}). */
    public boolean isInputGradient() {
        return inputGradient;
    }

    public void setInputGradient(boolean inputGradient) {
        this.inputGradient = inputGradient;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        if (!(getActivationFn() instanceof ActivationIdentity)) {
            throw new IllegalStateException("LinearConvolution3D " + getLayerName() + " needs the identity activation, has "
                    + getActivationFn());
        }
        boolean unitSteps = Arrays.stream(getStride()).allMatch(v -> v == 1) && Arrays.stream(getDilation()).allMatch(v -> v == 1);
        if (!inputGradient && (getDataFormat() != DataFormat.NDHWC || !unitSteps)) {
            throw new IllegalStateException("LinearConvolution3D " + getLayerName() + " without input gradient needs NDHWC data, "
                    + "stride 1 and dilation 1; has " + getDataFormat() + ", stride " + Arrays.toString(getStride())
                    + ", dilation " + Arrays.toString(getDilation()));
        }
        return CustomLayers.wire(new LinearConvolution3DLayer(conf, networkDataType), this, conf, listeners, layerIndex, layerParamsView,
                initializeParams);
    }

    @Override
    public LinearConvolution3D clone() {
        LinearConvolution3D c = (LinearConvolution3D) super.clone();
        c.inputGradient = inputGradient;
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearConvolution3D l && l.inputGradient == inputGradient && super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + Boolean.hashCode(inputGradient);
    }
}
