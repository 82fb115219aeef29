package io.github.aed.nn.network;

import java.util.Collection;
import java.util.Map;
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

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        if (!(getActivationFn() instanceof ActivationIdentity)) {
            throw new IllegalStateException("LinearConvolution3D " + getLayerName() + " needs the identity activation, has "
                    + getActivationFn());
        }
        LinearConvolution3DLayer layer = new LinearConvolution3DLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public LinearConvolution3D clone() {
        return (LinearConvolution3D) super.clone();
    }
}
