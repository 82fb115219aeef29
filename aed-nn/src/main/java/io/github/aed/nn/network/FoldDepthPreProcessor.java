package io.github.aed.nn.network;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

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
public final class FoldDepthPreProcessor extends DepthReshapePreProcessor {

    private static final long serialVersionUID = 1L;

    /** @param depth d, the number of frames of the 5D activation (needed to restore its shape in backprop) */
    @JsonCreator
    public FoldDepthPreProcessor(@JsonProperty("depth") long depth) {
        super(depth);
    }

    @Override
    boolean folds() {
        return true;
    }

    @Override
    public InputPreProcessor clone() {
        return new FoldDepthPreProcessor(depth);
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional3D t) || t.getDepth() != depth) {
            throw new IllegalStateException("FoldDepthPreProcessor(" + depth + ") expects a 3D convolutional input type of that "
                    + "depth, got " + inputType);
        }
        return InputType.convolutional(t.getDepth() * t.getHeight(), t.getWidth(), t.getChannels());
    }
}
