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
import org.nd4j.linalg.api.shape.Shape;

/**
 * Views a 5D NCDHW activation {@code [n, c, d, h, w]} as the 4D NCHW activation {@code [n, c, d·h, w]} (a reshape, no
 * arithmetic), so that 2D layers can run on it.
 *
 * <p>Why: DL4J 1.0.0-M2.1 has no batch normalisation for rank-5 input. In the folded view a 2D
 * {@code BatchNormalization} layer reduces every channel over {@code n · (d·h) · w} values, which is exactly the
 * {@code n · d · h · w} values a 3D batch normalisation reduces over: the per-channel statistics are unchanged
 * ({@code BatchNormFormulationTest} checks this against a hand computation). With an even h, a 2×2/2 max pool in the
 * folded view is the (1, 2, 2) spatial pool of the 3D view, because rows 2r and 2r + 1 of the folded axis belong to
 * the same frame. {@link UnfoldDepthPreProcessor} goes back to 5D.
 */
public final class FoldDepthPreProcessor implements InputPreProcessor {

    private static final long serialVersionUID = 1L;

    private final long depth;

    /** @param depth d, the number of frames of the 5D activation (needed to restore its shape in backprop) */
    @JsonCreator
    public FoldDepthPreProcessor(@JsonProperty("depth") long depth) {
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
        if (input.rank() != 5) {
            throw new IllegalArgumentException("expected a rank-5 NCDHW activation, got shape " + input.shapeInfoToString());
        }
        INDArray in = contiguous(input, workspaceMgr, ArrayType.ACTIVATIONS);
        long[] s = in.shape();
        if (s[2] != depth) {
            throw new IllegalArgumentException("expected depth " + depth + ", got shape " + in.shapeInfoToString());
        }
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, in.reshape('c', s[0], s[1], s[2] * s[3], s[4]));
    }

    @Override
    public INDArray backprop(INDArray epsilon, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        INDArray e = contiguous(epsilon, workspaceMgr, ArrayType.ACTIVATION_GRAD);
        long[] s = e.shape();
        return workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, e.reshape('c', s[0], s[1], depth, s[2] / depth, s[3]));
    }

    static INDArray contiguous(INDArray a, LayerWorkspaceMgr mgr, ArrayType type) {
        return a.ordering() == 'c' && Shape.hasDefaultStridesForShape(a) ? a : mgr.dup(type, a, 'c');
    }

    @Override
    public InputPreProcessor clone() {
        return new FoldDepthPreProcessor(depth);
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional3D t)) {
            throw new IllegalStateException("FoldDepthPreProcessor expects a 3D convolutional input type, got " + inputType);
        }
        if (t.getDepth() != depth) {
            throw new IllegalStateException("FoldDepthPreProcessor configured for depth " + depth + ", input type has " + t);
        }
        return InputType.convolutional(t.getDepth() * t.getHeight(), t.getWidth(), t.getChannels());
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
        return new Pair<>(maskArray, currentMaskState);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FoldDepthPreProcessor f && f.depth == depth;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(depth) * 31 + 7;
    }
}
