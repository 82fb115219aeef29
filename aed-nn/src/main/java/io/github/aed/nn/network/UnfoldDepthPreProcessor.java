package io.github.aed.nn.network;

import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The inverse of {@link FoldDepthPreProcessor}: views the folded NCHW activation {@code [n, c, d·h, w]} as the NCDHW
 * activation {@code [n, c, d, h, w]} again, for the 3D layers that follow a folded batch normalisation.
 */
public final class UnfoldDepthPreProcessor implements InputPreProcessor {

    private static final long serialVersionUID = 1L;

    private final long depth;

    /** @param depth d, the number of frames folded into the height axis */
    @JsonCreator
    public UnfoldDepthPreProcessor(@JsonProperty("depth") long depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, got " + depth);
        }
        this.depth = depth;
    }

    @JsonProperty("depth")
    public long getDepth() {
        return depth;
    }

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        if (input.rank() != 4 || input.size(2) % depth != 0) {
            throw new IllegalArgumentException("expected a rank-4 activation whose height is a multiple of " + depth
                    + ", got shape " + input.shapeInfoToString());
        }
        INDArray in = FoldDepthPreProcessor.contiguous(input, workspaceMgr, ArrayType.ACTIVATIONS);
        long[] s = in.shape();
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, in.reshape('c', s[0], s[1], depth, s[2] / depth, s[3]));
    }

    @Override
    public INDArray backprop(INDArray epsilon, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        INDArray e = FoldDepthPreProcessor.contiguous(epsilon, workspaceMgr, ArrayType.ACTIVATION_GRAD);
        long[] s = e.shape();
        return workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, e.reshape('c', s[0], s[1], s[2] * s[3], s[4]));
    }

    @Override
    public InputPreProcessor clone() {
        return new UnfoldDepthPreProcessor(depth);
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional t) || t.getHeight() % depth != 0) {
            throw new IllegalStateException("UnfoldDepthPreProcessor(" + depth + ") expects a 2D convolutional input type "
                    + "whose height is a multiple of the depth, got " + inputType);
        }
        return InputType.convolutional3D(org.deeplearning4j.nn.conf.layers.Convolution3D.DataFormat.NCDHW,
                depth, t.getHeight() / depth, t.getWidth(), t.getChannels());
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
        return new Pair<>(maskArray, currentMaskState);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnfoldDepthPreProcessor u && u.depth == depth;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(depth) * 31 + 11;
    }
}
