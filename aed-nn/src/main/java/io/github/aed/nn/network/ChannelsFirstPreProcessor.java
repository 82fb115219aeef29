package io.github.aed.nn.network;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns the encoder's depth-1 NDHWC output {@code [n, 1, h, w, c]} into the NCHW map {@code [n, c, h, w]} the heads
 * read (a transposing copy; backprop transposes back). The latent map is small (at most 64 channels of 8×8 per object),
 * so the copy costs little, while the encoder before it gains from running channels last.
 */
public final class ChannelsFirstPreProcessor implements InputPreProcessor {

    private static final long serialVersionUID = 1L;

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        if (input.rank() != 5 || input.size(1) != 1) {
            throw new IllegalArgumentException("ChannelsFirstPreProcessor expects a depth-1 NDHWC activation [n, 1, h, w, c], got shape "
                    + input.shapeInfoToString());
        }
        INDArray nhwc = input.reshape(input.size(0), input.size(2), input.size(3), input.size(4));
        return workspaceMgr.dup(ArrayType.ACTIVATIONS, nhwc.permute(0, 3, 1, 2), 'c');
    }

    @Override
    public INDArray backprop(INDArray epsilon, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        INDArray nhwc = workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, epsilon.permute(0, 2, 3, 1), 'c');
        return nhwc.reshape('c', nhwc.size(0), 1, nhwc.size(1), nhwc.size(2), nhwc.size(3));
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional3D t) || t.getDepth() != 1
                || t.getDataFormat() != Convolution3D.DataFormat.NDHWC) {
            throw new IllegalStateException("ChannelsFirstPreProcessor expects a depth-1 NDHWC input type, got " + inputType);
        }
        return InputType.convolutional(t.getHeight(), t.getWidth(), t.getChannels());
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
        return new Pair<>(maskArray, currentMaskState);
    }

    @Override
    public ChannelsFirstPreProcessor clone() {
        return new ChannelsFirstPreProcessor();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelsFirstPreProcessor;
    }

    @Override
    public int hashCode() {
        return ChannelsFirstPreProcessor.class.hashCode();
    }
}
