package io.github.aed.nn.network;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The common part of {@link FoldDepthPreProcessor} and {@link UnfoldDepthPreProcessor}: both are reshapes between
 * {@code [n, c, d, h, w]} and {@code [n, c, d·h, w]} for a fixed depth d, in opposite directions.
 */
abstract class DepthReshapePreProcessor implements InputPreProcessor {

    private static final long serialVersionUID = 1L;

    protected final long depth;

    DepthReshapePreProcessor(long depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, got " + depth);
        }
        this.depth = depth;
    }

    @Override
    public abstract InputPreProcessor clone();

    /** d, the number of frames. */
    @JsonProperty("depth")
    public long getDepth() {
        return depth;
    }

    /** Whether the forward direction folds (5D → 4D) rather than unfolds. */
    abstract boolean folds();

    @Override
    public final INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        boolean ok = folds() ? input.rank() == 5 && input.size(2) == depth : input.rank() == 4 && input.size(2) % depth == 0;
        if (!ok) {
            throw new IllegalArgumentException(getClass().getSimpleName() + "(" + depth + ") expects "
                    + (folds() ? "a rank-5 NCDHW activation of that depth" : "a rank-4 activation whose height is a multiple of it")
                    + ", got shape " + input.shapeInfoToString());
        }
        return folds() ? fold(input, workspaceMgr, ArrayType.ACTIVATIONS) : unfold(input, workspaceMgr, ArrayType.ACTIVATIONS);
    }

    @Override
    public final INDArray backprop(INDArray epsilon, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        return folds() ? unfold(epsilon, workspaceMgr, ArrayType.ACTIVATION_GRAD) : fold(epsilon, workspaceMgr, ArrayType.ACTIVATION_GRAD);
    }

    /** {@code [n, c, d, h, w]} → {@code [n, c, d·h, w]}. */
    static INDArray fold(INDArray a, LayerWorkspaceMgr mgr, ArrayType type) {
        INDArray in = contiguous(a, mgr, type);
        long[] s = in.shape();
        return mgr.leverageTo(type, in.reshape('c', s[0], s[1], s[2] * s[3], s[4]));
    }

    /** {@code [n, c, d·h, w]} → {@code [n, c, d, h, w]}. */
    INDArray unfold(INDArray a, LayerWorkspaceMgr mgr, ArrayType type) {
        INDArray in = contiguous(a, mgr, type);
        long[] s = in.shape();
        return mgr.leverageTo(type, in.reshape('c', s[0], s[1], depth, s[2] / depth, s[3]));
    }

    /** {@code a} itself if it is C-ordered with default strides, else a C-ordered copy in the workspace of {@code type}. */
    static INDArray contiguous(INDArray a, LayerWorkspaceMgr mgr, ArrayType type) {
        return a.ordering() == 'c' && Shape.hasDefaultStridesForShape(a) ? a : mgr.dup(type, a, 'c');
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
        return new Pair<>(maskArray, currentMaskState);
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((DepthReshapePreProcessor) o).depth == depth;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(depth) * 31 + getClass().getSimpleName().hashCode();
    }
}
